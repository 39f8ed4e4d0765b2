// These tests build invalid values on purpose; SB1001 (a constant the schema never accepts) is
// what a user would see for them, and shows that the merged allOf constraints reach the analyzer.
#pragma warning disable SB1001

using System.Text.Json;
using System.Text.Json.Nodes;
using EndToEnd.Catalog;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// Schemas/catalog.schema.json: maps (additionalProperties), allOf composition, oneOf/anyOf without a
/// discriminator, and recursive schemas, through the generated code as a user's project gets it.
/// </summary>
public sealed class StructureTests
{
    private const string CatalogJson = """
        {
          "root": { "name": "All", "children": [ { "name": "Pets", "children": [ { "name": "Dogs" } ] } ] },
          "labels": { "team": "core", "tier": "gold" },
          "pets": [ { "name": "Rex", "barks": true }, { "name": "Tom", "lives": 9 } ],
          "price": "12 EUR",
          "tree": { "value": 1, "children": [ { "value": 2, "children": [ { "value": 3 } ] } ], "byName": { "x": { "value": 4 } } },
          "stock": 7
        }
        """;

    private static (string Pointer, string Keyword)[] Errors(IReadOnlyList<ValidationError> errors) =>
        errors.Select(static e => (e.InstanceLocation, e.Keyword)).ToArray();

