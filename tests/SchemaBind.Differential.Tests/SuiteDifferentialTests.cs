using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SchemaBind.Runtime;

namespace SchemaBind.Differential.Tests;

/// <summary>
/// The JSON Schema Test Suite's draft 2020-12 schemas (the required files): each group's schema gets its
/// own test instances, random instances from the schema's shape and mutations of both, and SchemaBind's
/// validator must give every one the verdict JsonSchema.Net gives (and NJsonSchema, where its semantics
/// match). SchemaBind's validator is the runtime's <see cref="JsonSchemaValidator"/> on the group's
/// schema, which is exactly what generated code's <c>&lt;Doc&gt;JsonSchema.Create</c> returns (the
/// conformance runner checks that path through the generator).
/// </summary>
public sealed class SuiteDifferentialTests
{
    private const int RandomInstances = 8;
    private const int Mutations = 4;

    private static readonly ConcurrentDictionary<string, JsonElement?> Remotes = new(StringComparer.Ordinal);

    [Fact]
    public void Random_and_mutated_instances_get_the_same_verdict_as_from_JsonSchemaNet_and_NJsonSchema()
    {
        if (Paths.Suite is null)
        {
            Assert.Skip("The JSON Schema Test Suite is not beside the repository (../shared/conformance).");
        }

        string folder = Path.Combine(Paths.Suite, "tests", "draft2020-12");
        var run = new DifferentialRun("JSON Schema Test Suite draft2020-12 (required files)");
        foreach (string file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using JsonDocument tests = JsonDocument.Parse(File.ReadAllText(file));
            int group = 0;
            foreach (JsonElement testGroup in tests.RootElement.EnumerateArray())
            {
                Run(run, Path.GetFileName(file) + " #" + group++ + " '" + testGroup.GetProperty("description").GetString() + "'", testGroup);
            }
        }

        run.AssertNoUnexplainedDisagreement(KnownDeviations.Explain);
    }

    /// <summary>The optional/format files, with format asserted on both sides (SchemaBind's AssertFormat, JsonSchema.Net's RequireFormatValidation).</summary>
    [Fact]
    public void With_format_asserted_random_and_mutated_instances_get_the_same_verdict_as_from_JsonSchemaNet()
    {
        if (Paths.Suite is null)
        {
            Assert.Skip("The JSON Schema Test Suite is not beside the repository (../shared/conformance).");
        }

        string folder = Path.Combine(Paths.Suite, "tests", "draft2020-12", "optional", "format");
        var run = new DifferentialRun("JSON Schema Test Suite draft2020-12 optional/format, format asserted");
        foreach (string file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using JsonDocument tests = JsonDocument.Parse(File.ReadAllText(file));
            int group = 0;
            foreach (JsonElement testGroup in tests.RootElement.EnumerateArray())
            {
                Run(run, "optional/format/" + Path.GetFileName(file) + " #" + group++ + " '" + testGroup.GetProperty("description").GetString() + "'", testGroup, assertFormat: true);
            }
        }

        // Where JsonSchema.Net gets the suite's own cases of a format wrong, its check of that format deviates
        // from the format's RFC, and the mutated instances of that format it disagrees on come from the same
        // check (reviewed by hand: docs/conformance.md). A format it gets right has no such excuse.
        var deviating = run.Disagreements.Where(static d => d.Explanation == KnownDeviations.SuiteAnswer).Select(static d => FileOf(d.Schema)).ToHashSet();
        run.AssertNoUnexplainedDisagreement(d => KnownDeviations.Explain(d)
            ?? (d.Comparison != "SchemaBind vs JsonSchema.Net" ? null
                : deviating.Contains(FileOf(d.Schema)) ? KnownDeviations.FormatCheck(FileOf(d.Schema))
                : FileOf(d.Schema).EndsWith("email.json", StringComparison.Ordinal) ? KnownDeviations.EmailCheck(d.Instance, d.SchemaBind)
                : FileOf(d.Schema).EndsWith("iri-reference.json", StringComparison.Ordinal) ? KnownDeviations.IriReferenceCheck(d.Instance, d.SchemaBind)
                : null));

        static string FileOf(string schema) => schema[..schema.IndexOf(" #", StringComparison.Ordinal)];
    }

