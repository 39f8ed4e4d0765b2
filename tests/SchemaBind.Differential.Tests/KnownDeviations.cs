using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema.Validation;

namespace SchemaBind.Differential.Tests;

/// <summary>
/// Disagreements that are not SchemaBind bugs, each with its reason (documented in docs/conformance.md,
/// "Differential testing"). A disagreement matched by none of these fails the test.
/// </summary>
/// <remarks>
/// An NJsonSchema disagreement is explained only when the instance shows one of NJsonSchema's known draft
/// 4/7-era deviations from 2020-12 and JsonSchema.Net (a 2020-12 validator) gives SchemaBind's verdict or
/// deviates for a documented reason of its own. A JsonSchema.Net disagreement is explained only by a
/// re-check that shows one of its known deviations (decimal numbers, text-element lengths), by the suite's
/// own answer for the instance, or, with format asserted, by its check of that format failing suite cases
/// or accepting what the format's RFC never allows. A disagreement between SchemaBind's own entry points
/// is never explained away.
/// </remarks>
internal static class KnownDeviations
{
    public const string IntegerValuedDecimals =
        "NJsonSchema: a number with a zero fraction (1.0, 1e2) is not an integer; in 2020-12 it is "
        + "(NJsonSchema agrees once such numbers are written as integers)";

    public const string RequiredOnNonObjects =
        "NJsonSchema: required fails a value that is not an object; in 2020-12 required applies to objects only";

    public const string LooseEnum =
        "NJsonSchema: enum (and const, given to it as a one-value enum) compares values by their text, so \"1\" "
        + "matches 1 and 0 matches false; an empty enum accepts everything; objects must list members in the same order";

    public const string CodeUnits =
        "NJsonSchema: minLength/maxLength count UTF-16 code units; 2020-12 counts code points (a surrogate pair is one)";

    public const string DoubleUnderflow =
        "NJsonSchema: numbers are doubles, so 1e-400 is 0; NJsonSchema agrees once such numbers are written as 1e-20";

    public const string MaxPropertiesZero = "NJsonSchema: maxProperties 0 is not enforced (taken for unset)";

    public const string FirstPatternOnly =
        "NJsonSchema: a member matched by several patternProperties is checked against the first only";

    public const string SuiteAnswer =
        "JsonSchema.Net: gets one of the suite's own cases wrong (the instance equals the case; SchemaBind gives the suite's answer)";

    /// <summary>A format JsonSchema.Net checks differently from its RFC (it fails some of the suite's own cases of it).</summary>
    public static string FormatCheck(string file) =>
        "JsonSchema.Net: its check of " + file + " fails some of the suite's own cases; disagreements on mutations of them";

    public const string EmailLocalPart =
        "JsonSchema.Net: its email/idn-email check accepts an unquoted local part with '@' or a space, "
        + "or a quoted one followed by more text (RFC 5321 allows neither)";

