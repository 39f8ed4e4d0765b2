using System;
using System.Globalization;
using System.Text.Json;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// The text forms of the string formats that SchemaBind maps to .NET types: parsing is strict
/// (the grammar of the format's RFC, nothing culture-dependent), formatting is invariant and
/// round-trips: <c>Parse(ToText(x)) == x</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>date-time</c> ↔ <see cref="DateTimeOffset"/>: RFC 3339 (<c>2024-05-01T12:30:00.5+02:00</c>). The offset is
/// kept; fractions beyond 100 ns (7 digits) are truncated; a leap second (<c>:60</c>) cannot be represented and is refused.
/// Written with the shortest fraction and a numeric offset (<c>Z</c> is written <c>+00:00</c>).</item>
/// <item><c>date</c> ↔ <see cref="DateOnly"/>: RFC 3339 full-date, <c>yyyy-MM-dd</c>.</item>
/// <item><c>uuid</c> ↔ <see cref="Guid"/>: RFC 9562, <c>8-4-4-4-12</c> hex digits (either case); written in lower case.</item>
/// <item><c>uri</c> ↔ <see cref="System.Uri"/>: an absolute URI with a scheme; written as its original text.</item>
/// <item><c>byte</c> ↔ <c>byte[]</c>: standard base64 with padding (RFC 4648 §4).</item>
/// </list>
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public static class SchemaFormats
{
    private const int MaxDateTimeLength = 64;

    /// <summary>Parses an RFC 3339 <c>date-time</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value, when the text is a date-time.</param>
    /// <returns>True when <paramref name="text"/> is an RFC 3339 date-time that <see cref="DateTimeOffset"/> can hold.</returns>
    public static bool TryParseDateTime(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;

        // RFC 3339's grammar (Internal.Rfc3339), and what DateTimeOffset can hold: a year from 1, no leap second,
        // an offset within ±14:00, a UTC time within DateTime's range.
        if (text.Length > MaxDateTimeLength
            || !Internal.Rfc3339.TryParseDateTime(text, out int year, out int month, out int day, out Internal.Rfc3339.Time time)
            || year < 1 || time.Second > 59 || time.OffsetMinutes is < -14 * 60 or > 14 * 60)
        {
            return false;
        }

        var offset = new TimeSpan(time.OffsetMinutes * TimeSpan.TicksPerMinute);
        DateTime local = new DateTime(year, month, day, time.Hour, time.Minute, time.Second, DateTimeKind.Unspecified).AddTicks(time.FractionTicks);
        long utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(local, offset);
        return true;
    }

    /// <summary>Parses an RFC 3339 <c>full-date</c> (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value, when the text is a date.</param>
    /// <returns>True when <paramref name="text"/> is a valid date.</returns>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly value)
    {
        if (Internal.Rfc3339.TryParseDate(text, out int year, out int month, out int day) && year >= 1)
        {
            value = new DateOnly(year, month, day);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Parses a <c>uuid</c>: 32 hex digits as <c>8-4-4-4-12</c>, nothing else.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value, when the text is a UUID.</param>
    /// <returns>True when <paramref name="text"/> is a UUID.</returns>
    public static bool TryParseUuid(ReadOnlySpan<char> text, out Guid value) => Guid.TryParseExact(text, "D", out value);

    /// <summary>Parses a <c>uri</c>: an absolute URI that starts with a scheme (<c>https:</c>, <c>urn:</c>, ...).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value, when the text is an absolute URI.</param>
    /// <returns>True when <paramref name="text"/> is an absolute URI.</returns>
    public static bool TryParseUri(string text, out Uri? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = null;

        // A scheme is required: on Unix, Uri would otherwise take "/path" for a file: URI.
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        for (int i = 1; i < colon; i++)
        {
            char c = text[i];
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return Uri.TryCreate(text, UriKind.Absolute, out value);
    }

    /// <summary>The RFC 3339 text of a <c>date-time</c>: <c>yyyy-MM-ddTHH:mm:ss[.fffffff]±hh:mm</c>, trailing zeros of the fraction left out.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string ToText(DateTimeOffset value)
    {
        Span<char> buffer = stackalloc char[33];
        return new string(buffer.Slice(0, Format(value, buffer)));
    }

    /// <summary>The RFC 3339 text of a <c>date</c>: <c>yyyy-MM-dd</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string ToText(DateOnly value) => value.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>The text of a <c>uuid</c>: lower-case <c>8-4-4-4-12</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string ToText(Guid value) => value.ToString("D");

    /// <summary>The text of a <c>uri</c>: the URI exactly as it was given.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string ToText(Uri value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.OriginalString;
    }

    /// <summary>The text of a <c>byte</c> string: standard base64 with padding.</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The text.</returns>
    public static string ToText(byte[] value) => Convert.ToBase64String(value);

    /// <summary>Writes a <c>date-time</c> string value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // Written raw: the text is only digits and "-:.T+", but the default encoder would escape '+' as \u002B.
        Span<char> text = stackalloc char[33];
        int length = Format(value, text);
        Span<byte> json = stackalloc byte[35];
        json[0] = (byte)'"';
        for (int i = 0; i < length; i++)
        {
            json[i + 1] = (byte)text[i];
        }

        json[length + 1] = (byte)'"';
        writer.WriteRawValue(json.Slice(0, length + 2), skipInputValidation: true);
    }

    /// <summary>Writes a <c>date</c> string value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> buffer = stackalloc char[10];
        value.TryFormat(buffer, out int written, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer.Slice(0, written));
    }

    /// <summary>Writes a <c>uuid</c> string value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, Guid value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value); // "D", lower case
    }

    /// <summary>Writes a <c>uri</c> string value, the URI's original text.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, Uri value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.OriginalString);
    }

    /// <summary>Writes a <c>byte</c> string value (base64).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The bytes.</param>
    public static void Write(Utf8JsonWriter writer, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBase64StringValue(value);
    }

    /// <summary>Writes the property <paramref name="utf8Name"/> with a <c>date-time</c> string value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="utf8Name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(utf8Name);
        Write(writer, value);
    }

    /// <summary>Writes the property <paramref name="utf8Name"/> with a <c>date</c> string value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="utf8Name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(utf8Name);
        Write(writer, value);
    }

    /// <summary>Writes the property <paramref name="utf8Name"/> with a <c>uuid</c> string value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="utf8Name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, Guid value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString(utf8Name, value);
    }

    /// <summary>Writes the property <paramref name="utf8Name"/> with a <c>uri</c> string value, the URI's original text.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="utf8Name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, Uri value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteString(utf8Name, value.OriginalString);
    }

    /// <summary>Writes the property <paramref name="utf8Name"/> with a <c>byte</c> string value (base64).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="utf8Name">The property's name.</param>
    /// <param name="value">The bytes.</param>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBase64String(utf8Name, value);
    }

    private static int Format(DateTimeOffset value, Span<char> buffer)
    {
        value.TryFormat(buffer, out int written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);
        long fraction = value.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            buffer[written++] = '.';
            int digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            for (int i = digits - 1; i >= 0; i--)
            {
                buffer[written + i] = (char)('0' + (fraction % 10));
                fraction /= 10;
            }

            written += digits;
        }

        TimeSpan offset = value.Offset;
        buffer[written++] = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        buffer[written++] = (char)('0' + (offset.Hours / 10));
        buffer[written++] = (char)('0' + (offset.Hours % 10));
        buffer[written++] = ':';
        buffer[written++] = (char)('0' + (offset.Minutes / 10));
        buffer[written++] = (char)('0' + (offset.Minutes % 10));
        return written;
    }
}
