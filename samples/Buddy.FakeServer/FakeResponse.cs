using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Buddy.FakeServer;

/// <summary>A status code plus an optional UTF-8 JSON body, produced by <see cref="FakeBuddyApi"/>.</summary>
internal sealed record FakeResponse(int StatusCode, byte[]? Body, string? Allow = null)
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Keep '>' and non-ASCII text readable, as Buddy does; this is JSON, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A response carrying <paramref name="node"/> as its body.</summary>
    public static FakeResponse Json(int statusCode, JsonNode node) => new(statusCode, Serialize(node));

    /// <summary>A Buddy error body: <c>{"errors":[{"message":"..."}, ...]}</c>.</summary>
    public static FakeResponse Error(int statusCode, params string[] messages)
    {
        var errors = new JsonArray();
        foreach (string message in messages)
        {
            errors.Add((JsonNode)new JsonObject { ["message"] = message }); // the non-generic Add: trim- and AOT-safe
        }

        return Json(statusCode, new JsonObject { ["errors"] = errors });
    }

    /// <summary>Writes <paramref name="node"/> as compact UTF-8 JSON without reflection.</summary>
    public static byte[] Serialize(JsonNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return stream.ToArray();
    }
}