    /// <summary>
    /// Explains an email or idn-email disagreement where JsonSchema.Net accepts an address whose local part
    /// (before the last '@') breaks RFC 5321's syntax in a way it does not check.
    /// </summary>
    public static string? EmailCheck(string instance, bool schemaBind)
    {
        if (schemaBind || JsonNode.Parse(instance) is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        string address = value.GetValue<string>();
        int at = address.LastIndexOf('@');
        string local = at < 0 ? address : address[..at];
        bool quoted = local.StartsWith('"');
        if ((!quoted && local.AsSpan().IndexOfAny("@ ") >= 0) || (quoted && (local.Length < 2 || !local.EndsWith('"') || local[1..^1].Contains('"', StringComparison.Ordinal))))
        {
            return EmailLocalPart;
        }

        // The domain: JsonSchema.Net's idn-hostname check (which fails suite cases) takes it, SchemaBind's does not.
        using JsonDocument domain = JsonDocument.Parse(JsonSerializer.Serialize(address[(at + 1)..]));
        return at >= 0 && IdnHostname.SchemaBind.IsValid(domain.RootElement) == false && IdnHostname.JsonSchemaNet.IsValid(domain.RootElement) == true
            ? EmailDomain
            : null;
    }

    public const string EmailDomain =
        "JsonSchema.Net: its idn-email check takes a domain that is not an IDNA 2008 hostname (its idn-hostname check does too)";

    public const string IriReferenceCharacters =
        "JsonSchema.Net: its iri-reference check accepts a second '#' (inside the fragment) and characters no IRI has "
        + "(controls, space, \"<>\\^`{|}); RFC 3987 does not";

    /// <summary>Explains an iri-reference disagreement where JsonSchema.Net accepts characters RFC 3987 never allows.</summary>
    public static string? IriReferenceCheck(string instance, bool schemaBind) =>
        !schemaBind && JsonNode.Parse(instance) is JsonValue value && value.GetValueKind() == JsonValueKind.String
            && value.GetValue<string>() is var text
            && (text.Count(static c => c == '#') > 1 || text.Any(static c => c < ' ' || c == '\u007F' || " \"<>\\^`{|}".Contains(c)))
            ? IriReferenceCharacters
            : null;

    private static class IdnHostname
    {
        private const string Schema = "{\"format\": \"idn-hostname\"}";

        public static readonly SchemaBind.Runtime.JsonSchemaValidator SchemaBind =
            global::SchemaBind.Runtime.JsonSchemaValidator.Create(Schema, new global::SchemaBind.Runtime.JsonSchemaOptions { AssertFormat = true });

        public static readonly JsonSchemaNetOracle JsonSchemaNet =
            JsonSchemaNetOracle.Create(JsonDocument.Parse(Schema).RootElement, static _ => null, out _, assertFormat: true)!;
    }

    public const string TextElements =
        "JsonSchema.Net: minLength/maxLength count text elements (a letter and its combining accent are one); "
        + "2020-12 counts code points (JsonSchema.Net agrees once combining marks are replaced by letters)";

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string DecimalUnderflow =
        "JsonSchema.Net: numbers are decimals, so 1e-400 is 0 (an integer, equal to const 0, not above exclusiveMinimum 0); "
        + "JsonSchema.Net agrees once such numbers are written as 1e-20";

    /// <summary>Explains a JsonSchema.Net disagreement, or returns null (then it is a failure).</summary>
    public static string? JsonSchemaNet(JsonSchemaNetOracle oracle, string instance, bool schemaBind) =>
        TextElementsRecheck(oracle, instance, schemaBind) ?? DecimalRecheck(oracle, instance, schemaBind);

    private static string? DecimalRecheck(JsonSchemaNetOracle oracle, string instance, bool schemaBind)
    {
        if (WithoutTinyNumbers(instance) is not { } replaced)
        {
            return null;
        }

        using JsonDocument parsed = JsonDocument.Parse(replaced);
        return oracle.IsValid(parsed.RootElement) == schemaBind ? DecimalUnderflow : null;
    }

    /// <summary>The instance with every nonzero number below 1e-28 in size written as ±1e-20, or null when it has none.</summary>
    private static string? WithoutTinyNumbers(string instance)
    {
        bool changed = false;
        System.Text.Json.Nodes.JsonNode? node = Replace(System.Text.Json.Nodes.JsonNode.Parse(instance));
        return changed ? Instances.Text(node) : null;

        System.Text.Json.Nodes.JsonNode? Replace(System.Text.Json.Nodes.JsonNode? n)
        {
            switch (n)
            {
                case System.Text.Json.Nodes.JsonObject obj:
                    foreach ((string name, System.Text.Json.Nodes.JsonNode? child) in obj.ToArray())
                    {
                        obj[name] = Replace(child?.DeepClone());
                    }

                    return obj;
                case System.Text.Json.Nodes.JsonArray array:
                    for (int i = 0; i < array.Count; i++)
                    {
                        array[i] = Replace(array[i]?.DeepClone());
                    }

                    return array;
                case System.Text.Json.Nodes.JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                    string raw = value.ToJsonString();
                    double number = double.Parse(raw, CultureInfo.InvariantCulture);
                    string mantissa = raw.Split('e', 'E')[0];
                    if (Math.Abs(number) < 1e-28 && mantissa.Any(static c => c is >= '1' and <= '9'))
                    {
                        changed = true;
                        return System.Text.Json.Nodes.JsonValue.Create(raw.StartsWith('-') ? -1e-20 : 1e-20);
                    }

                    return value;
                default:
                    return n;
            }
        }
    }

    private static string? TextElementsRecheck(JsonSchemaNetOracle oracle, string instance, bool schemaBind)
    {
        // Unescaped, so that the marks are characters of the text, then replaced (JSON syntax has none).
        string raw = System.Text.Json.Nodes.JsonNode.Parse(instance)?.ToJsonString(Unescaped) ?? "null";
        string replaced = new(raw.Select(static c => CharUnicodeInfo.GetUnicodeCategory(c)
            is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark ? 'x' : c).ToArray());
        if (replaced == raw)
        {
            return null;
        }

        using JsonDocument parsed = JsonDocument.Parse(replaced);
        return oracle.IsValid(parsed.RootElement) == schemaBind ? TextElements : null;
    }

    /// <summary>Explains an NJsonSchema disagreement, or returns null (then it is a failure).</summary>
    /// <param name="oracle">NJsonSchema on the schema.</param>
    /// <param name="jsonSchemaNet">JsonSchema.Net on the same schema, as the independent 2020-12 verdict.</param>
    /// <param name="schema">The schema's text (the converted one NJsonSchema was given).</param>
    /// <param name="instance">The instance's text.</param>
    /// <param name="schemaBind">SchemaBind's verdict.</param>
    public static string? NJsonSchema(NJsonSchemaOracle oracle, JsonSchemaNetOracle? jsonSchemaNet, string schema, string instance, bool schemaBind)
    {
        if (oracle.IsValid(NJsonSchemaOracle.WithPlainIntegers(instance)) == schemaBind)
        {
            return IntegerValuedDecimals;
        }

        if (WithoutTinyNumbers(instance) is { } replaced && oracle.IsValid(replaced) == schemaBind)
        {
            return DoubleUnderflow;
        }

        // The independent 2020-12 verdict: JsonSchema.Net's, unless it disagrees for a documented reason of its own.
        using JsonDocument parsed = JsonDocument.Parse(instance);
        if (jsonSchemaNet is null
            || (jsonSchemaNet.IsValid(parsed.RootElement) != schemaBind && JsonSchemaNet(jsonSchemaNet, instance, schemaBind) is null))
        {
            return null;
        }

        bool surrogates = instance.Contains("\\uD8", StringComparison.OrdinalIgnoreCase) || instance.Any(char.IsSurrogate);
        if (schemaBind)
        {
            // NJsonSchema finds errors where 2020-12 finds none: name them by kind.
            HashSet<ValidationErrorKind> kinds = oracle.LeafErrorKinds(instance);
            return kinds.All(static k => k == ValidationErrorKind.PropertyRequired) ? RequiredOnNonObjects
                : kinds.All(static k => k is ValidationErrorKind.StringTooLong or ValidationErrorKind.StringTooShort) && surrogates ? CodeUnits
                : kinds.All(static k => k is ValidationErrorKind.NotInEnumeration) && schema.Contains("\"enum\"", StringComparison.Ordinal) ? LooseEnum
                : null;
        }

        // NJsonSchema accepts what 2020-12 rejects: name it by the keyword it handles differently.
        return schema.Contains("\"enum\"", StringComparison.Ordinal) ? LooseEnum
            : schema.Contains("\"maxProperties\":0", StringComparison.Ordinal) ? MaxPropertiesZero
            : schema.Contains("\"patternProperties\"", StringComparison.Ordinal) ? FirstPatternOnly
            : schema.Contains("Length\"", StringComparison.Ordinal) && surrogates ? CodeUnits
            : null;
    }

    public static string? Explain(Disagreement disagreement) => disagreement.Explanation;
}
