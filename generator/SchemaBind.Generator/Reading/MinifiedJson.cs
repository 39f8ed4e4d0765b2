using System;
using System.Collections.Generic;
using System.Text;

namespace SchemaBind.Generator.Reading;

/// <summary>
/// A document's JSON text without insignificant whitespace, made by the parser as it reads the document
/// (see <see cref="JsonTextParser.Parse(string, MinifiedJson, System.Threading.CancellationToken)"/>), and
/// compared by content: reformatting the schema file does not change it. Held in chunks of
/// <see cref="ChunkSize"/> chars, as the generated files are, so that a large document is not one string on
/// the large object heap.
/// </summary>
internal sealed class MinifiedJson : IEquatable<MinifiedJson>
{
    /// <summary>Chars per chunk (16 KB).</summary>
    internal const int ChunkSize = 1 << ChunkBits;

    private const int ChunkBits = 13;

    private readonly List<char[]> _chunks = new();
    private int _used = ChunkSize;

    /// <summary>The number of chars.</summary>
    public int Length { get; private set; }

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

            foreach (char[] chunk in _chunks)
            {
                if (chunk.AsSpan(0, Used(chunk)).IndexOfAny('\u0085', '\u2028', '\u2029') >= 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    private char this[int index] => _chunks[index >> ChunkBits][index & (ChunkSize - 1)];

    /// <summary>Appends part of the source text: a run of significant JSON.</summary>
    internal void Append(string text, int start, int count)
    {
        while (count > 0)
        {
            if (_used == ChunkSize)
            {
                _chunks.Add(new char[ChunkSize]);
                _used = 0;
            }

            int n = Math.Min(count, ChunkSize - _used);
            text.CopyTo(start, _chunks[_chunks.Count - 1], _used, n);
            _used += n;
            start += n;
            count -= n;
            Length += n;
        }
    }

    /// <summary>The text in order, as runs of chars.</summary>
    internal IEnumerable<ArraySegment<char>> Runs
    {
        get
        {
            foreach (char[] chunk in _chunks)
            {
                yield return new ArraySegment<char>(chunk, 0, Used(chunk));
            }
        }
    }

    public bool Equals(MinifiedJson? other)
    {
        if (other is null || other.Length != Length)
        {
            return false;
        }

        // Equal lengths: the chunks line up one for one.
        for (int i = 0; i < _chunks.Count; i++)
        {
            if (!_chunks[i].AsSpan(0, Used(_chunks[i])).SequenceEqual(other._chunks[i].AsSpan(0, other.Used(other._chunks[i]))))
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
        foreach (char[] chunk in _chunks)
        {
            builder.Append(chunk, 0, Used(chunk));
        }

        return builder.ToString();
    }

    private int Used(char[] chunk) => ReferenceEquals(chunk, _chunks[_chunks.Count - 1]) ? _used : chunk.Length;
}
