using Microsoft.CodeAnalysis;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// Maps, allOf, unions without a discriminator and recursive schemas: what the generator makes of
/// them in a real compilation (their behaviour at run time is in the end-to-end tests).
/// </summary>
public sealed class StructureGenerationTests
{
    private static GeneratorResult Run(string schema, string path = "/p/shapes.json")
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile(path, schema, "Shapes"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        return result;
    }

    private static INamedTypeSymbol Type(GeneratorResult result, string metadataName) =>
        result.Output.GetTypeByMetadataName("Shapes." + metadataName) ?? throw new Xunit.Sdk.XunitException("No type Shapes." + metadataName);

    private static string MemberType(GeneratorResult result, string type, string member) =>
        Type(result, type).GetMembers(member).OfType<IPropertySymbol>().Single().Type.ToDisplayString();

    [Fact]
    public void AdditionalProperties_becomes_a_typed_dictionary_member_or_a_map()
    {
        string schema = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Config",
              "type": "object",
              "properties": {
                "name": { "type": "string" },
                "limits": { "type": "object", "additionalProperties": { "type": "integer", "format": "int32" } },
                "anything": { "type": "object", "additionalProperties": true },
                "additionalProperties": { "type": "boolean" }
              },
              "additionalProperties": { "$ref": "#/$defs/Entry" },
              "$defs": { "Entry": { "type": "object", "properties": { "on": { "type": "boolean" } } } }
            }
            """;
        GeneratorResult result = Run(schema);

        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        Assert.Equal("System.Collections.Generic.IReadOnlyDictionary<string, int>?", MemberType(result, "Config", "Limits"));
        Assert.Equal("System.Collections.Generic.IReadOnlyDictionary<string, System.Text.Json.JsonElement>?", MemberType(result, "Config", "Anything"));
        // A declared property keeps its name; the dictionary of undeclared members gets the next free one.
        Assert.Equal("bool?", MemberType(result, "Config", "AdditionalProperties"));
        Assert.Equal("System.Collections.Generic.IReadOnlyDictionary<string, Shapes.Entry>?", MemberType(result, "Config", "AdditionalProperties2"));
    }

    [Fact]
    public void AdditionalProperties_false_or_absent_adds_no_member()
    {
        string schema = """
            { "title": "Closed", "type": "object", "properties": { "a": { "type": "string" } }, "additionalProperties": false }
            """;
        GeneratorResult result = Run(schema);
        Assert.Empty(Type(result, "Closed").GetMembers("AdditionalProperties"));
    }

    [Fact]
    public void AllOf_merges_properties_of_refs_and_inline_parts_into_one_record()
    {
        string schema = """
            {
              "title": "Doc",
              "type": "object",
              "properties": { "item": { "$ref": "#/$defs/Item" } },
              "$defs": {
                "Base": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" } } },
                "Item": {
                  "allOf": [
                    { "$ref": "#/$defs/Base" },
                    { "type": "object", "required": ["size"], "properties": { "size": { "type": "integer", "format": "int32" } } }
                  ],
                  "properties": { "note": { "type": "string" } }
                }
              }
            }
            """;
        GeneratorResult result = Run(schema);

        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        INamedTypeSymbol item = Type(result, "Item");
        Assert.Equal(["Id", "Size", "Note"], item.GetMembers().OfType<IPropertySymbol>().Where(static p => p.SetMethod is not null).Select(static p => p.Name));
        Assert.True(((IPropertySymbol)item.GetMembers("Id").Single()).IsRequired);
        Assert.True(((IPropertySymbol)item.GetMembers("Size").Single()).IsRequired);
        Assert.False(((IPropertySymbol)item.GetMembers("Note").Single()).IsRequired);
        Assert.Contains("JsonValidation.AddErrors(", result.Source("Shapes.Item.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void AllOf_parts_that_type_one_property_differently_are_SB0010_at_the_second_and_fall_back_to_JsonElement()
    {
        string schema = "{\n  \"title\": \"Mixed\",\n  \"allOf\": [\n    { \"properties\": { \"id\": { \"type\": \"string\" } } },\n    { \"properties\": { \"id\": { \"type\": \"integer\" } } }\n  ]\n}";
        GeneratorResult result = Run(schema);

        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0010", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity);
        Assert.Equal(4, d.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(schema.LastIndexOf("\"id\"", StringComparison.Ordinal), d.Location.SourceSpan.Start);
        Assert.Contains("'id' two different types, string and int64", d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("System.Text.Json.JsonElement?", MemberType(result, "Mixed", "Id"));
    }

    [Fact]
    public void AllOf_of_schemas_that_are_not_objects_keeps_their_one_shape_and_every_bound()
    {
        string schema = """
            {
              "title": "Order",
              "type": "object",
              "properties": {
                "status": { "allOf": [ { "$ref": "#/$defs/Status" } ], "description": "Where the order is." },
                "code": { "allOf": [ { "type": "string", "minLength": 2 }, { "maxLength": 4 } ] },
                "odd": { "allOf": [ { "type": "string" }, { "type": "integer" } ] }
              },
              "$defs": { "Status": { "type": "string", "enum": ["open", "shipped"] } }
            }
            """;
        GeneratorResult result = Run(schema);

        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0010", d.Id);
        Assert.Equal(schema.IndexOf("{ \"type\": \"integer\" }", StringComparison.Ordinal), d.Location.SourceSpan.Start);
        Assert.Equal("Shapes.Status?", MemberType(result, "Order", "Status"));
        Assert.Equal("string?", MemberType(result, "Order", "Code"));
        Assert.Equal("System.Text.Json.JsonElement?", MemberType(result, "Order", "Odd"));
        IPropertySymbol code = Type(result, "Order").GetMembers("Code").OfType<IPropertySymbol>().Single();
        Assert.Equal(
            ["SchemaMinLengthAttribute(2)", "SchemaMaxLengthAttribute(4)"],
            code.GetAttributes().Select(static a => a.AttributeClass!.Name + "(" + a.ConstructorArguments[0].Value + ")"));
    }

    [Fact]
    public void Cases_of_a_discriminated_union_may_compose_the_union_itself_with_allOf()
    {
        // The usual OpenAPI inheritance: the base holds the discriminator, each case is allOf [base, own].
        string schema = """
            {
              "openapi": "3.1.0",
              "info": { "title": "T", "version": "1" },
              "paths": {},
              "components": { "schemas": {
                "Pet": {
                  "type": "object",
                  "required": ["petType"],
                  "properties": { "petType": { "type": "string" }, "name": { "type": "string" } },
                  "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ],
                  "discriminator": { "propertyName": "petType" }
                },
                "Cat": { "allOf": [ { "$ref": "#/components/schemas/Pet" }, { "properties": { "meows": { "type": "boolean" } } } ] },
                "Dog": { "allOf": [ { "$ref": "#/components/schemas/Pet" }, { "properties": { "barks": { "type": "boolean" } } } ] }
              } }
            }
            """;
        GeneratorResult result = Run(schema, "/p/pets.json");

        // Cat -> Pet -> oneOf Cat -> ... never ends for a JSON Schema validator, so the cases check their
        // typed members only, and say so on each allOf.
        Assert.Equal(
            [("SB0004", schema.IndexOf("\"allOf\"", StringComparison.Ordinal)), ("SB0004", schema.LastIndexOf("\"allOf\"", StringComparison.Ordinal))],
            result.SchemaDiagnostics.Select(static d => (d.Id, d.Location.SourceSpan.Start)));
        Assert.DoesNotContain("JsonValidation", result.Source("Shapes.Cat.g.cs"), StringComparison.Ordinal);
        INamedTypeSymbol cat = Type(result, "Cat");
        Assert.Equal("Pet", cat.BaseType!.Name);
        Assert.Equal(["PetType", "Name", "Meows"], cat.GetMembers().OfType<IPropertySymbol>().Where(static p => p.Name is not "EqualityContract" and not "JsonSchema").Select(static p => p.Name));
        Assert.Equal("Cat", ((IFieldSymbol)cat.GetMembers("PetTypeValue").Single()).ConstantValue);
    }

    [Fact]
    public void A_oneOf_without_discriminator_is_an_abstract_union_with_a_case_per_alternative()
    {
        string schema = """
            {
              "title": "Doc",
              "type": "object",
              "properties": { "value": { "$ref": "#/$defs/Value" } },
              "$defs": {
                "Point": { "type": "object", "properties": { "x": { "type": "number" } } },
                "Value": {
                  "oneOf": [
                    { "$ref": "#/$defs/Point" },
                    { "type": "string", "maxLength": 3 },
                    { "type": "string", "format": "email" },
                    { "type": "object", "title": "Box", "properties": { "w": { "type": "number" } } },
                    { "type": "array", "items": { "$ref": "#/$defs/Value" } },
                    { "type": "null" }
                  ]
                }
              }
            }
            """;
        GeneratorResult result = Run(schema);

        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        INamedTypeSymbol union = Type(result, "Value");
        Assert.True(union.IsAbstract);
        Assert.Equal(
            ["PointCase", "StringCase", "String2Case", "BoxCase", "ValueListCase"],
            union.GetTypeMembers().Where(static t => t.BaseType?.Name == "Value").Select(static t => t.Name));
        Assert.Equal("Shapes.Point", ((IPropertySymbol)union.GetTypeMembers("PointCase").Single().GetMembers("Value").Single()).Type.ToDisplayString());

        // Match has one handler per case; implicit conversions only where the C# type names one case.
        IMethodSymbol match = union.GetMembers("Match").OfType<IMethodSymbol>().Single();
        Assert.Equal(["onPoint", "onString", "onString2", "onBox", "onValueList"], match.Parameters.Select(static p => p.Name));
        Assert.Equal(
            ["Shapes.Point", "Shapes.Box"],
            union.GetMembers("op_Implicit").OfType<IMethodSymbol>().Select(static m => m.Parameters[0].Type.ToDisplayString()));

        // The null alternative makes the value nullable instead of being a case.
        Assert.Equal("Shapes.Value?", MemberType(result, "Doc", "Value"));
    }

    [Fact]
    public void A_union_case_never_hides_a_generated_type_named_like_it()
    {
        string schema = """
            {
              "title": "Doc",
              "type": "object",
              "properties": { "either": { "oneOf": [ { "$ref": "#/$defs/Box" }, { "$ref": "#/$defs/BoxCase" } ] } },
              "$defs": {
                "Box": { "type": "object", "properties": { "w": { "type": "number" } } },
                "BoxCase": { "type": "object", "properties": { "h": { "type": "number" } } }
              }
            }
            """;
        GeneratorResult result = Run(schema);

        INamedTypeSymbol union = Type(result, "DocEither");
        Assert.Equal(["Box2Case", "BoxCaseCase"], union.GetTypeMembers().Where(static t => t.BaseType?.Name == "DocEither").Select(static t => t.Name));
        Assert.Equal("Shapes.BoxCase", ((IPropertySymbol)union.GetTypeMembers("BoxCaseCase").Single().GetMembers("Value").Single()).Type.ToDisplayString());
    }

    [Fact]
    public void A_oneOf_of_required_only_stays_a_record_checked_in_typed_code()
    {
        string schema = """
            {
              "title": "Contact",
              "type": "object",
              "properties": { "email": { "type": "string" }, "phone": { "type": "string" } },
              "oneOf": [ { "required": ["email"] }, { "required": ["phone"] } ]
            }
            """;
        GeneratorResult result = Run(schema);

        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        Assert.False(Type(result, "Contact").IsAbstract);
        string source = result.Source("Shapes.Contact.g.cs");
        Assert.Contains("int matches = (Email is not null ? 1 : 0) + (Phone is not null ? 1 : 0);", source, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonValidation.AddErrors(", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_union_inline_in_an_operation_reads_by_trying_its_cases()
    {
        string schema = """
            {
              "openapi": "3.1.0",
              "info": { "title": "T", "version": "1" },
              "paths": { "/v": { "get": {
                "operationId": "getV",
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": {
                  "anyOf": [ { "type": "integer" }, { "type": "boolean" } ] } } } } } } } }
            }
            """;
        GeneratorResult result = Run(schema, "/p/api.json");
        GeneratorResult.AssertNone(result.SchemaDiagnostics);

        SyntaxTree tree = result.Output.SyntaxTrees.Single(t => t.ToString().Contains("abstract partial record", StringComparison.Ordinal));
        string source = tree.ToString();
        Assert.Contains("catch (STJ::JsonException)", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Subschema(", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_oneOf_union_inline_in_an_operation_warns_that_exclusivity_is_not_checked()
    {
        string schema = """
            {
              "openapi": "3.1.0",
              "info": { "title": "T", "version": "1" },
              "paths": { "/v": { "get": {
                "operationId": "getV",
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": {
                  "oneOf": [ { "type": "integer" }, { "type": "number" } ] } } } } } } } }
            }
            """;
        GeneratorResult result = Run(schema, "/p/api.json");

        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0004", d.Id);
        Assert.Equal(schema.IndexOf("\"oneOf\"", StringComparison.Ordinal), d.Location.SourceSpan.Start);
        Assert.Contains("no more than one alternative", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Recursive_schemas_through_objects_arrays_maps_and_unions_generate()
    {
        string schema = """
            {
              "title": "Node",
              "type": "object",
              "properties": {
                "next": { "$ref": "#" },
                "children": { "type": "array", "items": { "$ref": "#" } },
                "named": { "type": "object", "additionalProperties": { "$ref": "#" } },
                "json": { "$ref": "#/$defs/Json" }
              },
              "$defs": {
                "Json": {
                  "anyOf": [
                    { "type": "string" },
                    { "type": "array", "items": { "$ref": "#/$defs/Json" } },
                    { "type": "object", "additionalProperties": { "$ref": "#/$defs/Json" } }
                  ]
                }
              }
            }
            """;
        GeneratorResult result = Run(schema);

        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        Assert.Equal("Shapes.Node?", MemberType(result, "Node", "Next"));
        Assert.Equal("System.Collections.Generic.IReadOnlyDictionary<string, Shapes.Node>?", MemberType(result, "Node", "Named"));
        Assert.Equal(["StringCase", "JsonListCase", "JsonMapCase"], Type(result, "Json").GetTypeMembers().Select(static t => t.Name).Where(static n => n.EndsWith("Case", StringComparison.Ordinal)));
    }
}
