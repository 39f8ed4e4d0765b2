namespace SchemaBind.Generator.Tests;

/// <summary>Error bodies (the types the document declares for error statuses, read only on an error) and several success bodies.</summary>
public sealed class ErrorResponseGenerationTests
{
    private const string Api = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Shop", "version": "1" },
          "servers": [ { "url": "https://shop.example/api" } ],
          "paths": {
            "/orders/{id}": {
              "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64" } } ],
              "get": {
                "operationId": "getOrder",
                "responses": {
                  "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } },
                  "404": { "$ref": "#/components/responses/Missing" },
                  "5XX": { "description": "down", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BaseAddress" } } } },
                  "default": { "$ref": "#/components/responses/other_failure" }
                }
              },
              "delete": {
                "operationId": "deleteOrder",
                "responses": {
                  "204": { "description": "gone" },
                  "404": { "$ref": "#/components/responses/Missing" },
                  "5XX": { "description": "down", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BaseAddress" } } } },
                  "default": { "$ref": "#/components/responses/other_failure" }
                }
              }
            },
            "/orders": {
              "get": {
                "operationId": "listOrders",
                "responses": {
                  "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Order" } } } } },
                  "400": { "description": "bad", "content": { "text/html": { "schema": { "type": "string" } } } }
                }
              }
            }
          },
          "components": {
            "responses": {
              "Missing": { "description": "missing", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Problem" } } } } },
              "other_failure": { "description": "other", "content": { "application/json": { "schema": { "type": "object", "properties": { "code": { "type": "integer" } } } } } }
            },
            "schemas": {
              "Order": { "type": "object", "required": ["id"], "properties": { "id": { "type": "integer", "format": "int64" } } },
              "Problem": { "type": "object", "required": ["message"], "properties": { "message": { "type": "string" } } },
              "BaseAddress": { "type": "object", "description": "A schema whose name the client's BaseAddress property hides.", "properties": { "retry": { "type": "integer" } } }
            }
          }
        }
        """;

    [Fact]
    public void Error_bodies_generate_one_shared_table_per_distinct_set_and_compile_under_strict_settings()
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/shop.json", Api, "Shop"));
        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);

        string client = result.Source("Shop.ShopClient.g.cs");

        // getOrder and deleteOrder declare the same error bodies: one table, used by both.
        Assert.Contains(
            """
                private static readonly SBG::ApiErrorBodies s_errors0 = new SBG::ApiErrorBodies()
                    .Add(SBG::JsonModelReader<Problem>.ReadList, "404")
                    .Add(SBG::JsonModelReader<global::Shop.BaseAddress>.Read, "5XX")
                    .Add(SBG::JsonModelReader<OtherFailureError>.Read, "default");
            """.Replace("\r\n", "\n"),
            client.Replace("\r\n", "\n"),
            StringComparison.Ordinal);
        Assert.DoesNotContain("s_errors1", client, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(client, ", s_errors0, cancellationToken);\n"));

        // The documentation says which type comes with which status.
        Assert.Contains(
            "/// Error bodies (<see cref=\"SB::ApiException.Error\"/>): <see cref=\"global::System.Collections.Generic.IReadOnlyList{T}\"/> of <see cref=\"Problem\"/> for 404; <see cref=\"global::Shop.BaseAddress\"/> for 5XX; <see cref=\"OtherFailureError\"/> for any other status.\n",
            client,
            StringComparison.Ordinal);

        // An operation without a JSON error body calls the transport as before: no table, no extra argument.
        int list = client.IndexOf("ListOrdersWithResponseAsync(global::System.Threading.CancellationToken cancellationToken = default)\n    {", StringComparison.Ordinal);
        Assert.True(list > 0);
        string listBody = client[list..client.IndexOf("\n    }\n", list, StringComparison.Ordinal)];
        Assert.DoesNotContain("s_errors", listBody, StringComparison.Ordinal);
        Assert.Contains("cancellationToken);", listBody, StringComparison.Ordinal);
    }

    private const string Results = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Jobs", "version": "1" },
          "servers": [ { "url": "https://jobs.example/api" } ],
          "paths": {
            "/reports/{id}": {
              "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
              "post": {
                "operationId": "runReport",
                "tags": [ "reports" ],
                "responses": {
                  "200": { "description": "ready", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Report" } } } },
                  "202": { "description": "the position in the queue", "content": { "application/json": { "schema": { "type": "integer" } } } }
                }
              },
              "get": {
                "operationId": "getReport",
                "tags": [ "reports" ],
                "responses": {
                  "200": { "description": "ready", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Report" } } } },
                  "203": { "description": "a cached copy as text", "content": { "text/plain": { "schema": { "type": "string" } } } }
                }
              }
            }
          },
          "components": { "schemas": { "Report": { "type": "object", "required": ["title"], "properties": { "title": { "type": "string" } } } } }
        }
        """;

    [Fact]
    public void Success_statuses_with_different_json_bodies_make_a_result_type_and_a_text_one_is_still_reported()
    {
        var file = new SchemaFile("/p/jobs.json", Results, "Jobs") { Metadata = new Dictionary<string, string> { ["SchemaBindGroupBy"] = "Tag" } };
        GeneratorResult result = GeneratorHarness.Run(file);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);

        // getReport's 203 is text: the method still returns the 200 body, and SB0042 says the 203 one is not read.
        Microsoft.CodeAnalysis.Diagnostic diagnostic = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0042", diagnostic.Id);
        Assert.Contains("The 203 response of 'getReport'", diagnostic.GetMessage(), StringComparison.Ordinal);

        string client = result.Source("Jobs.JobsClient.g.cs");
        Assert.Contains("global::System.Threading.Tasks.Task<RunReportResult> RunReportAsync([SB::SchemaMinLength(1)] string id, global::System.Threading.CancellationToken cancellationToken = default);", client, StringComparison.Ordinal);
        Assert.Contains("global::System.Threading.Tasks.Task<Report> GetReportAsync([SB::SchemaMinLength(1)] string id,", client, StringComparison.Ordinal);
        Assert.Contains(".Add(200, static (ref STJ::Utf8JsonReader reader) => new RunReportResult { Ok = Report.ReadJson(ref reader) })", client, StringComparison.Ordinal);
        Assert.Contains("public Report? Ok { get; init; }", client, StringComparison.Ordinal);
        Assert.Contains("public long? Accepted { get; init; }", client, StringComparison.Ordinal);
        Assert.Contains("return _transport.SendForResultAsync(", client, StringComparison.Ordinal);

        // The group's method forwards with the same result type.
        Assert.Contains("global::System.Threading.Tasks.Task<RunReportResult> RunReportAsync(", client[client.IndexOf("class JobsClientReports", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
