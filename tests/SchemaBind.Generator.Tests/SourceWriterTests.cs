using Microsoft.CodeAnalysis.Text;
using SchemaBind.Generator.Emitting;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// The generated file's text as the compiler reads it: chunks kept one byte per char, and chunks with a
/// char above U+00FF kept as chars, must read back as exactly what was written.
/// </summary>
public sealed class SourceWriterTests
{
    public static TheoryData<string> WideChars => new()
    {
        "\u00e9",       // Latin-1 itself: still one byte
        "\u2192",       // above U+00FF: its chunk stays as chars
        "\U0001F600",   // a surrogate pair, which may fall across two chunks
    };

    [Theory]
    [MemberData(nameof(WideChars))]
    public void The_source_text_reads_back_what_was_written(string special)
    {
        // Three and a half chunks, the special text in the second one and at the end.
        var expected = new System.Text.StringBuilder();
        SourceWriter w = SourceWriter.ForFile();
        int line = 0;
        while (expected.Length < (3 * SourceWriter.ChunkSize) + (SourceWriter.ChunkSize / 2))
        {
            string text = "/// line " + line + (expected.Length is > SourceWriter.ChunkSize and < (2 * SourceWriter.ChunkSize) - 100 && line % 7 == 0 ? " " + special : string.Empty);
            w.Line(text);
            expected.Append(text).Append('\n');
            line++;
        }

        w.Line(special);
        expected.Append(special).Append('\n');

        SourceText source = w.ToSourceTextAndFree();
        string all = expected.ToString();
        Assert.Equal(all.Length, source.Length);
        Assert.Equal(all, source.ToString());

        // Windows across chunk boundaries, as the compiler's lexer reads them, and single chars.
        var buffer = new char[1000];
        for (int start = 0; start < all.Length; start += 997)
        {
            int count = Math.Min(buffer.Length, all.Length - start);
            source.CopyTo(start, buffer, 0, count);
            Assert.Equal(all.Substring(start, count), new string(buffer, 0, count));
            Assert.Equal(all[start], source[start]);
        }

        Assert.Equal(all[^2], source[all.Length - 2]);
    }

    [Fact]
    public void A_file_written_after_another_on_the_same_thread_has_only_its_own_text()
    {
        SourceWriter first = SourceWriter.ForFile();
        first.Line(new string('a', SourceWriter.ChunkSize + 10));
        SourceText a = first.ToSourceTextAndFree();

        SourceWriter second = SourceWriter.ForFile();
        second.Line("b");
        SourceText b = second.ToSourceTextAndFree();

        Assert.Equal(new string('a', SourceWriter.ChunkSize + 10) + "\n", a.ToString());
        Assert.Equal("b\n", b.ToString());
    }
}
