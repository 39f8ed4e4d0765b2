using Microsoft.CodeAnalysis;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// Parameter styles the OpenAPI style table does not define for a location or value are left out with a located
/// SB0041 that says why; the ones it defines compile without a warning.
/// </summary>
public sealed class ParameterStyleGenerationTests
{
    private const string Document = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Styles", "version": "1" },
          "servers": [ { "url": "https://styles.example.com" } ],
          "components": {
            "schemas": {
              "Point": { "type": "object", "required": ["x"], "properties": { "x": { "type": "integer" }, "y": { "type": "string", "format": "date" } } }
            }
          },
          "paths": {
            "/items/{id}": {
              "get": {
                "operationId": "getItem",
                "parameters": [
                  { "name": "id", "in": "path", "required": true, "style": "matrix", "explode": true, "schema": { "$ref": "#/components/schemas/Point" } },
                  { "name": "page", "in": "query", "style": "matrix", "schema": { "type": "integer" } },
                  { "name": "tags", "in": "query", "style": "deepObject", "schema": { "type": "array", "items": { "type": "string" } } },
                  { "name": "near", "in": "query", "style": "pipeDelimited", "explode": true, "schema": { "$ref": "#/components/schemas/Point" } },
                  { "name": "flat", "in": "query", "style": "deepObject", "explode": false, "schema": { "$ref": "#/components/schemas/Point" } },
                  { "name": "X-Mode", "in": "header", "style": "form", "schema": { "type": "string" } },
                  { "name": "odd", "in": "query", "style": "tabDelimited", "schema": { "type": "string" } },
                  { "name": "where", "in": "query", "style": "deepObject", "explode": true, "schema": { "$ref": "#/components/schemas/Point" } },
                  { "name": "X-Point", "in": "header", "schema": { "$ref": "#/components/schemas/Point" } }
                ],
                "responses": { "204": { "description": "ok" } }
              }
            },
            "/needs/{what}": {
              "get": {
                "operationId": "needs",
                "parameters": [ { "name": "what", "in": "path", "required": true, "style": "form", "schema": { "type": "string" } } ],
                "responses": { "204": { "description": "ok" } }
              }
            }
          }
        }
        """;

    [Fact]
    public void A_style_not_defined_for_the_location_or_value_is_a_located_warning_and_the_rest_is_sent()
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/styles.json", Document, "Styles"));
        Assert.Empty(result.CompilationDiagnostics);

        string[] found = result.SchemaDiagnostics.Select(static d => d.Id + " " + At(d)).ToArray();
        // In the order of the text: the second operation's SB0040 is on its method, before its parameter.
        Assert.Equal(
            new[]
            {
                "SB0041 \"matrix\"",
                "SB0041 \"deepObject\"",
                "SB0041 \"pipeDelimited\"",
                "SB0041 \"deepObject\"",
                "SB0041 \"form\"",
                "SB0041 \"tabDelimited\"",
                "SB0040 \"get\"",
                "SB0041 \"form\"",
            },
            found);

        string[] messages = result.SchemaDiagnostics.Select(static d => d.GetMessage()).ToArray();
        Assert.EndsWith("the style 'matrix' is not defined for query parameters", messages[0], StringComparison.Ordinal);
        Assert.EndsWith("the style 'deepObject' is defined for objects only", messages[1], StringComparison.Ordinal);
        Assert.EndsWith("the style 'pipeDelimited' with explode: true is not defined for objects", messages[2], StringComparison.Ordinal);
        Assert.EndsWith("the style 'deepObject' is defined with explode: true only", messages[3], StringComparison.Ordinal);
        Assert.EndsWith("the style 'form' is not defined for header parameters", messages[4], StringComparison.Ordinal);
        Assert.EndsWith("its style 'tabDelimited' is not one of OpenAPI's (form, simple, label, matrix, spaceDelimited, pipeDelimited, deepObject)", messages[5], StringComparison.Ordinal);
        Assert.Contains("its required path parameter 'what' has no form the client can send yet", messages[6], StringComparison.Ordinal);

        string client = result.Sources.Single(static s => s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("GetItemAsync(Point id, Point? where = null, Point? xPoint = null, global::System.Threading.CancellationToken cancellationToken = default)", client, StringComparison.Ordinal);
        Assert.Contains("ParameterStyles.PathObject(\"id\", SBG::ParameterStyle.Matrix, true,", client, StringComparison.Ordinal);
        Assert.Contains("query.AddObject(\"where\", SBG::ParameterStyle.DeepObject, true, false,", client, StringComparison.Ordinal);
        Assert.Contains("new(\"y\", (where.Y.HasValue ? SBG::SchemaFormats.ToText(where.Y.Value) : null))", client, StringComparison.Ordinal);
        Assert.Contains("request.AddHeader(\"X-Point\", SBG::ParameterStyles.HeaderObject(false,", client, StringComparison.Ordinal);
        Assert.DoesNotContain("NeedsAsync", client, StringComparison.Ordinal);
    }

    private static string At(Diagnostic diagnostic) =>
        Document.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);

    [Fact]
    public void A_parameter_that_is_a_union_of_scalars_with_a_plain_string_is_a_string()
    {
        const string document = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Runs", "version": "1" },
              "paths": {
                "/workflows/{workflow_id}/runs": {
                  "get": {
                    "operationId": "listRuns",
                    "parameters": [
                      { "name": "workflow_id", "in": "path", "required": true, "schema": { "oneOf": [ { "type": "integer" }, { "type": "string" } ] } },
                      { "name": "since", "in": "query", "schema": { "anyOf": [ { "type": "integer" }, { "type": "string", "format": "date" } ] } }
                    ],
                    "responses": { "204": { "description": "ok" } }
                  }
                }
              }
            }
            """;

        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/runs.json", document, "Runs"));

        Assert.Empty(result.CompilationDiagnostics);
        string client = result.Source("Runs.RunsClient.g.cs");
        // Every alternative is text on the wire and any string matches the string alternative: nothing is refused.
        Assert.Contains("ListRunsAsync([SB::SchemaMinLength(1)] string workflowId,", client, StringComparison.Ordinal);

        // A string alternative with a format does not match every string: that union still has no form.
        Diagnostic leftOut = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0041", leftOut.Id);
        Assert.Contains("'since'", leftOut.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
