using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace SchemaBind.Generator.Parsing;

/// <summary>Maps character offsets to zero-based lines and columns.</summary>
/// <remarks>The line starts are found on the first lookup: a document without diagnostics never needs them.</remarks>
internal sealed class LineIndex
{
    private readonly string _text;
    private List<int>? _lineStarts;

    public LineIndex(string text) => _text = text;

    public LinePosition GetPosition(int offset)
    {
        List<int> lineStarts = _lineStarts ??= FindLineStarts(_text);
        int index = lineStarts.BinarySearch(offset);
        int line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line, offset - lineStarts[line]);
    }

    public LinePositionSpan GetSpan(int start, int end) => new(GetPosition(start), GetPosition(end));

    private static List<int> FindLineStarts(string text)
    {
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lineStarts.Add(i + 1);
            }
        }

        return lineStarts;
    }
}
