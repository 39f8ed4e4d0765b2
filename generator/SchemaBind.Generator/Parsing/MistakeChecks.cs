using System.Globalization;
using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Reading;
using SchemaBind.Runtime.Internal;

namespace SchemaBind.Generator.Parsing;

/// <summary>Reports a diagnostic at a span of the document's text (see <see cref="DocumentParser"/>'s Report).</summary>
internal delegate void ReportAt(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, int start, int end, params string[] args);

/// <summary>
/// The checks that find mistakes in a schema that is otherwise well-formed: misspelled keywords, contradictions, and
/// examples or defaults that break their own schema (SB0011–SB0015). They change no generated code; the analyzer
/// (SchemaFileAnalyzer) reports them, from the generator's parse of the same input when it has one (ParsedDiagnostics).
/// </summary>
internal sealed class MistakeChecks
{
    private readonly ReportAt _report;

    public MistakeChecks(ReportAt report) => _report = report;

    /// <summary>Checks one schema object (not the schemas inside it: the parser calls this for each it reads).</summary>
    public void Check(JsonObject schema)
    {
        foreach (JsonProperty keyword in schema.Properties)
        {
            if (KeywordSupport.Typed.Contains(keyword.Name) || KeywordSupport.Untyped.Contains(keyword.Name)
                || KeywordSupport.NeverMisspelled.Contains(keyword.Name) || keyword.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            // JSON Schema ignores unknown keywords (they are annotations). One that is a typo of a
            // known keyword is almost certainly a mistake, and its rule would silently not apply.
            string? suggestion = NearestKeyword(keyword.Name);
            if (suggestion is not null)
            {
                Report(DiagnosticDescriptors.MisspelledKeyword, keyword.NameStart, keyword.NameEnd, keyword.Name, suggestion);
            }
        }

        CheckRange(schema, "minimum", "maximum");
        CheckRange(schema, "exclusiveMinimum", "exclusiveMaximum");
        CheckRange(schema, "minLength", "maxLength");
        CheckRange(schema, "minItems", "maxItems");
        CheckRange(schema, "minProperties", "maxProperties");
        CheckEnumDuplicates(schema);
        CheckRequiredAgainstAdditionalProperties(schema);
        CheckPatternDialect(schema);
        foreach (string keyword in new[] { "default", "example", "const" })
        {
            if (schema.Get(keyword) is JsonNode value && keyword != "const")
            {
                CheckInstance(schema, keyword, value);
            }
        }

        if (schema.Get("examples") is JsonArray examples)
        {
            foreach (JsonNode example in examples.Items)
            {
                CheckInstance(schema, "examples", example);
            }
        }
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, JsonNode at, params string[] args) =>
        _report(descriptor, at.Start, at.End, args);

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, int start, int end, params string[] args) =>
        _report(descriptor, start, end, args);