    private static void Run(DifferentialRun run, string name, JsonElement testGroup, bool assertFormat = false)
    {
        JsonElement schema = testGroup.GetProperty("schema");
        var schemaBind = JsonSchemaValidator.Create(schema, new JsonSchemaOptions { DocumentResolver = Remote, AssertFormat = assertFormat });
        JsonSchemaNetOracle? jsonSchemaNet = JsonSchemaNetOracle.Create(schema, Remote, out string? rejected, assertFormat);
        if (rejected is not null)
        {
            run.NotComparedBecause("JsonSchema.Net, schemas with " + rejected);
        }

        // NJsonSchema's formats are its own (it asserts them always); with format asserted it is left out.
        string? notComparable = null;
        NJsonSchemaOracle? nJsonSchema = assertFormat ? null : NJsonSchemaOracle.Create(schema, string.Empty, "/$defs", out notComparable);
        if (notComparable is not null)
        {
            run.NotComparedBecause("NJsonSchema, schemas with " + notComparable);
        }

        run.Schemas++;
        int seed = Seeds.For(name);
        var given = testGroup.GetProperty("tests").EnumerateArray()
            .Select(static t => ("test '" + t.GetProperty("description").GetString() + "'", JsonNode.Parse(t.GetProperty("data").GetRawText())))
            .ToList();

        // The suite's own answers, for instances equal to one of its cases (the case itself, or its escaped text).
        var answers = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (JsonElement test in testGroup.GetProperty("tests").EnumerateArray())
        {
            answers.TryAdd(Canonical(test.GetProperty("data").GetRawText()), test.GetProperty("valid").GetBoolean());
        }
        foreach ((string origin, string text) in Instances.For(schema, string.Empty, given, RandomInstances, Mutations, new Random(seed)))
        {
            run.Instances++;
            using JsonDocument parsed = JsonDocument.Parse(text);
            JsonElement element = parsed.RootElement;
            bool verdict = schemaBind.IsValid(element);
            run.Valid += verdict ? 1 : 0;
            Disagreement Describe(string comparison, bool other) => new(name, seed, origin, text, comparison, verdict, other);

            // SchemaBind's own three entry points must agree with each other first.
            run.Compare("IsValid vs Validate(JsonElement)", verdict, schemaBind.Validate(element).Count == 0, Describe);
            run.Compare("IsValid vs Validate(UTF-8)", verdict, schemaBind.Validate(Encoding.UTF8.GetBytes(text)).Count == 0, Describe);

            if (jsonSchemaNet is not null)
            {
                run.Compare("SchemaBind vs JsonSchema.Net", verdict, jsonSchemaNet.IsValid(element), Describe,
                    () => answers.TryGetValue(Canonical(text), out bool answer) && answer == verdict
                        ? KnownDeviations.SuiteAnswer
                        : KnownDeviations.JsonSchemaNet(jsonSchemaNet, text, verdict));
            }

            if (nJsonSchema is not null)
            {
                run.Compare("SchemaBind vs NJsonSchema", verdict, nJsonSchema.IsValid(text), Describe,
                    () => KnownDeviations.NJsonSchema(nJsonSchema, jsonSchemaNet, nJsonSchema.SchemaText, text, verdict));
            }
        }
    }

    private static string Canonical(string json) => Instances.Text(JsonNode.Parse(json));

    /// <summary>Maps http://localhost:1234/ to the suite's remotes folder, as the suite asks.</summary>
    private static JsonElement? Remote(Uri uri)
    {
        if (uri.Host != "localhost" || uri.Port != 1234)
        {
            return null;
        }

        return Remotes.GetOrAdd(uri.AbsolutePath, static path =>
        {
            string file = Path.Combine(Paths.Suite!, "remotes", path.TrimStart('/'));
            return File.Exists(file) ? JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone() : null;
        });
    }
}
