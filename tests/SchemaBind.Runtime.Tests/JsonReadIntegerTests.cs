using System.Text;
using System.Text.Json;
using SchemaBind.Runtime.GeneratedCode;

namespace SchemaBind.Runtime.Tests;

/// <summary>
/// The typed reader takes a number for an integer exactly as JSON Schema does (1.0 and 1e2 are integers),
/// but never after rounding (found by the differential tests: 1e-400 was read as 0 and
/// 1.0000000000000000000000000001 as 1, so typed Validate() passed what ValidateJson rejected).
/// </summary>
public sealed class JsonReadIntegerTests
{
    private static int ReadInt32(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return JsonRead.Int32(ref reader);
    }

    private static long ReadInt64(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return JsonRead.Int64(ref reader);
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("1.0", 1)]
    [InlineData("1e2", 100)]
    [InlineData("1.5e1", 15)]
    [InlineData("-2147483648.0", int.MinValue)]
    [InlineData("2147483647E0", int.MaxValue)]
    [InlineData("-0.0", 0)]
    public void Int32_reads_integer_valued_numbers(string json, int expected) => Assert.Equal(expected, ReadInt32(json));

    [Theory]
    [InlineData("1e-400")]
    [InlineData("1.0000000000000000000000000001")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("1.5")]
    [InlineData("2147483648")]
    [InlineData("1e308")]
    public void Int32_rejects_numbers_that_are_not_int32_values(string json) => Assert.Throws<JsonException>(() => ReadInt32(json));

    [Theory]
    [InlineData("9223372036854775807.0", long.MaxValue)]
    [InlineData("9.223372036854775807e18", long.MaxValue)]
    [InlineData("-1e18", -1_000_000_000_000_000_000)]
    public void Int64_reads_integer_valued_numbers(string json, long expected) => Assert.Equal(expected, ReadInt64(json));

    [Theory]
    [InlineData("1e-400")]
    [InlineData("9223372036854775807.5")]
    [InlineData("9223372036854775808")]
    [InlineData("1e19")]
    public void Int64_rejects_numbers_that_are_not_int64_values(string json) => Assert.Throws<JsonException>(() => ReadInt64(json));
}
