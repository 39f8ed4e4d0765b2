using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchemaBind.Differential.Tests;

/// <summary>One instance on which two validators gave different verdicts, with what it takes to reproduce it.</summary>
internal sealed record Disagreement(string Schema, int Seed, string Origin, string Instance, string Comparison, bool SchemaBind, bool Other)
{
    /// <summary>Why this is not a SchemaBind bug, when a re-check showed it (see <see cref="KnownDeviations"/>).</summary>
    public string? Explanation { get; init; }

    public override string ToString() =>
        $"{Schema} (seed {Seed}) {Comparison}: SchemaBind says {(SchemaBind ? "valid" : "invalid")}, the other {(Other ? "valid" : "invalid")}"
        + $"\n      instance ({Origin}): {Instance}";
}

/// <summary>The verdicts of one corpus: how many schemas and instances, and per comparison how many agreed.</summary>
internal sealed class DifferentialRun(string corpus)
{
    private readonly SortedDictionary<string, (int Compared, int Agreed)> _pairs = new(StringComparer.Ordinal);

    public string Corpus { get; } = corpus;

    public int Schemas { get; set; }

    public int Instances { get; set; }

    /// <summary>How many instances SchemaBind found valid (the rest it found invalid).</summary>
    public int Valid { get; set; }

    public List<Disagreement> Disagreements { get; } = new();

    /// <summary>Schemas or instances left out of a comparison, counted by reason.</summary>
    public SortedDictionary<string, int> NotCompared { get; } = new(StringComparer.Ordinal);

    public void NotComparedBecause(string reason) => NotCompared[reason] = NotCompared.GetValueOrDefault(reason) + 1;

    /// <summary>Counts one comparison of verdicts, and records it when they differ.</summary>
    /// <param name="comparison">What is compared, e.g. "SchemaBind vs JsonSchema.Net".</param>
    /// <param name="schemaBind">SchemaBind's verdict.</param>
    /// <param name="other">The other verdict, or null when the other validator threw (counted, not compared).</param>
    /// <param name="describe">Makes the disagreement's record.</param>
    /// <param name="explain">Re-checks a disagreement and returns the documented reason it is not a bug, or null.</param>
    public void Compare(string comparison, bool schemaBind, bool? other, Func<string, bool, Disagreement> describe, Func<string?>? explain = null)
    {
        if (other is not { } verdict)
        {
            NotComparedBecause(comparison + ", instances on which the other validator threw");
            return;
        }

        (int compared, int agreed) = _pairs.GetValueOrDefault(comparison);
        _pairs[comparison] = (compared + 1, agreed + (schemaBind == verdict ? 1 : 0));
        if (schemaBind != verdict)
        {
            Disagreements.Add(describe(comparison, verdict) with { Explanation = explain?.Invoke() });
        }
    }

    public int Compared(string comparison) => _pairs.GetValueOrDefault(comparison).Compared;

    public string Summary()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Corpus}: {Schemas} schemas, {Instances} instances ({Valid} valid, {Instances - Valid} invalid)");
        foreach ((string comparison, (int compared, int agreed)) in _pairs)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {comparison}: {agreed} of {compared} agree");
        }

        foreach ((string reason, int count) in NotCompared)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  not compared ({reason}): {count}");
        }

        return text.ToString();
    }

    /// <summary>Fails with every disagreement not in <paramref name="documented"/>, each with its seed, schema and instance.</summary>
    public void AssertNoUnexplainedDisagreement(Func<Disagreement, string?> documented)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(Summary());
        var explained = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unexplained = new List<Disagreement>();
        foreach (Disagreement disagreement in Disagreements)
        {
            if (documented(disagreement) is { } reason)
            {
                explained[reason] = explained.GetValueOrDefault(reason) + 1;
            }
            else
            {
                unexplained.Add(disagreement);
            }
        }

        foreach ((string reason, int count) in explained)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"  documented ({count}): {reason}");
        }

        Assert.True(unexplained.Count == 0, $"{unexplained.Count} disagreements (set {Seeds.Variable} to change the base seed):\n"
            + string.Join("\n", unexplained.Take(25)) + "\n" + Summary());
    }
}

