using System.Text.Json;
using SchemaBind.Runtime;

namespace SchemaBind.Runtime.Tests;

/// <summary>
/// multipleOf on numbers beyond decimal's range (found by the differential tests: 1e308 was taken for a
/// multiple of 3, because a double that large has no fractional bits left).
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
    public void MultipleOf_is_exact_for_numbers_beyond_decimal(string number, string divisor, bool valid)
    {
        var validator = JsonSchemaValidator.Create("{\"multipleOf\": " + divisor + "}");
        using JsonDocument instance = JsonDocument.Parse(number);

        Assert.Equal(valid, validator.IsValid(instance.RootElement));
        Assert.Equal(valid, validator.Validate(instance.RootElement).Count == 0);
    }
}
