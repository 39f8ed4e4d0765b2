namespace SchemaBind.Generator.Tests;

/// <summary>
/// Request bodies beyond JSON and forms (multipart, binary, text), the choice among several media types, and
/// responses that are text, files or streams of items: generated, compiled, and the code that sends them.
/// </summary>
public sealed class BodyGenerationTests
{
    private static string Api(string paths) => """
        {
          "openapi": "3.1.0",
          "info": { "title": "Media", "version": "1" },
          "servers": [ { "url": "https://media.example/api" } ],
          "paths": {
        """ + paths + """
          },
          "components": { "schemas": { "Item": { "type": "object", "required": ["n"], "properties": { "n": { "type": "integer" } } } } }
        }
        """;

    private static string Operation(string path, string method, string operationId, string requestContent, string responses = """{ "204": { "description": "done" } }""") => $$"""
        "{{path}}": { "{{method}}": { "operationId": "{{operationId}}", {{(requestContent.Length == 0 ? string.Empty : "\"requestBody\": { \"required\": true, \"content\": " + requestContent + " },")}} "responses": {{responses}} } }
        """;

    private static string Generate(string paths, out GeneratorResult result)
    {
        // Item is there for the cases that use it; Schemas="All" keeps the others free of SB0056 (it is not what they test).
        result = GeneratorHarness.Run(new SchemaFile("/p/media.json", Api(paths), "Media") { Metadata = new Dictionary<string, string> { ["SchemaBindSchemas"] = "All" } });
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        return result.Source("Media.MediaClient.g.cs");
    }

