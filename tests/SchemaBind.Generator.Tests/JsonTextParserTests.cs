using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Tests;

public sealed class JsonTextParserTests
{
    [Fact]
    public void Values_keep_their_offsets()
    {
        const string text = "{ \"a\": [1, \"x\"], \"b\": { \"c\": null } }";
        var root = Assert.IsType<JsonObject>(JsonTextParser.Parse(text));
        JsonProperty a = root.Find("a")!;
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
        Assert.Equal(same, JsonMinifier.SameMinified(a, b));
        Assert.Equal(same, JsonMinifier.SameMinified(b, a));
    }

    [Fact]
    public void The_embedded_document_is_the_literal_of_its_text_without_whitespace()
    {
        const string json = "{ \"a\" : \"q\\\" \\\\ \u2028 \u2029 \u0085 \u00e9 \uFEFF\" ,\r\n\t\"b\": [1, 2.5e3, true, null] }";
        const string minified = "{\"a\":\"q\\\" \\\\ \u2028 \u2029 \u0085 \u00e9 \uFEFF\",\"b\":[1,2.5e3,true,null]}";
        JsonTextParser.Parse(json);
        var embedded = new SchemaBind.Generator.Emitting.SourceWriter();
        embedded.JsonLiteralLine("x => ", json, "u8;");
        var expected = new SchemaBind.Generator.Emitting.SourceWriter();
        expected.LiteralLine("x => ", minified, "u8;");
        Assert.Equal(expected.ToString(), embedded.ToString());
        Assert.Contains("\\u2028", embedded.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"x\\\\\" : [ \"\\\\\\\"\" , \"a b\" ] }")]
    [InlineData("[ \"\\u0041\\n\\/\" ,\t\"\\\\\\\\\" ]")]
    [InlineData("\uFEFF{\"k\":\"\u2028\u0085\"}")]
    [InlineData("{}")]
    // Strings longer than the 16 chars scanned one by one, with what must be escaped past that point.
    [InlineData("{ \"description\" : \"A long description with a \\\"quote\\\", a \\\\ backslash and \u2028 a separator.\" }")]
    [InlineData("[\"0123456789abcdef\", \"0123456789abcdefg\", \"0123456789abcdef\\\"\", \"0123456789abcde\\\\\"]")]
    public void The_embedded_literal_matches_a_plain_minification(string json)
    {
        JsonTextParser.Parse(json);
        var embedded = new SchemaBind.Generator.Emitting.SourceWriter();
        embedded.JsonLiteralLine(string.Empty, json, string.Empty);
        var expected = new SchemaBind.Generator.Emitting.SourceWriter();
        expected.LiteralLine(string.Empty, MinifyCharByChar(json), string.Empty);
        Assert.Equal(expected.ToString(), embedded.ToString());
    }

    // The rule, one char at a time: whitespace outside strings goes, strings stay as written.
    private static string MinifyCharByChar(string json)
    {
        var builder = new System.Text.StringBuilder();
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                builder.Append(c);
                if (c == '\\')
                {
                    builder.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                builder.Append(c);
            }
            else if (c is not (' ' or '\t' or '\n' or '\r' or '\uFEFF'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
