using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SchemaBind.Benchmarks.Generator;

/// <summary>
/// A JSON document written as YAML the way people write it: block mappings and sequences, plain scalars where
/// YAML reads them back as the same string, double quotes elsewhere. The YAML benchmarks measure the Buddy document
/// in this form against its JSON form (the generated files are the same; `check` runs both).
/// </summary>
public static class YamlForm
{
    public static string Of(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var text = new StringBuilder(json.Length);
        WriteBlock(text, document.RootElement, 0);
        return text.ToString();
    }

    private static void WriteBlock(StringBuilder text, JsonElement value, int indent)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when value.EnumerateObject().Any():
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    text.Append(' ', indent).Append(Scalar(property.Name)).Append(':');
                    WriteValue(text, property.Value, indent + 2);
                }

                break;
            case JsonValueKind.Array when value.GetArrayLength() > 0:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    text.Append(' ', indent).Append('-');
                    if (item.ValueKind == JsonValueKind.Object && item.EnumerateObject().Any())
                    {
                        // "- name: x" with the other members under it.
                        var nested = new StringBuilder();
                        WriteBlock(nested, item, indent + 2);
                        text.Append(' ').Append(nested.ToString(indent + 2, nested.Length - indent - 2));
                    }
                    else
                    {
                        WriteValue(text, item, indent + 2);
                    }
                }

                break;
            default:
                text.Append(Flow(value)).Append('\n');
                break;
        }
    }

    private static void WriteValue(StringBuilder text, JsonElement value, int indent)
    {
        bool nested = value.ValueKind switch
        {
            JsonValueKind.Object => value.EnumerateObject().Any(),
            JsonValueKind.Array => value.GetArrayLength() > 0,
            _ => false,
        };
        if (nested)
        {
            text.Append('\n');
            WriteBlock(text, value, indent);
        }
        else
        {
            text.Append(' ').Append(Flow(value)).Append('\n');
        }
    }

    private static string Flow(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{}",
        JsonValueKind.Array => "[]",
        JsonValueKind.String => Scalar(value.GetString()!),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    /// <summary>A string as a plain scalar when YAML 1.2 reads that back as the same string, else double-quoted.</summary>
    private static string Scalar(string value) => IsPlainSafe(value) ? value : JsonSerializer.Serialize(value);

    private static bool IsPlainSafe(string value)
    {
        if (value.Length == 0 || value[0] is ' ' || value[^1] is ' ' || "-?:,[]{}#&*!|>'\"%@`.+~".Contains(value[0], StringComparison.Ordinal))
        {
            return false;
        }

        if (value is "null" or "Null" or "NULL" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE"
            || char.IsDigit(value[0]) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        foreach (char c in value)
        {
            if (c < ' ' || c > '~' || c is '#' or '\\')
            {
                return false;
            }
        }

        return !value.Contains(": ", StringComparison.Ordinal) && !value.EndsWith(':') && !value.StartsWith("0x", StringComparison.Ordinal) && !value.StartsWith("0o", StringComparison.Ordinal);
    }
}
