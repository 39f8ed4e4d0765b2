using System.Collections.Generic;
using System.Text;

namespace SchemaBind.Runtime.Internal;

/// <summary>
/// Rewrites an ECMA-262 pattern (as JSON Schema writes it) into .NET syntax with the same meaning.
/// This one file is compiled into both the runtime and the generator, so that the generator's checks
/// and the generated validators read a pattern the same way.
/// </summary>
internal static class EcmaRegexTranslator
{
    // ECMA-262 accepts the long Unicode General_Category names; .NET knows the short ones.
    private static readonly Dictionary<string, string> Categories = new()
    {
        ["Letter"] = "L", ["Cased_Letter"] = "L", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll",
        ["Titlecase_Letter"] = "Lt", ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo",
        ["Mark"] = "M", ["Nonspacing_Mark"] = "Mn", ["Spacing_Mark"] = "Mc", ["Enclosing_Mark"] = "Me",
        ["Number"] = "N", ["Decimal_Number"] = "Nd", ["digit"] = "Nd", ["Letter_Number"] = "Nl", ["Other_Number"] = "No",
        ["Punctuation"] = "P", ["punct"] = "P", ["Connector_Punctuation"] = "Pc", ["Dash_Punctuation"] = "Pd",
        ["Open_Punctuation"] = "Ps", ["Close_Punctuation"] = "Pe", ["Initial_Punctuation"] = "Pi",
        ["Final_Punctuation"] = "Pf", ["Other_Punctuation"] = "Po",
        ["Symbol"] = "S", ["Math_Symbol"] = "Sm", ["Currency_Symbol"] = "Sc", ["Modifier_Symbol"] = "Sk", ["Other_Symbol"] = "So",
        ["Separator"] = "Z", ["Space_Separator"] = "Zs", ["Line_Separator"] = "Zl", ["Paragraph_Separator"] = "Zp",
        ["Other"] = "C", ["Control"] = "Cc", ["cntrl"] = "Cc", ["Format"] = "Cf", ["Surrogate"] = "Cs",
        ["Private_Use"] = "Co", ["Unassigned"] = "Cn",
    };

    public static string Translate(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 8);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char next = pattern[i + 1];
                if ((next == 'p' || next == 'P') && i + 2 < pattern.Length && pattern[i + 2] == '{')
                {
                    int close = pattern.IndexOf('}', i + 3);
                    if (close > 0)
                    {
                        string name = pattern.Substring(i + 3, close - i - 3);
                        if (name.StartsWith("General_Category=", System.StringComparison.Ordinal) || name.StartsWith("gc=", System.StringComparison.Ordinal))
                        {
                            name = name.Substring(name.IndexOf('=') + 1);
                        }

                        builder.Append('\\').Append(next).Append('{').Append(Categories.TryGetValue(name, out string? shortName) ? shortName : name).Append('}');
                        i = close;
                        continue;
                    }
                }

                if (next == '_')
                {
                    // An identity escape in ECMA-262 (Annex B), common in published patterns ("[a-z\\-\\_]");
                    // .NET refuses to escape a word character it does not know.
                    builder.Append('_');
                    i++;
                    continue;
                }

                builder.Append(c).Append(next);
                i++;
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
                case '[' when i + 1 < pattern.Length && pattern[i + 1] == ']':
                    builder.Append("(?!)"); // ECMA-262's empty class matches nothing; .NET rejects "[]"
                    i++;
                    break;
                case '[' when i + 2 < pattern.Length && pattern[i + 1] == '^' && pattern[i + 2] == ']':
                    builder.Append("[\\s\\S]"); // and "[^]" matches any character
                    i += 2;
                    break;
                case '[':
                    inClass = true;
                    builder.Append(c);
                    break;
                case '$':
                    // ECMA-262's $ (without the m flag) matches only at the very end, not before a final \n.
                    builder.Append("(?!\\n)$");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
                    {
                        // One code point is one character for the quantifier that follows.
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
