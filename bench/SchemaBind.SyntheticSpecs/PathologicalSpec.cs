using System;
using System.Globalization;
using System.Text;

namespace SchemaBind.SyntheticSpecs;

/// <summary>
/// OpenAPI 3.1 documents whose shape is extreme in one direction (long <c>$ref</c> and <c>allOf</c> chains,
/// deep nesting, huge enums and objects), for the generator's benchmarks and its robustness tests: each
/// must generate in time linear in its size and on a small stack. Also linked into the generator's tests.
/// </summary>
public static class PathologicalSpec
{
    /// <summary>The shapes <see cref="Build"/> makes.</summary>
    public static readonly string[] Shapes = { "refchain", "aliaschain", "allofchain", "nested", "items", "enum", "props" };

    /// <summary>
    /// A document of the named shape and size: <c>refchain</c> (schema i has a property that is a $ref to schema i+1),
    /// <c>aliaschain</c> (schema i is only a $ref to schema i+1, the last a string; one object uses schema 0),
    /// <c>allofchain</c> (schema i is allOf [$ref schema i+1, its own property]), <c>nested</c> (an object property
    /// inside an object property, <paramref name="size"/> deep), <c>items</c> (an array of arrays, that deep),
    /// <c>enum</c> (a string enum of that many values), <c>props</c> (one object with that many properties).
    /// </summary>
    public static string Build(string shape, int size)
    {
        var b = new StringBuilder(size * 64 + 256);
        b.Append("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Pathological\",\"version\":\"1\"},\"paths\":{},\"components\":{\"schemas\":{");
        switch (shape)
        {
            case "refchain":
                for (int i = 0; i < size; i++)
                {
                    b.Append(i == 0 ? string.Empty : ",").Append("\"S").Append(I(i)).Append("\":{\"type\":\"object\",\"properties\":{\"next\":")
                        .Append(i + 1 < size ? "{\"$ref\":\"#/components/schemas/S" + I(i + 1) + "\"}" : "{\"type\":\"string\"}").Append("}}");
                }

                break;
            case "aliaschain":
                b.Append("\"Holder\":{\"type\":\"object\",\"properties\":{\"value\":{\"$ref\":\"#/components/schemas/A0\"}}}");
                for (int i = 0; i < size; i++)
                {
                    b.Append(",\"A").Append(I(i)).Append("\":")
                        .Append(i + 1 < size ? "{\"$ref\":\"#/components/schemas/A" + I(i + 1) + "\"}" : "{\"type\":\"string\"}");
                }

                break;
            case "allofchain":
                for (int i = 0; i < size; i++)
                {
                    b.Append(i == 0 ? string.Empty : ",").Append("\"S").Append(I(i)).Append("\":{\"allOf\":[");
                    if (i + 1 < size)
                    {
                        b.Append("{\"$ref\":\"#/components/schemas/S").Append(I(i + 1)).Append("\"},");
                    }

                    b.Append("{\"type\":\"object\",\"properties\":{\"p").Append(I(i)).Append("\":{\"type\":\"string\"}}}]}");
                }

                break;
            case "nested":
                b.Append("\"Root\":");
                for (int i = 0; i < size; i++)
                {
                    b.Append("{\"type\":\"object\",\"properties\":{\"n").Append(I(i)).Append("\":");
                }

                b.Append("{\"type\":\"string\"}");
                b.Append('}', 2 * size);
                break;
            case "items":
                b.Append("\"Root\":{\"type\":\"object\",\"properties\":{\"deep\":");
                for (int i = 0; i < size; i++)
                {
                    b.Append("{\"type\":\"array\",\"items\":");
                }

                b.Append("{\"type\":\"integer\"}");
                b.Append('}', size);
                b.Append("}}");
                break;
            case "enum":
                b.Append("\"E\":{\"type\":\"string\",\"enum\":[");
                for (int i = 0; i < size; i++)
                {
                    b.Append(i == 0 ? "\"v" : ",\"v").Append(I(i)).Append('"');
                }

                b.Append("]}");
                break;
            case "props":
                b.Append("\"Wide\":{\"type\":\"object\",\"properties\":{");
                for (int i = 0; i < size; i++)
                {
                    b.Append(i == 0 ? "\"p" : ",\"p").Append(I(i)).Append("\":{\"type\":\"string\"}");
                }

                b.Append("}}");
                break;
            default:
                throw new ArgumentException("Unknown shape " + shape, nameof(shape));
        }

        return b.Append("}}}").ToString();
    }

    private static string I(int i) => i.ToString(CultureInfo.InvariantCulture);
}
