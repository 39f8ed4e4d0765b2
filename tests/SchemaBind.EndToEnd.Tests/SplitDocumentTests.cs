// The invalid values below are on purpose; SB1001 reports them at compile time.
#pragma warning disable SB1001

using System.Text.Json;
using EndToEnd.Split;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// Schemas/split/store.yaml keeps its path item and schemas in part files that the build's targets add
/// (SchemaBindPart): their schemas are types of the store's namespace, and its embedded document is bundled.
/// </summary>
public sealed class SplitDocumentTests
{
    [Fact]
    public void A_schema_in_a_part_file_is_a_type_of_the_root_that_round_trips_and_validates()
    {
        var pet = new Pet { Name = "Rex", Owner = new Owner { Email = "a@b" } };

        string json = pet.ToJson();
        Assert.Equal("""{"name":"Rex","owner":{"email":"a@b"}}""", json);
        Assert.Equal(pet, Pet.FromJson(json));
        Assert.Empty(pet.Validate());
        Assert.Equal(["/name", "/owner/email"], new Pet { Name = "", Owner = new Owner { Email = "nobody" } }.Validate().Select(static e => e.InstanceLocation).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Json_validation_reads_the_bundled_document()
    {
        using JsonDocument invalid = JsonDocument.Parse("""{ "name": "Rex", "owner": { "email": "x" }, "age": 3 }""");

        var errors = Pet.ValidateJson(invalid.RootElement).Select(static e => (e.InstanceLocation, e.Keyword)).ToHashSet();

        Assert.Contains(("/owner/email", "pattern"), errors);
        Assert.Contains(("/age", "additionalProperties"), errors);
    }

    [Fact]
    public void The_path_item_in_a_part_file_is_an_operation_of_the_client()
    {
        Assert.NotNull(typeof(SplitStoreClient).GetMethod("ListPetsAsync"));
    }
}
