using System.Text.Json;
using SchemaBind.Runtime;

namespace SchemaBind.Runtime.Tests;

/// <summary>
/// What the JSON validator reports for every error of a value: the instance location (a JSON Pointer), the
/// keyword and the message, in evaluation order. Validate reports as it evaluates, in one pass; these pin its
/// output, including what it must not report (errors inside a failed branch of anyOf, oneOf, not or if).
/// </summary>
public sealed class JsonSchemaErrorTests
{
    private static string[] Errors(string schema, string instance)
    {
        var validator = JsonSchemaValidator.Create(schema);
        using JsonDocument document = JsonDocument.Parse(instance);
        IReadOnlyList<ValidationError> errors = validator.Validate(document.RootElement);
        Assert.Equal(errors.Count == 0, validator.IsValid(document.RootElement));
        return errors.Select(static e => e.InstanceLocation + " [" + e.Keyword + "] " + e.Message).ToArray();
    }

    [Fact]
    public void A_valid_value_has_no_errors()
    {
        Assert.Empty(Errors("""{ "type": "object", "properties": { "a": { "type": "integer" } }, "required": ["a"] }""", """{ "a": 1 }"""));
    }

    [Fact]
    public void Every_error_is_reported_in_evaluation_order_with_its_pointer()
    {
        const string schema = """
            {
              "type": "object",
              "properties": {
                "name": { "type": "string", "minLength": 2, "pattern": "^[a-z]+$" },
                "tags": { "type": "array", "items": { "type": "string", "maxLength": 3 } },
                "size": { "type": "number", "minimum": 1, "multipleOf": 2 }
              },
              "required": ["name", "id"],
              "dependentRequired": { "size": ["unit"] }
            }
            """;

        Assert.Equal(
            [
                "/name [minLength] must be at least 2 characters long.",
                "/name [pattern] must match the pattern ^[a-z]+$.",
                "/tags/1 [maxLength] must be at most 3 characters long.",
                "/tags/2 [type] must be string.",
                "/size [minimum] must be at least 1.",
                "/size [multipleOf] must be a multiple of 2.",
                " [required] The property 'id' is required.",
                " [dependentRequired] The property 'unit' is required when 'size' is present.",
            ],
            Errors(schema, """{ "name": "A", "tags": ["ab", "abcd", 5], "size": 0.5 }"""));
    }

    [Fact]
    public void Property_names_are_escaped_in_pointers()
    {
        const string schema = """{ "additionalProperties": { "type": "integer" } }""";

        Assert.Equal(
            ["/a~1b [type] must be integer.", "/c~0d [type] must be integer.", "/é\"x [type] must be integer.", "/~0~1 [type] must be integer."],
            Errors(schema, """{ "a/b": "1", "c~d": "1", "\u00e9\"x": "1", "~/": "1" }"""));
    }

    [Fact]
    public void Property_names_written_with_escapes_are_the_names_they_decode_to()
    {
        const string schema = """{ "properties": { "a": { "type": "integer" }, "b\\c": { "type": "integer" }, "\\u0064": { "type": "integer" } } }""";

        Assert.Equal(
            ["/a [type] must be integer.", "/b\\c [type] must be integer.", "/\\u0064 [type] must be integer."],
            Errors(schema, """{ "\u0061": "x", "b\\c": "x", "\\u0064": "x", "d": "x", "bc": "x" }"""));
        Assert.Equal(["/a [type] must be integer."], Errors("""{ "properties": { "a": { "type": "integer" } } }""", """{ "\u0061": "x", "b": "x" }"""));
    }

    [Fact]
    public void Errors_inside_failed_branches_are_not_reported()
    {
        const string schema = """
            {
              "properties": {
                "any": { "anyOf": [{ "type": "string" }, { "minimum": 10 }] },
                "one": { "oneOf": [{ "type": "string" }, { "type": "integer" }, { "type": "number" }] },
                "not": { "not": { "type": "integer" } },
                "if": { "if": { "minimum": 5 }, "then": { "multipleOf": 5 }, "else": { "maximum": 0 } }
              }
            }
            """;

        Assert.Equal(
            [
                "/any [anyOf] must match at least one of the anyOf schemas.",
                "/one [oneOf] must match exactly one of the oneOf schemas, but matches 2.",
                "/not [not] must not match the 'not' schema.",
                "/if [multipleOf] must be a multiple of 5.",
            ],
            Errors(schema, """{ "any": 1, "one": 3, "not": 1, "if": 6 }"""));
        Assert.Equal(["/if [maximum] must be at most 0."], Errors(schema, """{ "if": 3 }"""));
    }

