using SchemaBind.Generator.Text;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// A chunk of generated text or of a minified document, as <see cref="Latin1.Pack"/> keeps it: whichever way it is
/// kept (bytes, bytes with a few wide chars beside, or chars), it reads back as exactly the text that was packed.
/// </summary>
public sealed class PackedChunkTests
{
    public static TheoryData<string> Texts => new()
    {
        "plain ASCII, the usual case",
        "caf\u00e9 \u00ff",                               // Latin-1: one byte per char
        "a dash \u2014 and a quote \u2019 in a description", // a few wide chars beside the bytes
        "\u0001 a real U+0001 \u2192 and a wide char \u0001", // U+0001's byte stands in for wide chars
        "a pair \U0001F600 of surrogates",
        "\ud83d lone surrogates \ude00",
        "\u65e5\u672c\u8a9e\u306e\u8aac\u660e\u6587\u3067\u3059", // mostly wide: kept as chars
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_packed_chunk_reads_back_as_the_text(string text)
    {
        // The text repeated, with ASCII between, so that offsets vary and a chunk is mostly one kind or the other.
        string all = string.Concat(Enumerable.Repeat(text + " ........ ", 40));
        PackedChunk chunk = Latin1.Pack(all.ToCharArray(), all.Length);

        Assert.Equal(all.Length, chunk.Length);
        Assert.Equal(all, chunk.ToString());
        for (int i = 0; i < all.Length; i++)
        {
            Assert.Equal(all[i], chunk[i]);
        }

        var buffer = new char[37];
        for (int start = 0; start + buffer.Length <= all.Length; start += 11)
        {
            chunk.CopyTo(start, buffer, 0, buffer.Length);
            Assert.Equal(all.Substring(start, buffer.Length), new string(buffer));
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Chunks_of_equal_text_are_equal_and_a_changed_char_is_seen(string text)
    {
        char[] chars = (text + " end").ToCharArray();
        PackedChunk a = Latin1.Pack(chars, chars.Length);
        Assert.Equal(a, Latin1.Pack((char[])chars.Clone(), chars.Length));

        foreach (char replacement in new[] { 'x', '\u2192' })
        {
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] == replacement)
                {
                    continue;
                }

                char[] changed = (char[])chars.Clone();
                changed[i] = replacement;
                Assert.NotEqual(a, Latin1.Pack(changed, changed.Length));
            }
        }
    }

    [Fact]
    public void Line_breaking_chars_are_found_in_every_kind_of_chunk()
    {
        foreach (string text in new[] { "ascii", "dash \u2014", "\u65e5\u672c\u8a9e\u306e\u8aac\u660e" })
        {
            Assert.False(Pack(text).ContainsAny('\u0085', '\u2028', '\u2029'));
            Assert.True(Pack(text + "\u0085").ContainsAny('\u0085', '\u2028', '\u2029'));
            Assert.True(Pack(text + "\u2028").ContainsAny('\u0085', '\u2028', '\u2029'));
        }

        static PackedChunk Pack(string text) => Latin1.Pack(text.ToCharArray(), text.Length);
    }
}
