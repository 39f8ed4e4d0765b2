using System.Text.Json;
using Microsoft.CodeAnalysis;
using SchemaBind.Generator.Dialects;
using SchemaBind.Generator.Model;
using SchemaBind.Generator.Reading;
using SchemaBind.Generator.Text;
using SchemaBind.Runtime;
using DiagnosticInfo = SchemaBind.Generator.Diagnostics.DiagnosticInfo;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// Swagger 2.0, OpenAPI 3.0 and 3.1 documents with 3.0 habits are read as the OpenAPI 3.1 document they mean:
/// one test per difference of dialect, on the typed code, on the embedded document the runtime validates with,
/// and on where diagnostics point.
/// </summary>
public sealed class DialectTests
{
    private static ParseResult Parse(string text, string path = "/p/api.json") =>
        Parsing.DocumentParser.Parse(new SchemaFileInput(path, text, "P", null), CancellationToken.None);

    /// <summary>The schema at <paramref name="pointer"/> of the embedded (upgraded) document, as the runtime validates it.</summary>
    private static JsonSchemaValidator Embedded(ParseResult result, string pointer) =>
        JsonSchemaValidator.Create(result.Api!.Document.Json.ToString()).Subschema(pointer);

    private static bool Valid(JsonSchemaValidator validator, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return validator.IsValid(document.RootElement);
    }