    [Fact]
    public void A_multipart_body_becomes_one_parameter_per_part_with_files_repeated_parts_and_encoding()
    {
        string client = Generate(Operation("/docs/{file}", "post", "upload", """
            { "multipart/form-data": {
                "schema": { "type": "object", "required": ["file", "title"], "properties": {
                  "title": { "type": "string" },
                  "file": { "type": "string", "format": "binary" },
                  "pages": { "type": "array", "items": { "type": "string", "contentMediaType": "image/png" } },
                  "labels": { "type": "array", "items": { "type": "integer" } },
                  "notes": { "type": "string" },
                  "options": { "type": "object", "properties": { "ocr": { "type": "boolean" } } }
                } },
                "encoding": { "file": { "contentType": "application/pdf, image/tiff" }, "notes": { "contentType": "text/markdown" }, "options": { "contentType": "application/vnd.options+json" } } } }
            """).Replace("\"operationId\": \"upload\",", "\"operationId\": \"upload\", \"parameters\": [ { \"name\": \"file\", \"in\": \"path\", \"required\": true, \"schema\": { \"type\": \"string\" } } ],", StringComparison.Ordinal), out GeneratorResult result);
        GeneratorResult.AssertNone(result.SchemaDiagnostics);

        // The path parameter keeps its name; the part named like it gets the next one.
        Assert.Contains(
            "string file, string title, SB::ApiFile file2, global::System.Collections.Generic.IReadOnlyList<SB::ApiFile>? pages = null, global::System.Collections.Generic.IReadOnlyList<long>? labels = null, string? notes = null, UploadRequestOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)",
            client,
            StringComparison.Ordinal);
        Assert.Contains("request.SetMultipartBody();", client, StringComparison.Ordinal);
        Assert.Contains("request.AddPart(\"title\", title);", client, StringComparison.Ordinal);
        Assert.Contains("request.AddFilePart(\"file\", file2, \"application/pdf\");", client, StringComparison.Ordinal);
        Assert.Contains("request.AddFilePart(\"pages\", pagesItem, \"image/png\");", client, StringComparison.Ordinal);
        Assert.Contains("request.AddPart(\"labels\", labelsItem);", client, StringComparison.Ordinal);
        Assert.Contains("request.AddPart(\"notes\", notes, \"text/markdown\");", client, StringComparison.Ordinal);
        Assert.Contains("request.AddJsonPart(\"options\", options, UploadRequestOptions.WriteJson, \"application/vnd.options+json\");", client, StringComparison.Ordinal);
        Assert.Contains("global::System.ArgumentNullException.ThrowIfNull(file2);", client, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "multipart/form-data": { "schema": { "type": "object", "properties": { "a": { "type": "string" } } } }, "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } }""", "SendAsync(Item body,", "Item.WriteJson")]
    [InlineData("""{ "application/x-www-form-urlencoded": { "schema": { "type": "array" } }, "multipart/form-data": { "schema": { "type": "object", "properties": { "a": { "type": "object" } } } } }""", "SendAsync(STJ::JsonElement? a = null,", "AddJsonPart(\"a\"")]
    [InlineData("""{ "application/x-www-form-urlencoded": { "schema": { "type": "object", "properties": { "a": { "type": "object" } } } }, "multipart/form-data": { "schema": { "type": "object", "properties": { "a": { "type": "object" } } } } }""", "SendAsync(SendRequest body,", "request.AddJsonFormField(\"a\", aValue, ")]
    [InlineData("""{ "application/x-www-form-urlencoded": { "schema": { "type": "object", "properties": { "a": { "type": "object", "deprecated": true }, "b": { "type": "string", "deprecated": true } } } } }""", "SendAsync(SendRequest body,", "#pragma warning disable CS0618")]
    [InlineData("""{ "application/octet-stream": {}, "text/plain": { "schema": { "type": "string" } } }""", "SendAsync(string body,", "SetTextBody(body, \"text/plain\")")]
    [InlineData("""{ "application/xml": { "schema": { "$ref": "#/components/schemas/Item" } } }""", "SendAsync(SB::ApiFile body,", "SetFileBody(body, \"application/xml\")")]
    [InlineData("""{ "image/*": {} }""", "SendAsync(SB::ApiFile body,", "SetFileBody(body, \"application/octet-stream\")")]
    [InlineData("""{ "application/merge-patch+json": { "schema": { "$ref": "#/components/schemas/Item" } } }""", "SendAsync(Item body,", "request.SetJsonBody(body, Item.WriteJson, \"application/merge-patch+json\");")]
    [InlineData("""{ "application/vnd.api+json; ext=bulk": { "schema": { "$ref": "#/components/schemas/Item" } } }""", "SendAsync(Item body,", "request.SetJsonBody(body, Item.WriteJson, \"application/vnd.api+json; ext=bulk\");")]
    public void Of_several_media_types_the_body_is_JSON_then_form_then_multipart_then_text_then_bytes(string content, string signature, string sent)
    {
        string client = Generate(Operation("/x", "post", "send", content), out GeneratorResult result);
        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        Assert.Contains(signature, client, StringComparison.Ordinal);
        Assert.Contains(sent, client, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "text/csv": { "schema": { "type": "string" } } }""", "Task<string> GetAsync(", "SendForTextAsync(", "text/csv")]
    [InlineData("""{ "application/pdf": {}, "text/html": {} }""", "Task<string> GetAsync(", "SendForTextAsync(", "text/html")]
    [InlineData("""{ "image/*": {} }""", "Task<SB::ApiFileResponse> GetAsync(", "SendForFileAsync(", "image/*")]
    [InlineData("""{ "application/x-ndjson": { "schema": { "$ref": "#/components/schemas/Item" } } }""", "IAsyncEnumerable<Item> GetAsync(", "ApiStreamFormat.JsonLines,", "application/x-ndjson")]
    [InlineData("""{ "application/jsonl": { "schema": { "$ref": "#/components/schemas/Item" } } }""", "IAsyncEnumerable<Item> GetAsync(", "ApiStreamFormat.JsonLines,", "application/jsonl")]
    [InlineData("""{ "text/event-stream": { "itemSchema": { "$ref": "#/components/schemas/Item" }, "schema": { "type": "string" } } }""", "IAsyncEnumerable<Item> GetAsync(", "ApiStreamFormat.EventStream,", "text/event-stream")]
    public void A_response_that_is_not_JSON_is_text_a_file_or_a_stream_of_items(string content, string signature, string read, string accept)
    {
        string client = Generate(Operation("/x", "get", "get", string.Empty, """{ "200": { "description": "it", "content": """ + content + " } }"), out GeneratorResult result);
        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        Assert.Contains(signature, client, StringComparison.Ordinal);
        Assert.Contains(read, client, StringComparison.Ordinal);
        Assert.Contains("request.Accept = " + "\"" + accept + "\";", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_of_items_has_no_WithResponse_method()
    {
        string client = Generate(Operation("/x", "get", "get", string.Empty, """{ "200": { "description": "it", "content": { "application/x-ndjson": { "schema": { "$ref": "#/components/schemas/Item" } } } } }"""), out _);
        Assert.DoesNotContain("GetWithResponseAsync", client, StringComparison.Ordinal);
    }

    [Fact]
    public void Success_statuses_that_share_a_body_are_read_alike_and_one_that_differs_is_reported()
    {
        string same = """{ "200": { "description": "a", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } } }, "201": { "description": "b", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } } }, "204": { "description": "none" } }""";
        Generate(Operation("/x", "put", "put", string.Empty, same), out GeneratorResult result);
        GeneratorResult.AssertNone(result.SchemaDiagnostics);

        string different = same.Replace("\"201\": { \"description\": \"b\", \"content\": { \"application/json\": { \"schema\": { \"$ref\": \"#/components/schemas/Item\" } } } }", "\"201\": { \"description\": \"b\", \"content\": { \"text/plain\": {} } }", StringComparison.Ordinal);
        Generate(Operation("/x", "put", "put", string.Empty, different), out result);
        Microsoft.CodeAnalysis.Diagnostic diagnostic = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0042", diagnostic.Id);
        Assert.Equal("The 201 response of 'put' is not read as its own type: its body (text/plain) differs from the 200 response's, which the method returns", diagnostic.GetMessage());
    }
}