    [Fact]
    public void A_reference_reports_the_errors_of_its_target()
    {
        const string schema = """
            {
              "type": "array",
              "items": { "$ref": "#/$defs/item" },
              "$defs": { "item": { "type": "object", "required": ["id"], "properties": { "id": { "type": "integer" } } } }
            }
            """;

        Assert.Equal([" [type] must be array."], Errors(schema, "{}"));
        Assert.Equal(["/1 [required] The property 'id' is required.", "/2/id [type] must be integer."], Errors(schema, """[{ "id": 1 }, {}, { "id": "x" }]"""));
    }

    [Fact]
    public void Required_names_are_checked_for_the_object_at_hand_when_the_schema_applies_itself_to_a_member()
    {
        // required reads which names the object has from the properties walk before it; the same schema
        // evaluated on a member (through additionalProperties) must not leave its answer to the outer object.
        const string schema = """
            {
              "properties": { "a": {}, "b": {} },
              "required": ["a", "b"],
              "dependentRequired": { "a": ["b"] },
              "additionalProperties": { "$ref": "#" }
            }
            """;

        Assert.Empty(Errors(schema, """{ "a": 1, "b": 2, "c": { "a": 1, "b": 2 } }"""));
        Assert.Equal(
            [
                "/c [required] The property 'a' is required.",
                "/c [required] The property 'b' is required.",
            ],
            Errors(schema, """{ "a": 1, "b": 2, "c": { "x": 1 } }"""));
        Assert.Equal(
            [
                " [required] The property 'b' is required.",
                " [dependentRequired] The property 'b' is required when 'a' is present.",
            ],
            Errors(schema, """{ "a": 1, "c": { "a": 1, "b": 2 } }"""));
        Assert.Equal([" [required] The property 'a' is required."], Errors("""{ "required": ["a"], "properties": { "a": {} } }""", """{ "b": 1 }"""));

        // A required applied in place (allOf, if, anyOf) reads the walk of the same object; one applied to a
        // member or an item does not.
        const string inPlace = """
            {
              "properties": { "a": {}, "b": {}, "c": { "allOf": [{ "required": ["a"] }] } },
              "items": { "required": ["a"] },
              "allOf": [{ "required": ["b"] }],
              "if": { "required": ["a"] }, "then": { "required": ["b"] },
              "anyOf": [{ "required": ["x"] }, { "required": ["a", "b"] }]
            }
            """;
        Assert.Empty(Errors(inPlace, """{ "a": 1, "b": 2, "c": { "a": 1 } }"""));
        Assert.Equal(
            [
                "/c [required] The property 'a' is required.",
                " [required] The property 'b' is required.",
                " [required] The property 'b' is required.",
                " [anyOf] must match at least one of the anyOf schemas.",
            ],
            Errors(inPlace, """{ "a": 1, "c": { "b": 1 } }"""));
        Assert.Equal(["/1 [required] The property 'a' is required."], Errors(inPlace, """[{ "a": 1 }, { "b": 1 }]"""));
        Assert.Equal([" [required] The property 'b' is required."], Errors("""{ "properties": { "a": {} }, "required": ["a", "b"] }""", """{ "a": 1 }"""));
    }

    [Fact]
    public void OneOf_branches_told_apart_by_a_const_see_each_object_s_own_discriminator()
    {
        // A verdict looks the branches' "type" up once per object; nested objects and items have their own.
        const string schema = """
            {
              "$defs": {
                "node": {
                  "oneOf": [
                    { "properties": { "type": { "const": "leaf" }, "value": { "type": "integer" } }, "required": ["type"] },
                    { "properties": { "type": { "const": "pair" }, "left": { "$ref": "#/$defs/node" }, "right": { "$ref": "#/$defs/node" } }, "required": ["type", "left"] }
                  ]
                }
              },
              "type": "array",
              "items": { "$ref": "#/$defs/node" }
            }
            """;

        Assert.Empty(Errors(schema, """[{ "type": "leaf", "value": 1 }, { "type": "pair", "left": { "type": "leaf" }, "right": { "type": "pair", "left": { "type": "leaf" } } }]"""));
        // Where the value's "type" names one branch, that branch's errors follow the oneOf error; "tree" and
        // "pear" name none, so their oneOf error stands alone.
        Assert.Equal(
            [
                "/0 [oneOf] must match exactly one of the oneOf schemas, but matches none.",
                "/1 [oneOf] must match exactly one of the oneOf schemas, but matches none.",
                "/1/left [oneOf] must match exactly one of the oneOf schemas, but matches none.",
                "/2 [oneOf] must match exactly one of the oneOf schemas, but matches none.",
                "/2/value [type] must be integer.",
            ],
            Errors(schema, """[{ "type": "tree" }, { "type": "pair", "left": { "type": "pear" } }, { "type": "leaf", "value": "x" }]"""));
    }

