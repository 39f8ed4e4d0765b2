using Microsoft.CodeAnalysis.Text;
using SchemaBind.Generator.Parsing;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// <see cref="LineIndex"/> gives every offset the line and column that counting the text's line breaks from its start
/// gives, whether it indexes blocks of a text with line feeds only or every line start of one with carriage returns,
/// and whatever order the offsets are asked in.
/// </summary>
public sealed class LineIndexTests
{
    public static TheoryData<string> Breaks => new() { "\n", "\r\n", "\r" };

    [Theory]
    [MemberData(nameof(Breaks))]
    public void Every_offset_gets_the_line_and_column_of_counting_from_the_start(string lineBreak)
    {
        // Short lines, empty lines, and lines longer than a block (4,096 chars), over many blocks.
        var random = new Random(20);
        var text = new System.Text.StringBuilder();
        for (int line = 0; line < 3000; line++)
        {
            int length = random.Next(10) == 0 ? random.Next(5000, 12000) : random.Next(0, 40);
            text.Append('x', length).Append(lineBreak);
        }

        text.Append("last line without a break");
        string all = text.ToString();
        var index = new LineIndex(all);
        var offsets = Enumerable.Range(0, 4000).Select(_ => random.Next(all.Length + 1))
            .Concat(new[] { 0, all.Length, 4095, 4096, 4097, all.Length - 1 })
            .ToArray();
        foreach (int offset in offsets)
        {
            Assert.Equal(Counted(all, offset), index.GetPosition(offset));
        }
    }

    [Theory]
    [InlineData("", 0, 0, 0)]
    [InlineData("\n", 1, 1, 0)]
    [InlineData("ab\ncd", 4, 1, 1)]
    [InlineData("ab\ncd", 2, 0, 2)]
    public void Small_texts(string text, int offset, int line, int column) =>
        Assert.Equal(new LinePosition(line, column), new LineIndex(text).GetPosition(offset));

    private static LinePosition Counted(string text, int offset)
    {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new LinePosition(line, offset - lineStart);
    }
}
