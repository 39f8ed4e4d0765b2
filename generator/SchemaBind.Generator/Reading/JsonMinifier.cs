using System.Text;

namespace SchemaBind.Generator.Reading;

/// <summary>Removes the whitespace between the tokens of JSON text that has already parsed.</summary>
internal static class JsonMinifier
{
    private static readonly char[] s_stringEnd = { '"', '\\' };

    /// <summary>
    /// The same JSON value, without insignificant whitespace. Only meant for text the parser
    /// accepted: strings are copied as they are, escapes included; nothing else is checked.
    /// </summary>
    /// <remarks>
    /// Copies runs of text between whitespace, not single chars, into a builder of small chunks: a large
    /// document's text then takes one large-object-heap string, not two.
    /// </remarks>
    public static string Minify(string json)
    {
        var builder = new StringBuilder(4096);
        int i = 0;
        while (i < json.Length)
        {
            char c = json[i];
            if (c is ' ' or '\t' or '\n' or '\r' or '\uFEFF')
            {
                i++;
                continue;
            }

            int start = i;
            if (c == '"')
            {
                // A string, escapes included, up to its closing quote.
                i++;
                while (true)
                {
                    int next = i < json.Length ? json.IndexOfAny(s_stringEnd, i) : -1;
                    if (next < 0)
                    {
                        i = json.Length;
                        break;
                    }

                    if (json[next] == '\\')
                    {
                        i = next + 2;
                        continue;
                    }

                    i = next + 1;
                    break;
                }
            }
            else
            {
                // A token or punctuation, up to the next whitespace or string.
                i++;
                while (i < json.Length && json[i] is not (' ' or '\t' or '\n' or '\r' or '\uFEFF' or '"'))
                {
                    i++;
                }
            }

            builder.Append(json, start, System.Math.Min(i, json.Length) - start);
        }

        return builder.ToString();
    }
}
