using System.Globalization;
using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Reading;
using SchemaBind.Runtime.Internal;

namespace SchemaBind.Generator.Parsing;

/// <summary>
/// What a scalar or array schema's keywords say about its values: the C# kind its <c>type</c> and <c>format</c>
/// choose, and the constraints (bounds, lengths, pattern, items, multipleOf) the typed code checks. A keyword given a
/// value of the wrong kind is reported and left out; one the typed code cannot hold exactly is handed back (see
/// <see cref="DocumentParser"/>'s NotTyped) for the JSON form's validation.
/// </summary>
internal sealed class ConstraintReader
{
    private readonly ReportAt _report;
    private readonly Action<JsonProperty, string> _notTyped;
    private readonly NumberType _numberType;

    public ConstraintReader(ReportAt report, Action<JsonProperty, string> notTyped, NumberType numberType)
    {
        _report = report;
        _notTyped = notTyped;
        _numberType = numberType;
    }

    /// <summary>
    /// The .NET type of a string by its <c>format</c>. Formats with one exact .NET type map to it;
    /// <c>time</c> (RFC 3339 keeps an offset that TimeOnly cannot), <c>duration</c> (months and years
    /// are not a TimeSpan), <c>binary</c> (raw bytes have no JSON form) and the rest stay strings.
    /// </summary>
    public static ValueKind StringKind(JsonObject schema) => (schema.Get("format") as JsonString)?.Value switch
    {
        "date-time" => ValueKind.DateTime,
        "date" => ValueKind.Date,
        "uuid" => ValueKind.Uuid,
        "uri" => ValueKind.Uri,
        "byte" => ValueKind.Bytes,
        _ => ValueKind.String,
    };

    /// <summary><c>format: decimal</c> or <c>double</c>/<c>float</c> decide; without one, the SchemaBindNumberType option does.</summary>
    public ValueKind NumberKind(JsonObject schema) => (schema.Get("format") as JsonString)?.Value switch
    {
        "decimal" => ValueKind.Decimal,
        "double" or "float" => ValueKind.Double,
        _ => _numberType == NumberType.Decimal ? ValueKind.Decimal : ValueKind.Double,
    };

    public static ValueKind IntegerKind(JsonObject schema, ConstraintSpec constraints)
    {
        string? format = (schema.Get("format") as JsonString)?.Value;
        if (format == "int32")
        {
            return ValueKind.Int32;
        }

        if (format == "int64")
        {
            return ValueKind.Int64;
        }

        // Without a format, a range that fits in 32 bits gives int; anything else is long.
        bool FitsInt32(string? bound, string? exclusive)
        {
            string? raw = bound ?? exclusive;
            return raw is not null && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) && d >= int.MinValue && d <= int.MaxValue;
        }

