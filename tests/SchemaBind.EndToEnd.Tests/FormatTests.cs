using System.Text.Json;
using EndToEnd.Formats;
using SchemaBind.Runtime;
using SchemaBind.Runtime.GeneratedCode;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>String formats as .NET types, and decimal numbers (this schema's item sets NumberType="decimal").</summary>
public sealed class FormatTests
{
    private const string Full = """{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","at":"2024-05-01T12:30:00.25+02:00","day":"2024-02-29","source":"https://example.com/a?b=c","payload":"AQID","amount":12.50,"ratio":0.1,"count":10,"local_time":"12:30:00Z","window":"P1DT2H","seen":["2024-05-01T00:00:00-07:30"]}""";

    private static Reading Minimal() => new()
    {
        Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        At = new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.Zero),
        Day = null,
        Amount = 1m,
    };

    [Fact]
    public void Every_format_reads_as_its_type_and_writes_back_the_same_text()
    {
        Reading reading = Reading.FromJson(Full);

        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), reading.Id);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 0, 250, TimeSpan.FromHours(2)), reading.At);
        Assert.Equal(TimeSpan.FromHours(2), reading.At.Offset);
        Assert.Equal(new DateOnly(2024, 2, 29), reading.Day);
        Assert.Equal("https://example.com/a?b=c", reading.Source!.OriginalString);
        Assert.Equal(new byte[] { 1, 2, 3 }, reading.Payload);
        Assert.Equal(12.50m, reading.Amount);
        Assert.Equal("12.50", reading.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)); // the scale is kept
        Assert.Equal(0.1, reading.Ratio);
        Assert.Equal("12:30:00Z", reading.LocalTime);
        Assert.Equal("P1DT2H", reading.Window);
        Assert.Equal(TimeSpan.FromMinutes(-450), Assert.Single(reading.Seen!).Offset);

        Assert.Equal(Full, reading.ToJson());
        Assert.Equal(reading, Reading.FromJson(reading.ToJson())); // byte[] and lists compare by content
    }

    [Fact]
    public void Uris_compare_by_their_text_and_byte_strings_in_lists_by_their_bytes()
    {
        // System.Uri's own Equals ignores the fragment and the user information: as JSON these are different values.
        Assert.Equal(new Uri("https://example.com/a#one"), new Uri("https://example.com/a#two"));

        Reading a = Minimal() with { Source = new Uri("https://example.com/a#one"), Attachments = [[1, 2]], Mirrors = [new Uri("https://ci@example.com/")] };
        Reading same = Minimal() with { Source = new Uri("https://example.com/a#one"), Attachments = [[1, 2]], Mirrors = [new Uri("https://ci@example.com/")] };
        Assert.Equal(a, same);
        Assert.Equal(a.GetHashCode(), same.GetHashCode());
        Assert.Equal(a, Reading.FromJson(a.ToJson()));

        Assert.NotEqual(a, a with { Source = new Uri("https://example.com/a#two") });
        Assert.NotEqual(a, a with { Mirrors = [new Uri("https://cd@example.com/")] });
        Assert.NotEqual(a, a with { Attachments = [[1, 3]] });
    }

    [Fact]
    public void Writing_is_invariant_whatever_the_current_culture()
    {
        System.Globalization.CultureInfo saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA"); // another calendar and digits
            Assert.Equal(Full, Reading.FromJson(Full).ToJson());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("2024-05-01T12:30:00Z", "2024-05-01T12:30:00+00:00")]
    [InlineData("2024-05-01t12:30:00z", "2024-05-01T12:30:00+00:00")]
    [InlineData("2024-05-01T12:30:00.000Z", "2024-05-01T12:30:00+00:00")]
    [InlineData("2024-05-01T12:30:00.1234567-05:00", "2024-05-01T12:30:00.1234567-05:00")]
    [InlineData("2024-05-01T12:30:00.123456789+01:00", "2024-05-01T12:30:00.1234567+01:00")] // past 100 ns: truncated
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00+00:00")]
    [InlineData("2024-05-01T12:30:00+14:00", "2024-05-01T12:30:00+14:00")]
    [InlineData("\\u0032024-05-01T12:30:00\\u002B01:00", "2024-05-01T12:30:00+01:00")] // escaped in the JSON text
    public void A_date_time_keeps_its_instant_and_offset(string sent, string written)
    {
        Reading reading = Reading.FromJson(With("at", "\"" + sent + "\""));
        Assert.Equal(written, JsonDocument.Parse(reading.ToJson()).RootElement.GetProperty("at").GetString());
        Assert.True(SchemaFormats.TryParseDateTime(written, out DateTimeOffset again));
        Assert.Equal(reading.At, again);
        Assert.Equal(reading.At.Offset, again.Offset);
    }

    [Theory]
    [InlineData("at", "\"2024-05-01T12:30:00\"", "date-time")] // no offset
    [InlineData("at", "\"2024-05-01 12:30:00Z\"", "date-time")]
    [InlineData("at", "\"2024-05-01\"", "date-time")]
    [InlineData("at", "\"2024-13-01T00:00:00Z\"", "date-time")]
    [InlineData("at", "\"2023-02-29T00:00:00Z\"", "date-time")]
    [InlineData("at", "\"2024-05-01T24:00:00Z\"", "date-time")]
    [InlineData("at", "\"2016-12-31T23:59:60Z\"", "date-time")] // a leap second: no DateTimeOffset holds it
    [InlineData("at", "\"2024-05-01T12:30:00.Z\"", "date-time")]
    [InlineData("at", "\"2024-05-01T12:30:00+1:00\"", "date-time")]
    [InlineData("at", "\"2024-05-01T12:30:00+15:00\"", "date-time")]
    [InlineData("at", "\"0001-01-01T00:00:00+01:00\"", "date-time")] // before DateTimeOffset.MinValue in UTC
    [InlineData("at", "\"２０２４-05-01T12:30:00Z\"", "date-time")] // digits of another script
    [InlineData("at", "1714566600", "date-time string")]
    [InlineData("id", "\"0f8fad5bd9cb469fa16570867728950e\"", "UUID")]
    [InlineData("id", "\"{0f8fad5b-d9cb-469f-a165-70867728950e}\"", "UUID")]
    [InlineData("id", "\"0f8fad5b-d9cb-469f-a165-70867728950g\"", "UUID")]
    [InlineData("day", "\"2024-5-1\"", "date")]
    [InlineData("day", "\"2024-02-30\"", "date")]
    [InlineData("day", "\"2024-05-01T00:00:00Z\"", "date")]
    [InlineData("source", "\"/relative/path\"", "absolute URI")]
    [InlineData("source", "\"example.com\"", "absolute URI")]
    [InlineData("payload", "\"***\"", "base64")]
    [InlineData("amount", "1e40", "decimal")]
    [InlineData("amount", "\"12.5\"", "a number")]
    public void Text_that_breaks_the_format_is_a_JsonException_that_says_so(string property, string json, string mentioned)
    {
        var ex = Assert.ThrowsAny<JsonException>(() => Reading.FromJson(With(property, json)));
        Assert.Contains(mentioned, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_too_long_for_any_date_time_is_refused_without_reading_it_all_as_one()
    {
        string json = With("at", "\"2024-05-01T12:30:00." + new string('1', 400) + "Z\"");
        var ex = Assert.ThrowsAny<JsonException>(() => Reading.FromJson(json));
        Assert.Contains("date-time", ex.Message, StringComparison.Ordinal);
        Assert.Contains("…", ex.Message, StringComparison.Ordinal); // the quote is cut short
    }

    [Fact]
    public void Null_absent_and_present_each_read_as_the_schema_says()
    {
        Reading reading = Reading.FromJson("""{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","at":"2024-05-01T12:30:00Z","day":null,"amount":1}""");
        Assert.Null(reading.Day);
        Assert.Null(reading.Source);
        Assert.Null(reading.Payload);
        Assert.Equal("""{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","at":"2024-05-01T12:30:00+00:00","day":null,"amount":1}""", reading.ToJson());
        Assert.Equal(reading, Minimal());

        // 'day' is required even though it may be null; 'source' may be absent but not null.
        Assert.Contains("'day'", Assert.ThrowsAny<JsonException>(() => Reading.FromJson("""{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","at":"2024-05-01T12:30:00Z","amount":1}""")).Message, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => Reading.FromJson(With("source", "null")));
    }

    [Fact]
    public void Uuid_is_read_in_either_case_and_written_in_lower_case()
    {
        Reading reading = Reading.FromJson(With("id", "\"0F8FAD5B-D9CB-469F-A165-70867728950E\""));
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), reading.Id);
        Assert.Contains("\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"", reading.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("0.01", true)]
    [InlineData("1000.10", true)]
    [InlineData("1000.11", false)]
    [InlineData("0.015", false)]
    [InlineData("-0.01", false)]
    [InlineData("999.99", true)]
    public void Decimal_bounds_and_multipleOf_are_exact(string amount, bool valid)
    {
        Reading reading = Reading.FromJson(With("amount", amount));
        IReadOnlyList<ValidationError> errors = reading.Validate();
        Assert.Equal(valid, errors.Count == 0);
        Assert.Equal(Keys(errors), Keys(Reading.ValidateJson(JsonDocument.Parse(reading.ToJson()).RootElement)));
    }

    [Fact]
    public void Keywords_beside_a_format_apply_to_the_text_that_is_sent_as_the_json_validator_says()
    {
        Reading reading = Minimal() with
        {
            Source = new Uri("https://example.com/a-path-that-makes-it-longer-than-40"),
            Payload = new byte[9], // 12 characters of base64
            Count = 7,
            Amount = 0.001m,
        };

        var expected = new[] { ("/source", "maxLength"), ("/payload", "maxLength"), ("/amount", "multipleOf"), ("/count", "multipleOf") };
        Assert.Equal(expected.OrderBy(static e => e.Item1), Keys(reading.Validate()));
        Assert.Equal(Keys(reading.Validate()), Keys(Reading.ValidateJson(JsonDocument.Parse(reading.ToJson()).RootElement)));
        Assert.Empty((Minimal() with { Source = new Uri("https://example.com/"), Payload = new byte[6], Count = 10 }).Validate());
    }

    private static IEnumerable<(string, string)> Keys(IReadOnlyList<ValidationError> errors) =>
        errors.Select(static e => (e.InstanceLocation, e.Keyword)).OrderBy(static e => e.InstanceLocation).ToArray();

    /// <summary>The <see cref="Full"/> reading with one property's JSON replaced.</summary>
    private static string With(string property, string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Full)!.AsObject();
        node[property] = System.Text.Json.Nodes.JsonNode.Parse(json);
        return node.ToJsonString();
    }
}
