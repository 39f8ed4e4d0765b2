using Microsoft.CodeAnalysis;
using SchemaBind.Generator.Parsing;

namespace SchemaBind.Generator.Tests;

/// <summary>Operation subsetting: the item's IncludeTags, ExcludeOperations, ... and only the types the kept operations reach.</summary>
public sealed class SubsetTests
{
    private const string Api = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Shop", "version": "1" },
          "servers": [ { "url": "https://shop.example/" } ],
          "paths": {
            "/pets": {
              "get": {
                "operationId": "listPets", "tags": ["pets"],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Animal" } } } } } }
              },
              "post": {
                "operationId": "addPet", "tags": ["pets"],
                "requestBody": { "$ref": "#/components/requestBodies/NewPet" },
                "responses": { "201": { "description": "added", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } }
              }
            },
            "/pets/{id}": {
              "parameters": [ { "$ref": "#/components/parameters/PetId" } ],
              "delete": { "operationId": "deletePet", "tags": ["pets"], "responses": { "204": { "description": "gone" } } }
            },
            "/stores/{id}/orders": {
              "get": {
                "operationId": "listOrders", "tags": ["stores"],
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Order" } } } } } }
              }
            },
            "/users": {
              "get": {
                "operationId": "listUsers", "tags": ["users"],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/User" } } } } }
              }
            }
          },
          "components": {
            "parameters": { "PetId": { "name": "id", "in": "path", "required": true, "schema": { "$ref": "#/components/schemas/PetKey" } } },
            "requestBodies": { "NewPet": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewPet" } } } } },
            "schemas": {
              "Animal": {
                "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ],
                "discriminator": { "propertyName": "kind", "mapping": { "cat": "#/components/schemas/Cat", "dog": "Dog" } }
              },
              "Cat": { "type": "object", "required": ["kind"], "properties": { "kind": { "const": "cat" }, "lives": { "type": "integer" } } },
              "Dog": { "type": "object", "required": ["kind"], "properties": { "kind": { "const": "dog" }, "owner": { "$ref": "#/components/schemas/Owner" } } },
              "Owner": { "type": "object", "properties": { "name": { "type": "string" } } },
              "Pet": { "type": "object", "properties": { "name": { "type": "string" }, "tags": { "type": "array", "items": { "$ref": "#/components/schemas/Tag" } } } },
              "Tag": { "type": "object", "properties": { "label": { "type": "string" } } },
              "NewPet": { "type": "object", "properties": { "name": { "type": "string" } }, "examples": [ { "$ref": "#/components/schemas/Unused" } ] },
              "PetKey": { "type": "string", "minLength": 1 },
              "Order": { "type": "object", "properties": { "id": { "type": "string" }, "status": { "$ref": "#/components/schemas/OrderStatus" } } },
              "OrderStatus": { "type": "string", "enum": ["open", "shipped"] },
              "User": { "type": "object", "properties": { "name": { "type": "string" } } },
              "Unused": { "type": "object", "properties": { "x": { "type": "string" } } }
            }
          }
        }
        """;

    private static GeneratorResult Run(string text, params (string Name, string Value)[] metadata) =>
        GeneratorHarness.Run(new SchemaFile("/p/shop.json", text, "Shop")
        {
            Metadata = metadata.ToDictionary(static m => "SchemaBind" + m.Name, static m => m.Value),
        });

    private static string[] TypeNames(GeneratorResult result) =>
        result.Output.GetSymbolsWithName(static _ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(static t => t.ContainingNamespace.ToDisplayString() == "Shop" && t.ContainingType is null && t.TypeKind != TypeKind.Interface && !t.Name.EndsWith("Json", StringComparison.Ordinal) && !t.Name.StartsWith("Shop", StringComparison.Ordinal))
            .Select(static t => t.Name)
            .OrderBy(static n => n, StringComparer.Ordinal)
            .ToArray();

    private static string[] Methods(GeneratorResult result) =>
        result.Output.GetTypeByMetadataName("Shop.IShopClient")!.GetMembers().Select(static m => m.Name).Where(static n => !n.EndsWith("WithResponseAsync", StringComparison.Ordinal)).OrderBy(static n => n, StringComparer.Ordinal).ToArray();

    [Fact]
    public void One_tag_generates_its_operations_and_only_the_types_they_reach()
    {
        GeneratorResult result = Run(Api, ("IncludeTags", "pets"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);

        Assert.Equal(new[] { "AddPetAsync", "DeletePetAsync", "ListPetsAsync" }, Methods(result));

        // Through $ref, a union's cases (oneOf and mapping), properties, items, a parameter and a request body of components;
        // not through an example, which is an instance.
        Assert.Equal(new[] { "Animal", "Cat", "Dog", "NewPet", "Owner", "Pet", "Tag" }, TypeNames(result));

        Diagnostic summary = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0046", summary.Id);
        Assert.Equal(DiagnosticSeverity.Info, summary.Severity);
        Assert.Equal(
            "The SchemaBindApi item's operation filters keep 3 of the document's 5 operations; the others are not generated, nor are the 4 component schemas that no kept operation reaches",
            summary.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4, summary.Location.GetLineSpan().StartLinePosition.Line); // "paths", line 5

        // The embedded document keeps the component schemas the kept operations reach, at the same pointers; the
        // operations themselves are left out of it, as for any OpenAPI document whose validation never reads them.
        string document = result.Source("Shop.ShopJsonSchema.g.cs");
        Assert.Contains("\"Owner\":{", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/pets/{id}\":{", document, StringComparison.Ordinal);
        Assert.Contains("\"PetId\":{", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Unused\":{", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"OrderStatus\":{", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/stores/", document, StringComparison.Ordinal);
        Assert.DoesNotContain("listUsers", document, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_paths_and_operationIds_combine_include_then_exclude()
    {
        // Semicolons or commas separate entries; an include of any kind keeps, an exclude of any kind then removes.
        GeneratorResult result = Run(Api, ("IncludeTags", "pets; stores"), ("ExcludeOperations", "DELETEPET"), ("IncludePaths", "/users"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        Assert.Equal(new[] { "AddPetAsync", "ListOrdersAsync", "ListPetsAsync", "ListUsersAsync" }, Methods(result));
        Assert.Contains("OrderStatus", TypeNames(result));
        Assert.DoesNotContain("Unused", TypeNames(result));

        GeneratorResult byPath = Run(Api, ("ExcludePaths", "/pets,/users"));
        Assert.Equal(new[] { "ListOrdersAsync" }, Methods(byPath));
        Assert.Equal(new[] { "Order", "OrderStatus" }, TypeNames(byPath));
    }

    [Fact]
    public void A_type_keeps_its_name_whatever_the_filter()
    {
        // "pet" and "Pet" both want the name Pet; the second is Pet2, also when a filter leaves out the first.
        string api = Api.Replace("\"Unused\": {", "\"Pet\": {", StringComparison.Ordinal)
            .Replace("\"Pet\": { \"type\": \"object\", \"properties\": { \"name\"", "\"pet\": { \"type\": \"object\", \"properties\": { \"name\"", StringComparison.Ordinal)
            .Replace("\"#/components/schemas/Pet\"", "\"#/components/schemas/pet\"", StringComparison.Ordinal)
            .Replace("\"User\": { \"type\": \"object\", \"properties\": { \"name\": { \"type\": \"string\" } } }", "\"User\": { \"type\": \"object\", \"properties\": { \"pet\": { \"$ref\": \"#/components/schemas/Pet\" } } }", StringComparison.Ordinal);
        GeneratorResult all = Run(api);
        GeneratorResult subset = Run(api, ("IncludeOperations", "listUsers"));
        GeneratorResult.AssertNone(subset.CompilationDiagnostics);
        Assert.Contains("Pet", TypeNames(all));
        Assert.Contains("Pet2", TypeNames(all));
        Assert.Equal(new[] { "Pet2", "User" }, TypeNames(subset));
    }

    /// <summary>The line and column (0-based) where <paramref name="text"/> first appears in <paramref name="document"/>.</summary>
    private static (int Line, int Character) PositionOf(string document, string text)
    {
        int offset = document.IndexOf(text, StringComparison.Ordinal);
        Assert.True(offset >= 0, text);
        int line = document.Take(offset).Count(static c => c == '\n');
        return (line, offset - (document.LastIndexOf('\n', offset) + 1));
    }

    [Fact]
    public void Without_a_filter_the_schemas_no_operation_reaches_are_left_out_with_a_located_info()
    {
        GeneratorResult result = Run(Api);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);

        // Every operation is kept, so everything but Unused (named only in an example) is reached.
        Assert.Equal(new[] { "AddPetAsync", "DeletePetAsync", "ListOrdersAsync", "ListPetsAsync", "ListUsersAsync" }, Methods(result));
        Assert.Equal(new[] { "Animal", "Cat", "Dog", "NewPet", "Order", "OrderStatus", "Owner", "Pet", "Tag", "User" }, TypeNames(result));

        Diagnostic info = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0056", info.Id);
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Equal(
            "Component schemas that no operation uses are not generated: 1 of the document's 12 ('Unused'); set Schemas=\"All\" on the SchemaBindApi item (CLI: --schemas all) to generate every one",
            info.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        FileLinePositionSpan span = info.Location.GetLineSpan();
        Assert.Equal("/p/shop.json", span.Path);
        (int line, int character) = PositionOf(Api, "\"schemas\": {");
        Assert.Equal(line, span.StartLinePosition.Line);
        Assert.Equal(character, span.StartLinePosition.Character);
        Assert.Equal(character + "\"schemas\"".Length, span.EndLinePosition.Character);

        // The embedded document keeps every operation and the reached schemas; the unreached one goes.
        string document = result.Source("Shop.ShopJsonSchema.g.cs");
        Assert.Contains("\"OrderStatus\":{", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Unused\":{", document, StringComparison.Ordinal);
    }

    [Fact]
    public void Schemas_All_generates_every_component_schema_and_embeds_the_whole_document()
    {
        GeneratorResult all = Run(Api, ("Schemas", "All"));
        GeneratorResult.AssertNone(all.CompilationDiagnostics);
        Assert.Empty(all.SchemaDiagnostics);
        Assert.Equal(new[] { "Animal", "Cat", "Dog", "NewPet", "Order", "OrderStatus", "Owner", "Pet", "Tag", "Unused", "User" }, TypeNames(all));
        Assert.Contains("\"Unused\":{", all.Source("Shop.ShopJsonSchema.g.cs"), StringComparison.Ordinal);

        // Any case, as the other metadata; an unknown value is the default (the build's SBBUILD002 warns of it).
        Assert.Contains("Unused", TypeNames(Run(Api, ("Schemas", "all"))));
        Assert.DoesNotContain("Unused", TypeNames(Run(Api, ("Schemas", "Used"))));
        Assert.DoesNotContain("Unused", TypeNames(Run(Api, ("Schemas", "everything"))));

        // With a filter, All still generates every component schema: the filter only chooses the operations.
        GeneratorResult filtered = Run(Api, ("IncludeTags", "users"), ("Schemas", "All"));
        GeneratorResult.AssertNone(filtered.CompilationDiagnostics);
        Assert.Equal(new[] { "ListUsersAsync" }, Methods(filtered));
        Assert.Equal(TypeNames(all), TypeNames(filtered));
        Diagnostic summary = Assert.Single(filtered.SchemaDiagnostics);
        Assert.Equal("SB0046", summary.Id);
        Assert.EndsWith("nor are the 0 component schemas that no kept operation reaches", summary.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("\"Unused\":{", filtered.Source("Shop.ShopJsonSchema.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_operations_generates_every_component_schema()
    {
        string components = Api.Substring(0, Api.IndexOf("\"paths\"", StringComparison.Ordinal))
            + "\"paths\": {},\n  " + Api.Substring(Api.IndexOf("\"components\"", StringComparison.Ordinal));
        GeneratorResult result = Run(components);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        Assert.Empty(result.SchemaDiagnostics);
        Assert.Equal(new[] { "Animal", "Cat", "Dog", "NewPet", "Order", "OrderStatus", "Owner", "Pet", "Tag", "Unused", "User" }, TypeNames(result));
        Assert.Contains("\"Unused\":{", result.Source("Shop.ShopJsonSchema.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_reached_only_through_a_mapping_allOf_a_response_header_or_a_parameter_is_kept()
    {
        const string api = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Shop", "version": "1" },
              "servers": [ { "url": "https://shop.example/" } ],
              "paths": {
                "/shapes": {
                  "get": {
                    "operationId": "listShapes",
                    "parameters": [ { "name": "color", "in": "query", "schema": { "$ref": "#/components/schemas/Color" } } ],
                    "responses": {
                      "200": {
                        "description": "ok",
                        "headers": { "X-Page": { "schema": { "$ref": "#/components/schemas/PageToken" } } },
                        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Drawing" } } }
                      }
                    }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Drawing": { "allOf": [ { "$ref": "#/components/schemas/Named" } ], "properties": { "shape": { "$ref": "#/components/schemas/Shape" } } },
                  "Named": { "type": "object", "properties": { "name": { "type": "string" } } },
                  "Shape": {
                    "type": "object", "required": ["kind"], "properties": { "kind": { "type": "string" } },
                    "discriminator": { "propertyName": "kind", "mapping": { "circle": "#/components/schemas/Circle", "square": "Square" } }
                  },
                  "Circle": { "allOf": [ { "$ref": "#/components/schemas/Shape" } ], "properties": { "radius": { "type": "number" } } },
                  "Square": { "allOf": [ { "$ref": "#/components/schemas/Shape" } ], "properties": { "side": { "type": "number" } } },
                  "Color": { "type": "string", "enum": ["red", "blue"] },
                  "PageToken": { "type": "string", "enum": ["first", "last"] },
                  "Webhook": { "type": "object", "properties": { "event": { "type": "string" } } }
                }
              },
              "webhooks": { "drawn": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Webhook" } } } }, "responses": { "200": { "description": "ok" } } } } }
            }
            """;
        GeneratorResult used = Run(api);
        GeneratorResult.AssertNone(used.CompilationDiagnostics);
        GeneratorResult all = Run(api, ("Schemas", "All"));
        GeneratorResult.AssertNone(all.CompilationDiagnostics);