        return FitsInt32(constraints.Minimum, constraints.ExclusiveMinimum) && FitsInt32(constraints.Maximum, constraints.ExclusiveMaximum)
            ? ValueKind.Int32
            : ValueKind.Int64;
    }

    /// <summary>
    /// The constraints of an integer without the bounds every value of its C# type meets (<c>maximum: 1e20</c> on a
    /// long, <c>minimum: -9223372036854776000</c> as a tool that prints doubles writes long.MinValue): no check is needed.
    /// </summary>
    public static ConstraintSpec WithoutIdleBounds(ConstraintSpec c, ValueKind kind)
    {
        if (c.IsEmpty)
        {
            return c;
        }

        string? Keep(string? bound, bool lower, bool exclusive) =>
            bound is not null && !IntegerBounds.AlwaysHolds(bound, kind, lower, exclusive) ? bound : null;

        ConstraintSpec kept = c with
        {
            Minimum = Keep(c.Minimum, lower: true, exclusive: false),
            ExclusiveMinimum = Keep(c.ExclusiveMinimum, lower: true, exclusive: true),
            Maximum = Keep(c.Maximum, lower: false, exclusive: false),
            ExclusiveMaximum = Keep(c.ExclusiveMaximum, lower: false, exclusive: true),
        };
        return kept.IsEmpty ? ConstraintSpec.None : kept;
    }

    /// <summary>The bounds, lengths, pattern or multipleOf of a value of <paramref name="kind"/>; an invalid one is reported and left out.</summary>
    public ConstraintSpec Read(JsonObject schema, ValueKind kind)
    {
        string? Number(string keyword)
        {
            if (schema.Find(keyword) is not JsonProperty property)
            {
                return null;
            }

            if (property.Value is JsonNumber number)
            {
                if (kind == ValueKind.Decimal
                    && !(decimal.TryParse(number.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal bound) && IsExactDecimal(number.Raw, bound)))
                {
                    // A bound no decimal holds exactly (1e30, 1e-40) would not compile, or compare wrongly: the JSON form checks it.
                    _notTyped(property, keyword + " (beyond what a decimal holds exactly)");
                    return null;
                }

                return number.Raw;
            }

            Report(DiagnosticDescriptors.InvalidKeywordValue, property.Value, keyword, "a number", property.Value.KindDisplay);
            return null;
        }

        int? Count(string keyword)
        {
            if (schema.Find(keyword) is not JsonProperty property)
            {
                return null;
            }

            if (property.Value is JsonNumber number && int.TryParse(number.Raw, NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            {
                return count;
            }

            Report(DiagnosticDescriptors.InvalidKeywordValue, property.Value, keyword, "a non-negative integer", property.Value is JsonNumber n ? n.Raw : property.Value.KindDisplay);
            return null;
        }

        string? Pattern()
        {
            if (schema.Find("pattern") is not JsonProperty property)
            {
                return null;
            }

            if (property.Value is not JsonString pattern)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, property.Value, "pattern", "a string", property.Value.KindDisplay);
                return null;
            }

            if (SchemaPattern.Error(pattern.Value) is not string error)
            {
                return pattern.Value;
            }

            Report(DiagnosticDescriptors.InvalidPattern, pattern, pattern.Value, error);
            return null;
        }

        // Most values have no constraint: they share the one empty spec.
        switch (kind)
        {
            case ValueKind.String:
                int? minLength = Count("minLength");
                int? maxLength = Count("maxLength");
                string? pattern = Pattern();
                return minLength is null && maxLength is null && pattern is null
                    ? ConstraintSpec.None
                    : new ConstraintSpec(MinLength: minLength, MaxLength: maxLength, Pattern: pattern);
            case ValueKind.Array:
                int? minItems = Count("minItems");
                int? maxItems = Count("maxItems");
                return minItems is null && maxItems is null ? ConstraintSpec.None : new ConstraintSpec(MinItems: minItems, MaxItems: maxItems);
            default:
                string? minimum = Number("minimum");
                string? maximum = Number("maximum");
                string? exclusiveMinimum = Number("exclusiveMinimum");
                string? exclusiveMaximum = Number("exclusiveMaximum");
                string? multipleOf = kind == ValueKind.Double ? null : ExactMultipleOf();
                return minimum is null && maximum is null && exclusiveMinimum is null && exclusiveMaximum is null && multipleOf is null
                    ? ConstraintSpec.None
                    : new ConstraintSpec(minimum, maximum, exclusiveMinimum, exclusiveMaximum, MultipleOf: multipleOf);
        }

        // multipleOf is checked in the typed code of integers and decimals, where it is exact: for a
        // positive divisor that a decimal holds. Otherwise (and for double) it stays a keyword that
        // CheckKeywords hands to the JSON form of validation, whose arithmetic is exact.
        string? ExactMultipleOf()
        {
            if (schema.Get("multipleOf") is not JsonNumber number
                || !decimal.TryParse(number.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal divisor)
                || divisor <= 0
                || !IsExactDecimal(number.Raw, divisor))
            {
                return null;
            }

            return divisor.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Both constraints at once (allOf): the stricter bound of each.</summary>
    public static ConstraintSpec Stricter(ConstraintSpec a, ConstraintSpec b)
    {
        static int? Max(int? x, int? y) => x is null ? y : y is null ? x : Math.Max(x.Value, y.Value);
        static int? Min(int? x, int? y) => x is null ? y : y is null ? x : Math.Min(x.Value, y.Value);
        static string? Bound(string? x, string? y, bool lower)
        {
            if (x is null || y is null)
            {
                return x ?? y;
            }

            bool parsed = decimal.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal dx) & decimal.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal dy);
            return !parsed ? x : (lower ? (dx >= dy ? x : y) : (dx <= dy ? x : y));
        }

        return new ConstraintSpec(
            Minimum: Bound(a.Minimum, b.Minimum, lower: true),
            Maximum: Bound(a.Maximum, b.Maximum, lower: false),
            ExclusiveMinimum: Bound(a.ExclusiveMinimum, b.ExclusiveMinimum, lower: true),
            ExclusiveMaximum: Bound(a.ExclusiveMaximum, b.ExclusiveMaximum, lower: false),
            MinLength: Max(a.MinLength, b.MinLength),
            MaxLength: Min(a.MaxLength, b.MaxLength),
            Pattern: a.Pattern ?? b.Pattern, // a second pattern is checked by the JSON validation
            MinItems: Max(a.MinItems, b.MinItems),
            MaxItems: Min(a.MaxItems, b.MaxItems),
            MultipleOf: a.MultipleOf ?? b.MultipleOf); // a second multipleOf is checked by the JSON validation
    }

    /// <summary>True when the decimal parsed from <paramref name="raw"/> is the number written, not a rounding of it.</summary>
    private static bool IsExactDecimal(string raw, decimal parsed)
    {
        // decimal.Parse rounds past 28-29 digits; compare the digits (without exponent and sign) as written.
        string digits = raw.Split('e', 'E')[0].Replace("-", string.Empty).Replace("+", string.Empty).Replace(".", string.Empty).Trim('0');
        string parsedDigits = parsed.ToString(CultureInfo.InvariantCulture).Replace("-", string.Empty).Replace(".", string.Empty).Trim('0');
        return digits == parsedDigits;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, JsonNode at, params string[] args) =>
        _report(descriptor, at.Start, at.End, args);
}
