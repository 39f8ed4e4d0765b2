using System.Text.Json;
using SchemaBind.Runtime;

namespace SchemaBind.Runtime.Tests;

/// <summary>
/// Numbers decimal cannot hold exactly, found by the differential tests: 1e308 was taken for a multiple
/// of 3 (a double that large has no fractional bits left), 1e-400 for 0 (decimal underflows).
/// </summary>
public sealed class JsonSchemaNumberTests
{
    [Theory]
    [InlineData("1e308", "3", false)] // 10^308 is not a multiple of 3
    [InlineData("1e308", "2", true)]
    [InlineData("1e308", "5", true)]
    [InlineData("1e308", "7", false)]
    [InlineData("-1e308", "3", false)]
    [InlineData("3e308", "3", true)] // beyond double too
    [InlineData("123456789012345678901234567890123", "3", true)]
    [InlineData("123456789012345678901234567890124", "3", false)]
    [InlineData("1e100", "0.5", true)]
    [InlineData("1.5e100", "1e99", true)]
    [InlineData("1.5e100", "1e100", false)]
    [InlineData("1e308", "1e-5", true)]
    [InlineData("10", "3", false)] // decimal range, unchanged
    [InlineData("4.5", "1.5", true)]
    [InlineData("1e-400", "2", false)]
    [InlineData("0.0000000000000000000000000000001", "1", false)]
    [InlineData("1.0000000000000000000000000000000", "1", true)]
    public void MultipleOf_is_exact_for_numbers_beyond_decimal(string number, string divisor, bool valid)
    {
        var validator = JsonSchemaValidator.Create("{\"multipleOf\": " + divisor + "}");
        using JsonDocument instance = JsonDocument.Parse(number);

        Assert.Equal(valid, validator.IsValid(instance.RootElement));
        Assert.Equal(valid, validator.Validate(instance.RootElement).Count == 0);
    }

    [Theory]
    [InlineData("{\"exclusiveMinimum\": 0}", "1e-400", true)]
    [InlineData("{\"maximum\": 0}", "1e-400", false)]
    [InlineData("{\"minimum\": 1}", "0.99999999999999999999999999999999", false)]
    [InlineData("{\"maximum\": 1e308}", "100000000000000000000000000000000000000", true)]
    [InlineData("{\"const\": 0}", "1e-400", false)]
    [InlineData("{\"const\": 1}", "1.00000000000000000000000000000001", false)]
    [InlineData("{\"const\": 1e40}", "10000000000000000000000000000000000000000", true)]
    [InlineData("{\"type\": \"integer\"}", "1.00000000000000000000000000000001", false)]
    [InlineData("{\"type\": \"integer\"}", "1e308", true)]
    [InlineData("{\"type\": \"integer\"}", "1.55e1", false)]
    [InlineData("{\"type\": \"integer\"}", "1.5e2", true)]
    public void Bounds_const_and_integer_are_exact_for_numbers_decimal_cannot_hold(string schema, string number, bool valid)
    {
        var validator = JsonSchemaValidator.Create(schema);
        using JsonDocument instance = JsonDocument.Parse(number);

        Assert.Equal(valid, validator.IsValid(instance.RootElement));
    }
}
