// The invalid values below are on purpose; SB1001 reports them at compile time, which is checked
// in the generator tests.
#pragma warning disable SB1001

using System.Text.Json;
using EndToEnd.Common;
using EndToEnd.Shipping;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// Schemas/shipment.schema.json refers to Schemas/shared/common.schema.json: the types come from the
/// file that defines them, and both validators follow the reference into the other file.
/// </summary>
public sealed class CrossFileTests
{
    [Fact]
    public void A_referenced_schema_is_the_other_files_type_and_round_trips()
    {
        var shipment = new Shipment { Id = 7, To = new Address { City = "Gdańsk", Country = "PL" }, Priority = Priority.High };

        string json = shipment.ToJson();
        Assert.Equal("""{"id":7,"to":{"city":"Gda\u0144sk","country":"PL"},"priority":"HIGH"}""", json);
        Assert.Equal(shipment, Shipment.FromJson(json));
        Assert.Empty(shipment.Validate());
    }

    [Fact]
    public void Typed_validation_checks_the_referenced_schemas_constraints()
    {
        var shipment = new Shipment { Id = 0, To = new Address { City = "", Country = "Poland" } };

        var errors = shipment.Validate().Select(static e => (e.InstanceLocation, e.Keyword)).OrderBy(static e => e.InstanceLocation).ToArray();

        Assert.Equal([("/id", "minimum"), ("/to/city", "minLength"), ("/to/country", "pattern")], errors);
    }

    [Fact]
    public void Json_validation_follows_the_reference_into_the_other_file()
    {
        using JsonDocument valid = JsonDocument.Parse("""{ "id": 1, "to": { "city": "Oslo", "country": "NO" } }""");
        using JsonDocument invalid = JsonDocument.Parse("""{ "id": 1, "to": { "city": "Oslo", "country": "no", "zip": "0150" }, "priority": "URGENT" }""");

        Assert.Empty(Shipment.ValidateJson(valid.RootElement));
        var errors = Shipment.ValidateJson(invalid.RootElement).Select(static e => (e.InstanceLocation, e.Keyword)).ToHashSet();
        Assert.Contains(("/to/country", "pattern"), errors);
        Assert.Contains(("/to/zip", "additionalProperties"), errors); // the other file says additionalProperties: false
        Assert.Contains(("/priority", "enum"), errors);
    }
}
