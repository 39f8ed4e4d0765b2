namespace SchemaBind.Corpus.Tests;

/// <summary>
/// The schemas that broke SchemaBind (shared/repros, found by hand and by fuzzing elsewhere) and the fuzzer's
/// shrunk failures (Regressions/ here), one test case per file: each generates and compiles clean, or reports
/// a located SB diagnostic. repros-known-failing.txt lists those that fail today, both ways.
/// </summary>
public sealed class ReproTests
{
    private static readonly Lazy<KnownList> s_known = new(static () => KnownList.Load("repros-known-failing.txt"));

    public static TheoryData<string> Schemas()
    {
        var data = new TheoryData<string>();
        if (Inputs.Repros is string repros)
        {
            foreach (string file in Inputs.Files(repros, static p => p.EndsWith(".json", StringComparison.Ordinal)))
            {
                data.Add("repros/" + file);
            }
        }

        foreach (string file in Inputs.Files(Inputs.Regressions, static p => p.EndsWith(".json", StringComparison.Ordinal)))
        {
            data.Add("regressions/" + file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Schema_generates_and_compiles_clean_or_reports_a_located_diagnostic(string schema)
    {
        CorpusCase.Check(s_known.Value, schema, FullPath(schema), requireGeneration: false);
    }

    [Fact]
    public void The_list_names_only_files_that_exist()
    {
        Assert.All(
            s_known.Value.Entries.Where(static e => Inputs.Repros is not null || !e.Path.StartsWith("repros/", StringComparison.Ordinal)),
            e => Assert.True(File.Exists(FullPath(e.Path)), $"{s_known.Value.File} line {e.Line}: no file {e.Path}"));
    }

    private static string FullPath(string key) => key.StartsWith("regressions/", StringComparison.Ordinal)
        ? Path.Combine(Inputs.Regressions, key["regressions/".Length..])
        : Path.Combine(Inputs.Repros ?? "", key["repros/".Length..]);
}