    [Fact]
    public void A_union_told_apart_by_a_const_reports_the_errors_of_the_case_the_value_names()
    {
        // OpenAPI's discriminated unions: cases behind $ref, the const in an allOf part of the case.
        const string schema = """
            {
              "oneOf": [ { "$ref": "#/$defs/sleep" }, { "$ref": "#/$defs/http" } ],
              "$defs": {
                "base": { "properties": { "name": { "type": "string", "minLength": 1 } }, "required": ["name"] },
                "sleep": { "allOf": [ { "$ref": "#/$defs/base" }, { "properties": { "type": { "const": "SLEEP" }, "seconds": { "type": "integer", "minimum": 0 } }, "required": ["type", "seconds"] } ] },
                "http": { "allOf": [ { "$ref": "#/$defs/base" }, { "properties": { "type": { "const": "HTTP" }, "url": { "type": "string" } }, "required": ["type", "url"] } ] }
              }
            }
            """;

        Assert.Equal(
            [
                " [oneOf] must match exactly one of the oneOf schemas, but matches none.",
                "/name [minLength] must be at least 1 character long.",
                "/seconds [minimum] must be at least 0.",
            ],
            Errors(schema, """{ "type": "SLEEP", "name": "", "seconds": -1 }"""));
        Assert.Equal(
            [" [oneOf] must match exactly one of the oneOf schemas, but matches none.", " [required] The property 'url' is required."],
            Errors(schema, """{ "type": "HTTP", "name": "ping" }"""));

        // A value that names no case (or no const at all) gets the oneOf error only, as before.
        Assert.Equal([" [oneOf] must match exactly one of the oneOf schemas, but matches none."], Errors(schema, """{ "type": "SSH", "name": "x" }"""));
        Assert.Equal([" [oneOf] must match exactly one of the oneOf schemas, but matches none."], Errors(schema, """{ "name": "x" }"""));
    }

    [Fact]
    public void A_remote_document_in_an_older_draft_names_anchors_with_a_fragment_id()
    {
        // Drafts 6 and 7 wrote "$id": "#name", draft 4 "id": "#name", where 2020-12 writes "$anchor": "name".
        using JsonDocument draft7 = JsonDocument.Parse("""
            { "definitions": { "ref": { "$ref": "#whole" }, "target": { "$id": "#whole", "type": "integer" } } }
            """);
        using JsonDocument draft4 = JsonDocument.Parse("""
            { "definitions": { "ref": { "$ref": "#whole" }, "target": { "id": "#whole", "type": "integer" }, "real": { "$anchor": "whole", "type": "string" } } }
            """);
        var options = new JsonSchemaOptions
        {
            DocumentResolver = uri => uri.AbsoluteUri switch
            {
                "https://example.com/draft7.json" => draft7.RootElement,
                "https://example.com/draft4.json" => draft4.RootElement,
                _ => null,
            },
        };
        var viaDraft7 = JsonSchemaValidator.Create("""{ "$ref": "https://example.com/draft7.json#/definitions/ref" }""", options);
        var viaDraft4 = JsonSchemaValidator.Create("""{ "$ref": "https://example.com/draft4.json#/definitions/ref" }""", options);
        using JsonDocument number = JsonDocument.Parse("1");
        using JsonDocument text = JsonDocument.Parse("\"one\"");

        // The fragment id names an anchor; it does not make the subschema the document's root resource.
        Assert.True(viaDraft7.IsValid(number.RootElement));
        Assert.False(viaDraft7.IsValid(text.RootElement));

        // A real $anchor of the same name wins over the legacy form.
        Assert.True(viaDraft4.IsValid(text.RootElement));
        Assert.False(viaDraft4.IsValid(number.RootElement));
    }