/// <summary>Fixed seeds, one per schema, so each schema's instances do not depend on the others'.</summary>
internal static class Seeds
{
    public const string Variable = "SCHEMABIND_DIFFERENTIAL_SEED";

    private static readonly int Base =
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed) ? seed : 20261127;

    /// <summary>FNV-1a of the schema's name, mixed with the base seed.</summary>
    public static int For(string schema)
    {
        uint hash = 2166136261;
        foreach (char c in schema)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash ^ (uint)Base) & int.MaxValue;
    }
}

/// <summary>The instances tried on one schema: given ones, random ones, and mutations of both.</summary>
internal static class Instances
{
    /// <summary>
    /// Yields each instance's origin and JSON text. Some are also yielded a second time with every character of
    /// every string and member name written as a \uXXXX escape: the same value, so it must get the same verdict,
    /// through readers that have to unescape (the UTF-8 validator, the typed reader).
    /// </summary>
    public static IEnumerable<(string Origin, string Text)> For(
        JsonElement document, string pointer, IReadOnlyList<(string Origin, JsonNode? Instance)> given, int randomCount, int mutations, Random random)
    {
        var generator = new InstanceGenerator(document, random);
        var mutator = new Mutator(document, random);
        var bases = new List<(string Origin, JsonNode? Instance)>(given);
        for (int i = 0; i < randomCount; i++)
        {
            bases.Add(("random #" + i, generator.Generate(pointer)));
        }

        foreach ((string origin, JsonNode? instance) in bases)
        {
            yield return (origin, Text(instance));
            if (random.Next(4) == 0)
            {
                yield return ("escaped text of " + origin, Escaped(instance));
            }

            for (int m = 0; m < mutations; m++)
            {
                (JsonNode? mutated, string what) = mutator.Mutate(instance, pointer);
                yield return (what + " of " + origin, Text(mutated));
                if (random.Next(4) == 0)
                {
                    (JsonNode? twice, string again) = mutator.Mutate(mutated, pointer);
                    yield return (again + " after " + what + " of " + origin, Text(twice));
                }
            }
        }
    }

    public static string Text(JsonNode? instance) => instance?.ToJsonString() ?? "null";

    private static string Escaped(JsonNode? instance)
    {
        var text = new StringBuilder();
        Write(instance);
        return text.ToString();

        void Write(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    text.Append('{');
                    foreach ((string name, JsonNode? value) in obj)
                    {
                        text.Append(text[^1] == '{' ? string.Empty : ",");
                        String(name);
                        text.Append(':');
                        Write(value);
                    }

                    text.Append('}');
                    break;
                case JsonArray array:
                    text.Append('[');
                    for (int i = 0; i < array.Count; i++)
                    {
                        text.Append(i == 0 ? string.Empty : ",");
                        Write(array[i]);
                    }

                    text.Append(']');
                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    String(value.GetValue<string>());
                    break;
                default:
                    text.Append(Text(node));
                    break;
            }
        }

        void String(string s)
        {
            text.Append('"');
            foreach (char c in s)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }

            text.Append('"');
        }
    }
}

/// <summary>Where the repository and the shared JSON Schema Test Suite are.</summary>
internal static class Paths
{
    public static string RepoRoot { get; } =
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(static a => a.Key == "SchemaBindRepoRoot").Value!;

    /// <summary>The suite beside the repository (as CI lays it out), or null.</summary>
    public static string? Suite { get; } = new[] { Path.Combine(RepoRoot, "..", "shared", "conformance", "JSON-Schema-Test-Suite"), "/work/shared/conformance/JSON-Schema-Test-Suite" }
        .Select(Path.GetFullPath)
        .FirstOrDefault(static p => Directory.Exists(Path.Combine(p, "tests", "draft2020-12")));
}
