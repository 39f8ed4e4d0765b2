using Microsoft.CodeAnalysis;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// What the client cannot send or read yet is never dropped in silence: each operation, parameter, response body,
/// security requirement or part of the document that generates nothing has a warning where it is written.
/// </summary>
public sealed class LeftOutTests
{
    private const string Document = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Left out", "version": "1" },
          "components": {
            "securitySchemes": {
              "key": { "type": "apiKey", "in": "header", "name": "X-Key" },
              "basic": { "type": "http", "scheme": "basic" },
              "token": { "type": "http", "scheme": "bearer" },
              "digest": { "type": "http", "scheme": "digest" },
              "mtls": { "type": "mutualTLS" },
              "oauth": { "type": "oauth2", "flows": { "clientCredentials": { "tokenUrl": "https://example.com/token", "scopes": {} } } }
            }
          },
          "security": [ { "digest": [] } ],
          "webhooks": { "petAdded": { "post": { "responses": { "200": { "description": "ok" } } } } },
          "paths": {
            "/form": {
              "post": {
                "operationId": "sendForm",
                "requestBody": { "content": { "application/x-www-form-urlencoded": { "schema": { "type": "object" } } } },
                "responses": { "204": { "description": "sent" } }
              }
            },
            "/upload": {
              "put": {
                "operationId": "upload",
                "requestBody": { "content": { "multipart/form-data": { "schema": { "type": "object" } } } },
                "responses": { "204": { "description": "sent" } }
              }
            },
            "/anything": {
              "post": {
                "operationId": "sendAnything",
                "security": [ { "token": [] } ],
                "requestBody": { "content": { "application/json": {} } },
                "responses": { "204": { "description": "sent" } }
              }
            },
            "/items": {
              "get": {
                "operationId": "listItems",
                "security": [ { "key": [] }, { "oauth": [] } ],
                "parameters": [
                  { "name": "X-Trace", "in": "header", "required": true, "schema": { "type": "string" } },
                  { "name": "Authorization", "in": "header", "schema": { "type": "string" } },
                  { "name": "session", "in": "cookie", "schema": { "type": "array", "items": { "type": "array" } } },
                  { "name": "limit", "in": "query", "schema": { "type": "integer" } }
                ],
                "callbacks": { "done": { "{$request.query.url}": { "post": { "responses": { "200": { "description": "ok" } } } } } },
                "responses": {
                  "200": { "description": "a picture", "content": { "image/png": {} } },
                  "201": { "description": "a name", "content": { "application/json": { "schema": { "type": "string" } } } }
                }
              }
            },
            "/search": {
              "get": {
                "operationId": "search",
                "security": [ { "mtls": [] } ],
                "parameters": [ { "name": "filter", "in": "query", "schema": { "type": "object", "properties": { "a": { "type": "array" } } } } ],
                "responses": { "200": { "description": "ok" } }
              }
            },
            "/find": {
              "get": {
                "operationId": "find",
                "parameters": [ { "name": "where", "in": "query", "required": true, "schema": { "type": "object" } } ],
                "responses": { "200": { "description": "ok" } }
              }
            },
            "/health": { "get": { "operationId": "health", "responses": { "204": { "description": "up" } } } },
            "/public": {
              "get": {
                "operationId": "getPublic",
                "security": [ {} , { "basic": [] } ],
                "responses": { "200": { "description": "ok" } }
              }
            }
          }
        }
        """;

    [Fact]
    public void Every_part_the_client_leaves_out_has_a_located_warning_that_says_what()
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/left-out.json", Document, "LeftOut"));
        Assert.Empty(result.CompilationDiagnostics);
        IReadOnlyList<Diagnostic> diagnostics = result.SchemaDiagnostics;
        Assert.All(diagnostics, static d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));

        // Each diagnostic, as ID and the text it points at.
        string[] found = diagnostics.Select(static d => d.Id + " " + At(d)).ToArray();
        Assert.Equal(
            new[]
            {
                "SB0043 \"digest\"",
                "SB0044 \"webhooks\"",
                "SB0040 \"post\"",
                "SB0040 \"put\"",
                "SB0041 \"Authorization\"",
                "SB0041 { \"type\": \"array\", \"items\": { \"type\": \"array\" } }",
                "SB0044 \"callbacks\"",
                "SB0042 { \"application/json\": { \"schema\": { \"type\": \"string\" } } }",
                "SB0043 \"mtls\"",
                "SB0041 { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"array\" } } }",
                "SB0040 \"get\"",
                "SB0041 { \"type\": \"object\" }",
            },
            found);

        string Message(string id, string at) => diagnostics.Single(d => d.Id == id && At(d) == at).GetMessage();
        Assert.Equal("The operation 'sendForm' (POST /form) is left out of the client: its application/x-www-form-urlencoded request body cannot be sent: its schema is not an object with properties", Message("SB0040", "\"post\""));
        Assert.Equal("The operation 'upload' (PUT /upload) is left out of the client: its multipart/form-data request body cannot be sent: its schema is not an object with properties", Message("SB0040", "\"put\""));
        Assert.Contains("its required query parameter 'where' has no form the client can send yet", Message("SB0040", "\"get\""), StringComparison.Ordinal);
        Assert.StartsWith("The header parameter 'Authorization' of 'listItems' is left out of the generated method: OpenAPI says a header parameter named Accept, Content-Type or Authorization is ignored", Message("SB0041", "\"Authorization\""), StringComparison.Ordinal);
        Assert.Equal("The cookie parameter 'session' of 'listItems' is left out of the generated method: a cookie parameter must be a string, number, boolean, string enum, an array of them or an object of them (nested arrays, maps and unions have no form in OpenAPI's styles)", Message("SB0041", "{ \"type\": \"array\", \"items\": { \"type\": \"array\" } }"));
        Assert.Equal("The query parameter 'filter' of 'search' is left out of the generated method: its property 'a' is not a scalar, and OpenAPI's styles send objects of scalars only", Message("SB0041", "{ \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"array\" } } }"));
        Assert.Equal("The 201 response of 'listItems' is not read as its own type: its body (application/json) differs from the 200 response's, which the method returns", Message("SB0042", "{ \"application/json\": { \"schema\": { \"type\": \"string\" } } }"));
        Assert.Equal("The operation 'search' requires the security scheme 'mtls' (mutual TLS), which the generated client does not apply: it sends bearer tokens, API keys in a header, query or cookie, and HTTP basic credentials only", Message("SB0043", "\"mtls\""));
        Assert.StartsWith("The document (every operation without security of its own) requires the security scheme 'digest' (HTTP digest)", Message("SB0043", "\"digest\""), StringComparison.Ordinal);

        // What is generated: the operations that are not left out, without the parameters that are.
        string client = result.Sources.Single(static s => s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("Task<SB::ApiFileResponse> ListItemsAsync(string xTrace, long? limit = null,", client, StringComparison.Ordinal);
        Assert.Contains("request.Accept = \"image/png\";", client, StringComparison.Ordinal);
        Assert.Contains("request.AddHeader(\"X-Trace\", xTrace);", client, StringComparison.Ordinal);
        Assert.Contains("SendAnythingAsync(STJ::JsonElement body,", client, StringComparison.Ordinal);
        Assert.Contains("GetPublicAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain("SendFormAsync", client, StringComparison.Ordinal);
        Assert.DoesNotContain("UploadAsync", client, StringComparison.Ordinal);
        Assert.Contains("SearchAsync(global::System.Threading.CancellationToken", client, StringComparison.Ordinal);
        Assert.DoesNotContain("FindAsync", client, StringComparison.Ordinal);
        Assert.DoesNotContain("authorization", client, StringComparison.Ordinal);
        Assert.DoesNotContain("session", client, StringComparison.Ordinal);
        Assert.DoesNotContain("filter", client, StringComparison.Ordinal);

        // API key and basic requirements are applied: one static field per distinct set of alternatives, in order;
        // bearer-only and unmet requirements generate nothing.
        Assert.Equal(2, CountOf(client, "private static readonly global::System.Collections.Generic.IReadOnlyList<SBG::ApiSecurityRequirement> s_security"));
        Assert.Contains("new SBG::ApiSecurityRequirement(SBG::ApiSecurityScheme.ApiKey(\"key\", \"X-Key\", SBG::ApiKeyLocation.Header)),\n        new SBG::ApiSecurityRequirement(SBG::ApiSecurityScheme.OAuth2ClientCredentials(\"oauth\", \"https://example.com/token\")),", client, StringComparison.Ordinal);
        Assert.Contains("new SBG::ApiSecurityRequirement(),\n        new SBG::ApiSecurityRequirement(SBG::ApiSecurityScheme.Basic(\"basic\")),", client, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(client, "request.Security = s_security"));
    }

    [Fact]
    public void An_API_key_scheme_that_cannot_be_sent_is_reported()
    {
        string document = Document.Replace("\"in\": \"header\", \"name\": \"X-Key\"", "\"in\": \"body\", \"name\": \"X-Key\"", StringComparison.Ordinal)
            .Replace("[ { \"key\": [] }, { \"oauth\": [] } ]", "[ { \"key\": [] } ]", StringComparison.Ordinal);
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/left-out.json", document, "LeftOut"));
        Diagnostic key = result.SchemaDiagnostics.Single(d => d.Id == "SB0043" && At(d, document) == "\"key\"");
        Assert.StartsWith("The operation 'listItems' requires the security scheme 'key' (an API key in the body 'X-Key', whose location or name cannot be sent)", key.GetMessage(), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public void A_requirement_the_client_meets_by_one_of_its_alternatives_or_anonymously_is_not_reported()
    {
        string document = Document.Replace("\"security\": [ { \"digest\": [] } ],", "\"security\": [ { \"digest\": [] }, { \"token\": [] } ],", StringComparison.Ordinal);
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/left-out.json", document, "LeftOut"));
        Assert.Equal(new[] { "\"mtls\"" }, result.SchemaDiagnostics.Where(static d => d.Id == "SB0043").Select(d => At(d, document)).ToArray());
    }

    /// <summary>The text of <see cref="Document"/> a diagnostic points at.</summary>
    private static string At(Diagnostic diagnostic) => At(diagnostic, Document);

    private static string At(Diagnostic diagnostic, string text) =>
        text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
}
