using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http.Headers;

namespace SchemaBind.Runtime;

/// <summary>Parses the text of one header value, or of one item of a comma-separated header value.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <param name="text">The text, without surrounding whitespace.</param>
/// <param name="value">The value, when the text is one.</param>
/// <returns>True when <paramref name="text"/> is a value of type <typeparamref name="T"/>.</returns>
public delegate bool ApiHeaderParser<T>(string text, [MaybeNullWhen(false)] out T value);

/// <summary>
/// Reads the response headers an API description declares, typed as their schemas say (the generated
/// <c>{Operation}Headers</c> types call these). A header that is absent, or whose value is not of its type, reads as
/// <see langword="null"/>: the call has succeeded, and the raw value is still in <see cref="ApiResponse{T}.Headers"/>.
/// </summary>
/// <remarks>
/// Several header lines of one name are one value joined with <c>", "</c> (RFC 9110, section 5.3). An array is the
/// value split at commas, OpenAPI's <c>simple</c> style; it is <see langword="null"/> when any item is not of its type.
/// </remarks>
public static class ApiResponseHeaders
{
    /// <summary>The header's text.</summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="name">The header name.</param>
    /// <returns>The value, or <see langword="null"/> when the response has no such header.</returns>
    public static string? GetString(HttpResponseHeaders headers, string name)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(name);
        if (!headers.NonValidated.TryGetValues(name, out HeaderStringValues values))
        {
            return null;
        }

        return values.Count == 1 ? values.ToString().Trim() : string.Join(", ", values).Trim();
    }

    /// <summary>The header's value, parsed.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="headers">The response headers.</param>
    /// <param name="name">The header name.</param>
    /// <param name="parse">Parses the text.</param>
    /// <returns>The value, or <see langword="null"/> when the response has no such header or its text is not a value.</returns>
    public static T? GetValue<T>(HttpResponseHeaders headers, string name, ApiHeaderParser<T> parse)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(parse);
        return GetString(headers, name) is { } text && parse(text, out T value) ? value : null;
    }

    /// <summary>The header's value, parsed as a reference type (a URI, bytes).</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="headers">The response headers.</param>
    /// <param name="name">The header name.</param>
    /// <param name="parse">Parses the text.</param>
    /// <returns>The value, or <see langword="null"/> when the response has no such header or its text is not a value.</returns>
    public static T? GetReference<T>(HttpResponseHeaders headers, string name, ApiHeaderParser<T> parse)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(parse);
        return GetString(headers, name) is { } text && parse(text, out T? value) ? value : null;
    }

    /// <summary>The header's comma-separated items, each parsed (OpenAPI's <c>simple</c> style).</summary>
    /// <typeparam name="T">The type of an item.</typeparam>
    /// <param name="headers">The response headers.</param>
    /// <param name="name">The header name.</param>
    /// <param name="parse">Parses the text of one item.</param>
    /// <returns>
    /// The items (none for an empty value), or <see langword="null"/> when the response has no such header or an item is
    /// not a value.
    /// </returns>
    public static IReadOnlyList<T>? GetList<T>(HttpResponseHeaders headers, string name, ApiHeaderParser<T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (GetString(headers, name) is not { } text)
        {
            return null;
        }

        if (text.Length == 0)
        {
            return Array.Empty<T>();
        }

        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        var items = new T[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!parse(parts[i], out T? item))
            {
                return null;
            }

            items[i] = item;
        }

        return items;
    }

    /// <summary>The text itself: any text is a string.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The text.</param>
    /// <returns>Always true.</returns>
    public static bool TryParseString(string text, out string value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = text;
        return true;
    }

    /// <summary>Parses an <c>int32</c> integer (invariant culture, an optional sign).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    /// <returns>True when the text is such an integer.</returns>
    public static bool TryParseInt32(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses an integer (invariant culture, an optional sign).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    /// <returns>True when the text is such an integer.</returns>
    public static bool TryParseInt64(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses a number (invariant culture; no <c>NaN</c> or infinity).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    /// <returns>True when the text is a finite number.</returns>
    public static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Parses a number as a decimal (invariant culture).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    /// <returns>True when the text is a number a decimal holds.</returns>
    public static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses <c>true</c> or <c>false</c>, in any case.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    /// <returns>True when the text is <c>true</c> or <c>false</c>.</returns>
    public static bool TryParseBoolean(string text, out bool value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = text.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value || text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Parses a <c>date-time</c>: RFC 3339 (<c>2027-01-02T03:04:05Z</c>), or the HTTP date most headers carry
    /// (<c>Sat, 02 Jan 2027 03:04:05 GMT</c>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    /// <returns>True when the text is such a date and time.</returns>
    public static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SchemaFormats.TryParseDateTime(text, out value)
            || DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>Parses a <c>date</c> (<c>2027-01-02</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    /// <returns>True when the text is a full date.</returns>
    public static bool TryParseDate(string text, out DateOnly value) => SchemaFormats.TryParseDate(text, out value);

    /// <summary>Parses a <c>uuid</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    /// <returns>True when the text is a UUID in its hyphenated form.</returns>
    public static bool TryParseUuid(string text, out Guid value) => SchemaFormats.TryParseUuid(text, out value);

    /// <summary>Parses a <c>uri</c>: an absolute URI, or a relative reference as a <c>Location</c> header may hold.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    /// <returns>True when the text is a URI reference.</returns>
    public static bool TryParseUri(string text, [NotNullWhen(true)] out Uri? value) =>
        SchemaFormats.TryParseUri(text, out value) || Uri.TryCreate(text, UriKind.Relative, out value);

    /// <summary>Parses base64 (<c>format: byte</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The bytes.</param>
    /// <returns>True when the text is base64.</returns>
    public static bool TryParseBytes(string text, [NotNullWhen(true)] out byte[]? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (Convert.TryFromBase64String(text, buffer, out int written))
        {
            value = buffer.AsSpan(0, written).ToArray();
            return true;
        }

        value = null;
        return false;
    }
}
