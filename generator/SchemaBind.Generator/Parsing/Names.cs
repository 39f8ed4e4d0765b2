using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace SchemaBind.Generator.Parsing;

/// <summary>
/// Turns names from a schema into C# identifiers, deterministically: the same schema always
/// gives the same names, whatever order the files are read in.
/// </summary>
internal static class Names
{
    /// <summary>"docker_image_name" → "DockerImageName", "ON_EVERY_EXECUTION" → "OnEveryExecution", "addAction" → "AddAction".</summary>
    /// <remarks>
    /// Words are runs of letters and digits, also split where <see cref="StartsWord"/> says; each is
    /// written capitalized, the rest of it in lower case.
    /// </remarks>
    public static string ToPascalCase(string name)
    {
        char[] pascal = t_buffer is { } buffer && buffer.Length >= name.Length ? buffer : (t_buffer = new char[name.Length + 32]);
        int length = 0;
        bool same = true;
        int wordLength = 0;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                wordLength = 0;
                continue;
            }

            if (wordLength > 0 && StartsWord(name, i))
            {
                wordLength = 0;
            }

            char written = wordLength == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
            same &= length == i && written == c;
            pascal[length++] = written;
            wordLength++;
        }

        // A name that is PascalCase already (most schema names) is returned as it is.
        return ValidIdentifier(same && length == name.Length ? name : new string(pascal, 0, length));
    }

    /// <summary>The chars of the last name made on this thread (see <see cref="ToPascalCase"/>).</summary>
    [System.ThreadStatic]
    private static char[]? t_buffer;

    /// <summary>"project_name" → "projectName"; C# keywords get an '@'.</summary>
    public static string ToCamelCase(string name)
    {
        string pascal = ToPascalCase(name);
        string camel = char.IsLetter(pascal[0]) ? char.ToLowerInvariant(pascal[0]) + pascal.Substring(1) : pascal;
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(camel) is SyntaxKind.VarKeyword
            ? "@" + camel
            : camel;
    }

    /// <summary>Returns <paramref name="name"/>, or it with the smallest numeric suffix not yet taken; records the result.</summary>
    public static string Unique(string name, HashSet<string> taken)
    {
        string candidate = name;
        for (int i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>A lower→upper step ("addAction") or the last capital of an acronym ("HTTPServer") starts a word, inside a run of letters and digits.</summary>
    private static bool StartsWord(string name, int i)
    {
        if (!char.IsUpper(name[i]))
        {
            return false;
        }

        char previous = name[i - 1];
        bool nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
        return char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower);
    }

    private static string ValidIdentifier(string name)
    {
        if (name.Length == 0)
        {
            return "Value";
        }

        return char.IsDigit(name[0]) ? "_" + name : name;
    }
}
