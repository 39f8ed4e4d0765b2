using System.Text.Json;
using SchemaBind.Runtime.GeneratedCode;

namespace SchemaBind.Runtime.Tests;

/// <summary>
/// RFC 3339 is read by one grammar: the <c>format</c> validator accepts what follows it; the typed reader accepts
/// what follows it and fits <see cref="DateTimeOffset"/> / <see cref="DateOnly"/>, and nothing else.
/// </summary>
public sealed class Rfc3339Tests
{
    private static readonly JsonSchemaValidator DateTimeFormat = JsonSchemaValidator.Create("{\"format\": \"date-time\"}", new JsonSchemaOptions { AssertFormat = true });
    private static readonly JsonSchemaValidator DateFormat = JsonSchemaValidator.Create("{\"format\": \"date\"}", new JsonSchemaOptions { AssertFormat = true });
    private static readonly JsonSchemaValidator TimeFormat = JsonSchemaValidator.Create("{\"format\": \"time\"}", new JsonSchemaOptions { AssertFormat = true });

    [Theory]
    [InlineData("2024-05-01T12:30:00.25+02:00", true, true)]
    [InlineData("2024-05-01t12:30:00z", true, true)]
    [InlineData("2024-05-01T12:30:00.123456789Z", true, true)] // digits past the 7th are truncated by the reader
    [InlineData("2016-12-31T23:59:60Z", true, false)] // a leap second: RFC 3339 has it, DateTimeOffset does not
    [InlineData("2016-12-31T22:59:60-01:00", true, false)] // 23:59:60 in UTC
    [InlineData("2016-12-31T12:59:60Z", false, false)] // not the last minute of a UTC day
    [InlineData("0000-01-01T00:00:00Z", true, false)] // year 0: DateTime starts at year 1
    [InlineData("2024-05-01T12:30:00+14:01", true, false)] // DateTimeOffset holds offsets up to ±14:00
    [InlineData("9999-12-31T23:59:59-01:00", true, false)] // in UTC, past DateTime.MaxValue
    [InlineData("2024-05-01T12:30:00+24:00", false, false)]
    [InlineData("2024-02-30T00:00:00Z", false, false)]
    [InlineData("2024-05-01 12:30:00Z", false, false)]
    [InlineData("2024-05-01T12:30:00.Z", false, false)]
    [InlineData("2024-05-01T12:30:00", false, false)]
    [InlineData("2024-05-01T24:00:00Z", false, false)]
    public void A_date_time_is_valid_by_format_and_readable_as_DateTimeOffset_as_RFC_3339_and_the_type_say(string text, bool format, bool read)
    {
        Assert.Equal(format, IsValid(DateTimeFormat, text));
        Assert.Equal(read, SchemaFormats.TryParseDateTime(text, out _));
    }

    [Fact]
    public void A_date_time_is_read_with_its_offset_and_fraction()
    {
        Assert.True(SchemaFormats.TryParseDateTime("2024-05-01T12:30:00.25+02:00", out DateTimeOffset value));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 0, 250, TimeSpan.FromHours(2)), value);
        Assert.Equal(TimeSpan.FromHours(2), value.Offset);

        Assert.True(SchemaFormats.TryParseDateTime("2024-05-01t12:30:00.123456789-05:30", out value));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 0, new TimeSpan(-5, -30, 0)).AddTicks(1234567), value);
    }

    [Theory]
    [InlineData("2024-02-29", true, true)]
    [InlineData("2023-02-29", false, false)]
    [InlineData("0000-01-01", true, false)]
    [InlineData("2024-13-01", false, false)]
    [InlineData("2024-5-01", false, false)]
    public void A_date_is_valid_by_format_and_readable_as_DateOnly_as_RFC_3339_and_the_type_say(string text, bool format, bool read)
    {
        Assert.Equal(format, IsValid(DateFormat, text));
        Assert.Equal(read, SchemaFormats.TryParseDate(text, out _));
    }

    [Theory]
    [InlineData("12:30:00Z", true)]
    [InlineData("23:59:60Z", true)]
    [InlineData("15:59:60-08:00", true)]
    [InlineData("23:59:60+01:00", false)]
    [InlineData("12:30:00.5+23:59", true)]
    [InlineData("12:30:00", false)]
    [InlineData("12:30Z", false)]
    public void A_time_is_valid_by_format_as_RFC_3339_says(string text, bool format) =>
        Assert.Equal(format, IsValid(TimeFormat, text));

    private static bool IsValid(JsonSchemaValidator validator, string text)
    {
        using JsonDocument instance = JsonDocument.Parse(JsonSerializer.Serialize(text));
        return validator.IsValid(instance.RootElement);
    }
}
