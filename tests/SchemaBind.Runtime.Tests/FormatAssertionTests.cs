using System.Text.Json;

namespace SchemaBind.Runtime.Tests;

/// <summary>
/// Format assertion through the public JSON validator, for cases the JSON Schema Test Suite's
/// draft 2020-12 folder does not cover (it has no ipv6 file) and for the grammars written for it.
/// </summary>
public sealed class FormatAssertionTests
{
    private static bool IsValid(string format, string value)
    {
        JsonSchemaValidator validator = JsonSchemaValidator.Create(
            "{ \"format\": \"" + format + "\" }", new JsonSchemaOptions { AssertFormat = true });
        using JsonDocument instance = JsonDocument.Parse(JsonSerializer.Serialize(value));
        return validator.IsValid(instance.RootElement);
    }

    [Theory]
    [InlineData("::", true)]
    [InlineData("::1", true)]
    [InlineData("1::", true)]
    [InlineData("2001:db8::8a2e:370:7334", true)]
    [InlineData("2001:0db8:85a3:0000:0000:8a2e:0370:7334", true)]
    [InlineData("::ffff:192.168.0.1", true)]
    [InlineData("1:2:3:4:5:6:192.168.0.1", true)]
    [InlineData("1:2:3:4:5:6:7:8:9", false)]
    [InlineData("1:2:3:4:5:6:7", false)]
    [InlineData("1::2::3", false)]
    [InlineData(":::", false)]
    [InlineData("1:", false)]
    [InlineData(":1", false)]
    [InlineData("12345::", false)]
    [InlineData("::ffff:192.168.0.01", false)]
    [InlineData("::1%eth0", false)]
    [InlineData("1:2:3:4:5:6:7:192.168.0.1", false)]
    [InlineData("", false)]
    public void Ipv6_follows_RFC_4291_text_form(string value, bool valid) => Assert.Equal(valid, IsValid("ipv6", value));

    [Theory]
    [InlineData("uri", "https://user:pw@example.com:8080/a/b?q=1#f", true)]
    [InlineData("uri", "urn:isbn:0451450523", true)]
    [InlineData("uri", "http://[v1.fe]/", true)]
    [InlineData("uri", "http://a@b@example.com/", false)]
    [InlineData("uri", "http://example.com:80a/", false)]
    [InlineData("uri", "http://example.com/[x]", false)]
    [InlineData("uri", "//example.com/a", false)]
    [InlineData("uri", "http://example.com/%zz", false)]
    [InlineData("uri", "http://例え.jp/", false)]
    [InlineData("iri", "http://例え.jp/パス?クエリ#断片", true)]
    [InlineData("uri-reference", "//example.com/a", true)]
    [InlineData("uri-reference", "a:b/c", true)]
    [InlineData("uri-reference", "1a:b", false)]
    [InlineData("uri-reference", "../a?b#c", true)]
    [InlineData("uri-reference", "", true)]
    public void Uri_forms_follow_RFC_3986_and_3987(string format, string value, bool valid) => Assert.Equal(valid, IsValid(format, value));

    [Theory]
    [InlineData("hostname", "xn--bcher-kva.example", true)] // bücher
    [InlineData("hostname", "XN--BCHER-KVA.example", true)]
    [InlineData("hostname", "bücher.example", false)] // hostname is ASCII only
    [InlineData("idn-hostname", "bücher.example", true)]
    [InlineData("idn-hostname", "bÜcher.example", false)] // upper-case non-ASCII letters are DISALLOWED in IDNA 2008
    [InlineData("idn-hostname", "xn--bcher-kva。example", true)]
    [InlineData("hostname", "xn--bcher-kvA.example", true)]
    [InlineData("hostname", "xn--bcher.example", false)] // decodes to ASCII only
    [InlineData("idn-email", "δοκιμή@παράδειγμα.δοκιμή", true)]
    [InlineData("email", "δοκιμή@example.com", false)]
    public void Host_names_follow_IDNA_2008(string format, string value, bool valid) => Assert.Equal(valid, IsValid(format, value));

    [Theory]
    [InlineData("{var}", true)]
    [InlineData("/users/{id}{?fields*,page:3}", true)]
    [InlineData("{}", false)]
    [InlineData("{a b}", false)]
    [InlineData("/{x", false)]
    public void Uri_templates_follow_RFC_6570(string value, bool valid) => Assert.Equal(valid, IsValid("uri-template", value));

    [Theory]
    [InlineData("[]", true)]
    [InlineData("[^]", true)]
    [InlineData("(?i)a", false)]
    [InlineData("a{", true)]
    public void Regex_is_ECMA_262(string value, bool valid) => Assert.Equal(valid, IsValid("regex", value));

    [Fact]
    public void An_empty_character_class_in_a_pattern_matches_nothing_and_its_negation_anything()
    {
        JsonSchemaValidator never = JsonSchemaValidator.Create("{ \"pattern\": \"^[]$\" }");
        JsonSchemaValidator any = JsonSchemaValidator.Create("{ \"pattern\": \"^[^]$\" }");
        using JsonDocument empty = JsonDocument.Parse("\"\"");
        using JsonDocument newline = JsonDocument.Parse("\"\\n\"");
        Assert.False(never.IsValid(empty.RootElement));
        Assert.True(any.IsValid(newline.RootElement));
    }
}