        // Named through allOf, Circle and Square through the mapping (by pointer and by name), Color through a
        // parameter, PageToken through a response header; Webhook only through webhooks, which generate nothing.
        string[] reached = TypeNames(used);
        Assert.Equal(TypeNames(all).Where(static n => n != "Webhook"), reached);
        Assert.Equal(new[] { "Circle", "Color", "Drawing", "ListShapesHeaders", "Named", "PageToken", "Shape", "Square" }, reached);
        Diagnostic info = Assert.Single(used.SchemaDiagnostics, static d => d.Id == "SB0056");
        Assert.Contains("1 of the document's 8 ('Webhook')", info.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(all.SchemaDiagnostics, static d => d.Id == "SB0056");
    }

    [Fact]
    public void A_reached_type_keeps_its_name_when_an_unreached_schema_is_left_out()
    {
        // "pet" (used by no operation) claims Pet first, so "Pet" is Pet2; it stays Pet2 when "pet" is left out.
        string api = Api.Replace("\"Unused\": {", "\"Pet\": {", StringComparison.Ordinal)
            .Replace("\"Pet\": { \"type\": \"object\", \"properties\": { \"name\"", "\"pet\": { \"type\": \"object\", \"properties\": { \"name\"", StringComparison.Ordinal)
            .Replace("\"#/components/schemas/Pet\"", "\"#/components/schemas/Unreached\"", StringComparison.Ordinal)
            .Replace("\"User\": { \"type\": \"object\", \"properties\": { \"name\": { \"type\": \"string\" } } }", "\"User\": { \"type\": \"object\", \"properties\": { \"pet\": { \"$ref\": \"#/components/schemas/Pet\" } } }", StringComparison.Ordinal)
            .Replace("{ \"$ref\": \"#/components/schemas/Unreached\" }", "{ \"type\": \"string\" }", StringComparison.Ordinal);
        GeneratorResult all = Run(api, ("Schemas", "All"));
        GeneratorResult used = Run(api);
        GeneratorResult.AssertNone(used.CompilationDiagnostics);
        Assert.Contains("Pet", TypeNames(all));
        Assert.Contains("Pet2", TypeNames(all));
        Assert.Contains("Pet2", TypeNames(used));
        Assert.DoesNotContain("Pet", TypeNames(used));
        Assert.Contains("'pet'", Assert.Single(used.SchemaDiagnostics, static d => d.Id == "SB0056").GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("Pet2", used.Output.GetTypeByMetadataName("Shop.User")!.GetMembers("Pet").OfType<IPropertySymbol>().Single().Type.Name);
    }

    [Fact]
    public void A_Swagger_document_reports_at_its_definitions()
    {
        const string swagger = """
            {
              "swagger": "2.0",
              "info": { "title": "Shop", "version": "1" },
              "host": "shop.example",
              "paths": {
                "/pets": { "get": { "operationId": "listPets", "produces": ["application/json"], "responses": { "200": { "description": "ok", "schema": { "$ref": "#/definitions/Pet" } } } } }
              },
              "definitions": {
                "Pet": { "type": "object", "properties": { "name": { "type": "string" } } },
                "Stored": { "type": "object", "properties": { "id": { "type": "string" } } }
              }
            }
            """;
        GeneratorResult result = Run(swagger);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        Assert.Equal(new[] { "Pet" }, TypeNames(result));
        Diagnostic info = Assert.Single(result.SchemaDiagnostics, static d => d.Id == "SB0056");
        (int line, int character) = PositionOf(swagger, "\"definitions\"");
        Assert.Equal(line, info.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(character, info.Location.GetLineSpan().StartLinePosition.Character);
        Assert.Contains("1 of the document's 2 ('Stored')", info.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_entry_that_matches_no_operation_is_a_located_warning()
    {
        GeneratorResult result = Run(Api, ("IncludeTags", "pets,petz"), ("ExcludeOperations", "repos/delete"), ("IncludePaths", "/nothing/**"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        var warnings = result.SchemaDiagnostics.Where(static d => d.Id == "SB0045").ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, static w => Assert.Equal(DiagnosticSeverity.Warning, w.Descriptor.DefaultSeverity));
        Assert.All(warnings, static w => Assert.Equal(4, w.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Contains(warnings, static w => w.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
            == "The IncludeTags entry 'petz' of the SchemaBindApi item matches no operation of the document: the document's tags are 'pets', 'stores', 'users'");
        Assert.Contains(warnings, static w => w.GetMessage(System.Globalization.CultureInfo.InvariantCulture).StartsWith("The ExcludeOperations entry 'repos/delete' ", StringComparison.Ordinal));
        Assert.Contains(warnings, static w => w.GetMessage(System.Globalization.CultureInfo.InvariantCulture).StartsWith("The IncludePaths entry '/nothing/**' ", StringComparison.Ordinal));
        Assert.Equal(new[] { "AddPetAsync", "DeletePetAsync", "ListPetsAsync" }, Methods(result));
    }

    [Fact]
    public void A_filter_that_keeps_nothing_still_compiles_and_a_JSON_Schema_document_warns()
    {
        GeneratorResult none = Run(Api, ("IncludeTags", "nothing"));
        GeneratorResult.AssertNone(none.CompilationDiagnostics);
        Assert.Empty(Methods(none));
        Assert.Empty(TypeNames(none));

        GeneratorResult schema = GeneratorHarness.Run(new SchemaFile("/p/thing.schema.json", """{ "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": { "a": { "type": "string" } } }""", "Things")
        {
            Metadata = new Dictionary<string, string> { ["SchemaBindIncludeTags"] = "pets" },
        });
        GeneratorResult.AssertNone(schema.CompilationDiagnostics);
        Diagnostic warning = Assert.Single(schema.SchemaDiagnostics);
        Assert.Equal("SB0045", warning.Id);
        Assert.Contains("a JSON Schema document has no operations", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.NotNull(schema.Output.GetTypeByMetadataName("Things.Thing"));
    }

    [Theory]
    [InlineData("/pets", "/pets", true)]
    [InlineData("/pets", "/pets/{id}", true)]
    [InlineData("/pets/", "/pets/{id}", true)]
    [InlineData("pets", "/pets/{id}", true)]
    [InlineData("/pets", "/petshop", false)]
    [InlineData("/", "/anything", true)]
    [InlineData("/stores/*/orders", "/stores/{id}/orders", true)]
    [InlineData("/stores/*", "/stores/{id}/orders", false)]
    [InlineData("/stores/**", "/stores", true)]
    [InlineData("/stores/**", "/stores/{id}/orders", true)]
    [InlineData("/stores/**/orders", "/stores/{id}/x/orders", true)]
    [InlineData("/stores/{id}*", "/stores/{id}.json", true)]
    [InlineData("/Pets", "/pets", false)]
    public void Path_entries_are_segment_prefixes_or_globs(string pattern, string path, bool matches) =>
        Assert.Equal(matches, OperationSubset.PathMatches(pattern, path));

    [Theory]
    [InlineData("repos", "Repos", true)]
    [InlineData("repos/*", "repos/list-for-org", true)]
    [InlineData("repos/*", "issues/list", false)]
    [InlineData("*-for-org", "repos/list-for-org", true)]
    [InlineData("repos", "repos2", false)]
    public void Tag_and_operationId_entries_match_whole_in_any_case_or_as_globs(string pattern, string name, bool matches) =>
        Assert.Equal(matches, OperationSubset.NameMatches(pattern, name));
}
