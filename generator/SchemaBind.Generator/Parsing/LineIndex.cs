using System;
using Microsoft.CodeAnalysis.Text;

namespace SchemaBind.Generator.Parsing;

/// <summary>Maps character offsets to zero-based lines and columns.</summary>
/// <remarks>The line starts are found on the first lookup: a document without diagnostics never needs them.</remarks>
internal sealed class LineIndex
{
    private readonly string _text;
    private int[]? _lineStarts;

    public LineIndex(string text) => _text = text;

    public LinePosition GetPosition(int offset)
    {
        int[] lineStarts = _lineStarts ??= FindLineStarts(_text);
        int index = Array.BinarySearch(lineStarts, offset);
        int line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line, offset - lineStarts[line]);
    }

    public LinePositionSpan GetSpan(int start, int end) => new(GetPosition(start), GetPosition(end));

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
