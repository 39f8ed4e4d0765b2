using System;
using System.Collections.Generic;
using System.Text;

namespace SchemaBind.Generator.Reading;

/// <summary>
/// A document's JSON text without insignificant whitespace, made by the parser as it reads the document
/// (see <see cref="JsonTextParser.Parse(string, MinifiedJson, System.Threading.CancellationToken)"/>), and
/// compared by content: reformatting the schema file does not change it. Written into a chunk of
/// <see cref="ChunkSize"/> chars that the thread reuses, and kept, as the generated files are, in chunks of
/// one byte per char (see <see cref="Latin1.Pack"/>): a large document is neither one string on the large
/// object heap nor twice its size in memory.
/// </summary>
internal sealed class MinifiedJson : IEquatable<MinifiedJson>
{
    /// <summary>Chars per chunk.</summary>
    internal const int ChunkSize = 1 << ChunkBits;

    private const int ChunkBits = 13;

    /// <summary>The chunk the last document of the thread was written in, for the next one.</summary>
    [ThreadStatic]
    private static char[]? t_scratch;

    // The packed chunks, each ChunkSize chars but the last, and until Complete, the chunk being written.
    private readonly List<PackedChunk> _chunks = new();
    private char[]? _writing;
    private int _used;
    private bool _complete;

    /// <summary>The number of chars.</summary>
    public int Length { get; private set; }

    /// <summary>The text in order, as chunks made by <see cref="Latin1.Pack"/>; complete once the parse ended.</summary>
    internal IReadOnlyList<PackedChunk> Chunks => _chunks;

    /// <summary>
    /// Whether the text can be written as it is between the quotes of a single-line raw string literal
    /// (<c>"""…"""</c>): it does not begin or end with a quote, and has no char that C# reads as a line
    /// break. Valid minified JSON never has three quotes in a row (a string's quotes are escaped, and
    /// tokens are separated by <c>:</c> or <c>,</c>), nor a line feed or carriage return.
    /// </summary>
    public bool FitsRawLiteral
    {
        get
        {
            if (Length == 0 || this[0] == '"' || this[Length - 1] == '"')
            {
                return false;
            }

            foreach (PackedChunk chunk in _chunks)
            {
                if (chunk.ContainsAny('\u0085', '\u2028', '\u2029'))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private char this[int index]
    {
        get => _chunks[index >> ChunkBits][index & (ChunkSize - 1)];
    }

    /// <summary>Appends part of the source text: a run of significant JSON.</summary>
    internal void Append(string text, int start, int count)
    {
        if (_complete)
        {
            throw new InvalidOperationException("The minified text is complete.");
        }

        char[] writing = _writing ??= TakeScratch();
        while (count > 0)
        {
            if (_used == ChunkSize)
            {
                _chunks.Add(Latin1.Pack(writing, ChunkSize));
                _used = 0;
            }

            int n = Math.Min(count, ChunkSize - _used);
            text.CopyTo(start, writing, _used, n);
            _used += n;
            start += n;
            count -= n;
            Length += n;
        }
    }

    /// <summary>Ends the text: packs the chunk being written and gives it back to the thread.</summary>
    internal void Complete()
    {
        if (_complete)
        {
            return;
        }

        _complete = true;
        if (_writing is { } writing)
        {
            _chunks.Add(Latin1.Pack(writing, _used));
            t_scratch = writing;
            _writing = null;
        }
    }

    public bool Equals(MinifiedJson? other)
    {
        if (other is null || other.Length != Length || !_complete || !other._complete)
        {
            return ReferenceEquals(this, other);
        }

        // Equal lengths: the chunks line up one for one, and a chunk of equal text is packed the same way.
        for (int i = 0; i < _chunks.Count; i++)
        {
            if (!_chunks[i].Equals(other._chunks[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as MinifiedJson);

    public override int GetHashCode() => Length;

    public override string ToString()
    {
        var builder = new StringBuilder(Length);
        foreach (PackedChunk chunk in _chunks)
        {
            builder.Append(chunk.ToString());
        }

        if (_writing is { } writing)
        {
            builder.Append(writing, 0, _used);
        }

        return builder.ToString();
    }

    private static char[] TakeScratch()
    {
        char[]? scratch = t_scratch;
        t_scratch = null;
        return scratch ?? new char[ChunkSize];
    }
}