    private static string? NearestKeyword(string name)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string known in KeywordSupport.Typed.Concat(KeywordSupport.Untyped).Concat(new[] { "additionalProperties" }).OrderBy(static k => k, StringComparer.Ordinal))
        {
            int distance = Distance(name.ToLowerInvariant(), known.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = known;
                bestDistance = distance;
            }
        }

        // One edit in a short name, two in a longer one; a different case alone counts as a typo too.
        int allowed = name.Length <= 5 ? 1 : 2;
        return best is not null && best != name && bestDistance <= allowed ? best : null;
    }

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private void CheckRange(JsonObject schema, string lowerKeyword, string upperKeyword)
    {
        if (schema.Get(lowerKeyword) is JsonNumber lower && schema.Get(upperKeyword) is JsonNumber upper
            && decimal.TryParse(lower.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal low)
            && decimal.TryParse(upper.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal high)
            && low > high)
        {
            Report(DiagnosticDescriptors.Contradiction, upper, lowerKeyword + " (" + lower.Raw + ") is greater than " + upperKeyword + " (" + upper.Raw + "), so no value is valid");
        }
    }

    private void CheckEnumDuplicates(JsonObject schema)
    {
        if (schema.Get("enum") is not JsonArray values)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonNode value in values.Items)
        {
            string key = value switch
            {
                JsonString s => "s:" + s.Value,
                JsonNumber n => "n:" + n.Raw,
                JsonBoolean b => b.Value ? "b:true" : "b:false",
                JsonNull => "null",
                _ => "x:" + value.Start.ToString(CultureInfo.InvariantCulture),
            };
            if (!seen.Add(key))
            {
                // Shown as JSON, whatever the file's syntax (YAML writes '' for JSON's "").
                string shown;
                if (value is JsonString duplicate)
                {
                    var quoted = new System.Text.StringBuilder();
                    JsonTreeWriter.WriteString(quoted, duplicate.Value);
                    shown = quoted.ToString();
                }
                else
                {
                    shown = key == "null" ? "null" : key.Substring(2);
                }

                Report(DiagnosticDescriptors.DuplicateEnumValue, value, shown);
            }
        }
    }

    private void CheckRequiredAgainstAdditionalProperties(JsonObject schema)
    {
        if (schema.Get("additionalProperties") is not JsonBoolean { Value: false } || schema.Get("required") is not JsonArray required
            || schema.Get("patternProperties") is not null)
        {
            return;
        }

        var properties = schema.Get("properties") as JsonObject;
        foreach (JsonString name in required.Items.OfType<JsonString>())
        {
            if (properties?.Get(name.Value) is null)
            {
                Report(DiagnosticDescriptors.Contradiction, name, "'" + name.Value + "' is required, but additionalProperties: false forbids any property not listed in properties, so no object is valid");
            }
        }
    }

    private void CheckPatternDialect(JsonObject schema)
    {
        if (schema.Get("pattern") is JsonString pattern && SchemaPattern.IsValid(pattern.Value)
            && (!SchemaPattern.IsEcmaCompatible(pattern.Value) || SchemaPattern.HasDotNetOnlySyntax(pattern.Value)))
        {
            Report(DiagnosticDescriptors.PatternDialect, pattern, pattern.Value);
        }
    }

    /// <summary>Checks a default or an example against the simple constraints of its own schema.</summary>
    private void CheckInstance(JsonObject schema, string keyword, JsonNode instance)
    {
        string? problem = InstanceProblem(schema, instance);
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.InvalidExample, instance, keyword, problem);
        }
    }

    private static string? InstanceProblem(JsonObject schema, JsonNode instance)
    {
        IReadOnlyList<string> types = KeywordSupport.TypeNames(schema);
        if (types.Count > 0 && !types.Any(t => MatchesType(t, instance)))
        {
            return "it is " + instance.KindDisplay + ", but the schema's type is " + string.Join(" or ", types);
        }

        if (schema.Get("enum") is JsonArray values && !values.Items.Any(v => JsonNode.SameValue(v, instance)))
        {
            return "it is not one of the enum values";
        }

        if (schema.Get("const") is JsonNode constant && !JsonNode.SameValue(constant, instance))
        {
            return "it is not the const value";
        }

        if (instance is JsonString text)
        {
            int length = SchemaBind.Runtime.Internal.JsonSchemaText.CodePointLength(text.Value);
            if (schema.Get("minLength") is JsonNumber min && decimal.TryParse(min.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal minLength) && length < minLength)
            {
                return "it is shorter than minLength " + min.Raw;
            }

            if (schema.Get("maxLength") is JsonNumber max && decimal.TryParse(max.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal maxLength) && length > maxLength)
            {
                return "it is longer than maxLength " + max.Raw;
            }

            if (schema.Get("pattern") is JsonString pattern && SchemaPattern.IsValid(pattern.Value) && !SchemaPattern.Create(pattern.Value).IsMatch(text.Value))
            {
                return "it does not match the pattern " + pattern.Value;
            }
        }

        if (instance is JsonNumber number && decimal.TryParse(number.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal n))
        {
            foreach ((string bound, Func<decimal, decimal, bool> broken, string words) in new (string, Func<decimal, decimal, bool>, string)[]
            {
                ("minimum", static (v, b) => v < b, "less than minimum"),
                ("maximum", static (v, b) => v > b, "greater than maximum"),
                ("exclusiveMinimum", static (v, b) => v <= b, "not greater than exclusiveMinimum"),
                ("exclusiveMaximum", static (v, b) => v >= b, "not less than exclusiveMaximum"),
            })
            {
                if (schema.Get(bound) is JsonNumber limit && decimal.TryParse(limit.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal b) && broken(n, b))
                {
                    return "it is " + words + " " + limit.Raw;
                }
            }
        }

        if (instance is JsonArray array)
        {
            if (schema.Get("minItems") is JsonNumber min && int.TryParse(min.Raw, NumberStyles.None, CultureInfo.InvariantCulture, out int minItems) && array.Items.Length < minItems)
            {
                return "it has fewer items than minItems " + min.Raw;
            }

            if (schema.Get("maxItems") is JsonNumber max && int.TryParse(max.Raw, NumberStyles.None, CultureInfo.InvariantCulture, out int maxItems) && array.Items.Length > maxItems)
            {
                return "it has more items than maxItems " + max.Raw;
            }
        }

        if (instance is JsonObject obj && schema.Get("required") is JsonArray required)
        {
            JsonString? missing = required.Items.OfType<JsonString>().FirstOrDefault(r => obj.Find(r.Value) is null);
            if (missing is not null)
            {
                return "it lacks the required property '" + missing.Value + "'";
            }
        }

        return null;
    }

    private static bool MatchesType(string type, JsonNode instance) => type switch
    {
        "string" => instance is JsonString,
        "number" => instance is JsonNumber,
        "integer" => instance is JsonNumber number && IsIntegral(number.Raw),
        "boolean" => instance is JsonBoolean,
        "array" => instance is JsonArray,
        "object" => instance is JsonObject,
        "null" => instance is JsonNull,
        _ => true,
    };

    private static bool IsIntegral(string raw) =>
        decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value) ? value == decimal.Truncate(value) : raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;

}
