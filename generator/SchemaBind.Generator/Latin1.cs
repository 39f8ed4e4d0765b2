using System.Text;

namespace SchemaBind.Generator;

/// <summary>
/// Text kept one byte per char: chars U+0000 to U+00FF are the bytes 0 to 255 (ISO-8859-1). The runtime's
/// Latin-1 encoding narrows and widens whole blocks with vector instructions.
/// </summary>
internal static class Latin1
{
    /// <summary>Latin-1 whose encoder marks, instead of replacing silently, a char it cannot hold.</summary>
    private static readonly Encoding s_encoding = Encoding.GetEncoding(28591, new MarkingFallback(), DecoderFallback.ExceptionFallback);

    [System.ThreadStatic]
    private static bool t_wide;

    /// <summary>Writes the first <paramref name="count"/> chars of <paramref name="chars"/> into <paramref name="bytes"/>, one byte each; false when one of them is above U+00FF (then <paramref name="bytes"/> holds nothing useful).</summary>
    public static bool TryNarrow(char[] chars, int count, byte[] bytes)
    {
        t_wide = false;
        s_encoding.GetBytes(chars, 0, count, bytes, 0);
        return !t_wide;
    }

    /// <summary>
    /// The first <paramref name="count"/> chars of <paramref name="chars"/> as a chunk of text to keep: a byte[]
    /// of one byte per char when they all fit in a byte, which generated C# and JSON almost always do, else a
    /// char[] copy.
    /// </summary>
    public static System.Array Pack(char[] chars, int count)
    {
        byte[] bytes = new byte[count];
        if (TryNarrow(chars, count, bytes))
        {
            return bytes;
        }

        char[] copy = new char[count];
        System.Array.Copy(chars, copy, count);
        return copy;
    }

    /// <summary>Writes <paramref name="count"/> bytes from <paramref name="bytes"/> as chars into <paramref name="destination"/>.</summary>
    public static void Widen(byte[] bytes, int index, int count, char[] destination, int destinationIndex) =>
        s_encoding.GetChars(bytes, index, count, destination, destinationIndex);

    /// <summary>All of <paramref name="bytes"/> as a string.</summary>
    public static string Widen(byte[] bytes) => s_encoding.GetString(bytes);

    /// <summary>Stands a '?' in for a char above U+00FF, and notes that there was one.</summary>
    private sealed class MarkingFallback : EncoderFallback
    {
        public override int MaxCharCount => 1;

        public override EncoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : EncoderFallbackBuffer
        {
            // Whether the '?' for the last unknown char is still to be given, and whether it was given.
            private bool _pending;
            private bool _given;

            public override int Remaining => _pending ? 1 : 0;

            public override bool Fallback(char charUnknown, int index) => Mark();

            public override bool Fallback(char charUnknownHigh, char charUnknownLow, int index) => Mark();

            public override char GetNextChar()
            {
                if (!_pending)
                {
                    return '\0';
                }

                _pending = false;
                _given = true;
                return '?';
            }

            public override bool MovePrevious()
            {
                if (!_given)
                {
                    return false;
                }

                _given = false;
                _pending = true;
                return true;
            }

            private bool Mark()
            {
                t_wide = true;
                _pending = true;
                _given = false;
                return true;
            }
        }
    }
}
