namespace SchemaBind.Generator.Tests;

/// <summary>
/// The generated code for the Buddy schema, checked in under Snapshots/. A change here is a change
/// to the product and is reviewed like one. To accept a deliberate change, run the tests with
/// SCHEMABIND_ACCEPT_SNAPSHOTS=1 and review the diff of Snapshots/.
/// </summary>
public sealed class SnapshotTests
{
    private static readonly string BuddySchemaPath = GeneratorHarness.RepositoryFile("schema", "buddy", "pipeline-actions.openapi.json");

    private static GeneratorResult RunBuddy() =>
        GeneratorHarness.Run(new SchemaFile(BuddySchemaPath, File.ReadAllText(BuddySchemaPath), "Buddy.Api", "BuddyClient"));

    [Fact]
    public void Buddy_schema_generates_without_schema_diagnostics()
    {
        GeneratorResult result = RunBuddy();
        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        Assert.Contains(result.Sources, static s => s.HintName == "Buddy.Api.BuddyClient.g.cs");
    }

    [Fact]
    public void Buddy_generated_code_compiles_without_any_warning()
    {
        // Nullable on, every warning an error, documentation comments checked (CS1591 for a missing one).
        GeneratorResult result = RunBuddy();
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
    }

    [Fact]
    public void Buddy_generated_code_matches_the_checked_in_snapshots() => AssertSnapshots(RunBuddy(), "Buddy");

    /// <summary>Maps, allOf, unions without a discriminator and recursion (the end-to-end tests' catalog schema).</summary>
    [Fact]
    public void Structural_shapes_match_the_checked_in_snapshots()
    {
        string path = GeneratorHarness.RepositoryFile("tests", "SchemaBind.EndToEnd.Tests", "Schemas", "catalog.schema.json");
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile(path, File.ReadAllText(path), "EndToEnd.Catalog"));
        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        AssertSnapshots(result, "Catalog");
    }

    private static void AssertSnapshots(GeneratorResult result, string folder)
    {
        string directory = GeneratorHarness.RepositoryFile("tests", "SchemaBind.Generator.Tests", "Snapshots", folder);
        bool accept = Environment.GetEnvironmentVariable("SCHEMABIND_ACCEPT_SNAPSHOTS") == "1";
        Directory.CreateDirectory(directory);

        var mismatches = new List<string>();
        var expectedFiles = Directory.GetFiles(directory, "*.verified.cs").Select(static p => Path.GetFileName(p)).ToHashSet();
        foreach (var source in result.Sources.OrderBy(static s => s.HintName, StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(source.HintName) + ".verified.cs";
            expectedFiles.Remove(name);
            string verifiedPath = Path.Combine(directory, name);
            string received = source.SourceText.ToString().ReplaceLineEndings("\n");
            string? verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : null;
            if (verified == received)
            {
                continue;
            }

            if (accept)
            {
                File.WriteAllText(verifiedPath, received);
                continue;
            }

            File.WriteAllText(Path.Combine(directory, Path.GetFileNameWithoutExtension(source.HintName) + ".received.cs"), received);
            mismatches.Add(verified is null ? name + " (new file)" : name);
        }

        foreach (string stale in expectedFiles)
        {
            if (accept)
            {
                File.Delete(Path.Combine(directory, stale));
            }
            else
            {
                mismatches.Add(stale + " (no longer generated)");
            }
        }

        Assert.True(mismatches.Count == 0, "Generated code differs from the snapshots (see *.received.cs): " + string.Join(", ", mismatches));
    }

    [Fact]
    public void Generation_is_stable_from_run_to_run()
    {
        var first = RunBuddy().Sources.Select(static s => (s.HintName, Text: s.SourceText.ToString())).ToList();
        var second = RunBuddy().Sources.Select(static s => (s.HintName, Text: s.SourceText.ToString())).ToList();
        Assert.Equal(first, second);
    }
}