    [Fact]
    public void A_meta_schema_with_the_format_assertion_vocabulary_makes_format_assert_without_the_option()
    {
        using JsonDocument meta = JsonDocument.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://example.com/meta/strict",
              "$vocabulary": {
                "https://json-schema.org/draft/2020-12/vocab/core": true,
                "https://json-schema.org/draft/2020-12/vocab/validation": true,
                "https://json-schema.org/draft/2020-12/vocab/format-assertion": false
              }
            }
            """);
        var options = new JsonSchemaOptions
        {
            DocumentResolver = uri => uri.AbsoluteUri == "https://example.com/meta/strict" ? meta.RootElement : null,
        };
        var strict = JsonSchemaValidator.Create("""{ "$schema": "https://example.com/meta/strict", "format": "ipv4" }""", options);
        var plain = JsonSchemaValidator.Create("""{ "format": "ipv4" }""", options);
        using JsonDocument bad = JsonDocument.Parse("\"not-an-ipv4\"");
        using JsonDocument good = JsonDocument.Parse("\"127.0.0.1\"");

        // false in $vocabulary only tells an implementation that does not know the vocabulary it may go on.
        Assert.False(strict.IsValid(bad.RootElement));
        Assert.Equal("format", Assert.Single(strict.Validate(bad.RootElement)).Keyword);
        Assert.True(strict.IsValid(good.RootElement));
        Assert.True(plain.IsValid(bad.RootElement)); // format is an annotation by default
    }

    [Fact]
    public void Draft_7_dependencies_are_honoured_under_their_own_name()
    {
        const string schema = """
            { "dependencies": { "card": ["billing"], "vat": { "properties": { "country": { "type": "string", "minLength": 2 } }, "required": ["country"] } } }
            """;

        Assert.Empty(Errors(schema, """{ "card": 1, "billing": "x", "vat": "DE1", "country": "DE" }"""));
        Assert.Equal(
            [
                " [dependencies] The property 'billing' is required when 'card' is present.",
                " [required] The property 'country' is required.",
            ],
            Errors(schema, """{ "card": 1, "vat": "DE1" }"""));
        Assert.Equal(["/country [minLength] must be at least 2 characters long."], Errors(schema, """{ "vat": "DE1", "country": "D" }"""));
    }

    [Fact]
    public void References_that_only_refer_to_each_other_end_in_an_error()
    {
        var validator = JsonSchemaValidator.Create("""{ "$ref": "#/$defs/a", "$defs": { "a": { "$ref": "#/$defs/b" }, "b": { "$ref": "#/$defs/a" } } }""");
        using JsonDocument document = JsonDocument.Parse("1");

        Assert.Throws<InvalidOperationException>(() => validator.IsValid(document.RootElement));
        Assert.Throws<InvalidOperationException>(() => validator.Validate(document.RootElement));
        Assert.Equal(["/a [type] must be integer."], Errors("""{ "properties": { "a": { "$ref": "#/$defs/n" } }, "$defs": { "n": { "$ref": "#/$defs/m" }, "m": { "type": "integer" } } }""", """{ "a": "x" }"""));
    }

    [Fact]
    public void A_false_schema_reports_the_keyword_that_applies_it()
    {
        const string schema = """
            {
              "properties": { "gone": false },
              "additionalProperties": false,
              "prefixItems": [true, false],
              "items": false
            }
            """;

        Assert.Equal(["/gone [properties] No value is valid here (the schema is false).", "/zip [additionalProperties] No value is valid here (the schema is false)."], Errors(schema, """{ "gone": 1, "zip": "0150" }"""));
        Assert.Equal(["/1 [prefixItems] No value is valid here (the schema is false).", "/2 [items] No value is valid here (the schema is false)."], Errors(schema, "[1, 2, 3]"));
        Assert.Equal([" [allOf] No value is valid here (the schema is false)."], Errors("""{ "allOf": [true, false] }""", "1"));

        // With no keyword applying it (the root, or the target of a reference), the schema itself is named.
        Assert.Equal([" [false] No value is valid here (the schema is false)."], Errors("false", "1"));
        Assert.Equal(["/a [false] No value is valid here (the schema is false)."], Errors("""{ "properties": { "a": { "$ref": "#/$defs/never" } }, "$defs": { "never": false } }""", """{ "a": 1 }"""));
    }
}