    [Fact]
    public void A_document_with_every_structure_round_trips()
    {
        Catalog catalog = Catalog.FromJson(CatalogJson);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(CatalogJson), JsonNode.Parse(catalog.ToJson())), catalog.ToJson());
        Assert.Empty(catalog.Validate());
        Assert.Equal(catalog, Catalog.FromJson(catalog.ToJson()));
    }

    [Fact]
    public void A_map_is_a_dictionary_in_the_order_of_the_json_and_its_values_are_validated()
    {
        Catalog catalog = Catalog.FromJson(CatalogJson);
        Assert.Equal(["team", "tier"], catalog.Labels.Keys);
        Assert.Equal(7L, catalog.AdditionalProperties!["stock"]);

        Catalog bad = catalog with
        {
            Labels = new Dictionary<string, string> { ["team"] = "far-too-long" },
            AdditionalProperties = new Dictionary<string, long> { ["stock"] = -1 },
        };
        Assert.Equal([("/labels/team", "maxLength"), ("/stock", "minimum")], Errors(bad.Validate()));
    }

    [Fact]
    public void A_typed_map_rejects_a_value_of_the_wrong_type_when_read()
    {
        var ex = Assert.Throws<JsonException>(() => Catalog.FromJson("""{ "root": { "name": "r" }, "labels": { "a": 1 } }"""));
        Assert.Contains("string", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllOf_makes_one_record_with_the_properties_and_constraints_of_every_part()
    {
        var dog = new Dog { Name = "Rex", Barks = true };
        Assert.Empty(dog.Validate());

        // minLength comes from the referenced Named part, maxLength from the inline part.
        Assert.Equal([("/name", "minLength")], Errors((dog with { Name = "" }).Validate()));
        Assert.Equal([("/name", "maxLength")], Errors((dog with { Name = "Rex the Great" }).Validate()));

        // Both parts' required lists apply when reading.
        var ex = Assert.Throws<JsonException>(() => Dog.FromJson("""{ "barks": true }"""));
        Assert.Contains("'name'", ex.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => Cat.FromJson("""{ "name": "Tom" }"""));
    }

    [Fact]
    public void A_oneOf_without_discriminator_reads_the_one_alternative_that_matches()
    {
        Pet dog = Pet.FromJson("""{ "name": "Rex", "barks": false }""");
        Pet cat = Pet.FromJson("""{ "name": "Tom", "lives": 3 }""");

        Assert.Equal("dog Rex", dog.Match(onDog: d => "dog " + d.Name, onCat: c => "cat " + c.Name));
        Assert.Equal("cat Tom 3", cat.Match(onDog: d => "dog " + d.Name, onCat: c => "cat " + c.Name + " " + c.Lives));
        Assert.IsType<Pet.CatCase>(cat);

        string? seen = null;
        dog.Switch(onDog: d => seen = d.Name, onCat: _ => seen = "cat");
        Assert.Equal("Rex", seen);
    }

    [Fact]
    public void A_oneOf_value_that_matches_no_alternative_or_two_is_a_JsonException()
    {
        var none = Assert.Throws<JsonException>(() => Pet.FromJson("""{ "name": "Nemo" }"""));
        Assert.Contains("none of the alternatives of Pet", none.Message, StringComparison.Ordinal);

        var both = Assert.Throws<JsonException>(() => Pet.FromJson("""{ "name": "Odd", "barks": true, "lives": 1 }"""));
        Assert.Contains("matches 2 alternatives of Pet", both.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Union_cases_convert_implicitly_and_write_their_value()
    {
        Pet pet = new Dog { Name = "Rex", Barks = true };
        Price number = 9.5;
        Price text = "3 USD";
        Price list = new Price.ArrayCase([1, 2]);

        Assert.Equal("""{"name":"Rex","barks":true}""", pet.ToJson());
        Assert.Equal("9.5", number.ToJson());
        Assert.Equal("\"3 USD\"", text.ToJson());
        Assert.Equal("[1,2]", list.ToJson());
        Assert.Equal(pet, Pet.FromJson(pet.ToJson()));
        Assert.Equal(list, Price.FromJson("[1, 2]"));
        Assert.Equal(list.GetHashCode(), Price.FromJson("[1.0, 2]").GetHashCode());
        Assert.NotEqual(list, Price.FromJson("[2, 1]"));
    }

    [Fact]
    public void An_anyOf_reads_the_first_alternative_that_matches()
    {
        Assert.Equal(12.0, Assert.IsType<Price.NumberCase>(Price.FromJson("12")).Value);
        Assert.Equal("12 EUR", Assert.IsType<Price.StringCase>(Price.FromJson("\"12 EUR\"")).Value);
        Assert.Equal([1.0, 2.5], Assert.IsType<Price.ArrayCase>(Price.FromJson("[1, 2.5]")).Value);

        var ex = Assert.Throws<JsonException>(() => Price.FromJson("\"twelve\""));
        Assert.Contains("none of the alternatives of Price (anyOf)", ex.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => Price.FromJson("-1"));
    }

    [Fact]
    public void A_union_validates_its_case_with_json_pointers()
    {
        Catalog catalog = Catalog.FromJson(CatalogJson) with
        {
            Pets = [new Dog { Name = "", Barks = true }, new Cat { Name = "Tom", Lives = 10 }],
            Price = -3.0,
        };

        // Each error once: the case's own check, not again as "matches no alternative" of the union.
        Assert.Equal([("/pets/0/name", "minLength"), ("/pets/1/lives", "maximum"), ("/price", "minimum")], Errors(catalog.Validate()));
    }

    [Fact]
    public void A_oneOf_value_valid_as_its_case_but_matching_two_alternatives_is_a_oneOf_error()
    {
        Code small = 5L;
        Code large = 150.5;
        Code both = 150L;

        Assert.Empty(small.Validate());
        Assert.Empty(large.Validate());
        Assert.Equal([("", "oneOf")], Errors(both.Validate()));
        Assert.Equal([("/code", "oneOf")], Errors((Catalog.FromJson(CatalogJson) with { Code = both }).Validate()));

        Assert.IsType<Code.IntegerCase>(Code.FromJson("5"));
        Assert.IsType<Code.NumberCase>(Code.FromJson("150.5"));
        var ex = Assert.Throws<JsonException>(() => Code.FromJson("150"));
        Assert.Contains("matches 2 alternatives of Code", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyOf_a_schema_and_null_is_that_schema_nullable()
    {
        Catalog catalog = Catalog.FromJson("""{ "root": { "name": "r" }, "labels": {}, "owner": null }""");
        Assert.Null(catalog.Owner);
        Assert.Empty(catalog.Validate());

        Catalog owned = catalog with { Owner = new Person { Name = "Ann" } };
        Assert.Equal("Ann", Catalog.FromJson(owned.ToJson()).Owner!.Name);
    }

    [Fact]
    public void Recursive_schemas_round_trip_at_any_depth()
    {
        Catalog catalog = Catalog.FromJson(CatalogJson);
        Assert.Equal("Dogs", catalog.Root.Children![0].Children![0].Name);
        Assert.Equal(3, catalog.Tree!.Children![0].Children![0].Value);
        Assert.Equal(4, catalog.Tree.ByName!["x"].Value);

        var deep = new Tree { Value = 0 };
        for (int i = 1; i < 50; i++)
        {
            deep = new Tree { Value = i, Children = [deep] };
        }

        Assert.Equal(deep, Tree.FromJson(deep.ToJson()));
    }

    [Fact]
    public void A_recursive_value_is_validated_at_every_level()
    {
        var category = new Category { Name = "All", Children = [new Category { Name = "Pets", Children = [new Category { Name = "" }] }] };

        Assert.Equal([("/children/0/children/0/name", "minLength")], Errors(category.Validate()));
    }
}
