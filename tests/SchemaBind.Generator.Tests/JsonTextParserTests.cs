using SchemaBind.Generator.Reading;
using SchemaBind.Generator.Text;
using SchemaBind.Tests.Shared;

namespace SchemaBind.Generator.Tests;

public sealed class JsonTextParserTests
{
    [Fact]
    public void Values_keep_their_offsets()
    {
        const string text = "{ \"a\": [1, \"x\"], \"b\": { \"c\": null } }";
        var root = Assert.IsType<JsonObject>(JsonTextParser.Parse(text));
        JsonProperty a = Assert.NotNull(root.Find("a"));
        Assert.Equal(text.IndexOf("\"a\"", StringComparison.Ordinal), a.NameStart);
        var array = Assert.IsType<JsonArray>(a.Value);
        Assert.Equal("[1, \"x\"]", text[array.Start..array.End]);
        Assert.Equal("\"x\"", text[array.Items[1].Start..array.Items[1].End]);
        var c = Assert.IsType<JsonNull>(((JsonObject)root.Get("b")!).Get("c"));
        Assert.Equal("null", text[c.Start..c.End]);
    }

    [Theory]
    [InlineData("\"a\\u00e9\\n\\\"\"", "a\u00e9\n\"")]
    [InlineData("\"\\ud83d\\ude00\"", "\U0001F600")]
    public void Strings_are_unescaped(string json, string expected) =>
        Assert.Equal(expected, Assert.IsType<JsonString>(JsonTextParser.Parse(json)).Value);

    [Fact]
    public void Runs_of_whitespace_of_every_length_are_skipped_and_left_out_of_the_minified_text()
    {
        // Runs of 0 to 10 spaces (indentation is skipped four at a time), tabs and line breaks, before and after
        // every token and at the end of the text, where fewer than four chars are left.
        for (int n = 0; n <= 10; n++)
        {
            string space = new(' ', n);
            string text = space + "{" + space + "\"a\"" + space + ":" + space + "[" + space + "1" + space + "," + "\n\t" + space + "\" b \"" + space + "]" + space + "}" + space;
            var root = Assert.IsType<JsonObject>(JsonTextParser.Parse(text, new MinifiedJson(), default));
            JsonProperty a = Assert.NotNull(root.Find("a"));
            Assert.Equal(text.IndexOf("\"a\"", StringComparison.Ordinal), a.NameStart);
            var items = Assert.IsType<JsonArray>(a.Value).Items;
            Assert.Equal(" b ", Assert.IsType<JsonString>(items[1]).Value);
            Assert.Equal(text.IndexOf("\" b \"", StringComparison.Ordinal), items[1].Start);
            Assert.Equal("{\"a\":[1,\" b \"]}", Minified(text).ToString());
        }
    }

    [Fact]
    public void Strings_around_the_shared_length_read_the_same_with_or_without_escapes()
    {
        // Strings up to 32 chars are shared through a table, longer ones are cut from the text: every length
        // around that limit, plain, with an escape at the start or the end, and with a raw control char (an error).
        for (int length = 28; length <= 36; length++)
        {
            string plain = new('x', length);
            Assert.Equal(plain, Assert.IsType<JsonString>(JsonTextParser.Parse("\"" + plain + "\"")).Value);
            Assert.Equal("\n" + plain[1..], Assert.IsType<JsonString>(JsonTextParser.Parse("\"\\n" + plain[1..] + "\"")).Value);
            Assert.Equal(plain[1..] + "\"", Assert.IsType<JsonString>(JsonTextParser.Parse("\"" + plain[1..] + "\\\"\"")).Value);
            var broken = Assert.Throws<JsonSyntaxException>(() => JsonTextParser.Parse("\"" + plain[1..] + "\t\""));
            Assert.Equal(length, broken.Offset);
            Assert.Throws<JsonSyntaxException>(() => JsonTextParser.Parse("\"" + plain));
        }

        // A name the caller knows is its own instance: its lookups compare by reference.
        string known = string.Concat("ty", "pe".AsSpan()); // "type", a new instance, not the interned literal
        var withKnown = Assert.IsType<JsonObject>(JsonTextParser.Parse("{\"type\": \"type\"}", null, new[] { known }, default));
        Assert.Same(known, withKnown.Properties[0].Name);
        Assert.Same(known, ((JsonString)withKnown.Properties[0].Value).Value);

        // The same short text twice is one string.
        var pair = Assert.IsType<JsonArray>(JsonTextParser.Parse("[\"same\", \"same\"]"));
        Assert.Same(((JsonString)pair.Items[0]).Value, ((JsonString)pair.Items[1]).Value);
    }

