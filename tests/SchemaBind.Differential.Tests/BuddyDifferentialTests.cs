using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Buddy.Api;
using SchemaBind.Runtime;
using SchemaBind.Tests.Shared;

namespace SchemaBind.Differential.Tests;

/// <summary>
/// Every component schema of the Buddy API (schema/buddy/pipeline-actions.openapi.json, through the
/// generator as in a user's project): random and mutated instances get the same verdict from the
/// generated JSON validator (<c>&lt;Type&gt;.JsonSchema</c>), from JsonSchema.Net and, where its
/// semantics match, from NJsonSchema; and when an instance deserializes into the generated type,
/// typed <c>Validate()</c> agrees with the JSON verdict.
/// </summary>
public sealed class BuddyDifferentialTests
{
    private const int RandomInstances = 40;
    private const int Mutations = 5;
    private const string Components = "/components/schemas";

    [Fact]
    public void Random_and_mutated_instances_get_the_same_verdict_from_every_validator()
    {
        using JsonDocument document = JsonDocument.Parse(PipelineActionsJsonSchema.Utf8Json.ToArray());
        JsonElement root = document.RootElement;
        var run = new DifferentialRun("Buddy pipeline-actions API (component schemas)");
        JsonElement wrapper = JsonSchemaNetWrapper(root);
        foreach (JsonProperty component in root.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            Run(run, root, wrapper, component.Name);
        }

        Assert.Equal(root.GetProperty("components").GetProperty("schemas").EnumerateObject().Count(), run.Schemas);
        run.AssertNoUnexplainedDisagreement(KnownDeviations.Explain);
    }

