using SchemaBind.Generator.Parsing;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// The quick look at a document's text that decides whether the bundling walk runs (DocumentBundler.MayReferToFiles):
/// a "$ref" key whose value does not start with '#' may refer to another file; a "$ref" that is no key (an item of a
/// <c>required</c> list) or whose value is an object (a property named "$ref") refers to nothing.
/// </summary>
public sealed class BundlerScanTests
{
    [Theory]
    [InlineData("""{ "$ref": "other.json#/a" }""", true)]
    [InlineData("""{ "$ref" :  "other.json" }""", true)]
    [InlineData("""{ "$ref": "https://example.com/a.json" }""", true)]
    [InlineData("$ref: other.yaml\n", true)]
    [InlineData("'$ref': 'other.yaml'\n", true)]
    [InlineData("$ref:\n  other.yaml\n", true)]
    [InlineData("""{ "a": { "$ref": "#/b" }, "c": { "$ref": "d.json" } }""", true)]
    [InlineData("""{ "$ref": "#/components/schemas/a" }""", false)]
    [InlineData("""{ "required": ["value", "$ref"], "properties": { "$ref": { "type": "string" } } }""", false)]
    [InlineData("""{ "properties": { "$ref": [ 1 ] } }""", false)]
    [InlineData("""{ "description": "see $ref" }""", false)]
    [InlineData("required:\n  - $ref\n", false)]
    [InlineData("", false)]
    public void A_ref_key_whose_value_is_not_a_fragment_may_refer_to_a_file(string text, bool mayRefer) =>
        Assert.Equal(mayRefer, DocumentBundler.MayReferToFiles(text));
}
