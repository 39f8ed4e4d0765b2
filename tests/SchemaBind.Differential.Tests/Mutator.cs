using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchemaBind.Differential.Tests;

/// <summary>
/// Mutates an instance at a random location: the location's subschema (found by following the path
/// through properties, patternProperties, additionalProperties, prefixItems, items and local
/// <c>$ref</c>s, and into the first branch of allOf/anyOf/oneOf) tells which edits are likely to
/// matter — drop a required member, break a bound, leave the enum or const, break a pattern — and
/// generic edits (change the type, add an unknown member, duplicate an item, turn an integer into
/// 1.0, 1.5, 1e308 or a 40-digit integer) apply anywhere. Each mutation has a name, printed with a disagreement.
/// </summary>
internal sealed class Mutator(JsonElement document, Random random)
{
    /// <summary>Returns a mutated copy of <paramref name="instance"/> and what was done, as "mutation at /pointer".</summary>
    public (JsonNode? Instance, string Description) Mutate(JsonNode? instance, string schemaPointer)
    {
        JsonNode? copy = instance?.DeepClone();
        var locations = new List<(string Pointer, JsonNode? Node, JsonNode? Parent, string? Member, int Index)>();
        Collect(copy, string.Empty, null, null, -1, locations);
        var (pointer, node, parent, member, index) = locations[random.Next(locations.Count)];
        JsonElement? schema = SchemaPointer.TryResolve(document, schemaPointer, out JsonElement root) ? SubschemaAt(root, pointer) : null;

        var candidates = new List<(string Name, Func<JsonNode?> Replacement)>();
        AddSchemaMutations(schema, node, candidates);
        AddGenericMutations(node, candidates);
        var (name, replacement) = candidates[random.Next(candidates.Count)];
        JsonNode? value = replacement();
        if (parent is null)
        {
            copy = value;
        }
        else if (member is not null)
        {
            ((JsonObject)parent)[member] = value;
        }
        else
        {
            ((JsonArray)parent)[index] = value;
        }

        return (copy, name + " at '" + pointer + "'");
    }

    private static void Collect(JsonNode? node, string pointer, JsonNode? parent, string? member, int index, List<(string, JsonNode?, JsonNode?, string?, int)> into)
    {
        into.Add((pointer, node, parent, member, index));
        if (node is JsonObject obj)
        {
            foreach ((string name, JsonNode? child) in obj.ToArray())
            {
                Collect(child, pointer + "/" + SchemaPointer.Escape(name), obj, name, -1, into);
            }
        }
        else if (node is JsonArray array)
        {
            for (int i = 0; i < array.Count; i++)
            {
                Collect(array[i], pointer + "/" + i, array, null, i, into);
            }
        }
    }

    /// <summary>Best effort: the subschema an instance location is most likely checked against.</summary>
    private JsonElement? SubschemaAt(JsonElement schema, string pointer)
    {
        JsonElement current = Follow(schema);
        foreach (string raw in pointer.Length == 0 ? [] : pointer[1..].Split('/'))
        {
            string token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            JsonElement? next = null;
            if (current.TryGetProperty("properties", out JsonElement properties) && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty(token, out JsonElement property))
            {
                next = property;
            }
            else if (int.TryParse(token, out int index))
            {
                if (current.TryGetProperty("prefixItems", out JsonElement prefix) && prefix.ValueKind == JsonValueKind.Array && index < prefix.GetArrayLength())
                {
                    next = prefix[index];
                }
                else if (current.TryGetProperty("items", out JsonElement items))
                {
                    next = items;
                }
            }
            else if (current.TryGetProperty("additionalProperties", out JsonElement additional))
            {
                next = additional;
            }

            if (next is null)
            {
                return null;
            }

            current = Follow(next.Value);
        }

        return current;
    }

