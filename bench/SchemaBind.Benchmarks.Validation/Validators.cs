using System.Text.Json;
using Json.Schema;
using Newtonsoft.Json.Linq;
using SchemaBind.Runtime;
using NJsonSchemaSchema = NJsonSchema.JsonSchema;

namespace SchemaBind.Benchmarks.Validation;

/// <summary>One schema, read once by each validator, and one payload parsed once into each validator's DOM.</summary>
public sealed class Validators : IDisposable
{
    private static int s_documents;
    private readonly JsonDocument _document;

    public Validators(string schema, string payload)
    {
        SchemaBind = JsonSchemaValidator.Create(schema, new JsonSchemaOptions { AssertFormat = false });

        // A base URI per build: JsonSchema.Net registers every schema in its global registry.
        int n = Interlocked.Increment(ref s_documents);
        JsonSchemaNet = JsonSchema.FromText(schema, baseUri: new Uri("https://bench.schemabind.local/schema" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".json"));
        NJsonSchema = NJsonSchemaSchema.FromJsonAsync(ForNJsonSchema(schema)).GetAwaiter().GetResult();

        _document = JsonDocument.Parse(payload);
        Element = _document.RootElement;
        Token = JToken.Parse(payload);
    }

    /// <summary>SchemaBind's runtime validator (the one behind every generated ValidateJson).</summary>
    public JsonSchemaValidator SchemaBind { get; }

    public JsonSchema JsonSchemaNet { get; }

    public NJsonSchemaSchema NJsonSchema { get; }

    /// <summary>JsonSchema.Net's fastest mode: a verdict only.</summary>
    public static EvaluationOptions Flag { get; } = new() { OutputFormat = OutputFormat.Flag };

    /// <summary>JsonSchema.Net's all-errors mode.</summary>
    public static EvaluationOptions List { get; } = new() { OutputFormat = OutputFormat.List };

    /// <summary>The payload for SchemaBind and JsonSchema.Net.</summary>
    public JsonElement Element { get; }

    /// <summary>The payload for NJsonSchema, which validates Newtonsoft.Json tokens.</summary>
    public JToken Token { get; }

    /// <summary>
    /// The same schema in the form NJsonSchema reads: it resolves references into "definitions" only (drafts 4 to 7),
    /// not "$defs", and cannot resolve them when the root itself is a reference (so that one moves into an allOf).
    /// </summary>
    private static string ForNJsonSchema(string schema)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(schema.Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal).Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal))!.AsObject();
        if (root["$ref"] is { } reference)
        {
            root.Remove("$ref");
            root["allOf"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["$ref"] = reference.GetValue<string>() });
        }

        return root.ToJsonString();
    }

    public void Dispose() => _document.Dispose();
}
