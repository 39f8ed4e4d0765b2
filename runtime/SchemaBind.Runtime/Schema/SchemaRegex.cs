using System;
using System.Text;
using System.Text.RegularExpressions;

namespace SchemaBind.Runtime;

/// <summary>
/// Regular expressions with JSON Schema's meaning (ECMA-262, not anchored unless the pattern says
/// so) on .NET's engine. Generated validators and the JSON validator build patterns here.
/// </summary>
public static class SchemaRegex
{
    /// <summary>
    /// Builds the regex for a JSON Schema <c>pattern</c>. .NET's ECMAScript mode is used when it can
    /// read the pattern (so <c>\d</c>, <c>\w</c> and <c>\s</c> are ASCII); <c>$</c> matches only at the
    /// very end, as in ECMA-262 (not before a final newline); a character outside the Basic
    /// Multilingual Plane counts as one character for quantifiers.
    /// </summary>
    /// <param name="pattern">The pattern as written in the schema.</param>
    /// <returns>The compiled regex.</returns>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public static Regex Create(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        string translated = Translate(pattern);
        try
        {
            return new Regex(translated, RegexOptions.ECMAScript);
        }
        catch (ArgumentException)
        {
            return new Regex(translated, RegexOptions.CultureInvariant);
        }
    }

    private static string Translate(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 8);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(c).Append(pattern[++i]);
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                builder.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    builder.Append(c);
                    break;
                case '$':
                    builder.Append("(?!\\n)$");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
                    {
                        builder.Append("(?:").Append(c).Append(pattern[++i]).Append(')');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