    /// <summary>Follows local $refs and the first branch of a combinator, a few steps at most.</summary>
    private JsonElement Follow(JsonElement schema)
    {
        for (int step = 0; step < 8 && schema.ValueKind == JsonValueKind.Object; step++)
        {
            if (schema.TryGetProperty("$ref", out JsonElement reference) && reference.ValueKind == JsonValueKind.String
                && reference.GetString() is { } text && text.StartsWith('#')
                && SchemaPointer.TryResolve(document, Uri.UnescapeDataString(text[1..]), out JsonElement target))
            {
                schema = target;
                continue;
            }

            if (!schema.TryGetProperty("properties", out _) && !schema.TryGetProperty("type", out _))
            {
                foreach (string combinator in (string[])["allOf", "oneOf", "anyOf"])
                {
                    if (schema.TryGetProperty(combinator, out JsonElement branches) && branches.ValueKind == JsonValueKind.Array && branches.GetArrayLength() > 0)
                    {
                        schema = branches[random.Next(branches.GetArrayLength())];
                        goto next;
                    }
                }
            }

            break;
        next:;
        }

        return schema;
    }

    private void AddSchemaMutations(JsonElement? maybeSchema, JsonNode? node, List<(string, Func<JsonNode?>)> into)
    {
        if (maybeSchema is not { ValueKind: JsonValueKind.Object } schema)
        {
            return;
        }

        if (node is JsonObject obj)
        {
            if (schema.TryGetProperty("required", out JsonElement required) && required.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement name in required.EnumerateArray())
                {
                    string member = name.GetString() ?? string.Empty;
                    if (obj.ContainsKey(member))
                    {
                        into.Add(("drop required '" + member + "'", () => Without(obj, member)));
                    }
                }
            }

            if (schema.TryGetProperty("properties", out JsonElement properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty property in properties.EnumerateObject())
                {
                    if (!obj.ContainsKey(property.Name))
                    {
                        string member = property.Name;
                        into.Add(("add declared '" + member + "'", () => With(obj, member, new InstanceGenerator(document, random).RandomValue(2))));
                    }
                }
            }

            if (Bound(schema, "minProperties") is { } minProperties && obj.Count > 0)
            {
                into.Add(("below minProperties " + minProperties, () => new JsonObject()));
            }
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
        {
            double number = double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
            foreach (string keyword in (string[])["minimum", "exclusiveMinimum"])
            {
                if (Bound(schema, keyword) is { } low)
                {
                    into.Add((keyword + " edge", () => Number(low)));
                    into.Add(("below " + keyword, () => Number(low - 1)));
                    into.Add(("just below " + keyword, () => JsonValue.Create(low - 0.5)));
                }
            }

            foreach (string keyword in (string[])["maximum", "exclusiveMaximum"])
            {
                if (Bound(schema, keyword) is { } high)
                {
                    into.Add((keyword + " edge", () => Number(high)));
                    into.Add(("above " + keyword, () => Number(high + 1)));
                }
            }

            if (Bound(schema, "multipleOf") is { } unit)
            {
                into.Add(("off multipleOf", () => JsonValue.Create(number + (unit / 2))));
            }
        }

        if (node is JsonValue text && text.GetValueKind() == JsonValueKind.String)
        {
            string s = text.GetValue<string>();
            if (Bound(schema, "minLength") is { } minLength)
            {
                into.Add(("below minLength", () => JsonValue.Create(s[..Math.Max(0, Math.Min(s.Length, (int)minLength - 1))])));
                into.Add(("minLength in astral code points", () => JsonValue.Create(string.Concat(Enumerable.Repeat("\U0001F600", (int)Math.Max(1, minLength))))));
            }

            if (Bound(schema, "maxLength") is { } maxLength)
            {
                into.Add(("above maxLength", () => JsonValue.Create(new string('m', (int)maxLength + 1))));
                into.Add(("maxLength in astral code points", () => JsonValue.Create(string.Concat(Enumerable.Repeat("\U0001F600", (int)maxLength)))));
            }

            if (schema.TryGetProperty("pattern", out _))
            {
                foreach (string candidate in (string[])["", " ", "a b", "ABC", "-1", "%%"])
                {
                    into.Add(("pattern probe '" + candidate + "'", () => JsonValue.Create(candidate)));
                }
            }

            if (schema.TryGetProperty("format", out _))
            {
                into.Add(("format probe", () => JsonValue.Create("not a " + s)));
            }
        }

        if (node is JsonArray array)
        {
            if (Bound(schema, "minItems") is { } minItems)
            {
                into.Add(("below minItems", () => new JsonArray(array.Take(Math.Max(0, (int)minItems - 1)).Select(static n => n?.DeepClone()).ToArray())));
            }

            if (Bound(schema, "maxItems") is { } maxItems && array.Count > 0)
            {
                into.Add(("above maxItems", () => new JsonArray(Enumerable.Range(0, (int)maxItems + 1).Select(i => array[i % array.Count]?.DeepClone()).ToArray())));
            }
        }

        if (schema.TryGetProperty("enum", out JsonElement values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement option in values.EnumerateArray())
            {
                into.Add(("near enum value", () => Near(option)));
            }
        }

        if (schema.TryGetProperty("const", out JsonElement constant))
        {
            into.Add(("near const", () => Near(constant)));
        }
    }

