using System.Text;

namespace SchemaBind.Generator.Text;

/// <summary>
/// Text kept one byte per char: chars U+0000 to U+00FF are the bytes 0 to 255 (ISO-8859-1). The runtime's
/// Latin-1 encoding narrows and widens whole blocks with vector instructions.
/// </summary>
internal static class Latin1
{
    /// <summary>The byte that stands in for a char above U+00FF (a control char, rare in C# and JSON; a real one is told apart by its char).</summary>
    public const byte StandIn = 1;

    /// <summary>Latin-1 whose encoder writes <see cref="StandIn"/>, and counts, for each char it cannot hold.</summary>
    private static readonly Encoding s_encoding = Encoding.GetEncoding(28591, new MarkingFallback(), DecoderFallback.ExceptionFallback);

    // The chars above U+00FF that the last narrowing of this thread met.
    [System.ThreadStatic]
    private static int t_wideCount;

    /// <summary>
    /// Writes the first <paramref name="count"/> chars of <paramref name="chars"/> into <paramref name="bytes"/>, one byte
    /// each, a char above U+00FF as <see cref="StandIn"/>; returns how many chars were above U+00FF.
    /// </summary>
    private static int Narrow(char[] chars, int count, byte[] bytes)
    {
        t_wideCount = 0;
        s_encoding.GetBytes(chars, 0, count, bytes, 0);
        return t_wideCount;
    }

    /// <summary>
    /// The first <paramref name="count"/> chars of <paramref name="chars"/> as a chunk of text to keep: one byte per char
    /// when they all fit in a byte, which generated C# and JSON almost always do; one byte per char and a few wide chars
    /// beside when some do not (a dash or a quotation mark in a description); a char[] copy when many do not.
    /// </summary>
    public static PackedChunk Pack(char[] chars, int count)
    {
        byte[] bytes = new byte[count];
        int wide = Narrow(chars, count, bytes);
        if (wide == 0)
        {
            return new PackedChunk(bytes);
        }

        if (wide > count / PackedChunk.MaxWideShare)
        {
            return Copy(chars, count);
        }

        // Each wide char is a stand-in byte; so is a real U+0001, which has its own char. The narrowing counted the
        // wide chars; a count that disagrees with the search (it should not) keeps the chars as they are.
        int[] offsets = new int[wide];
        char[] wideChars = new char[wide];
        int found = 0;
        for (int i = 0; i < count; i++)
        {
            int next = System.MemoryExtensions.IndexOf(new System.ReadOnlySpan<byte>(bytes, i, count - i), StandIn);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (chars[i] > '\u00ff')
            {
                if (found == wide)
                {
                    found = -1;
                    break;
                }

                offsets[found] = i;
                wideChars[found] = chars[i];
                found++;
            }
        }

        return found == wide ? new PackedChunk(bytes, offsets, wideChars) : Copy(chars, count);
    }

    private static PackedChunk Copy(char[] chars, int count)
    {
        char[] copy = new char[count];
        System.Array.Copy(chars, copy, count);
        return new PackedChunk(copy);
    }

    /// <summary>Writes <paramref name="count"/> bytes from <paramref name="bytes"/> as chars into <paramref name="destination"/>.</summary>
    public static void Widen(byte[] bytes, int index, int count, char[] destination, int destinationIndex) =>
        s_encoding.GetChars(bytes, index, count, destination, destinationIndex);

    /// <summary>Stands <see cref="StandIn"/> in for each char above U+00FF (both chars of a surrogate pair), and counts them.</summary>
    private sealed class MarkingFallback : EncoderFallback
    {
        public override int MaxCharCount => 2;

        public override EncoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : EncoderFallbackBuffer
        {
            // The stand-ins still to be given for the last unknown char (or pair), and those given.
            private int _pending;
            private int _given;

            public override int Remaining => _pending;

            public override bool Fallback(char charUnknown, int index) => Mark(1);

            public override bool Fallback(char charUnknownHigh, char charUnknownLow, int index) => Mark(2);

            public override char GetNextChar()
            {
                if (_pending == 0)
                {
                    return '\0'; // no more
                }

                _pending--;
                _given++;
                return (char)StandIn;
            }

            public override bool MovePrevious()
            {
                if (_given == 0)
                {
                    return false;
                }

                _given--;
                _pending++;
                return true;
            }

            public override void Reset()
            {
                _pending = 0;
                _given = 0;
            }

            private bool Mark(int chars)
            {
                t_wideCount += chars;
                _pending = chars;
                _given = 0;
                return true;
            }
        }
    }
}
