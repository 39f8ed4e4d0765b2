using System.Text.Json;
using SchemaBind.Runtime;

namespace SchemaBind.Runtime.Tests;

/// <summary>Asserted formats, on cases the differential tests found.</summary>
public sealed class JsonSchemaFormatTests
{
    [Theory]
    [InlineData("joe.bloggs@[IPv6:::1]", true)]
    [InlineData("joe.bloggs@[IPV6:::1]", true)] // the tag is an ABNF string: case-insensitive (RFC 5234, 2.3)
    [InlineData("joe.bloggs@[ipv6:::1]", true)]
    [InlineData("joe.bloggs@[IPv7:::1]", false)]
    [InlineData("joe.bloggs@[IPV6:1.2.3.4]", false)]
    public void Email_address_literals_take_the_IPv6_tag_in_any_case(string email, bool valid)
    {
        var validator = JsonSchemaValidator.Create("{\"format\": \"email\"}", new JsonSchemaOptions { AssertFormat = true });
        using JsonDocument instance = JsonDocument.Parse(JsonSerializer.Serialize(email));

        Assert.Equal(valid, validator.IsValid(instance.RootElement));
    }
}
