using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SchemaBind.Runtime;

/// <summary>Turns the body of an error response into messages, and keeps printable text free of secrets.</summary>
internal static class ErrorBody
{
    /// <summary>The most characters of raw text used as a message.</summary>
    public const int MaxMessageLength = 1000;

    /// <summary>The most characters kept in <see cref="ApiException.ResponseBody"/>.</summary>
    public const int MaxResponseBodyLength = 4096;

    /// <summary>The most bytes of an error body that are read.</summary>
    public const int MaxBytesRead = 64 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    /// <summary>
    /// Extracts the messages of an error body: Buddy's <c>{"errors":[{"message":"..."}]}</c>, RFC 9457
    /// problem details (<c>title</c>/<c>detail</c>, and the <c>errors</c> map of validation problems),
    /// <c>{"message":"..."}</c>, OAuth's <c>error</c>/<c>error_description</c>; else the trimmed raw text as one
    /// message. An empty body gives no message.
    /// </summary>
    public static IReadOnlyList<string> ParseMessages(string? text)
    {
        if (text is null)
        {
            return [];
        }

        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return [];
        }

        if (trimmed[0] == '{')
        {
            List<string>? fromJson = TryParseJson(trimmed);
            if (fromJson is { Count: > 0 })
            {
                return fromJson;
            }
        }

        return [Truncate(trimmed, MaxMessageLength, "…")];
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> characters without splitting a surrogate pair.</summary>
    public static string Truncate(string text, int maxLength, string marker = "")
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        int length = maxLength;
        if (char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return string.Concat(text.AsSpan(0, length), marker);
    }

    /// <summary>Replaces every occurrence of <paramref name="secret"/> in <paramref name="text"/> with <c>***</c>.</summary>
    public static string? Redact(string? text, string? secret)
    {
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(secret))
        {
            return text;
        }

        // The server may echo the secret inside a JSON string, escaped: System.Text.Json writes '+'
        // as \u002B and <>& as \u003C..., PHP writes '/' as \/. Every such spelling is replaced.
        string encoded = JsonEncodedText.Encode(secret).ToString();
        foreach (string spelling in new[] { secret, encoded, secret.Replace("/", "\\/", StringComparison.Ordinal), encoded.Replace("/", "\\/", StringComparison.Ordinal) })
        {
            text = text.Replace(spelling, "***", StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Replaces every occurrence of each of <paramref name="secrets"/> in <paramref name="text"/> with <c>***</c>.</summary>
    public static string? Redact(string? text, string[]? secrets)
    {
        if (secrets is not null)
        {
            foreach (string secret in secrets)
            {
                text = Redact(text, secret);
            }
        }

        return text;
    }

    /// <summary>Redacts each of <paramref name="secrets"/> in each message.</summary>
    public static IReadOnlyList<string> Redact(IReadOnlyList<string> messages, string[]? secrets)
    {
        if (secrets is not null)
        {
            foreach (string secret in secrets)
            {
                messages = Redact(messages, secret);
            }
        }

        return messages;
    }

    /// <summary>Redacts <paramref name="secret"/> in each message (parsing may have unescaped it).</summary>
    public static IReadOnlyList<string> Redact(IReadOnlyList<string> messages, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return messages;
        }

        var redacted = new string[messages.Count];
        for (int i = 0; i < messages.Count; i++)
        {
            redacted[i] = messages[i].Replace(secret, "***", StringComparison.Ordinal);
        }

        return redacted;
    }

    private static List<string>? TryParseJson(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json, DocumentOptions);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var messages = new List<string>();

            // Buddy: {"errors":[{"message":"..."}]} (a bare string entry counts too).
            if (root.TryGetProperty("errors", out JsonElement errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement error in errors.EnumerateArray())
                {
                    if (error.ValueKind == JsonValueKind.Object)
                    {
                        Add(messages, GetString(error, "message"));
                    }
                    else
                    {
                        Add(messages, error.ValueKind == JsonValueKind.String ? error.GetString() : null);
                    }
                }

                if (messages.Count > 0)
                {
                    return messages;
                }
            }

            // RFC 9457 problem details.
            string? title = GetString(root, "title");
            string? detail = GetString(root, "detail");
            if (detail is not null)
            {
                Add(messages, title is null ? detail : $"{title}: {detail}");
            }
            else
            {
                Add(messages, title);
            }

            // Validation problem details: "errors": { "field": ["message", ...] }.
            if (errors.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty field in errors.EnumerateObject())
                {
                    string prefix = string.IsNullOrWhiteSpace(field.Name) ? string.Empty : field.Name + ": ";
                    if (field.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (JsonElement item in field.Value.EnumerateArray())
                        {
                            if (item.ValueKind == JsonValueKind.String)
                            {
                                Add(messages, prefix + item.GetString());
                            }
                        }
                    }
                    else if (field.Value.ValueKind == JsonValueKind.String)
                    {
                        Add(messages, prefix + field.Value.GetString());
                    }
                }
            }

            if (messages.Count > 0)
            {
                return messages;
            }

            // {"message":"..."} and OAuth's {"error":"...","error_description":"..."}.
            Add(messages, GetString(root, "message"));
            if (messages.Count == 0)
            {
                string? error = GetString(root, "error");
                string? description = GetString(root, "error_description");
                Add(messages, error is not null && description is not null ? $"{error}: {description}" : error ?? description);
            }

            return messages;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? GetString(JsonElement element, string name)
        => element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static void Add(List<string> messages, string? message)
    {
        if (message is null)
        {
            return;
        }

        message = message.Trim();
        if (message.Length > 0)
        {
            messages.Add(Truncate(message, MaxMessageLength, "…"));
        }
    }
}
