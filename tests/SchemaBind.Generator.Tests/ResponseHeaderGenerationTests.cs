using Microsoft.CodeAnalysis;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// Response headers the document declares: a generated <c>{Operation}Headers</c> record per operation whose success
/// response has them, read from <c>ApiResponse.Headers</c> on request; the ones that cannot be typed are text (SB0047)
/// and the ones the response does not hold are left out (SB0048), each with a located warning.
/// </summary>
public sealed class ResponseHeaderGenerationTests
{
    private const string Api = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Store", "version": "1" },
          "servers": [ { "url": "https://store.example/api" } ],
          "paths": {
            "/items/{id}": {
              "get": {
                "operationId": "getItem",
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } ],
                "responses": {
                  "200": {
                    "description": "ok",
                    "headers": {
                      "X-Rate-Limit": { "description": "Calls left this hour.", "schema": { "type": "integer", "format": "int32" } },
                      "X-Request-Id": { "schema": { "type": "string", "format": "uuid" } },
                      "ETag": { "schema": { "type": "string" } },
                      "X-Cached": { "schema": { "type": "boolean" } },
                      "X-Expires-At": { "schema": { "type": "string", "format": "date-time" } },
                      "X-Tier": { "$ref": "#/components/headers/Tier" },
                      "X-Tags": { "schema": { "type": "array", "items": { "type": "integer", "format": "int64" } } },
                      "Location": { "schema": { "type": "string", "format": "uri" } },
                      "X-Shape": { "schema": { "type": "object", "properties": { "a": { "type": "string" } } } },
                      "X-Blob": { "content": { "application/json": { "schema": { "type": "object" } } } },
                      "Content-Type": { "schema": { "type": "string" } },
                      "Last-Modified": { "schema": { "type": "string" } },
                      "Read": { "schema": { "type": "string" } }
                    },
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } }
                  }
                }
              },
              "delete": { "operationId": "deleteItem", "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } ], "responses": { "204": { "description": "gone", "headers": { "X-Undo-Token": { "schema": { "type": "string" } } } } } }
            },
            "/items": {
              "get": { "operationId": "listItems", "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Item" } } } } } } }
            }
          },
          "components": {
            "headers": { "Tier": { "schema": { "type": "string", "enum": ["free", "pro"] } } },
            "schemas": { "Item": { "type": "object", "required": ["id"], "properties": { "id": { "type": "integer" } } } }
          }
        }
        """;

    [Fact]
    public void Declared_headers_become_a_typed_record_read_from_the_response_headers_and_compile_under_strict_settings()
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/store.json", Api, "Store"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        string client = result.Source("Store.StoreClient.g.cs");

        Assert.Contains("public sealed record GetItemHeaders", client, StringComparison.Ordinal);
        Assert.Contains("public int? XRateLimit { get; init; }", client, StringComparison.Ordinal);
        Assert.Contains("/// <summary>Calls left this hour.</summary>", client, StringComparison.Ordinal);
        Assert.Contains("XRateLimit = SB::ApiResponseHeaders.GetValue<int>(headers, \"X-Rate-Limit\", SB::ApiResponseHeaders.TryParseInt32),", client, StringComparison.Ordinal);
        Assert.Contains("XRequestId = SB::ApiResponseHeaders.GetValue<global::System.Guid>(headers, \"X-Request-Id\", SB::ApiResponseHeaders.TryParseUuid),", client, StringComparison.Ordinal);
        Assert.Contains("ETag = SB::ApiResponseHeaders.GetString(headers, \"ETag\"),", client, StringComparison.Ordinal);
        Assert.Contains("XCached = SB::ApiResponseHeaders.GetValue<bool>(headers, \"X-Cached\", SB::ApiResponseHeaders.TryParseBoolean),", client, StringComparison.Ordinal);
        Assert.Contains("public global::System.DateTimeOffset? XExpiresAt { get; init; }", client, StringComparison.Ordinal);
        Assert.Contains("XTier = SB::ApiResponseHeaders.GetValue<GetItemXTier>(headers, \"X-Tier\", GetItemXTierJson.TryParse),", client, StringComparison.Ordinal);
        Assert.Contains("XTags = SB::ApiResponseHeaders.GetList<long>(headers, \"X-Tags\", SB::ApiResponseHeaders.TryParseInt64),", client, StringComparison.Ordinal);
        Assert.Contains("Location = SB::ApiResponseHeaders.GetReference<global::System.Uri>(headers, \"Location\", SB::ApiResponseHeaders.TryParseUri),", client, StringComparison.Ordinal);

        // Object schemas and content maps are the header's text; the record's own Read keeps its name.
        Assert.Contains("XShape = SB::ApiResponseHeaders.GetString(headers, \"X-Shape\"),", client, StringComparison.Ordinal);
        Assert.Contains("XBlob = SB::ApiResponseHeaders.GetString(headers, \"X-Blob\"),", client, StringComparison.Ordinal);
        Assert.Contains("ReadValue = SB::ApiResponseHeaders.GetString(headers, \"Read\"),", client, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Content-Type\"", client, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Last-Modified\"", client, StringComparison.Ordinal);

        // A response without a body has its headers too; an operation that declares none has no type, and no method changes.
        Assert.Contains("public sealed record DeleteItemHeaders", client, StringComparison.Ordinal);
        Assert.DoesNotContain("ListItemsHeaders", client, StringComparison.Ordinal);
        Assert.Contains("see cref=\"GetItemHeaders.Read\"", client, StringComparison.Ordinal);
        Assert.Contains("global::System.Threading.Tasks.Task<SB::ApiResponse<Item>> GetItemWithResponseAsync(long id,", client, StringComparison.Ordinal);
    }

    [Fact]
    public void Headers_that_cannot_be_typed_or_read_get_a_located_warning_each()
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/store.json", Api, "Store"));

        var found = result.SchemaDiagnostics.Where(static d => d.Id is "SB0047" or "SB0048").ToList();
        Assert.Equal(new[] { "SB0047", "SB0047", "SB0048", "SB0048" }, found.Select(static d => d.Id));
        Assert.All(found, static d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));
        Assert.Contains("'X-Shape' header of the 200 response of 'getItem' is read as its text", found[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'X-Blob'", found[1].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'Content-Type' header of the 200 response of 'getItem' is left out of GetItemHeaders: OpenAPI says", found[2].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'Last-Modified'", found[3].GetMessage(), StringComparison.Ordinal);

        // Each on the header's name in the file.
        int line = Api.Split('\n').Select((text, i) => (text, i)).First(static l => l.text.Contains("\"X-Shape\":", StringComparison.Ordinal)).i;
        Assert.Equal(line, found[0].Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("/p/store.json", found[0].Location.GetLineSpan().Path);
    }

    [Fact]
    public void Swagger_2_headers_with_a_type_are_typed_as_well()
    {
        const string swagger = """
            {
              "swagger": "2.0",
              "info": { "title": "Old", "version": "1" },
              "host": "old.example",
              "paths": {
                "/ping": { "get": { "operationId": "ping", "produces": ["application/json"], "responses": { "200": {
                  "description": "ok",
                  "schema": { "type": "object", "properties": { "ok": { "type": "boolean" } } },
                  "headers": { "X-Rate-Limit-Remaining": { "type": "integer" }, "X-Zones": { "type": "array", "items": { "type": "string" } } }
                } } } }
              }
            }
            """;
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/old.json", swagger, "Old"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        string client = result.Source("Old.OldClient.g.cs");

        Assert.Contains("XRateLimitRemaining = SB::ApiResponseHeaders.GetValue<long>(headers, \"X-Rate-Limit-Remaining\", SB::ApiResponseHeaders.TryParseInt64),", client, StringComparison.Ordinal);
        Assert.Contains("XZones = SB::ApiResponseHeaders.GetList<string>(headers, \"X-Zones\", SB::ApiResponseHeaders.TryParseString),", client, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_whose_every_header_is_left_out_gets_no_headers_type_and_the_warning_names_none()
    {
        const string api = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Render", "version": "1" },
              "paths": {
                "/render": { "post": { "operationId": "render",
                  "requestBody": { "content": { "text/plain": { "schema": { "type": "string" } } } },
                  "responses": { "200": {
                    "description": "ok",
                    "headers": { "Content-Type": { "schema": { "type": "string" } }, "Content-Length": { "schema": { "type": "integer" } } },
                    "content": { "text/html": { "schema": { "type": "string" } } }
                } } } }
              }
            }
            """;
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/render.json", api, "Render"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);

        var leftOut = result.SchemaDiagnostics.Where(static d => d.Id == "SB0048").ToList();
        Assert.Equal(2, leftOut.Count);
        Assert.All(leftOut, static d => Assert.Contains("is left out of the client:", d.GetMessage(), StringComparison.Ordinal));
        Assert.DoesNotContain("RenderHeaders", result.Source("Render.RenderClient.g.cs"), StringComparison.Ordinal);
    }
}
