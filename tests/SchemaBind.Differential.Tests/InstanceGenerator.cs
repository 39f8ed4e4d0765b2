using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchemaBind.Differential.Tests;

/// <summary>
/// Makes random JSON instances that follow a schema's shape: the declared type, required and optional
/// members, bounds, enum and const values, array items. "Valid-looking", not valid by construction:
/// patterns, formats, oneOf exclusivity and the like are only approximated, and the validators decide.
/// Local <c>$ref</c>s (JSON Pointers into the same document) are followed; other references end in a
/// random value. Deterministic for a given <see cref="Random"/> seed.
/// </summary>
internal sealed class InstanceGenerator(JsonElement document, Random random)
{
    private const int MaxDepth = 6;

    private static readonly string[] Words = ["a", "build", "node", "x1", "deploy", "main", "Ω", "tab\t", "1", ""];

    /// <summary>Makes one instance of the schema at <paramref name="pointer"/> ("" for the root).</summary>
    public JsonNode? Generate(string pointer) =>
        SchemaPointer.TryResolve(document, pointer, out JsonElement schema) ? Generate(schema, 0) : RandomValue(0);

    private JsonNode? Generate(JsonElement schema, int depth)
    {
        if (schema.ValueKind == JsonValueKind.False)
        {
            return RandomValue(depth);
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return RandomValue(depth);
        }

        if (schema.TryGetProperty("$ref", out JsonElement reference) && reference.ValueKind == JsonValueKind.String
            && depth < MaxDepth && random.Next(8) != 0)
        {
            string text = reference.GetString()!;
            if (text.StartsWith('#') && SchemaPointer.TryResolve(document, Uri.UnescapeDataString(text[1..]), out JsonElement target))
            {
                return Generate(target, depth + 1);
            }
        }

        if (schema.TryGetProperty("const", out JsonElement constant))
        {
            return JsonNode.Parse(constant.GetRawText());
        }

        if (schema.TryGetProperty("enum", out JsonElement values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[random.Next(values.GetArrayLength())].GetRawText());
        }

        foreach (string combinator in (string[])["oneOf", "anyOf"])
        {
            if (schema.TryGetProperty(combinator, out JsonElement branches) && branches.ValueKind == JsonValueKind.Array
                && branches.GetArrayLength() > 0 && depth < MaxDepth)
            {
                JsonNode? branch = Generate(branches[random.Next(branches.GetArrayLength())], depth + 1);
                return Merge(branch, schema, depth);
            }
        }

        if (schema.TryGetProperty("allOf", out JsonElement all) && all.ValueKind == JsonValueKind.Array && all.GetArrayLength() > 0 && depth < MaxDepth)
        {
            JsonNode? first = Generate(all[0], depth + 1);
            return Merge(first, schema, depth);
        }

        return FromType(schema, PickType(schema), depth);
    }

    /// <summary>A branch's object gets the outer schema's own members too (the outer schema usually adds fields).</summary>
    private JsonNode? Merge(JsonNode? branch, JsonElement schema, int depth)
    {
        if (branch is JsonObject target && schema.TryGetProperty("properties", out _))
        {
            if (FromType(schema, "object", depth) is JsonObject own)
            {
                foreach ((string name, JsonNode? value) in own.ToArray())
                {
                    own.Remove(name);
                    if (!target.ContainsKey(name))
                    {
                        target[name] = value;
                    }
                }
            }
        }

        return branch;
    }

    private string PickType(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out JsonElement type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                return type.GetString()!;
            }

