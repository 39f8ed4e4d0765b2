using System.ComponentModel.DataAnnotations;

namespace SchemaBind.Runtime.Tests;

public sealed class LengthAttributeTests
{
    [Theory]
    [InlineData("", false)]
    [InlineData("a", true)]
    [InlineData("\U0001F600", true)] // one code point, two UTF-16 units
    [InlineData(null, true)]
    public void SchemaMinLength_counts_code_points(string? value, bool valid)
        => Assert.Equal(valid, new SchemaMinLengthAttribute(1).IsValid(value));

    [Theory]
    [InlineData("ab", true)]
    [InlineData("\U0001F600\U0001F600", true)] // 2 code points, 4 UTF-16 units
    [InlineData("abc", false)]
    public void SchemaMaxLength_counts_code_points(string value, bool valid)
        => Assert.Equal(valid, new SchemaMaxLengthAttribute(2).IsValid(value));

    [Fact]
    public void Collections_are_counted()
    {
        Assert.False(new SchemaMinLengthAttribute(1).IsValid(new List<int>()));
        Assert.True(new SchemaMinLengthAttribute(1).IsValid(new[] { 1 }));
        Assert.False(new SchemaMaxLengthAttribute(1).IsValid(new List<string> { "a", "b" }));
        Assert.True(new SchemaMaxLengthAttribute(1).IsValid(42)); // not a string or collection: another keyword's business
    }

    [Fact]
    public void DataAnnotations_validation_reports_the_member()
    {
        var results = new List<ValidationResult>();
        var instance = new Named { Name = "" };
        bool valid = Validator.TryValidateObject(instance, new System.ComponentModel.DataAnnotations.ValidationContext(instance), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Equal("The field Name must have a length of at least 1.", Assert.Single(results).ErrorMessage);
    }

    private sealed class Named
    {
        [SchemaMinLength(1)]
        public string Name { get; set; } = "";
    }
}
