using System.Globalization;
using System.Text;
using SchemaBind.Generator.Text;

namespace SchemaBind.Generator.Reading;

/// <summary>
/// Writes a <see cref="JsonNode"/> tree as minified JSON, for documents whose tree is not a copy of JSON text:
/// one read from YAML, or one rewritten from an older dialect. (A JSON document's own text is minified by
/// <see cref="JsonTextParser"/> as it reads it.) Iterative, so the depth of the tree does not grow the stack.
/// </summary>
internal static class JsonTreeWriter
{
    /// <summary>Writes <paramref name="root"/> into <paramref name="minified"/> and completes it.</summary>
    /// <remarks>Written straight into the builder's chunks: through a string builder flushed every chunk, an 11 MB
    /// description's tree cost 3 MB of strings and as much of the string builder's own chunks.</remarks>
    public static void Write(JsonNode root, MinifiedJson minified, CancellationToken cancellationToken)
    {
        // Each frame is a container being written and the index of its next child.
        var stack = new System.Collections.Generic.Stack<(JsonNode Container, int Next)>();
        JsonNode? current = root;
        while (true)
        {
            if (current is not null)
            {
                switch (current)
                {
                    case JsonObject obj:
                        minified.Append('{');
                        stack.Push((obj, 0));
                        break;
                    case JsonArray array:
                        minified.Append('[');
                        stack.Push((array, 0));
                        break;
                    case JsonString s:
                        WriteString(minified, s.Value);
                        break;
                    case JsonNumber n:
                        minified.Append(n.Raw);
                        break;
                    case JsonBoolean b:
                        minified.Append(b.Value ? "true" : "false");
                        break;
                    default:
                        minified.Append("null");
                        break;
                }

                current = null;
            }

            if (stack.Count == 0)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            (JsonNode container, int next) = stack.Pop();
            if (container is JsonObject o)
            {
                if (next == o.Properties.Length)
                {
                    minified.Append('}');
                    continue;
                }

                if (next > 0)
                {
                    minified.Append(',');
                }

                WriteString(minified, o.Properties[next].Name);
                minified.Append(':');
                current = o.Properties[next].Value;
            }
            else
            {
                var a = (JsonArray)container;
                if (next == a.Items.Length)
                {
                    minified.Append(']');
                    continue;
                }

                if (next > 0)
                {
                    minified.Append(',');
                }

                current = a.Items[next];
            }

            stack.Push((container, next + 1));
        }

        minified.Complete();
    }

    /// <summary>A JSON string literal as <see cref="WriteString(StringBuilder, string)"/> writes it; the runs between escapes copied whole.</summary>
    private static void WriteString(TextBuilder text, string value)
    {
        text.Append('"');
        int run = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c >= ' ' && c != '"' && c != '\\')
            {
                continue;
            }

            text.Append(value, run, i - run);
            text.Append(EscapeOf(c)!);
            run = i + 1;
        }

        text.Append(value, run, value.Length - run);
        text.Append('"');
    }

    /// <summary>A JSON string literal: quotes, backslashes and control chars escaped, everything else as it is.</summary>
    internal static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            if (EscapeOf(c) is { } escape)
            {
                text.Append(escape);
            }
            else
            {
                text.Append(c);
            }
        }

        text.Append('"');
    }

    /// <summary>What a JSON string holds for <paramref name="c"/>: its escape, or null when the character stands as it is.</summary>
    private static string? EscapeOf(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
        _ => null,
    };
}
