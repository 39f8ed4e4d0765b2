using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace SchemaBind.Generator.Parsing;

/// <summary>Maps character offsets to zero-based lines and columns.</summary>
internal sealed class LineIndex
{
    private readonly List<int> _lineStarts = new() { 0 };

    public LineIndex(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public LinePosition GetPosition(int offset)
    {
        int index = _lineStarts.BinarySearch(offset);
        int line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line, offset - _lineStarts[line]);
    }

    public LinePositionSpan GetSpan(int start, int end) => new(GetPosition(start), GetPosition(end));
}
