using System.Text;

namespace SchemaBind.Generator.Text;

/// <summary>
/// A finished text, as <see cref="TextBuilder"/> kept it: chunks of <see cref="TextBuilder.ChunkSize"/> chars but the
/// last, each packed by <see cref="Latin1.Pack"/>. Immutable, and compared by content (equal text is chunked and
/// packed the same way), so that a model holding it stays an equatable value for the incremental pipeline.
/// </summary>
internal sealed class PackedText : IEquatable<PackedText>
{
    private readonly PackedChunk[] _chunks;

    internal PackedText(PackedChunk[] chunks, int length)
    {
        _chunks = chunks;
        Length = length;
    }

    /// <summary>The number of chars.</summary>
    public int Length { get; }

    /// <summary>The chunks in order.</summary>
    internal ReadOnlySpan<PackedChunk> Chunks => _chunks;

    public char this[int index] => _chunks[index >> TextBuilder.ChunkBits][index & (TextBuilder.ChunkSize - 1)];

    /// <summary>Copies <paramref name="count"/> chars from <paramref name="sourceIndex"/> into <paramref name="destination"/>.</summary>
    public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        while (count > 0)
        {
            PackedChunk chunk = _chunks[sourceIndex >> TextBuilder.ChunkBits];
            int offset = sourceIndex & (TextBuilder.ChunkSize - 1);
            int n = Math.Min(count, chunk.Length - offset);
            chunk.CopyTo(offset, destination, destinationIndex, n);
            sourceIndex += n;
            destinationIndex += n;
            count -= n;
        }
    }

    /// <summary>Whether the text has any of the three chars (see <see cref="PackedChunk.ContainsAny"/>).</summary>
    public bool ContainsAny(char a, char b, char c)
    {
        foreach (PackedChunk chunk in _chunks)
        {
            if (chunk.ContainsAny(a, b, c))
            {
                return true;
            }
        }

        return false;
    }

    public bool Equals(PackedText? other)
    {
        if (other is null || other.Length != Length)
        {
            return false;
        }

        // Equal lengths: the chunks line up one for one, and a chunk of equal text is packed the same way.
        for (int i = 0; i < _chunks.Length; i++)
        {
            if (!_chunks[i].Equals(other._chunks[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as PackedText);

    public override int GetHashCode() => Length;

    public override string ToString()
    {
        var builder = new StringBuilder(Length);
        foreach (PackedChunk chunk in _chunks)
        {
            builder.Append(chunk.ToString());
        }

        return builder.ToString();
    }
}
