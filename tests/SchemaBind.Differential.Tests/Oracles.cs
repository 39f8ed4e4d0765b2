using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Json.Schema;
using NJsonSchema.Validation;
using NJsonSchemaSchema = NJsonSchema.JsonSchema;

namespace SchemaBind.Differential.Tests;

/// <summary>JsonSchema.Net, with the 2020-12 dialect and format as an annotation (2020-12's default, as in SchemaBind).</summary>
internal sealed class JsonSchemaNetOracle
{
    private static readonly EvaluationOptions Flag = new() { OutputFormat = OutputFormat.Flag };

    private static readonly EvaluationOptions FlagAssertingFormat = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };

    private readonly Json.Schema.JsonSchema _schema;

    private readonly EvaluationOptions _options;

    private JsonSchemaNetOracle(Json.Schema.JsonSchema schema, bool assertFormat)
    {
        _schema = schema;
        _options = assertFormat ? FlagAssertingFormat : Flag;
    }

    /// <summary>Builds the oracle, or returns null with the reason when JsonSchema.Net rejects the schema.</summary>
    /// <param name="schema">The schema document.</param>
    /// <param name="remote">Resolves other documents (the suite's remotes), or returns null.</param>
    /// <param name="reason">Why there is no oracle.</param>
    /// <param name="assertFormat">Whether format is an assertion (RequireFormatValidation), as SchemaBind's AssertFormat.</param>
    public static JsonSchemaNetOracle? Create(JsonElement schema, Func<Uri, JsonElement?> remote, out string? reason, bool assertFormat = false)
    {
        var registry = new SchemaRegistry();
        var options = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 };
        registry.Fetch = (uri, _) => remote(uri) is { } document ? Json.Schema.JsonSchema.Build(document, options, uri) : null;
        try
        {
            reason = null;
            return new JsonSchemaNetOracle(Json.Schema.JsonSchema.Build(schema, options), assertFormat);
        }
        catch (RegexParseException)
        {
            // It hands ECMA-262 patterns to .NET's Regex as they are: \p{Letter} is not a .NET property name.
            reason = "a pattern .NET's Regex cannot parse";
            return null;
        }
    }

    /// <summary>The verdict, or null when JsonSchema.Net throws: it compares numbers as <see cref="decimal"/>
    /// in const, enum and uniqueItems, and throws on a number beyond decimal's range such as 1e308.</summary>
    public bool? IsValid(JsonElement instance)
    {
        try
        {
            return _schema.Evaluate(instance, _options).IsValid;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>
/// NJsonSchema (draft 4/6/7 semantics, Newtonsoft.Json underneath), used only on schemas whose
/// keywords mean the same there as in 2020-12: see <see cref="Applies"/>.
/// </summary>
internal sealed class NJsonSchemaOracle
{
    /// <summary>Keywords NJsonSchema validates with 2020-12's meaning.</summary>
    private static readonly HashSet<string> Assertions = new(StringComparer.Ordinal)
    {
        "type", "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "uniqueItems",
        "minLength", "maxLength", "pattern", "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "multipleOf", "allOf", "anyOf", "oneOf", "not", "$ref", "minProperties", "maxProperties", "patternProperties", "const",
    };

    /// <summary>Annotations: dropped before NJsonSchema sees the schema (format is one in 2020-12 by default; NJsonSchema asserts it).</summary>
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$comment", "title", "description", "default", "examples", "readOnly", "writeOnly", "deprecated",
        "format", "discriminator", "example",

        // The definitions container: the definitions a schema references are collected and moved to "definitions".
        "$defs",
    };

    private readonly NJsonSchemaSchema _schema;

    private NJsonSchemaOracle(NJsonSchemaSchema schema, string text)
    {
        _schema = schema;
        SchemaText = text;
    }

    /// <summary>The schema as given to NJsonSchema (definitions moved, annotations dropped, const as enum).</summary>
    public string SchemaText { get; }

    /// <summary>
    /// Builds the oracle for the schema at <paramref name="pointer"/> in <paramref name="document"/>, or returns
    /// null with the reason when its semantics differ from 2020-12's: a keyword NJsonSchema does not implement
    /// (contains, prefixItems, if/then/else, dependentRequired, $dynamicRef, unevaluated*, ...), a
    /// boolean subschema, a $ref with sibling assertions (ignored in draft 7), a reference that is not a local
    /// pointer into a definitions container, or items given as an array (a tuple in draft 7).
    /// </summary>
    public static NJsonSchemaOracle? Create(JsonElement document, string pointer, string definitions, out string? reason)
    {
        var definitionsOut = new JsonObject();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        if (!SchemaPointer.TryResolve(document, pointer, out JsonElement root))
        {
            reason = "no schema at " + pointer;
            return null;
        }

        JsonNode? converted = Convert(root, definitions, queue, out reason);
        while (reason is null && queue.TryDequeue(out string? name))
        {
            if (seen.Add(name) && SchemaPointer.TryResolve(document, definitions + "/" + SchemaPointer.Escape(name), out JsonElement target))
            {
                definitionsOut[name] = Convert(target, definitions, queue, out reason);
            }
            else if (!seen.Contains(name))
            {
                reason = "unresolved reference to " + name;
            }
        }

        if (reason is not null || converted is not JsonObject rootObject)
        {
            reason ??= "the root schema is boolean";
            return null;
        }

        if (definitionsOut.Count > 0)
        {
            rootObject["definitions"] = definitionsOut;
        }

        try
        {
            string text = rootObject.ToJsonString();
            return new NJsonSchemaOracle(NJsonSchemaSchema.FromJsonAsync(text).GetAwaiter().GetResult(), text);
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            // For example maxItems: 2.0, which 2020-12 allows and NJsonSchema's int properties do not.
            reason = "a schema NJsonSchema cannot read (" + ex.GetType().Name + ")";
            return null;
        }
    }

    private static JsonNode? Convert(JsonElement schema, string definitions, Queue<string> references, out string? reason)
    {
        reason = null;
        if (schema.ValueKind != JsonValueKind.Object)
        {
            reason = "a boolean subschema";
            return null;
        }

        var result = new JsonObject();
        bool hasReference = schema.TryGetProperty("$ref", out _);
        foreach (JsonProperty property in schema.EnumerateObject())
        {
            string keyword = property.Name;
            JsonElement value = property.Value;
            if (Annotations.Contains(keyword))
            {
                continue;
            }

            if (!Assertions.Contains(keyword))
            {
                reason = "keyword '" + keyword + "'";
                return null;
            }

            if (hasReference && keyword != "$ref")
            {
                reason = "$ref with sibling '" + keyword + "'";
                return null;
            }

            switch (keyword)
            {
                case "$ref":
                    string text = value.GetString() ?? string.Empty;
                    string prefix = "#" + definitions + "/";
                    if (!text.StartsWith(prefix, StringComparison.Ordinal)
                        || !text[prefix.Length..].All(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                    {
                        reason = "a reference other than #" + definitions + "/name (name plain: no escapes)";
                        return null;
                    }

                    string name = text[prefix.Length..];
                    references.Enqueue(name);
                    result["$ref"] = "#/definitions/" + name;
                    break;
                case "pattern" when !IsDotNetRegex(value.GetString()!):
                    reason = "a pattern .NET's Regex cannot parse";
                    return null;
                case "properties" or "patternProperties":
                    var members = new JsonObject();
                    foreach (JsonProperty member in value.EnumerateObject())
                    {
                        if (keyword == "patternProperties" && !IsDotNetRegex(member.Name))
                        {
                            reason = "a pattern .NET's Regex cannot parse";
                            return null;
                        }

                        members[member.Name] = Convert(member.Value, definitions, references, out reason);
                        if (reason is not null)
                        {
                            return null;
                        }
                    }

                    result[keyword] = members;
                    break;
                case "const":
                    // const: X means exactly enum: [X]; NJsonSchema has enum but no const.
                    result["enum"] = new JsonArray(JsonNode.Parse(value.GetRawText()));
                    break;
                case "additionalProperties" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    result[keyword] = value.ValueKind == JsonValueKind.True;
                    break;
                case "additionalProperties" or "items" or "not":
                    result[keyword] = Convert(value, definitions, references, out reason);
                    if (reason is not null)
                    {
                        return null;
                    }

                    break;
                case "allOf" or "anyOf" or "oneOf":
                    var branches = new JsonArray();
                    foreach (JsonElement branch in value.EnumerateArray())
                    {
                        branches.Add(Convert(branch, definitions, references, out reason));
                        if (reason is not null)
                        {
                            return null;
                        }
                    }

                    result[keyword] = branches;
                    break;
                default:
                    result[keyword] = JsonNode.Parse(value.GetRawText());
                    break;
            }
        }

        return result;
    }

    /// <summary>NJsonSchema hands ECMA-262 patterns to .NET's Regex as they are.</summary>
    private static bool IsDotNetRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The verdict, or null when NJsonSchema throws (it casts big integers to IConvertible).</summary>
    public bool? IsValid(string instanceJson)
    {
        try
        {
            return _schema.Validate(instanceJson).Count == 0;
        }
        catch (InvalidCastException)
        {
            return null;
        }
    }

    /// <summary>The kinds of NJsonSchema's innermost errors (those under allOf/anyOf/oneOf/not included).</summary>
    public HashSet<ValidationErrorKind> LeafErrorKinds(string instanceJson)
    {
        var kinds = new HashSet<ValidationErrorKind>();
        foreach (ValidationError error in _schema.Validate(instanceJson))
        {
            Add(error);
        }

        return kinds;

        void Add(ValidationError error)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Values.Any(static e => e.Count > 0))
            {
                foreach (ValidationError inner in child.Errors.Values.SelectMany(static e => e))
                {
                    Add(inner);
                }
            }
            else
            {
                kinds.Add(error.Kind);
            }
        }
    }

    /// <summary>
    /// The instance with every integer-valued number written as an integer (1.0 and 1e2 become 1 and 100).
    /// 2020-12 counts 1.0 as an integer; NJsonSchema (draft 4, through Newtonsoft.Json's float token) does not.
    /// </summary>
    public static string WithPlainIntegers(string instanceJson) => Plain(JsonNode.Parse(instanceJson))?.ToJsonString() ?? "null";

    private static JsonNode? Plain(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach ((string name, JsonNode? child) in obj.ToArray())
                {
                    obj[name] = Plain(child?.DeepClone());
                }

                return obj;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    array[i] = Plain(array[i]?.DeepClone());
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                string raw = value.ToJsonString();
                double number = double.Parse(raw, CultureInfo.InvariantCulture);
                // Beyond 64 bits (1e308), the largest 64-bit integer of the same sign stands in: NJsonSchema throws on
                // bigger integers, and it is on the same side of every bound in the schemas compared.
                return raw.IndexOfAny(['.', 'e', 'E']) >= 0 && number == Math.Floor(number)
                    ? JsonValue.Create(Math.Abs(number) < 9e18 ? (long)number : number > 0 ? long.MaxValue : long.MinValue)
                    : value;
            default:
                return node;
        }
    }
}
