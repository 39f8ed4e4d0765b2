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
}