    private void AddGenericMutations(JsonNode? node, List<(string, Func<JsonNode?>)> into)
    {
        into.Add(("null", () => null));
        into.Add(("other type", () => OtherType(node)));
        switch (node)
        {
            case JsonObject obj:
                into.Add(("add unknown member", () => With(obj, "unknown_" + random.Next(100), JsonValue.Create(1))));
                if (obj.Count > 0)
                {
                    string member = obj.ElementAt(random.Next(obj.Count)).Key;
                    into.Add(("drop '" + member + "'", () => Without(obj, member)));
                }

                break;
            case JsonArray array:
                into.Add(("empty array", () => new JsonArray()));
                if (array.Count > 0)
                {
                    into.Add(("duplicate an item", () => new JsonArray(array.Append(array[0]).Select(static n => n?.DeepClone()).ToArray())));
                    into.Add(("drop an item", () => new JsonArray(array.Skip(1).Select(static n => n?.DeepClone()).ToArray())));
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                double number = double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                into.Add(("as x.0", () => JsonNode.Parse(Math.Floor(number).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + ".0")));
                into.Add(("plus a half", () => JsonValue.Create(number + 0.5)));
                into.Add(("negated", () => JsonValue.Create(-number - 1)));
                into.Add(("as exponent", () => JsonNode.Parse("1e2")));
                into.Add(("huge", () => JsonNode.Parse("1e308")));
                into.Add(("40-digit integer", () => JsonNode.Parse("1" + new string('0', 39))));
                into.Add(("tiny", () => JsonNode.Parse("1e-400")));
                into.Add(("negative zero", () => JsonNode.Parse("-0.0")));
                into.Add(("as string", () => JsonValue.Create(number.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                string s = value.GetValue<string>();
                into.Add(("empty string", () => JsonValue.Create(string.Empty)));
                into.Add(("longer string", () => JsonValue.Create(s + s + "x")));
                into.Add(("changed case", () => JsonValue.Create(s.ToUpperInvariant() == s ? s.ToLowerInvariant() : s.ToUpperInvariant())));
                into.Add(("astral and combining characters", () => JsonValue.Create(s + "\U0001F4A9e\u0301")));
                break;
            case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                into.Add(("flipped", () => JsonValue.Create(value.GetValueKind() == JsonValueKind.False)));
                break;
        }
    }

    private JsonNode? OtherType(JsonNode? node)
    {
        JsonValueKind kind = node?.GetValueKind() ?? JsonValueKind.Null;
        JsonNode?[] options = [null, JsonValue.Create(true), JsonValue.Create(7), JsonValue.Create(2.5), JsonValue.Create("7"), new JsonArray(), new JsonObject()];
        JsonNode?[] different = options.Where(o => (o?.GetValueKind() ?? JsonValueKind.Null) != kind).ToArray();
        return different[random.Next(different.Length)];
    }

    private static JsonNode? Near(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonValue.Create(value.GetString() + "x"),
        JsonValueKind.Number => JsonValue.Create(value.GetDouble() + 1),
        JsonValueKind.True => JsonValue.Create(false),
        JsonValueKind.False => JsonValue.Create(true),
        JsonValueKind.Null => JsonValue.Create(0),
        _ => JsonNode.Parse(value.GetRawText()) switch
        {
            JsonArray array => new JsonArray(array.Append(JsonValue.Create(0)).Select(static n => n?.DeepClone()).ToArray()),
            JsonObject obj => With(obj, "x", JsonValue.Create(0)),
            var other => other,
        },
    };

    private static JsonNode Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15 ? JsonValue.Create((long)value) : JsonValue.Create(value);

    private static double? Bound(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static JsonObject Without(JsonObject obj, string member)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove(member);
        return copy;
    }

    private static JsonObject With(JsonObject obj, string member, JsonNode? value)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy[member] = value;
        return copy;
    }
}
