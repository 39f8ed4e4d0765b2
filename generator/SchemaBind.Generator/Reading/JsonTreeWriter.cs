using System.Globalization;
using System.Text;
using System.Threading;
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
    public static void Write(JsonNode root, MinifiedJson minified, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();

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
                        text.Append('{');
                        stack.Push((obj, 0));
                        break;
                    case JsonArray array:
                        text.Append('[');
                        stack.Push((array, 0));
                        break;
                    case JsonString s:
                        WriteString(text, s.Value);
                        break;
                    case JsonNumber n:
                        text.Append(n.Raw);
                        break;
                    case JsonBoolean b:
                        text.Append(b.Value ? "true" : "false");
                        break;
                    default:
                        text.Append("null");
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
                    text.Append('}');
                    continue;
                }

                if (next > 0)
                {
                    text.Append(',');
                }

                WriteString(text, o.Properties[next].Name);
                text.Append(':');
                current = o.Properties[next].Value;
            }
            else
            {
                var a = (JsonArray)container;
                if (next == a.Items.Length)
                {
                    text.Append(']');
                    continue;
                }

                if (next > 0)
                {
                    text.Append(',');
                }

                current = a.Items[next];
            }

            stack.Push((container, next + 1));
            FlushLarge(text, minified);
        }

        minified.Append(text.ToString(), 0, text.Length);
        minified.Complete();
    }

    /// <summary>Keeps the builder small on large documents: what is written is moved on to the minified text.</summary>
    private static void FlushLarge(StringBuilder text, MinifiedJson minified)
    {
        if (text.Length >= MinifiedJson.ChunkSize)
        {
            minified.Append(text.ToString(), 0, text.Length);
            text.Clear();
        }
    }

    /// <summary>A JSON string literal: quotes, backslashes and control chars escaped, everything else as it is.</summary>
    internal static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