            if (type.ValueKind == JsonValueKind.Array && type.GetArrayLength() > 0)
            {
                return type[random.Next(type.GetArrayLength())].GetString() ?? "null";
            }
        }

        if (schema.TryGetProperty("properties", out _) || schema.TryGetProperty("required", out _))
        {
            return "object";
        }

        if (schema.TryGetProperty("items", out _) || schema.TryGetProperty("prefixItems", out _))
        {
            return "array";
        }

        if (schema.TryGetProperty("minLength", out _) || schema.TryGetProperty("maxLength", out _) || schema.TryGetProperty("pattern", out _))
        {
            return "string";
        }

        if (schema.TryGetProperty("minimum", out _) || schema.TryGetProperty("maximum", out _))
        {
            return "number";
        }

        return (string[])["null", "boolean", "integer", "number", "string", "array", "object"] is var all ? all[random.Next(all.Length)] : "null";
    }

    private JsonNode? FromType(JsonElement schema, string type, int depth) => type switch
    {
        "null" => null,
        "boolean" => JsonValue.Create(random.Next(2) == 0),
        "integer" => JsonValue.Create((long)Math.Round(Number(schema, integer: true))),
        "number" => NumberNode(Number(schema, integer: false)),
        "string" => JsonValue.Create(Text(schema)),
        "array" => depth < MaxDepth ? Array(schema, depth) : new JsonArray(),
        "object" => depth < MaxDepth ? Object(schema, depth) : new JsonObject(),
        _ => RandomValue(depth),
    };

    private static JsonNode NumberNode(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15 ? JsonValue.Create((long)value) : JsonValue.Create(value);

    private double Number(JsonElement schema, bool integer)
    {
        double low = Bound(schema, "minimum") ?? (Bound(schema, "exclusiveMinimum") is { } exclusiveLow ? exclusiveLow + 1 : -1000);
        double high = Bound(schema, "maximum") ?? (Bound(schema, "exclusiveMaximum") is { } exclusiveHigh ? exclusiveHigh - 1 : low + 2000);
        if (high < low)
        {
            high = low;
        }

        double value = random.Next(4) switch
        {
            0 => low,
            1 => high,
            _ => low + ((high - low) * random.NextDouble()),
        };
        if (schema.TryGetProperty("multipleOf", out JsonElement step) && step.ValueKind == JsonValueKind.Number && step.GetDouble() > 0)
        {
            double unit = step.GetDouble();
            value = Math.Ceiling(value / unit) * unit;
        }

        return integer ? Math.Round(value) : (random.Next(2) == 0 ? Math.Round(value) : Math.Round(value, 2));
    }

    private static double? Bound(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private string Text(JsonElement schema)
    {
        if (schema.TryGetProperty("format", out JsonElement format) && format.ValueKind == JsonValueKind.String && random.Next(5) != 0)
        {
            string? formatted = format.GetString() switch
            {
                "uri" => "https://example.com/" + Words[random.Next(3)],
                "date-time" => "2024-10-07T12:30:00Z",
                "date" => "2024-10-07",
                "email" => "dev@example.com",
                "uuid" => "6f1c5e2a-7a3b-4c1d-9e8f-0a1b2c3d4e5f",
                "hostname" => "example.com",
                "ipv4" => "192.0.2.1",
                _ => null,
            };
            if (formatted is not null)
            {
                return formatted;
            }
        }

        int min = (int)(Bound(schema, "minLength") ?? 0);
        int max = (int)Math.Min(Bound(schema, "maxLength") ?? (min + 12), min + 40);
        int length = random.Next(min, max + 1);
        var text = new System.Text.StringBuilder();
        while (text.Length < length)
        {
            text.Append(Words[random.Next(Words.Length - 1)]);
        }

        return text.ToString(0, Math.Min(length, text.Length));
    }

    private JsonArray Array(JsonElement schema, int depth)
    {
        var array = new JsonArray();
        int prefix = 0;
        if (schema.TryGetProperty("prefixItems", out JsonElement prefixItems) && prefixItems.ValueKind == JsonValueKind.Array)
        {
            prefix = random.Next(prefixItems.GetArrayLength() + 1);
            for (int i = 0; i < prefix; i++)
            {
                array.Add(Generate(prefixItems[i], depth + 1));
            }
        }

        int min = (int)(Bound(schema, "minItems") ?? 0);
        int max = (int)Math.Min(Bound(schema, "maxItems") ?? (min + 3), min + 4);
        int count = Math.Max(0, random.Next(min, max + 1) - prefix);
        schema.TryGetProperty("items", out JsonElement items);
        for (int i = 0; i < count; i++)
        {
            array.Add(items.ValueKind is JsonValueKind.Object or JsonValueKind.True ? Generate(items, depth + 1) : RandomValue(depth + 1));
        }

        return array;
    }

    private JsonObject Object(JsonElement schema, int depth)
    {
        var result = new JsonObject();
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (schema.TryGetProperty("required", out JsonElement names) && names.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement name in names.EnumerateArray())
            {
                if (name.ValueKind == JsonValueKind.String)
                {
                    required.Add(name.GetString()!);
                }
            }
        }

        if (schema.TryGetProperty("properties", out JsonElement properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in properties.EnumerateObject())
            {
                if (required.Contains(property.Name) || random.Next(2) == 0)
                {
                    result[property.Name] = Generate(property.Value, depth + 1);
                }
            }
        }

        foreach (string name in required)
        {
            if (!result.ContainsKey(name))
            {
                result[name] = RandomValue(depth + 1);
            }
        }

        return result;
    }

    /// <summary>Any JSON value, small.</summary>
    public JsonNode? RandomValue(int depth) => random.Next(depth < MaxDepth ? 8 : 6) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.Next(-5, 100)),
        3 => JsonValue.Create(Math.Round((random.NextDouble() * 200) - 100, 3)),
        4 => JsonValue.Create(Words[random.Next(Words.Length)]),
        5 => JsonValue.Create(random.Next(10).ToString(CultureInfo.InvariantCulture)),
        6 => new JsonArray(RandomValue(depth + 1), RandomValue(depth + 1)),
        _ => new JsonObject { [Words[random.Next(Words.Length)]] = RandomValue(depth + 1) },
    };
}

/// <summary>JSON Pointer resolution over a <see cref="JsonElement"/> (RFC 6901).</summary>
internal static class SchemaPointer
{
    public static bool TryResolve(JsonElement root, string pointer, out JsonElement result)
    {
        result = root;
        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        foreach (string raw in pointer[1..].Split('/'))
        {
            string token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (result.ValueKind == JsonValueKind.Object && result.TryGetProperty(token, out JsonElement child))
            {
                result = child;
            }
            else if (result.ValueKind == JsonValueKind.Array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                && index < result.GetArrayLength())
            {
                result = result[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