    [Fact]
    public void The_embedded_document_is_the_schema_file_without_insignificant_whitespace_and_without_its_operations()
    {
        // The validator reads these bytes, and PipelineActionsJsonSchema.Utf8Json is public. An OpenAPI document is
        // embedded without what JSON validation never reads: paths, webhooks, top-level x- extensions, examples.
        string file = File.ReadAllText(Path.Combine(Paths.RepoRoot, "schema", "buddy", "pipeline-actions.openapi.json"));
        byte[] embedded = PipelineActionsJsonSchema.Utf8Json.ToArray();
        string text = Encoding.UTF8.GetString(embedded);
        Assert.Equal(PlainMinifier.Minify(text), text);

        JsonObject expected = JsonNode.Parse(file)!.AsObject();
        Assert.NotNull(expected["paths"]);
        foreach (string name in expected.Select(static p => p.Key).Where(static k => k is "paths" or "webhooks" || k.StartsWith("x-", StringComparison.Ordinal)).ToList())
        {
            expected.Remove(name);
        }

        (expected["components"] as JsonObject)?.Remove("examples");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(embedded)));
    }

    private static void Run(DifferentialRun run, JsonElement document, JsonElement wrapper, string name)
    {
        string pointer = Components + "/" + name;
        Type? type = typeof(PipelineActionsJsonSchema).Assembly.GetType("Buddy.Api." + name);
        JsonSchemaValidator schemaBind =
            type?.GetProperty("JsonSchema", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as JsonSchemaValidator
            ?? PipelineActionsJsonSchema.Document.Subschema("#" + pointer);
        // FromJson is the base record's (SB::JsonRecord<T>): a static member of a base class is found with FlattenHierarchy.
        MethodInfo? fromJson = type?.GetMethod("FromJson", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy, [typeof(string)]);
        MethodInfo? validate = type?.GetMethod("Validate", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        JsonSchemaNetOracle jsonSchemaNet = JsonSchemaNetOracle.Create(Reference(wrapper, name), static _ => null, out string? rejected)
            ?? throw new InvalidOperationException("JsonSchema.Net rejects " + name + ": " + rejected);
        NJsonSchemaOracle? nJsonSchema = NJsonSchemaOracle.Create(document, pointer, Components, out string? notComparable);
        if (notComparable is not null)
        {
            run.NotComparedBecause("NJsonSchema, schemas with " + notComparable);
        }

        if (fromJson is null || validate is null)
        {
            run.NotComparedBecause("typed Validate(), schemas generated as enums (no record to validate)");
        }

        run.Schemas++;
        int seed = Seeds.For(name);
        foreach ((string origin, string text) in Instances.For(document, pointer, [], RandomInstances, Mutations, new Random(seed)))
        {
            run.Instances++;
            using JsonDocument parsed = JsonDocument.Parse(text);
            JsonElement element = parsed.RootElement;
            bool verdict = schemaBind.IsValid(element);
            run.Valid += verdict ? 1 : 0;
            Disagreement Describe(string comparison, bool other) => new(name, seed, origin, text, comparison, verdict, other);

            run.Compare("IsValid vs ValidateJson", verdict, schemaBind.Validate(element).Count == 0, Describe);
            run.Compare("IsValid vs Validate(UTF-8)", verdict, schemaBind.Validate(Encoding.UTF8.GetBytes(text)).Count == 0, Describe);
            run.Compare("SchemaBind vs JsonSchema.Net", verdict, jsonSchemaNet.IsValid(element), Describe,
                () => KnownDeviations.JsonSchemaNet(jsonSchemaNet, text, verdict));
            if (nJsonSchema is not null)
            {
                run.Compare("SchemaBind vs NJsonSchema", verdict, nJsonSchema.IsValid(text), Describe,
                    () => KnownDeviations.NJsonSchema(nJsonSchema, jsonSchemaNet, nJsonSchema.SchemaText, text, verdict));
            }

            if (fromJson is not null && validate is not null && TryRead(fromJson, text) is { } value)
            {
                var typedErrors = (IReadOnlyList<ValidationError>)validate.Invoke(value, null)!;
                run.Compare("JSON verdict vs typed Validate()", verdict, typedErrors.Count == 0, Describe);

                // Not only the verdict: the same errors (pointer, keyword, message) as the JSON validator on the value's
                // JSON form. Not for a union: its JSON validation reports oneOf at the root (then the errors of the case
                // the value names), where typed validation reports only inside the case it holds.
                if (type!.IsAbstract)
                {
                    continue;
                }

                string written = (string)value.GetType().GetMethod("ToJson", Type.EmptyTypes)!.Invoke(value, null)!;
                using JsonDocument form = JsonDocument.Parse(written);
                bool same = Sorted(typedErrors).SequenceEqual(Sorted(schemaBind.Validate(form.RootElement)));
                run.Compare("typed Validate() vs JSON errors of its JSON form", true, same, (comparison, other) => Describe(comparison, other) with
                {
                    Instance = written + "\n      typed: " + string.Join("; ", Sorted(typedErrors)) + "\n      JSON:  " + string.Join("; ", Sorted(schemaBind.Validate(form.RootElement))),
                });
            }
        }
    }

    private static IEnumerable<(string Pointer, string Keyword, string Message)> Sorted(IReadOnlyList<ValidationError> errors) =>
        errors.Select(static e => (e.InstanceLocation, e.Keyword, e.Message)).Order();

    private static object? TryRead(MethodInfo fromJson, string text)
    {
        try
        {
            return fromJson.Invoke(null, [text]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The document's component schemas as a plain 2020-12 schema for JsonSchema.Net: <c>$defs</c> holds
    /// them, and references to <c>#/components/schemas/X</c> become <c>#/$defs/X</c>.
    /// </summary>
    private static JsonElement JsonSchemaNetWrapper(JsonElement document)
    {
        JsonNode definitions = JsonNode.Parse(document.GetProperty("components").GetProperty("schemas").GetRawText())!;
        Rewrite(definitions);
        var wrapper = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = definitions,
        };
        return JsonDocument.Parse(wrapper.ToJsonString()).RootElement.Clone();

        static void Rewrite(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() is { } text && text.StartsWith("#" + Components + "/", StringComparison.Ordinal))
                {
                    obj["$ref"] = "#/$defs/" + text[(Components.Length + 2)..];
                }

                foreach ((_, JsonNode? child) in obj)
                {
                    Rewrite(child);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (JsonNode? item in array)
                {
                    Rewrite(item);
                }
            }
        }
    }

    /// <summary>The wrapper with a root <c>$ref</c> to one component.</summary>
    private static JsonElement Reference(JsonElement wrapper, string name)
    {
        var root = (JsonObject)JsonNode.Parse(wrapper.GetRawText())!;
        root["$ref"] = "#/$defs/" + SchemaPointer.Escape(name);
        return JsonDocument.Parse(root.ToJsonString()).RootElement.Clone();
    }
}
