using System.Text.Json;

namespace SchemaBind.Runtime.GeneratedCode;

// Readers for the string formats mapped to .NET types (see SchemaFormats) and for decimal numbers.
// Text that does not follow the format's grammar is a JsonException that quotes it.
public static partial class JsonRead
{
    /// <summary>Reads an RFC 3339 <c>date-time</c> string, keeping its offset.</summary>
    public static global::System.DateTimeOffset DateTime(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a date-time string");
        global::System.Span<char> text = stackalloc char[MaxFormattedBytes];
        return TryCopyShortString(ref reader, text, out int length) && SchemaFormats.TryParseDateTime(text.Slice(0, length), out global::System.DateTimeOffset value)
            ? value
            : throw NotFormat(reader.GetString()!, "an RFC 3339 date-time such as 2024-05-01T12:30:00Z (with a time offset)");
    }

    /// <summary>Reads a <c>date-time</c> string or <c>null</c>.</summary>
    public static global::System.DateTimeOffset? DateTimeOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : DateTime(ref reader);

    /// <summary>Reads an RFC 3339 <c>date</c> string (<c>yyyy-MM-dd</c>).</summary>
    public static global::System.DateOnly Date(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a date string");
        global::System.Span<char> text = stackalloc char[MaxFormattedBytes];
        return TryCopyShortString(ref reader, text, out int length) && SchemaFormats.TryParseDate(text.Slice(0, length), out global::System.DateOnly value)
            ? value
            : throw NotFormat(reader.GetString()!, "an RFC 3339 date such as 2024-05-01");
    }

    /// <summary>Reads a <c>date</c> string or <c>null</c>.</summary>
    public static global::System.DateOnly? DateOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Date(ref reader);

    /// <summary>Reads a <c>uuid</c> string (<c>8-4-4-4-12</c> hex digits).</summary>
    public static global::System.Guid Uuid(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a UUID string");
        global::System.Span<char> text = stackalloc char[MaxFormattedBytes];
        return TryCopyShortString(ref reader, text, out int length) && SchemaFormats.TryParseUuid(text.Slice(0, length), out global::System.Guid value)
            ? value
            : throw NotFormat(reader.GetString()!, "a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e");
    }

    /// <summary>Reads a <c>uuid</c> string or <c>null</c>.</summary>
    public static global::System.Guid? UuidOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Uuid(ref reader);

    /// <summary>Reads a <c>uri</c> string: an absolute URI with a scheme.</summary>
    public static global::System.Uri Uri(ref Utf8JsonReader reader)
    {
        string text = String(ref reader);
        return SchemaFormats.TryParseUri(text, out global::System.Uri? value)
            ? value!
            : throw NotFormat(text, "an absolute URI such as https://example.com/path");
    }

    /// <summary>Reads a <c>uri</c> string or <c>null</c>.</summary>
    public static global::System.Uri? UriOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Uri(ref reader);

    /// <summary>Reads a <c>byte</c> string: standard base64.</summary>
    public static byte[] Bytes(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a base64 string");
        return reader.TryGetBytesFromBase64(out byte[]? value)
            ? value
            : throw new JsonException("Expected base64 text (RFC 4648, with padding), but the string is not.");
    }

    /// <summary>Reads a <c>byte</c> string or <c>null</c>.</summary>
    public static byte[]? BytesOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Bytes(ref reader);

    /// <summary>Reads a number as a <see cref="decimal"/>, exactly as written (up to 28-29 significant digits).</summary>
    public static decimal Decimal(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "a number");
        return reader.TryGetDecimal(out decimal value)
            ? value
            : throw Unexpected(ref reader, "a number within the range of decimal (±7.9e28)");
    }

    /// <summary>Reads a decimal number or <c>null</c>.</summary>
    public static decimal? DecimalOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Decimal(ref reader);

    // Dates, date-times and UUIDs are at most 64 characters, which take at most 6 bytes each in JSON
    // (\u0030); anything longer cannot be one. Such strings are parsed from the stack, not a new string.
    private const int MaxFormattedBytes = 64 * 6;

    private static bool TryCopyShortString(ref Utf8JsonReader reader, scoped global::System.Span<char> destination, out int length)
    {
        long bytes = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (bytes > destination.Length)
        {
            length = 0;
            return false;
        }

        length = reader.CopyString(destination);
        return true;
    }

    private static JsonException NotFormat(string text, string expected)
    {
        // Quote at most 64 characters: a message is no place for a whole document.
        string shown = text.Length > 64 ? text.Substring(0, 64) + "…" : text;
        return new JsonException($"Expected {expected}, but the string is '{shown}'.");
    }
}
