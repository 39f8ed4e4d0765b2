using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Dialects;

/// <summary>Reports a diagnostic at a span of the file's text (the parser's Report).</summary>
internal delegate void DialectReport(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, int start, int end, params string[] args);

/// <summary>
/// Rewrites the schemas of a document written in an older dialect (<see cref="SchemaDialect"/>) into JSON Schema
/// 2020-12, the shape the parser reads. A schema that needs no change is returned as it is (no copy); a new node
/// takes the offsets of the node it comes from, so every diagnostic still points into the original text.
/// </summary>
/// <remarks>
/// <c>nullable: true</c> (and Swagger's <c>x-nullable</c>) becomes, in this order of preference:
/// <list type="bullet">
/// <item>with <c>type</c> and no <c>$ref</c>/<c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>: "null" added to <c>type</c>
/// (and to <c>enum</c> when there is one, as most 3.0 tools read it);</item>
/// <item>with <c>anyOf</c> or <c>oneOf</c> (no <c>$ref</c>, <c>allOf</c> or <c>discriminator</c>): a
/// <c>{"type": "null"}</c> alternative added (and "null" to a <c>type</c> beside it);</item>
/// <item>with <c>$ref</c>, <c>allOf</c> or a discriminated <c>oneOf</c>: <c>anyOf: [the schema, {"type": "null"}]</c>,
/// with the annotations (<c>description</c>, <c>title</c>, <c>default</c>, examples, <c>readOnly</c>...) kept
/// beside it. This is exact for validation: a <c>$ref</c> or <c>allOf</c> part that rejects null no longer
/// rejects the whole value;</item>
/// <item>without any of them (no <c>type</c>): nothing, as OpenAPI 3.0.3 says (the schema allows null already).</item>
/// </list>
/// </remarks>
internal sealed class SchemaUpgrader
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "description", "title", "default", "example", "examples", "readOnly", "writeOnly", "deprecated", "externalDocs", "xml", "$comment",
    };

    private readonly SchemaDialect _dialect;
    private readonly DialectReport _report;
    private readonly CancellationToken _cancellationToken;

    // Per habit of an older dialect (OpenAPI 3.1 documents only): where it was first met and how often.
    private readonly Dictionary<string, (int Start, int End, int Count)> _habits = new(StringComparer.Ordinal);

    // The schema resources around the schema being upgraded, innermost last: whether each has $recursiveAnchor: true.
    private readonly List<bool> _resources = new();

    // Where a $ref first had keywords beside it that its draft ignores, and how often.
    private (int Start, int End, int Count) _ignoredBesideReference;

    public SchemaUpgrader(SchemaDialect dialect, DialectReport report, CancellationToken cancellationToken)
    {
        _dialect = dialect;
        _report = report;
        _cancellationToken = cancellationToken;
    }

    /// <summary>A local <c>$ref</c> moved where the upgraded document keeps its target.</summary>
    public JsonNode Reference(JsonNode reference)
    {
        if (reference is JsonString text)
        {
            foreach ((string from, string to) in _dialect.ReferencePrefixes)
            {
                if (text.Value.StartsWith(from, StringComparison.Ordinal))
                {
                    return new JsonString(text.Start, text.End, to + text.Value.Substring(from.Length));
                }
            }

            // A pointer into an array items (a tuple) points into prefixItems now.
            int at = text.Value.IndexOf("/items/", StringComparison.Ordinal);
            if (at >= 0 && text.Value.IndexOf('#') is int hash && hash >= 0 && hash < at
                && at + 7 < text.Value.Length && char.IsDigit(text.Value[at + 7])
                && _dialect.Keywords.TryGetValue("items", out KeywordMeaning items) && items == KeywordMeaning.TupleItems)
            {
                return new JsonString(text.Start, text.End, text.Value.Substring(0, at) + "/prefixItems/" + text.Value.Substring(at + 7));
            }
        }

        return reference;
    }

    /// <summary>The schema in 2020-12 terms (the same node when nothing changes). Iterates nothing deeper than it recurses.</summary>
    public JsonNode Schema(JsonNode schema, int depth = 0)
    {
        if (schema is not JsonObject obj || depth > 512)
        {
            return schema;
        }

        _cancellationToken.ThrowIfCancellationRequested();

        // A schema resource (the root, or a schema with its own id) and whether it has $recursiveAnchor: true.
        bool resource = depth == 0 || obj.Get("$id") is not null;
        if (resource)
        {
            _resources.Add(obj.Get("$recursiveAnchor") is JsonBoolean { Value: true });
        }

        JsonProperty[] properties = obj.Properties;
        JsonProperty[]? changed = null;
        for (int i = 0; i < properties.Length; i++)
        {
            JsonProperty property = properties[i];
            JsonNode value = property.Value;
            JsonNode upgraded = value;
            string name = property.Name;
            if (name == "$ref")
            {
                upgraded = Reference(value);
            }
            else if (SchemaDialect.DataKeywords.Contains(name) || name.StartsWith("x-", StringComparison.Ordinal))
            {
                // data, kept as written
            }
            else if (SchemaDialect.SchemaKeywords.Contains(name))
            {
                upgraded = value is JsonArray tuple ? Items(tuple, depth) : Schema(value, depth + 1); // draft 4's items may be an array
            }
            else if (SchemaDialect.SchemaArrayKeywords.Contains(name) && value is JsonArray array)
            {
                upgraded = Items(array, depth);
            }
            else if (SchemaDialect.SchemaMapKeywords.Contains(name) && value is JsonObject map)
            {
                upgraded = Members(map, depth);
            }
            else if (name == "discriminator" && value is JsonObject discriminator && discriminator.Get("mapping") is JsonObject mapping)
            {
                upgraded = Replace(discriminator, "mapping", MapReferences(mapping));
            }

            if (!ReferenceEquals(upgraded, value))
            {
                changed ??= (JsonProperty[])properties.Clone();
                changed[i] = new JsonProperty(name, property.NameStart, property.NameEnd, upgraded);
            }
        }

        JsonObject result = changed is null ? obj : new JsonObject(obj.Start, obj.End, changed);
        result = ApplyDialect(ApplyDraft(result));
        if (resource)
        {
            _resources.RemoveAt(_resources.Count - 1);
        }

        return result;
    }

    /// <summary>Each member of an object of schemas, upgraded.</summary>
    public JsonNode Members(JsonObject map, int depth = 0)
    {
        JsonProperty[]? changed = null;
        for (int i = 0; i < map.Properties.Length; i++)
        {
            JsonProperty member = map.Properties[i];
            JsonNode upgraded = Schema(member.Value, depth + 1);
            if (!ReferenceEquals(upgraded, member.Value))
            {
                changed ??= (JsonProperty[])map.Properties.Clone();
                changed[i] = new JsonProperty(member.Name, member.NameStart, member.NameEnd, upgraded);
            }
        }

        return changed is null ? map : new JsonObject(map.Start, map.End, changed);
    }

    /// <summary>Reports each habit of an older dialect once, at its first place, with how often it occurs.</summary>
    public void ReportHabits()
    {
        foreach (KeyValuePair<string, (int Start, int End, int Count)> habit in _habits)
        {
            string expected = habit.Key switch
            {
                "nullable" => "\"null\" among the types (\"type\": [\"string\", \"null\"]) or an {\"type\": \"null\"} alternative",
                _ => "a number (\"" + habit.Key + "\": 0 instead of \"minimum\": 0 and \"" + habit.Key + "\": true)",
            };
            string more = habit.Value.Count > 1 ? " (and " + (habit.Value.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more in this document)" : string.Empty;
            _report(DiagnosticDescriptors.OlderDialectHabit, habit.Value.Start, habit.Value.End, habit.Key, more, _dialect.Name, expected);
        }

        if (_ignoredBesideReference.Count > 0)
        {
            string more = _ignoredBesideReference.Count > 1 ? " (and " + (_ignoredBesideReference.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more in this document)" : string.Empty;
            _report(DiagnosticDescriptors.IgnoredBesideReference, _ignoredBesideReference.Start, _ignoredBesideReference.End, more, _dialect.Name);
        }
    }

    private JsonNode Items(JsonArray array, int depth) => array.Map(item => Schema(item, depth + 1));

    private JsonObject MapReferences(JsonObject mapping)
    {
        JsonProperty[]? changed = null;
        for (int i = 0; i < mapping.Properties.Length; i++)
        {
            JsonProperty member = mapping.Properties[i];
            JsonNode moved = Reference(member.Value);
            if (!ReferenceEquals(moved, member.Value))
            {
                changed ??= (JsonProperty[])mapping.Properties.Clone();
                changed[i] = new JsonProperty(member.Name, member.NameStart, member.NameEnd, moved);
            }
        }

        return changed is null ? mapping : new JsonObject(mapping.Start, mapping.End, changed);
    }

    /// <summary>The name every <c>$recursiveAnchor: true</c> gets as a <c>$dynamicAnchor</c>.</summary>
    private const string RecursiveAnchorName = "recursiveAnchor";

    /// <summary>
    /// The keywords of a JSON Schema draft that have another shape in 2020-12 (identifiers, references, tuples,
    /// dependencies, recursive references), each rewritten into that shape. The same node when none is there.
    /// </summary>
    private JsonObject ApplyDraft(JsonObject schema)
    {
        bool any = false;
        foreach (JsonProperty property in schema.Properties)
        {
            if (_dialect.Keywords.TryGetValue(property.Name, out KeywordMeaning meaning) && meaning >= KeywordMeaning.IdentifierWithAnchor)
            {
                any = true;
                break;
            }
        }

        if (!any)
        {
            return schema;
        }

        var properties = new List<JsonProperty>(schema.Properties.Length + 1);
        if (schema.Find("$ref") is JsonProperty reference
            && _dialect.Keywords.TryGetValue("$ref", out KeywordMeaning referenceMeaning) && referenceMeaning == KeywordMeaning.ReferenceAlone)
        {
            // Only the reference counts; definitions stay, as the targets of pointers, and annotations stay too.
            int ignored = 0;
            foreach (JsonProperty property in schema.Properties)
            {
                if (property.Name is "$ref" or "definitions" or "$defs" or "$comment" || Annotations.Contains(property.Name) || property.Name.StartsWith("x-", StringComparison.Ordinal))
                {
                    properties.Add(property);
                }
                else if (property.Name != "$schema")
                {
                    ignored++;
                }
            }

            if (ignored > 0)
            {
                _ignoredBesideReference = _ignoredBesideReference.Count == 0
                    ? (reference.NameStart, reference.NameEnd, 1)
                    : (_ignoredBesideReference.Start, _ignoredBesideReference.End, _ignoredBesideReference.Count + 1);
            }

            return new JsonObject(schema.Start, schema.End, properties.ToArray());
        }

        bool tuple = schema.Get("items") is JsonArray;
        foreach (JsonProperty property in schema.Properties)
        {
            KeywordMeaning meaning = _dialect.Keywords.TryGetValue(property.Name, out KeywordMeaning found) ? found : KeywordMeaning.Same;
            JsonNode value = property.Value;
            switch (meaning)
            {
                case KeywordMeaning.DialectUri when value is JsonString uri && IsDialectUri(uri.Value):
                    properties.Add(new JsonProperty(property.Name, property.NameStart, property.NameEnd, new JsonString(uri.Start, uri.End, "https://json-schema.org/draft/2020-12/schema")));
                    break;
                case KeywordMeaning.IdentifierWithAnchor when value is JsonString id:
                    int hash = id.Value.IndexOf('#');
                    string uriPart = hash < 0 ? id.Value : id.Value.Substring(0, hash);
                    string anchor = hash < 0 ? string.Empty : id.Value.Substring(hash + 1);
                    if (uriPart.Length > 0)
                    {
                        properties.Add(new JsonProperty("$id", property.NameStart, property.NameEnd, new JsonString(id.Start, id.End, uriPart)));
                    }

                    if (anchor.Length > 0)
                    {
                        properties.Add(new JsonProperty("$anchor", property.NameStart, property.NameEnd, new JsonString(id.Start, id.End, anchor)));
                    }

                    break;
                case KeywordMeaning.TupleItems when property.Name == "items" && value is JsonArray:
                    properties.Add(new JsonProperty("prefixItems", property.NameStart, property.NameEnd, value));
                    break;
                case KeywordMeaning.TupleItems when property.Name == "additionalItems":
                    if (tuple)
                    {
                        properties.Add(new JsonProperty("items", property.NameStart, property.NameEnd, value)); // else it means nothing
                    }

                    break;
                case KeywordMeaning.Dependencies when value is JsonObject dependencies:
                    var names = new List<JsonProperty>();
                    var schemas = new List<JsonProperty>();
                    foreach (JsonProperty dependency in dependencies.Properties)
                    {
                        (dependency.Value is JsonArray ? names : schemas).Add(dependency);
                    }

                    if (names.Count > 0)
                    {
                        properties.Add(new JsonProperty("dependentRequired", property.NameStart, property.NameEnd, new JsonObject(value.Start, value.End, names.ToArray())));
                    }

                    if (schemas.Count > 0)
                    {
                        properties.Add(new JsonProperty("dependentSchemas", property.NameStart, property.NameEnd, new JsonObject(value.Start, value.End, schemas.ToArray())));
                    }

                    break;
                case KeywordMeaning.RecursiveAnchor:
                    if (value is JsonBoolean { Value: true })
                    {
                        properties.Add(new JsonProperty("$dynamicAnchor", property.NameStart, property.NameEnd, new JsonString(value.Start, value.End, RecursiveAnchorName)));
                    }

                    break;
                case KeywordMeaning.RecursiveReference when value is JsonString target:
                    // "#" (the only value 2019-09 gives a meaning) is dynamic only when its resource is a recursive anchor.
                    bool dynamic = target.Value == "#" && _resources.Count > 0 && _resources[_resources.Count - 1];
                    // (a $dynamicRef whose target is no dynamic anchor is a $ref, and does not clash with a $ref beside it)
                    properties.Add(new JsonProperty("$dynamicRef", property.NameStart, property.NameEnd, dynamic ? new JsonString(target.Start, target.End, "#" + RecursiveAnchorName) : target));
                    break;
                default:
                    properties.Add(property);
                    break;
            }
        }

        return new JsonObject(schema.Start, schema.End, properties.ToArray());
    }

    private bool IsDialectUri(string uri)
    {
        string bare = uri.TrimEnd('#');
        foreach (string known in _dialect.Uris)
        {
            if (bare == known)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The keywords of the dialect that differ from 2020-12, each rewritten into what it means there.</summary>
    private JsonObject ApplyDialect(JsonObject schema)
    {
        JsonProperty? nullable = null;
        bool any = false;
        foreach (JsonProperty property in schema.Properties)
        {
            if (_dialect.Keywords.TryGetValue(property.Name, out KeywordMeaning meaning))
            {
                switch (meaning)
                {
                    case KeywordMeaning.NullableFlag:
                        nullable = property;
                        any = true;
                        break;
                    case KeywordMeaning.BooleanExclusiveBound:
                        any |= property.Value is JsonBoolean;
                        break;
                    case KeywordMeaning.FileType:
                        any |= property.Value is JsonString { Value: "file" };
                        break;
                    case KeywordMeaning.DiscriminatorName:
                        any |= property.Value is JsonString;
                        break;
                }
            }
        }

        if (!any)
        {
            return schema;
        }

        var properties = new List<JsonProperty>(schema.Properties);
        foreach (JsonProperty property in schema.Properties)
        {
            if (!_dialect.Keywords.TryGetValue(property.Name, out KeywordMeaning meaning))
            {
                continue;
            }

            if (meaning == KeywordMeaning.BooleanExclusiveBound && property.Value is JsonBoolean exclusive)
            {
                Habit(property);
                string bound = property.Name == "exclusiveMinimum" ? "minimum" : "maximum";
                int boundIndex = properties.FindIndex(p => p.Name == bound);
                properties.RemoveAll(p => p.NameStart == property.NameStart && p.Name == property.Name);
                if (exclusive.Value && boundIndex >= 0 && properties.Find(p => p.Name == bound).Value is JsonNumber limit)
                {
                    // minimum: 5 + exclusiveMinimum: true → exclusiveMinimum: 5, at the place of the boolean.
                    properties.RemoveAll(p => p.Name == bound);
                    properties.Add(new JsonProperty(property.Name, property.NameStart, property.NameEnd, new JsonNumber(exclusive.Start, exclusive.End, limit.Raw)));
                }
            }
            else if (meaning == KeywordMeaning.DiscriminatorName && property.Value is JsonString discriminatorName)
            {
                int index = properties.FindIndex(p => p.Name == property.Name);
                var discriminator = new JsonObject(discriminatorName.Start, discriminatorName.End, new[]
                {
                    new JsonProperty("propertyName", property.NameStart, property.NameEnd, discriminatorName),
                });
                properties[index] = new JsonProperty(property.Name, property.NameStart, property.NameEnd, discriminator);
            }
            else if (meaning == KeywordMeaning.FileType && property.Value is JsonString { Value: "file" } file)
            {
                int index = properties.FindIndex(p => p.Name == "type");
                properties[index] = new JsonProperty("type", property.NameStart, property.NameEnd, new JsonString(file.Start, file.End, "string"));
                if (schema.Get("format") is null)
                {
                    properties.Add(new JsonProperty("format", property.NameStart, property.NameEnd, new JsonString(file.Start, file.End, "binary")));
                }
            }
        }

        if (nullable is JsonProperty flag)
        {
            Habit(flag);
            properties.RemoveAll(p => p.Name == flag.Name);
            if (flag.Value is JsonBoolean { Value: true })
            {
                return MakeNullable(schema, properties, flag);
            }
        }

        return new JsonObject(schema.Start, schema.End, properties.ToArray());
    }

    private static JsonObject MakeNullable(JsonObject schema, List<JsonProperty> properties, JsonProperty flag)
    {
        JsonNode at = flag.Value;
        var nullString = new JsonString(at.Start, at.End, "null");
        bool composed = schema.Get("$ref") is not null || schema.Get("allOf") is not null
            || (schema.Get("oneOf") is not null && schema.Get("discriminator") is not null);
        string? choice = composed ? null : schema.Get("anyOf") is JsonArray ? "anyOf" : schema.Get("oneOf") is JsonArray ? "oneOf" : null;
        if (!composed && choice is null && schema.Get("type") is null)
        {
            return new JsonObject(schema.Start, schema.End, properties.ToArray()); // no type: null is allowed already
        }

        if (composed)
        {
            // anyOf: [the schema without its annotations, {"type": "null"}], the annotations beside it.
            var outer = new List<JsonProperty>();
            var inner = new List<JsonProperty>();
            foreach (JsonProperty property in properties)
            {
                (Annotations.Contains(property.Name) || property.Name.StartsWith("x-", StringComparison.Ordinal) ? outer : inner).Add(property);
            }

            var alternatives = new JsonArray(schema.Start, schema.End, new JsonNode[]
            {
                new JsonObject(schema.Start, schema.End, inner.ToArray()),
                NullSchema(flag),
            });
            outer.Add(new JsonProperty("anyOf", flag.NameStart, flag.NameEnd, alternatives));
            return new JsonObject(schema.Start, schema.End, outer.ToArray());
        }

        for (int i = 0; i < properties.Count; i++)
        {
            JsonProperty property = properties[i];
            JsonNode? replaced = property.Name switch
            {
                "type" => property.Value switch
                {
                    JsonString { Value: "null" } => null,
                    JsonString single => new JsonArray(single.Start, single.End, new JsonNode[] { single, nullString }),
                    JsonArray many when !Contains(many, "null") => Append(many, nullString),
                    _ => null,
                },
                "enum" when property.Value is JsonArray values && !Contains(values, null) => Append(values, new JsonNull(at.Start, at.End)),
                _ when property.Name == choice && property.Value is JsonArray alternatives => Append(alternatives, NullSchema(flag)),
                _ => null,
            };
            if (replaced is not null)
            {
                properties[i] = new JsonProperty(property.Name, property.NameStart, property.NameEnd, replaced);
            }
        }

        return new JsonObject(schema.Start, schema.End, properties.ToArray());
    }

    private static JsonObject NullSchema(JsonProperty flag) =>
        new(flag.Value.Start, flag.Value.End, new[]
        {
            new JsonProperty("type", flag.NameStart, flag.NameEnd, new JsonString(flag.Value.Start, flag.Value.End, "null")),
        });

    /// <summary>Whether the array holds the string <paramref name="text"/> (JSON null when it is null).</summary>
    private static bool Contains(JsonArray array, string? text)
    {
        foreach (JsonNode item in array.Items)
        {
            if (text is null ? item is JsonNull : item is JsonString s && s.Value == text)
            {
                return true;
            }
        }

        return false;
    }

    private static JsonArray Append(JsonArray array, JsonNode item)
    {
        var items = new JsonNode[array.Items.Length + 1];
        array.Items.CopyTo(items, 0);
        items[array.Items.Length] = item;
        return new JsonArray(array.Start, array.End, items);
    }

    private void Habit(JsonProperty keyword)
    {
        if (!_dialect.HabitsAreWarnings)
        {
            return;
        }

        _habits[keyword.Name] = _habits.TryGetValue(keyword.Name, out (int Start, int End, int Count) first)
            ? (first.Start, first.End, first.Count + 1)
            : (keyword.NameStart, keyword.NameEnd, 1);
    }

    private static JsonObject Replace(JsonObject obj, string name, JsonNode value)
    {
        if (ReferenceEquals(obj.Get(name), value))
        {
            return obj;
        }

        var properties = (JsonProperty[])obj.Properties.Clone();
        for (int i = 0; i < properties.Length; i++)
        {
            if (properties[i].Name == name)
            {
                properties[i] = new JsonProperty(name, properties[i].NameStart, properties[i].NameEnd, value);
            }
        }

        return new JsonObject(obj.Start, obj.End, properties);
    }
}
