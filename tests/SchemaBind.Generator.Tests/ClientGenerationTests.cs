namespace SchemaBind.Generator.Tests;

/// <summary>Client shapes beyond the Buddy schema: query parameters, bodiless operations, 204 responses.</summary>
public sealed class ClientGenerationTests
{
    private const string Api = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Pets", "version": "1" },
          "servers": [ { "url": "https://pets.example/api" } ],
          "paths": {
            "/pets": {
              "get": {
                "operationId": "listPets",
                "parameters": [
                  { "name": "page", "in": "query", "schema": { "type": "integer", "minimum": 1 } },
                  { "name": "kind", "in": "query", "schema": { "type": "string", "enum": ["cat", "dog"] } },
                  { "name": "tag", "in": "query", "schema": { "type": "array", "items": { "type": "string" } } },
                  { "name": "q", "in": "query", "required": true, "schema": { "type": "string", "minLength": 2 } }
                ],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Pet" } } } } } }
              }
            },
            "/pets/{id}": {
              "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64" } } ],
              "delete": { "operationId": "deletePet", "responses": { "204": { "description": "gone" } } }
            }
          },
          "components": { "schemas": { "Pet": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } } } }
        }
        """;

    [Fact]
    public void Query_parameters_and_bodiless_operations_generate_compiling_code()
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/pets.json", Api, "Pets"));
        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);

        string client = result.Source("Pets.PetsClient.g.cs");
        Assert.Contains(
            "ListPetsAsync([SB::SchemaMinLength(2)] string q, [global::System.ComponentModel.DataAnnotations.Range(1d, double.MaxValue)] long? page = null, ListPetsKind? kind = null, global::System.Collections.Generic.IReadOnlyList<string>? tag = null, global::System.Threading.CancellationToken cancellationToken = default)",
            client,
            StringComparison.Ordinal);
        Assert.Contains("query.Add(\"kind\", (kind is { } kindWire ? ListPetsKindJson.ToWireName(kindWire) : null));", client, StringComparison.Ordinal);
        Assert.Contains("public global::System.Threading.Tasks.Task DeletePetAsync(long id, global::System.Threading.CancellationToken cancellationToken = default)\n        => DeletePetWithResponseAsync(id, cancellationToken);", client, StringComparison.Ordinal);
        Assert.Contains("Task<SB::ApiResponse> DeletePetWithResponseAsync", client, StringComparison.Ordinal);
    }
}
