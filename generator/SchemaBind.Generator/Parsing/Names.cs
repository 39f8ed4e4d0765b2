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
        char[] pascal = Text.ScratchChars.Take(name.Length);
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

    /// <summary>
    /// The names a generated record's members take, whatever its schema: the members TypeEmitter writes
    /// into every record, union and choice, the ones C# synthesizes for records, and the ones every class
    /// inherits from <see cref="object"/>. A property with one of these names would clash with the member or
    /// hide it (CS0102, CS0542, CS8859, CS8874, CS0108).
    /// </summary>
    public static readonly HashSet<string> ReservedMemberNames = new(System.StringComparer.Ordinal)
    {
        // TypeEmitter: every record, union and choice
        "Validate", "ValidateJson", "JsonSchema", "ToJson", "FromJson", "ReadJson", "WriteJson", "WriteJsonCore", "Converter",
        // records: written by TypeEmitter (Equals, GetHashCode, ToString) or synthesized by C#
        "Equals", "GetHashCode", "ToString", "EqualityContract", "PrintMembers", "Deconstruct", "Clone",
        // object
        "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>
    /// The names no generated type may take: a member of the type itself would clash with it (CS0542), and
    /// where another generated type names it in an expression (<c>T.ReadJson(ref reader)</c>) the member
    /// would be found instead of the type (CS0119). <see cref="ReservedMemberNames"/>, and the members of
    /// choices (Match, Switch, Alternative) and of enum helpers (ToWireName, FromWireName, TryParse, IsDefined).
    /// </summary>
    public static readonly HashSet<string> ReservedTypeNames = new(ReservedMemberNames, System.StringComparer.Ordinal)
    {
        "Match", "Switch", "Alternative", "ToWireName", "FromWireName", "TryParse", "IsDefined",
    };

    /// <summary>
    /// Whether a client method's parameter may not take <paramref name="name"/>: <c>body</c> and
    /// <c>cancellationToken</c> are parameters of every method; <c>nameof</c> is an operator its checks use
    /// (a parameter of that name turns <c>nameof(x)</c> into a call, CS0149); <c>context</c> and the locals
    /// of the validation code ValueCode writes (<c>text0</c>, <c>length0</c>, <c>i0</c>, <c>item0</c>,
    /// <c>item0Value</c>, <c>entry0</c>, any depth) are fixed names of the checks. The method's other locals
    /// (<c>path</c>, <c>query</c>, <c>response</c>, ...) are named by ClientEmitter around the parameters.
    /// </summary>
    public static bool IsReservedParameterName(string name)
    {
        name = name.TrimStart('@');
        if (name is "body" or "cancellationToken" or "nameof" or "context")
        {
            return true;
        }

        string stem = name.EndsWith("Value", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 5) : name;
        int digits = stem.Length;
        while (digits > 0 && char.IsDigit(stem[digits - 1]))
        {
            digits--;
        }

        if (digits == stem.Length || (stem.Length != name.Length && stem.Substring(0, digits) != "item"))
        {
            return false;
        }

        return stem.Substring(0, digits) is "text" or "length" or "i" or "item" or "entry";
    }

    /// <summary>
    /// The one renaming rule: a <paramref name="wanted"/> name that its scope reserves gets the suffix "Value"
    /// ("ToJson" → "ToJsonValue", "nameof" → "nameofValue"); a name another one of the scope took first gets
    /// the smallest free numeric suffix ("ImageTag2"). Records the result in <paramref name="taken"/>.
    /// </summary>
    /// <param name="reserved">The scope's table of reserved names, or null.</param>
    /// <returns>The name given; differs from <paramref name="wanted"/> when it was renamed (worth an SB0016).</returns>
    public static string Claim(string wanted, HashSet<string> taken, HashSet<string>? reserved) =>
        Unique(reserved is not null && reserved.Contains(wanted) ? wanted + "Value" : wanted, taken);

    /// <summary><see cref="Claim(string, HashSet{string}, HashSet{string})"/> for a client method's parameter (see <see cref="IsReservedParameterName"/>).</summary>
    public static string ClaimParameter(string wanted, HashSet<string> taken)
    {
        string candidate = wanted;
        while (IsReservedParameterName(candidate))
        {
            candidate = candidate.TrimStart('@') + "Value"; // "item0" → "item0Value" is a local too: "item0ValueValue"
        }

        return Unique(candidate, taken);
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
