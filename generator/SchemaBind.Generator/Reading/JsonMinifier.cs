namespace SchemaBind.Generator.Reading;

/// <summary>Reads JSON text that has already parsed without the whitespace between its tokens.</summary>
/// <remarks>
/// Only meant for text the parser accepted: strings are kept as they are, escapes included; nothing
/// else is checked.
/// </remarks>
internal static class JsonMinifier
{
    private static readonly char[] s_stringEnd = { '"', '\\' };

    /// <summary>
    /// The next run of significant text from <paramref name="position"/> on: a string (escapes included)
    /// or the text up to the next whitespace or string. False at the end of the text.
    /// </summary>
    public static bool NextRun(string json, ref int position, out int start, out int length)
    {
        int i = position;
        while (i < json.Length && IsWhitespace(json[i]))
        {
            i++;
        }

        start = i;
        if (i >= json.Length)
        {
            position = i;
            length = 0;
            return false;
        }

        if (json[i] == '"')
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
            while (i < json.Length && !IsWhitespace(json[i]) && json[i] != '"')
            {
                i++;
            }
        }

        position = System.Math.Min(i, json.Length);
        length = position - start;
        return true;
    }

    /// <summary>Whether two texts are the same JSON once minified (without making either).</summary>
    public static bool SameMinified(string a, string b)
    {
        if (string.Equals(a, b))
        {
            return true;
        }

        int positionA = 0, positionB = 0, startA = 0, startB = 0, lengthA = 0, lengthB = 0;
        while (true)
        {
            if (lengthA == 0 && !NextRun(a, ref positionA, out startA, out lengthA))
            {
                return lengthB == 0 && !NextRun(b, ref positionB, out _, out _);
            }

            if (lengthB == 0 && !NextRun(b, ref positionB, out startB, out lengthB))
            {
                return false;
            }

            // Runs may split differently ("a""b" against "ab" cannot happen in valid JSON, but compare text, not runs).
            int n = System.Math.Min(lengthA, lengthB);
            if (string.CompareOrdinal(a, startA, b, startB, n) != 0)
            {
                return false;
            }

            startA += n;
            lengthA -= n;
            startB += n;
            lengthB -= n;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsWhitespace(char c) => c <= ' ' ? c is ' ' or '\t' or '\n' or '\r' : c == '\uFEFF';
}
