using System.Numerics;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis.Text;

namespace SchemaBind.Generator.Parsing;

/// <summary>Maps character offsets to zero-based lines and columns.</summary>
/// <remarks>
/// A text whose lines end with line feeds only is indexed by blocks of <see cref="BlockSize"/> chars: the line each
/// block starts on and where that line starts, counted in one vectorized pass; a lookup counts the line feeds
/// within its block. On an 11 MB document of 300,000 lines that is 2,700 entries, where an index of every line start
/// cost two searches a line and 1.2 MB. A text with carriage returns gets the index of every line start. Nothing
/// is counted before the first lookup: a document without diagnostics never needs it.
/// </remarks>
internal sealed class LineIndex
{
    private const int BlockSize = 4096;

    private readonly string _text;
    private int[]? _lineStarts;

    // Of each block of BlockSize chars: the line its first char is on, and the offset where that line starts.
    private int[]? _blockLines;
    private int[]? _blockLineStarts;

    public LineIndex(string text) => _text = text;

    public LinePosition GetPosition(int offset)
    {
        if (_lineStarts is null && (_blockLines is not null || IndexBlocks()))
        {
            return InBlock(offset);
        }

        int[] lineStarts = _lineStarts ??= FindLineStarts(_text);
        int index = Array.BinarySearch(lineStarts, offset);
        int line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line, offset - lineStarts[line]);
    }

    public LinePositionSpan GetSpan(int start, int end) => new(GetPosition(start), GetPosition(end));

    /// <summary>Counts each block's line feeds, unless the text has carriage returns (false: no block index).</summary>
    private bool IndexBlocks()
    {
        ReadOnlySpan<char> text = _text.AsSpan();
        if (!Vector.IsHardwareAccelerated || text.IndexOf('\r') >= 0)
        {
            return false;
        }

        int blocks = (text.Length / BlockSize) + 1;
        int[] lines = new int[blocks];
        int[] lineStarts = new int[blocks];
        int line = 0;
        int lineStart = 0;
        for (int b = 1; b < blocks; b++)
        {
            ReadOnlySpan<char> block = text.Slice((b - 1) * BlockSize, BlockSize);
            int lineFeeds = CountLineFeeds(block);
            if (lineFeeds > 0)
            {
                line += lineFeeds;
                lineStart = ((b - 1) * BlockSize) + block.LastIndexOf('\n') + 1;
            }

            lines[b] = line;
            lineStarts[b] = lineStart;
        }

        _blockLines = lines;
        _blockLineStarts = lineStarts;
        return true;
    }

    private LinePosition InBlock(int offset)
    {
        int clamped = Math.Max(0, Math.Min(offset, _text.Length));
        int b = clamped / BlockSize;
        int blockStart = b * BlockSize;
        ReadOnlySpan<char> before = _text.AsSpan(blockStart, clamped - blockStart);
        int lineFeeds = CountLineFeeds(before);
        int lineStart = lineFeeds > 0 ? blockStart + before.LastIndexOf('\n') + 1 : _blockLineStarts![b];
        return new LinePosition(_blockLines![b] + lineFeeds, offset - lineStart);
    }

    /// <summary>The number of line feeds in <paramref name="text"/>, a vector of chars at a time.</summary>
    private static int CountLineFeeds(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<Vector<ushort>> vectors = MemoryMarshal.Cast<char, Vector<ushort>>(text);
        var lineFeed = new Vector<ushort>('\n');
        int count = 0;
        for (int i = 0; i < vectors.Length;)
        {
            // Each lane counts up to ushort.MaxValue matches before the lanes are added up.
            Vector<ushort> lanes = Vector<ushort>.Zero;
            int end = Math.Min(vectors.Length, i + ushort.MaxValue);
            for (; i < end; i++)
            {
                lanes -= Vector.Equals(vectors[i], lineFeed);
            }

            for (int lane = 0; lane < Vector<ushort>.Count; lane++)
            {
                count += lanes[lane];
            }
        }

        for (int i = vectors.Length * Vector<ushort>.Count; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The offset of each line's first char: counted first, then written into an array of that size (a list grown by
    /// doubling copied 3 MB on large-object heap for an 11 MB document of 300,000 lines). A line ends at a line feed,
    /// a carriage return and line feed, or a carriage return alone; a text without carriage returns is searched for
    /// line feeds only, with the vectorized search.
    /// </summary>
    private static int[] FindLineStarts(string text)
    {
        ReadOnlySpan<char> chars = text.AsSpan();
        bool lineFeedsOnly = chars.IndexOf('\r') < 0;
        int count = 1;
        for (int i = NextBreak(chars, 0, lineFeedsOnly); i >= 0; i = NextBreak(chars, i, lineFeedsOnly))
        {
            count++;
        }

        int[] lineStarts = new int[count];
        int line = 1;
        for (int i = NextBreak(chars, 0, lineFeedsOnly); i >= 0; i = NextBreak(chars, i, lineFeedsOnly))
        {
            lineStarts[line++] = i;
        }

        return lineStarts;
    }

    /// <summary>The start of the line after the first line break at or after <paramref name="from"/>, or -1.</summary>
    private static int NextBreak(ReadOnlySpan<char> text, int from, bool lineFeedsOnly)
    {
        if (lineFeedsOnly)
        {
            int at = text.Slice(from).IndexOf('\n');
            return at < 0 ? -1 : from + at + 1;
        }

        for (int i = from; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                return i + 1;
            }
        }

        return -1;
    }
}