    [Theory]
    [InlineData("-0.5e+10")]
    [InlineData("123456789012345678901234567890")]
    public void Numbers_keep_their_exact_text(string json) =>
        Assert.Equal(json, Assert.IsType<JsonNumber>(JsonTextParser.Parse(json)).Raw);

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        string text = new string('[', 100_000) + new string(']', 100_000);
        var ex = Assert.Throws<JsonSyntaxException>(() => JsonTextParser.Parse(text));
        Assert.Equal(256, ex.Offset);
    }

    [Theory]
    [InlineData("{\"a\":1,}", 6)]
    [InlineData("{'a':1}", 1)]
    [InlineData("[1 2]", 3)]
    [InlineData("\"tab\there\"", 4)]
    [InlineData("nul", 0)]
    public void Syntax_errors_carry_the_offset(string json, int offset) =>
        Assert.Equal(offset, Assert.Throws<JsonSyntaxException>(() => JsonTextParser.Parse(json)).Offset);

    [Fact]
    public void A_large_object_finds_the_last_property_of_a_name()
    {
        string text = "{" + string.Join(", ", Enumerable.Range(0, 20).Select(static i => "\"k" + i + "\": " + i)) + ", \"k3\": \"last\"}";
        var root = Assert.IsType<JsonObject>(JsonTextParser.Parse(text));
        Assert.Equal("last", Assert.IsType<JsonString>(root.Get("k3")).Value);
        Assert.Equal("19", Assert.IsType<JsonNumber>(root.Get("k19")).Raw);
        Assert.Null(root.Find("k20"));
    }

    [Fact]
    public void Repeated_strings_are_read_alike_with_or_without_escapes()
    {
        var root = Assert.IsType<JsonArray>(JsonTextParser.Parse("[\"type\", \"type\", \"t\\u0079pe\", \"\", \"" + new string('x', 100) + "\"]"));
        Assert.Equal(new[] { "type", "type", "type", string.Empty, new string('x', 100) }, root.Items.Select(static i => ((JsonString)i).Value));
    }

    [Theory]
    [InlineData("{\"a\": [1, 2]}", "{ \"a\" :\r\n\t[ 1,2 ] }", true)]
    [InlineData("{\"a\": \"x y\"}", "{\"a\":\"x  y\"}", false)]
    [InlineData("{\"a\": \"q\\\" \"}", "{\"a\":\"q\\\" \"}", true)]
    [InlineData("[1]", "[1, 2]", false)]
    public void Documents_compare_without_insignificant_whitespace(string a, string b, bool same)
    {
        Assert.Equal(same, Minified(a).Equals(Minified(b)));
        Assert.Equal(same, Minified(b).Equals(Minified(a)));
    }

    [Fact]
    public void A_document_longer_than_a_chunk_compares_by_all_its_text()
    {
        // About 28,000 chars: four chunks of the minified text; the difference is in the last one.
        string items = string.Join(", ", Enumerable.Range(0, 6000).Select(static i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        PackedText a = Minified("[" + items + ", 1]");
        Assert.True(a.Length > 2 * MinifiedJson.ChunkSize);
        Assert.Equal(a, Minified("[\n  " + items.Replace(", ", ",\n  ", StringComparison.Ordinal) + ",\n  1\n]"));
        Assert.NotEqual(a, Minified("[" + items + ", 2]"));
        Assert.Equal(PlainMinifier.Minify("[" + items + ", 1]"), a.ToString());
    }

    [Fact]
    public void A_document_with_a_char_that_CSharp_reads_as_a_line_break_is_embedded_with_escapes()
    {
        const string json = "{ \"a\" : \"q\\\" \\\\ \u2028 \u2029 \u0085 \u00e9 \uFEFF\" ,\r\n\t\"b\": [1, 2.5e3, true, null] }";
        const string minified = "{\"a\":\"q\\\" \\\\ \u2028 \u2029 \u0085 \u00e9 \uFEFF\",\"b\":[1,2.5e3,true,null]}";
        PackedText document = Minified(json);
        Assert.False(SchemaBind.Generator.Emitting.SourceWriter.FitsRawLiteral(document));
        var embedded = new SchemaBind.Generator.Emitting.SourceWriter();
        embedded.JsonLiteralLine("x => ", document, "u8;");
        var expected = new SchemaBind.Generator.Emitting.SourceWriter();
        expected.LiteralLine("x => ", minified, "u8;");
        Assert.Equal(expected.ToString(), embedded.ToString());
        Assert.Contains("\\u2028", embedded.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_with_U0085_alone_is_embedded_with_escapes()
    {
        // U+0085 fits in a byte: its chunk is kept one byte per char, and the search must still find it.
        string json = "{\"a\": \"" + new string('x', 20_000) + "\u0085\"}";
        PackedText document = Minified(json);
        Assert.False(SchemaBind.Generator.Emitting.SourceWriter.FitsRawLiteral(document));
        Assert.Equal(PlainMinifier.Minify(json), document.ToString());
    }

    [Theory]
    [InlineData('\u00e9')] // Latin-1: every chunk one byte per char
    [InlineData('\u2019')] // above U+00FF: the chunk that holds it stays chars
    public void A_long_document_compares_and_embeds_by_its_text_whatever_its_chars(char special)
    {
        string items = string.Join(", ", Enumerable.Range(0, 4000).Select(i => "\"" + (i == 2500 ? special.ToString() : "i") + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\""));
        PackedText a = Minified("[" + items + "]");
        Assert.True(a.Length > 3 * MinifiedJson.ChunkSize);
        Assert.Equal(a, Minified("[\n  " + items.Replace(", ", ",\n  ", StringComparison.Ordinal) + "\n]"));
        Assert.NotEqual(a, Minified("[" + items.Replace(special.ToString(), "x", StringComparison.Ordinal) + "]"));
        Assert.Equal(PlainMinifier.Minify("[" + items + "]"), a.ToString());
        var embedded = new SchemaBind.Generator.Emitting.SourceWriter();
        embedded.JsonLiteralLine("x => ", a, "u8;");
        Assert.Equal("x => \"\"\"" + PlainMinifier.Minify("[" + items + "]") + "\"\"\"u8;\n", embedded.ToString());
    }

    [Theory]
    [InlineData("{ \"x\\\\\" : [ \"\\\\\\\"\" , \"a b\" ] }")]
    [InlineData("[ \"\\u0041\\n\\/\" ,\t\"\\\\\\\\\" ]")]
    [InlineData("\uFEFF{\"k\":\"\u00e9\"}")]
    [InlineData("{}")]
    [InlineData("  [ \"\" , \"\\\"\" , {\"\" : \"\"} ]  ")]
    [InlineData("{ \"description\" : \"A long description with a \\\"quote\\\", a \\\\ backslash and a tab\\t.\" }")]
    public void The_embedded_literal_is_a_raw_literal_of_the_plain_minification(string json)
    {
        PackedText document = Minified(json);
        Assert.True(SchemaBind.Generator.Emitting.SourceWriter.FitsRawLiteral(document));
        Assert.Equal(PlainMinifier.Minify(json), document.ToString());
        var embedded = new SchemaBind.Generator.Emitting.SourceWriter();
        embedded.JsonLiteralLine("x => ", document, "u8;");
        Assert.Equal("x => \"\"\"" + PlainMinifier.Minify(json) + "\"\"\"u8;\n", embedded.ToString());
    }

    [Theory]
    [InlineData("{ \"a\": [1, -2.5e3, true, false, null, {}], \"b\": { \"c\": \"x y\" }, \"d\": [] }")]
    [InlineData("[[[[\"deep\"]]], 0]")]
    [InlineData("\"quote \\\" backslash \\\\ line \\n tab \\t bell \\u0007\"")]
    public void A_tree_written_back_is_the_minified_text_of_its_document(string json)
    {
        var minified = new MinifiedJson();
        JsonNode root = JsonTextParser.Parse(json, minified, default);
        var written = new MinifiedJson();
        JsonTreeWriter.Write(root, written, default);

        // The tree writer escapes strings its own way; read back, the value is the same.
        Assert.Equal(Canonical(minified.ToString()), Canonical(written.ToString()));
    }

    [Fact]
    public void A_large_tree_is_written_whole_across_chunks_and_depth_does_not_use_the_stack()
    {
        string deep = new string('[', 200) + new string(']', 200);
        string json = "{\"deep\":" + deep + ",\"wide\":[" + string.Join(",", Enumerable.Range(0, 20_000)) + "]}";
        var written = new MinifiedJson();
        JsonTreeWriter.Write(JsonTextParser.Parse(json), written, default);
        Assert.Equal(json, written.ToString());
    }

    private static string Canonical(string json) => System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(json).RootElement);

    /// <summary>The text minified on the parse's way, which must be what <see cref="JsonTextParser.Minify"/> makes of it after.</summary>
    private static PackedText Minified(string json)
    {
        var minified = new MinifiedJson();
        JsonTextParser.Parse(json, minified, default);
        PackedText text = minified.Complete();
        Assert.Equal(text.ToString(), JsonTextParser.Minify(json, default).Complete().ToString());
        Assert.Equal(text, JsonTextParser.Minify(json, default).Complete());
        return text;
    }
}