    private static GeneratorResult GenerateClean(string text, string path = "/p/api.json")
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile(path, text, "P"));
        Assert.All(result.RunResult.Results, static r => Assert.Null(r.Exception));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        return result;
    }

    /// <summary>The upgraded tree of an OpenAPI document, written out, parsed back (null when it is read as it is).</summary>
    private static JsonElement? Upgraded(string text, List<string>? reported = null)
    {
        var root = (JsonObject)JsonTextParser.Parse(text, CancellationToken.None);
        JsonObject? upgraded = DocumentUpgrader.Upgrade(root, text, jsonSchema: false, (d, start, end, args) => reported?.Add(d.Id + "@" + start + ": " + string.Format(System.Globalization.CultureInfo.InvariantCulture, d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), args)), CancellationToken.None);
        if (upgraded is null)
        {
            return null;
        }

        var minified = new MinifiedJson();
        JsonTreeWriter.Write(upgraded, minified, CancellationToken.None);
        return JsonDocument.Parse(minified.ToString()).RootElement.Clone();
    }

    private static string OpenApi30(string schemas, string paths = "{}") =>
        "{\n\"openapi\": \"3.0.3\",\n\"info\": { \"title\": \"Shop\", \"version\": \"1\" },\n\"paths\": " + paths + ",\n\"components\": { \"schemas\": " + schemas + " }\n}";

    [Fact]
    public void OpenApi30_nullable_adds_null_to_the_type_in_the_typed_code_and_the_embedded_document()
    {
        string text = OpenApi30("""
            {
              "Owner": { "type": "object", "properties": { "id": { "type": "integer" } } },
              "Pet": {
                "type": "object",
                "required": ["name", "nickname", "status", "owner"],
                "properties": {
                  "name": { "type": "string" },
                  "nickname": { "type": "string", "nullable": true },
                  "status": { "type": "string", "enum": ["sold", "kept"], "nullable": true },
                  "owner": { "$ref": "#/components/schemas/Owner", "nullable": true, "description": "Who has it." }
                }
              }
            }
            """);
        GeneratorResult result = GenerateClean(text);
        Assert.DoesNotContain(result.SchemaDiagnostics, static d => d.DefaultSeverity == DiagnosticSeverity.Error);
        string pet = result.Source("P.Pet.g.cs");
        Assert.Contains("public required string Name { get; init; }", pet, StringComparison.Ordinal);
        Assert.Contains("public required string? Nickname { get; init; }", pet, StringComparison.Ordinal);
        Assert.Contains("public required PetStatus? Status { get; init; }", pet, StringComparison.Ordinal);
        Assert.Contains("public required Owner? Owner { get; init; }", pet, StringComparison.Ordinal);
        Assert.Contains("Who has it.", pet, StringComparison.Ordinal);

        // The runtime's 2020-12 validator reads the upgraded document, so it agrees with the typed code.
        JsonSchemaValidator validator = Embedded(Parse(text), "#/components/schemas/Pet");
        Assert.True(Valid(validator, """{ "name": "Rex", "nickname": null, "status": null, "owner": null }"""));
        Assert.True(Valid(validator, """{ "name": "Rex", "nickname": "R", "status": "sold", "owner": { "id": 1 } }"""));
        Assert.False(Valid(validator, """{ "name": null, "nickname": null, "status": null, "owner": null }"""));
        Assert.False(Valid(validator, """{ "name": "Rex", "nickname": null, "status": "lost", "owner": null }"""));
    }

    [Fact]
    public void OpenApi30_nullable_beside_a_ref_or_allOf_is_an_anyOf_with_null_and_without_a_type_changes_nothing()
    {
        JsonElement upgraded = Upgraded(OpenApi30("""
            {
              "A": { "$ref": "#/components/schemas/B", "nullable": true, "description": "d" },
              "B": { "allOf": [{ "$ref": "#/components/schemas/C" }], "nullable": true },
              "C": { "oneOf": [{ "type": "string" }, { "type": "integer" }], "nullable": true },
              "D": { "nullable": true, "description": "anything" },
              "E": { "type": "string", "nullable": false }
            }
            """))!.Value;
        JsonElement schemas = upgraded.GetProperty("components").GetProperty("schemas");
        Assert.Equal("""{"description":"d","anyOf":[{"$ref":"#/components/schemas/B"},{"type":"null"}]}""", schemas.GetProperty("A").GetRawText());
        Assert.Equal("""{"anyOf":[{"allOf":[{"$ref":"#/components/schemas/C"}]},{"type":"null"}]}""", schemas.GetProperty("B").GetRawText());
        Assert.Equal("""{"oneOf":[{"type":"string"},{"type":"integer"},{"type":"null"}]}""", schemas.GetProperty("C").GetRawText());
        Assert.Equal("""{"description":"anything"}""", schemas.GetProperty("D").GetRawText());
        Assert.Equal("""{"type":"string"}""", schemas.GetProperty("E").GetRawText());
        Assert.Equal("3.1.0", upgraded.GetProperty("openapi").GetString());
    }

    [Fact]
    public void OpenApi30_boolean_exclusive_bounds_become_numeric_bounds()
    {
        string text = OpenApi30("""
            {
              "Range": {
                "type": "object",
                "properties": {
                  "size": { "type": "integer", "minimum": 1, "exclusiveMinimum": true, "maximum": 10, "exclusiveMaximum": false }
                }
              }
            }
            """);
        JsonElement size = Upgraded(text)!.Value.GetProperty("components").GetProperty("schemas").GetProperty("Range").GetProperty("properties").GetProperty("size");
        Assert.Equal("""{"type":"integer","maximum":10,"exclusiveMinimum":1}""", size.GetRawText());

        GenerateClean(text);
        JsonSchemaValidator validator = Embedded(Parse(text), "#/components/schemas/Range");
        Assert.False(Valid(validator, """{ "size": 1 }"""));
        Assert.True(Valid(validator, """{ "size": 2 }"""));
        Assert.True(Valid(validator, """{ "size": 10 }"""));
        Assert.False(Valid(validator, """{ "size": 11 }"""));
    }

    [Fact]
    public void A_diagnostic_in_an_upgraded_document_points_into_the_original_text()
    {
        string text = OpenApi30("""
            {
              "Pet": { "type": "object", "properties": { "code": { "type": "string", "nullable": true, "pattern": "[" } } }
            }
            """);
        ParseResult result = Parse(text);
        DiagnosticInfo invalid = Assert.Single(result.Diagnostics, static d => d.Id == "SB0007");
        Assert.Equal(text.IndexOf("\"[\"", StringComparison.Ordinal), invalid.Span.Start);
    }

    [Fact]
    public void OpenApi31_with_30_habits_is_read_with_one_located_SB0035_per_habit()
    {
        string text = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Shop", "version": "1" },
              "paths": {},
              "components": { "schemas": { "Pet": {
                "type": "object",
                "required": ["a"],
                "properties": {
                  "a": { "type": "string", "nullable": true },
                  "b": { "type": "integer", "nullable": true, "minimum": 0, "exclusiveMinimum": true }
                }
              } } }
            }
            """;
        GeneratorResult result = GenerateClean(text);
        Assert.Contains("public required string? A { get; init; }", result.Source("P.Pet.g.cs"), StringComparison.Ordinal);
        var habits = result.SchemaDiagnostics.Where(static d => d.Id == "SB0035").ToList();
        Assert.Equal(2, habits.Count);
        Assert.All(habits, static d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));
        Diagnostic nullable = habits.Single(static d => d.GetMessage().StartsWith("'nullable'", StringComparison.Ordinal));
        Assert.Equal(text.IndexOf("\"nullable\"", StringComparison.Ordinal), nullable.Location.SourceSpan.Start);
        Assert.Contains("(and 1 more in this document)", nullable.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("OpenAPI 3.1 expects \"null\" among the types", nullable.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.SchemaDiagnostics, static d => d.DefaultSeverity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void OpenApi31_without_30_habits_is_not_rewritten()
    {
        string text = """{ "openapi": "3.1.0", "info": { "title": "T", "version": "1" }, "paths": {}, "components": { "schemas": { "A": { "type": ["string", "null"], "exclusiveMinimum": 1 } } } }""";
        Assert.Null(Upgraded(text));
    }

    [Fact]
    public void OpenApi30_links_and_OpenApi32_query_operations_are_SB0036_and_the_rest_generates()
    {
        string text = """
            {
              "openapi": "3.2.0",
              "info": { "title": "Shop", "version": "1" },
              "paths": {
                "/pets": {
                  "get": { "operationId": "listPets", "responses": { "200": { "description": "ok" } } },
                  "query": { "operationId": "findPets", "responses": { "200": { "description": "ok" } } }
                }
              }
            }
            """;
        GeneratorResult result = GenerateClean(text);
        Diagnostic query = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0036", query.Id);
        Assert.Equal(text.IndexOf("\"query\"", StringComparison.Ordinal), query.Location.SourceSpan.Start);
        Assert.Contains("ListPetsAsync", result.Source("P.ShopClient.g.cs"), StringComparison.Ordinal);

        var reported = new List<string>();
        string links = """{ "openapi": "3.0.0", "info": { "title": "T", "version": "1" }, "paths": { "/s": { "post": { "responses": { "200": { "description": "ok", "links": { "l": {} } } } } } } }""";
        Upgraded(links, reported);
        Assert.Equal("SB0036@" + links.IndexOf("\"links\"", StringComparison.Ordinal) + ": 'links' is not generated: links between responses and operations are not generated; the response is", Assert.Single(reported));
    }

    private const string Swagger = """
        {
          "swagger": "2.0",
          "info": { "title": "Petstore", "version": "1" },
          "host": "api.example.com",
          "basePath": "/v1",
          "schemes": ["http", "https"],
          "consumes": ["application/json"],
          "produces": ["application/json"],
          "securityDefinitions": {
            "basic": { "type": "basic" },
            "oauth": { "type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a", "tokenUrl": "https://t", "scopes": { "read": "r" } }
          },
          "parameters": {
            "limit": { "name": "limit", "in": "query", "type": "integer", "format": "int32", "minimum": 0, "exclusiveMinimum": true }
          },
          "paths": {
            "/pets": {
              "get": {
                "operationId": "listPets",
                "parameters": [
                  { "$ref": "#/parameters/limit" },
                  { "name": "tags", "in": "query", "type": "array", "items": { "type": "string" }, "collectionFormat": "multi" }
                ],
                "responses": { "200": { "description": "ok", "schema": { "type": "array", "items": { "$ref": "#/definitions/Pet" } } } }
              },
              "post": {
                "operationId": "addPet",
                "parameters": [{ "name": "pet", "in": "body", "required": true, "schema": { "$ref": "#/definitions/Pet" } }],
                "responses": { "201": { "description": "made", "schema": { "$ref": "#/definitions/Pet" } } }
              }
            },
            "/pets/{id}/photo": {
              "post": {
                "operationId": "uploadPhoto",
                "consumes": ["multipart/form-data"],
                "parameters": [
                  { "name": "id", "in": "path", "required": true, "type": "string" },
                  { "name": "caption", "in": "formData", "type": "string" },
                  { "name": "file", "in": "formData", "required": true, "type": "file" }
                ],
                "responses": { "204": { "description": "done" } }
              }
            },
            "/pets/{id}": {
              "patch": {
                "operationId": "renamePet",
                "parameters": [
                  { "name": "id", "in": "path", "required": true, "type": "string" },
                  { "name": "name", "in": "formData", "required": true, "type": "string" }
                ],
                "responses": { "204": { "description": "done" } }
              }
            }
          },
          "definitions": {
            "Pet": {
              "type": "object",
              "required": ["name"],
              "properties": { "name": { "type": "string" }, "tag": { "type": "string", "x-nullable": true } }
            },
            "Animal": { "type": "object", "discriminator": "kind", "properties": { "kind": { "type": "string" } } }
          }
        }
        """;

    [Fact]
    public void Swagger20_document_parts_move_to_their_OpenApi3_places()
    {
        JsonElement document = Upgraded(Swagger)!.Value;
        Assert.Equal("3.1.0", document.GetProperty("openapi").GetString());
        Assert.Equal("""[{"url":"https://api.example.com/v1"},{"url":"http://api.example.com/v1"}]""", document.GetProperty("servers").GetRawText());
        JsonElement components = document.GetProperty("components");
        Assert.Equal("""{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"tag":{"type":["string","null"]}}}""", components.GetProperty("schemas").GetProperty("Pet").GetRawText());
        Assert.Equal("""{"type":"object","discriminator":{"propertyName":"kind"},"properties":{"kind":{"type":"string"}}}""", components.GetProperty("schemas").GetProperty("Animal").GetRawText());
        Assert.Equal("""{"basic":{"type":"http","scheme":"basic"},"oauth":{"type":"oauth2","flows":{"authorizationCode":{"authorizationUrl":"https://a","tokenUrl":"https://t","scopes":{"read":"r"}}}}}""", components.GetProperty("securitySchemes").GetRawText());
        Assert.Equal("""{"name":"limit","in":"query","schema":{"type":"integer","format":"int32","exclusiveMinimum":0}}""", components.GetProperty("parameters").GetProperty("limit").GetRawText());

        JsonElement list = document.GetProperty("paths").GetProperty("/pets").GetProperty("get");
        Assert.Equal("""[{"$ref":"#/components/parameters/limit"},{"name":"tags","in":"query","schema":{"type":"array","items":{"type":"string"}},"style":"form","explode":true}]""", list.GetProperty("parameters").GetRawText());
        Assert.Equal("""{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/Pet"}}}}}}""", list.GetProperty("responses").GetRawText());

        JsonElement add = document.GetProperty("paths").GetProperty("/pets").GetProperty("post");
        Assert.Equal("[]", add.GetProperty("parameters").GetRawText());
        Assert.Equal("""{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Pet"}}}}""", add.GetProperty("requestBody").GetRawText());

        JsonElement upload = document.GetProperty("paths").GetProperty("/pets/{id}/photo").GetProperty("post");
        Assert.Equal(
            """{"required":true,"content":{"multipart/form-data":{"schema":{"type":"object","properties":{"caption":{"type":"string"},"file":{"type":"string","format":"binary"}},"required":["file"]}}}}""",
            upload.GetProperty("requestBody").GetRawText());
        JsonElement rename = document.GetProperty("paths").GetProperty("/pets/{id}").GetProperty("patch");
        Assert.Equal("application/x-www-form-urlencoded", rename.GetProperty("requestBody").GetProperty("content").EnumerateObject().Single().Name);
    }

    [Fact]
    public void Swagger20_generates_a_client_with_body_parameters_and_the_servers()
    {
        GeneratorResult result = GenerateClean(Swagger);
        Assert.DoesNotContain(result.SchemaDiagnostics, static d => d.DefaultSeverity == DiagnosticSeverity.Error);
        string client = result.Source("P.PetstoreClient.g.cs");
        Assert.Contains("AddPetAsync(Pet body", client, StringComparison.Ordinal);
        Assert.Contains("https://api.example.com/v1", client, StringComparison.Ordinal);
        // x-nullable on an optional member: string?, and null is sent when set (TagSpecified).
        Assert.Contains("public string? Tag\n", result.Source("P.Pet.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public bool TagSpecified", result.Source("P.Pet.g.cs"), StringComparison.Ordinal);

        ClientSpec spec = Parse(Swagger).Api!.Client!;
        OperationSpec list = spec.Operations.Single(static o => o.OperationId == "listPets");
        ParameterSpec limit = list.Parameters.Single(static p => p.WireName == "limit");
        Assert.Equal("0", limit.Value.Constraints.ExclusiveMinimum);
        Assert.Equal(ValueKind.Array, list.Response.Value!.Kind);
    }

    [Fact]
    public void A_ref_into_swagger_definitions_that_leads_nowhere_is_SB0005_at_the_reference()
    {
        string text = Swagger.Replace("\"schema\": { \"$ref\": \"#/definitions/Pet\" } }],", "\"schema\": { \"$ref\": \"#/definitions/Missing\" } }],", StringComparison.Ordinal);
        DiagnosticInfo unresolved = Assert.Single(Parse(text).Diagnostics, static d => d.Id == "SB0005");
        Assert.Equal(text.IndexOf("\"#/definitions/Missing\"", StringComparison.Ordinal), unresolved.Span.Start);
    }

    [Theory]
    [InlineData("{ \"openapi\": \"3.3.0\", \"info\": {}, \"paths\": {} }", "OpenAPI 3.3.0")]
    [InlineData("{ \"openapi\": \"3.10.0\", \"info\": {}, \"paths\": {} }", "OpenAPI 3.10.0")]
    [InlineData("{ \"swagger\": \"1.2\" }", "Swagger")]
    public void Versions_no_dialect_describes_are_still_SB0003(string text, string named)
    {
        DiagnosticInfo d = Assert.Single(Parse(text).Diagnostics);
        Assert.Equal("SB0003", d.Id);
        Assert.Contains(named, string.Join(" ", d.MessageArgs), StringComparison.Ordinal);
    }

    // What published documents have that broke the generated code, met while reading them.

    [Fact]
    public void An_escaped_underscore_in_a_pattern_is_the_underscore_as_ECMA_262_reads_it()
    {
        JsonSchemaValidator validator = JsonSchemaValidator.Create("""{ "type": "string", "pattern": "^[a-zA-Z0-9\\-\\_]+$" }""");
        Assert.True(Valid(validator, "\"a_b-c\""));
        Assert.False(Valid(validator, "\"a b\""));
        string text = OpenApi30("""{ "Id": { "type": "object", "properties": { "v": { "type": "string", "pattern": "^[a-z\\_]+$" } } } }""");
        Assert.DoesNotContain(Parse(text).Diagnostics, static d => d.Id == "SB0007");
    }

    [Fact]
    public void Deprecated_members_compile_without_warnings_in_the_generated_code()
    {
        string text = OpenApi30("""
            {
              "Pet": {
                "type": "object",
                "required": ["name"],
                "properties": { "name": { "type": "string", "deprecated": true }, "tag": { "type": "string", "deprecated": true } }
              }
            }
            """);
        GeneratorResult result = GenerateClean(text);
        Assert.Contains("[global::System.Obsolete(\"The schema marks 'tag' as deprecated.\")]", result.Source("P.Pet.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_named_like_another_type_it_uses_compiles()
    {
        // GitHub's webhooks: a member Repository of type RepositoryWebhooks beside a member of type Repository;
        // Star Trek's: a member CharacterSpecies holding a list of CharacterSpecies.
        string text = OpenApi30("""
            {
              "Repository": { "type": "object", "properties": { "id": { "type": "integer" } } },
              "RepositoryWebhooks": { "type": "object", "properties": { "name": { "type": "string" } } },
              "CharacterSpecies": { "type": "object", "properties": { "uid": { "type": "string" } } },
              "Event": {
                "type": "object",
                "properties": {
                  "repository": { "$ref": "#/components/schemas/RepositoryWebhooks" },
                  "blocked": { "$ref": "#/components/schemas/Repository" },
                  "characterSpecies": { "type": "array", "items": { "$ref": "#/components/schemas/CharacterSpecies" } }
                }
              }
            }
            """);
        GeneratorResult result = GenerateClean(text);
        string source = result.Source("P.Event.g.cs");
        Assert.Contains("public global::P.Repository? Blocked { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public RepositoryWebhooks? Repository { get; init; }", source, StringComparison.Ordinal);
    }
}
