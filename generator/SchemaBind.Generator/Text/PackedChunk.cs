namespace SchemaBind.Generator.Text;

/// <summary>
/// A chunk of text as <see cref="Latin1.Pack"/> keeps it: one byte per char; or one byte per char with the few chars
/// above U+00FF kept beside the bytes (a dash or a curly quote in a description should not double the chunk's
/// size); or, when many chars are wide, the chars as they are. Text that is equal is packed the same way.
/// </summary>
internal sealed class PackedChunk : IEquatable<PackedChunk>
{
    /// <summary>A chunk with more than one wide char in this many is kept as chars.</summary>
    internal const int MaxWideShare = 16;

    // One byte per char (Latin-1); at each offset of _wideAt, a stand-in for the char in _wide.
    private readonly byte[]? _bytes;
    private readonly int[]? _wideAt;
    private readonly char[]? _wide;

    // The chars as they are, when too many are wide.
    private readonly char[]? _chars;

    public PackedChunk(byte[] bytes)
    {
        _bytes = bytes;
    }

    public PackedChunk(byte[] bytes, int[] wideAt, char[] wide)
    {
        _bytes = bytes;
        _wideAt = wideAt;
        _wide = wide;
    }

    public PackedChunk(char[] chars)
    {
        _chars = chars;
    }

    /// <summary>The number of chars.</summary>
    public int Length => _bytes?.Length ?? _chars!.Length;

    public char this[int offset]
    {
        get
        {
            if (_bytes is not { } bytes)
            {
                return _chars![offset];
            }

            byte b = bytes[offset];
            if (b == Latin1.StandIn && _wideAt is { } wideAt)
            {
                int i = Array.BinarySearch(wideAt, offset);
                if (i >= 0)
                {
                    return _wide![i];
                }
            }

            return (char)b;
        }
    }

    /// <summary>Copies <paramref name="count"/> chars from <paramref name="offset"/> into <paramref name="destination"/>.</summary>
    public void CopyTo(int offset, char[] destination, int destinationIndex, int count)
    {
        if (_bytes is not { } bytes)
        {
            Array.Copy(_chars!, offset, destination, destinationIndex, count);
            return;
        }

        Latin1.Widen(bytes, offset, count, destination, destinationIndex);
        if (_wideAt is { } wideAt)
        {
            int i = Array.BinarySearch(wideAt, offset);
            for (i = i < 0 ? ~i : i; i < wideAt.Length && wideAt[i] < offset + count; i++)
            {
                destination[destinationIndex + wideAt[i] - offset] = _wide![i];
            }
        }
    }

    /// <summary>Whether the text has any of the three chars; none of them may be U+0001, whose byte stands in for the wide chars.</summary>
    public bool ContainsAny(char a, char b, char c)
    {
        if (_bytes is not { } bytes)
        {
            return _chars.AsSpan().IndexOfAny(a, b, c) >= 0;
        }

        return Contains(a) || Contains(b) || Contains(c);

        // A wide char can only be among the wide ones; any other is a byte.
        bool Contains(char wanted) => wanted > '\u00ff'
            ? _wide is { } wide && Array.IndexOf(wide, wanted) >= 0
            : bytes.AsSpan().IndexOf((byte)wanted) >= 0;
    }

    public bool Equals(PackedChunk? other) =>
        other is not null
        && (_bytes is { } bytes
            ? other._bytes is { } otherBytes && bytes.AsSpan().SequenceEqual(otherBytes)
                && (_wideAt is null ? other._wideAt is null : other._wideAt is { } otherWideAt && _wideAt.AsSpan().SequenceEqual(otherWideAt) && _wide.AsSpan().SequenceEqual(other._wide))
            : other._chars is { } otherChars && _chars.AsSpan().SequenceEqual(otherChars));

    public override bool Equals(object? obj) => Equals(obj as PackedChunk);

    public override int GetHashCode() => Length;

    public override string ToString()
    {
        char[] chars = new char[Length];
        CopyTo(0, chars, 0, chars.Length);
        return new string(chars);
    }
}
