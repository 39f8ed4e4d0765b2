using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Parsing;

/// <summary>
/// Which keywords the parser knows, and what it does with each, for the one dialect it reads: JSON Schema 2020-12
/// (in OpenAPI 3.1's schema objects). Older dialects (OpenAPI 3.0, Swagger 2.0, drafts 4 to 2019-09) are rewritten
/// into it first (see <see cref="Dialects.DocumentUpgrader"/> and <see cref="Dialects.SchemaDialect"/>); a new input
/// dialect adds its upgrade there, and here only a keyword the 2020-12 tree gains.
/// </summary>
internal static class KeywordSupport
{
    public const string JsonSchema202012 = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The values of <c>type</c> in JSON Schema.</summary>
    public static readonly string[] JsonTypeNames = { "string", "integer", "number", "boolean", "array", "object", "null" };

    /// <summary>Keywords the typed code expresses (some only in some forms: see DocumentParser.CheckKeywords).</summary>
    public static readonly HashSet<string> Typed = new(StringComparer.Ordinal)
    {
        "$ref", "$schema", "$id", "$comment", "$defs", "definitions", "title", "description", "type",
        "properties", "required", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "minLength", "maxLength", "pattern", "items", "minItems", "maxItems", "format", "default", "examples",
        "example", "readOnly", "writeOnly", "deprecated", "discriminator", "xml", "externalDocs",
        "contentMediaType", "contentEncoding", "oneOf",
    };

    /// <summary>Keywords the typed code does not express: checked on the JSON form where a type has one, else SB0004.</summary>
    public static readonly HashSet<string> Untyped = new(StringComparer.Ordinal)
    {
        "allOf", "anyOf", "not", "if", "then", "else", "dependentRequired", "dependentSchemas",
        "patternProperties", "propertyNames", "minProperties", "maxProperties", "prefixItems", "contains",
        "minContains", "maxContains", "uniqueItems", "multipleOf", "unevaluatedProperties", "unevaluatedItems",
        "$anchor", "$dynamicRef", "$dynamicAnchor", "nullable", "dependencies",
    };

    /// <summary>
    /// The names this parser looks up in a document (keywords of JSON Schema and OpenAPI), as its own string
    /// literals: the JSON parse gives a document's equal names as these very instances, so the lookups compare
    /// them by reference instead of char by char.
    /// </summary>
    public static readonly string[] KnownNames = Typed.Concat(Untyped).Concat(new[]
    {
        "additionalProperties", "propertyName", "mapping", "name", "in", "schema", "operationId", "summary",
        "url", "servers", "schemas", "responses", "requestBody", "paths", "parameters", "openapi", "swagger",
        "info", "content", "components", "application/json",
    }).Concat(JsonTypeNames).ToArray();

    // Each single type name of JSON Schema as a list of itself, shared (see TypeNames).
    private static readonly Dictionary<string, IReadOnlyList<string>> s_singleTypes =
        JsonTypeNames.ToDictionary(static t => t, static t => (IReadOnlyList<string>)new[] { t }, StringComparer.Ordinal);

    /// <summary>Keywords that only annotate (or belong to OpenAPI's schema object) and are never misspellings.</summary>
    public static readonly HashSet<string> NeverMisspelled = new(StringComparer.Ordinal)
    {
        "$vocabulary", "$dynamicAnchor", "contentSchema", "additionalProperties",
    };

    /// <summary>Keywords that change no value: a rule part made only of them always holds.</summary>
    public static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$comment", "title", "description", "examples", "deprecated",
    };

    /// <summary>Whether a document without an <c>openapi</c> member reads as a JSON Schema.</summary>
    public static bool IsJsonSchemaDocument(JsonObject root) =>
        root.Find("$schema") is not null || root.Find("type") is not null || root.Find("properties") is not null
        || root.Find("$defs") is not null || root.Find("$ref") is not null || root.Find("oneOf") is not null
        || root.Find("anyOf") is not null || root.Find("allOf") is not null || root.Find("enum") is not null;

    /// <summary>A <c>$schema</c> of a JSON Schema draft before 2020-12 (upgraded by Dialects/ when the file is read as one).</summary>
    public static bool IsOlderDraft(string uri) =>
        uri.IndexOf("json-schema.org/draft-0", StringComparison.Ordinal) >= 0
        || uri.IndexOf("json-schema.org/schema", StringComparison.Ordinal) >= 0
        || uri.IndexOf("json-schema.org/draft/2019-09", StringComparison.Ordinal) >= 0;

    /// <summary>A <c>$schema</c> of JSON Schema 2020-12.</summary>
    public static bool IsSupportedDialect(string uri) =>
        uri.TrimEnd('#') == JsonSchema202012 || uri.TrimEnd('#') == "http://json-schema.org/draft/2020-12/schema";

    /// <summary>A single type name of JSON Schema (<c>"object"</c>) as the shared list <see cref="TypeNames"/> gives for it.</summary>
    public static IReadOnlyList<string> SingleType(string name) => s_singleTypes[name];

    /// <summary>The names in a schema's <c>type</c>: one shared list for each single type name of JSON Schema.</summary>
    public static IReadOnlyList<string> TypeNames(JsonObject schema) => schema.Get("type") switch
    {
        JsonString single => s_singleTypes.TryGetValue(single.Value, out IReadOnlyList<string>? known) ? known : new[] { single.Value },
        JsonArray many => StringsOf(many),
        _ => Array.Empty<string>(),
    };

    /// <summary>The strings of an array, in order (other items left out).</summary>
    private static string[] StringsOf(JsonArray array)
    {
        int count = 0;
        foreach (JsonNode item in array.Items)
        {
            count += item is JsonString ? 1 : 0;
        }

        var strings = new string[count];
        count = 0;
        foreach (JsonNode item in array.Items)
        {
            if (item is JsonString s)
            {
                strings[count++] = s.Value;
            }
        }

        return strings;
    }

    /// <summary><paramref name="types"/> without the first "null" in it, and whether there was one.</summary>
    public static IReadOnlyList<string> WithoutNull(IReadOnlyList<string> types, out bool nullable)
    {
        for (int i = 0; i < types.Count; i++)
        {
            if (types[i] == "null")
            {
                nullable = true;
                if (types.Count == 2 && s_singleTypes.TryGetValue(types[1 - i], out IReadOnlyList<string>? other))
                {
                    return other; // ["string", "null"], OpenAPI 3.1's nullable: the shared list of the other type
                }

                var rest = new string[types.Count - 1];
                for (int j = 0, k = 0; j < types.Count; j++)
                {
                    if (j != i)
                    {
                        rest[k++] = types[j];
                    }
                }

                return rest;
            }
        }

        nullable = false;
        return types;
    }
}
