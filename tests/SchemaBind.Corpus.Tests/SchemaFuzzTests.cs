using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;

namespace SchemaBind.Corpus.Tests;

/// <summary>
/// Property: for every generated or mutated schema document, the generator and the analyzers do not throw
/// (SB0099, CS8785 and AD0001 count as throwing), every SB diagnostic points into the file, and when there is
/// no SB error the output compiles with zero diagnostics under strict settings.
/// <para>
/// CI runs a fixed list of cases (deterministic: case i comes from PCG seed base+i). On demand:
/// SCHEMABIND_FUZZ_ITER=N runs N cases, SCHEMABIND_FUZZ_TIME=SECONDS runs until the time is up,
/// SCHEMABIND_FUZZ_BASE=N starts at another base, SCHEMABIND_FUZZ_SEED=SEED replays one case (the seed a failure
/// prints) and shrinks it with CsCheck. A failure prints the shrunk document and writes it to a file: put it in
/// Regressions/ (and in repros-known-failing.txt while the fix is pending), and its problem's pattern in
/// fuzz-known-failing.txt so that CI stays green until then.
/// </para>
/// </summary>
public sealed class SchemaFuzzTests
{
    /// <summary>Cases in CI: 0.4-0.7 s each on a busy 2-core machine, so about a minute.</summary>
    private const int CiIterations = 120;

    private const ulong CiBase = 20261206;

    /// <summary>Tapes of up to 300 choices, each in 0..2^16: shrinking makes them shorter and the numbers smaller.</summary>
    private static readonly Gen<FuzzCase> s_cases = Gen.Int[0, 1 << 16].Array[0, 300].Select(SchemaFuzzer.Build);

    /// <summary>The path a fuzz case is checked under; its diagnostics must point here.</summary>
    private const string FuzzPath = "/fuzz/case.json";

    private static readonly Lazy<IReadOnlyList<(Regex Pattern, bool WholeCase, string Regression, string Reason)>> s_known = new(LoadKnown);

    [Fact]
    public void Generated_and_mutated_schemas_never_crash_are_located_and_compile_clean()
    {
        ITestOutputHelper output = TestContext.Current.TestOutputHelper!;
        if (Environment.GetEnvironmentVariable("SCHEMABIND_FUZZ_SEED") is { Length: > 0 } replay)
        {
            FuzzCase single = s_cases.Generate(PCG.Parse(replay), null!, out _);
            IReadOnlyList<string> problems = Problems(SchemaCheck.Run(FuzzPath, single.Text)).Unknown;
            output.WriteLine($"seed {replay}: {single}{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
            Assert.True(problems.Count == 0, $"SCHEMABIND_FUZZ_SEED={replay} breaks the rule. Shrunk:{Environment.NewLine}{(problems.Count > 0 ? Shrink(replay, output) : "")}");
            return;
        }

        int iterations = int.TryParse(Environment.GetEnvironmentVariable("SCHEMABIND_FUZZ_ITER"), CultureInfo.InvariantCulture, out int n) ? n : CiIterations;
        TimeSpan? time = int.TryParse(Environment.GetEnvironmentVariable("SCHEMABIND_FUZZ_TIME"), CultureInfo.InvariantCulture, out int seconds) ? TimeSpan.FromSeconds(seconds) : null;
        ulong start = ulong.TryParse(Environment.GetEnvironmentVariable("SCHEMABIND_FUZZ_BASE"), CultureInfo.InvariantCulture, out ulong b) ? b : CiBase;

        var clock = Stopwatch.StartNew();
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var errorIds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<(string Seed, string Kind, IReadOnlyList<string> Problems)>();
        int known = 0, withSchemaErrors = 0, ran = 0;
        for (ulong i = 0; time is { } limit ? clock.Elapsed < limit : ran < iterations; i++)
        {
            var pcg = new PCG(1, start + i);
            string seed = pcg.ToString();
            FuzzCase fuzzCase = s_cases.Generate(pcg, null!, out _);
            string kind = fuzzCase.Kind.Split(':')[0].Split(' ')[0];
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            CheckOutcome outcome = SchemaCheck.Run(FuzzPath, fuzzCase.Text);
            ran++;
            (IReadOnlyList<string> unknown, IReadOnlyList<string> all) = Problems(outcome);
            withSchemaErrors += outcome.SchemaErrors.Any() ? 1 : 0;
            foreach (string id in outcome.SchemaErrors.Select(static d => d.Id).Distinct())
            {
                errorIds[id] = errorIds.GetValueOrDefault(id) + 1;
            }

            known += all.Count > 0 && unknown.Count == 0 ? 1 : 0;
            if (unknown.Count > 0)
            {
                failures.Add((seed, fuzzCase.Kind, unknown));
                output.WriteLine($"FAILED case {i} (SCHEMABIND_FUZZ_SEED={seed}) {fuzzCase.Kind}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", unknown.Take(3)));
            }
        }

        output.WriteLine($"{ran} case(s) from base {start} in {clock.Elapsed.TotalSeconds:F1} s ({string.Join(", ", kinds.Select(static k => $"{k.Key} {k.Value}"))}); " +
            $"{ran - withSchemaErrors} without an SB error compiled, {withSchemaErrors} with a located SB error, {known} with only known problems (fuzz-known-failing.txt), {failures.Count} failed." +
            $" Cases with each SB error: {string.Join(", ", errorIds.Select(static e => $"{e.Key} {e.Value}"))}.");
        if (failures.Count > 0)
        {
            string shrunk = Shrink(failures[0].Seed, output);
            Assert.Fail($"{failures.Count} generated schema(s) break the rule; the first replays with SCHEMABIND_FUZZ_SEED={failures[0].Seed}. Shrunk:{Environment.NewLine}{shrunk}");
        }
    }

    [Fact]
    public void The_same_seed_builds_the_same_document()
    {
        var first = s_cases.Generate(new PCG(1, 42), null!, out _);
        var again = s_cases.Generate(PCG.Parse(new PCG(1, 42).ToString()), null!, out _);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Every_known_fuzz_problem_names_a_regression_that_still_fails()
    {
        KnownList repros = KnownList.Load("repros-known-failing.txt");
        Assert.All(s_known.Value, known => Assert.True(
            repros[known.Regression] is not null,
            $"fuzz-known-failing.txt names {known.Regression} for '{known.Pattern}', but repros-known-failing.txt no longer lists it: " +
            "the bug is fixed, so remove the pattern (or list the regression file if it is new)."));
    }

    /// <summary>The problems of a case, all of them and those that no known-failing pattern matches.</summary>
    private static (IReadOnlyList<string> Unknown, IReadOnlyList<string> All) Problems(CheckOutcome outcome)
    {
        IReadOnlyList<string> all = outcome.Problems(requireGeneration: false);
        if (s_known.Value.Any(k => k.WholeCase && all.Any(k.Pattern.IsMatch)))
        {
            return ([], all);
        }

        return (all.Where(static p => !s_known.Value.Any(k => k.Pattern.IsMatch(p))).ToList(), all);
    }

    /// <summary>
    /// CsCheck from the failing seed: it keeps sampling and shrinking; the smallest failing document it met is
    /// printed with its problems and written to a file.
    /// </summary>
    private static string Shrink(string seed, ITestOutputHelper output)
    {
        int iterations = int.TryParse(Environment.GetEnvironmentVariable("SCHEMABIND_FUZZ_SHRINK"), CultureInfo.InvariantCulture, out int n) ? n : 100;
        (FuzzCase Case, IReadOnlyList<string> Problems)? smallest = null;
        string csCheck = "";
        try
        {
            s_cases.Sample(
                fuzzCase =>
                {
                    IReadOnlyList<string> unknown = Problems(SchemaCheck.Run(FuzzPath, fuzzCase.Text)).Unknown;
                    if (unknown.Count > 0)
                    {
                        if (smallest is null || fuzzCase.Text.Length < smallest.Value.Case.Text.Length)
                        {
                            smallest = (fuzzCase, unknown);
                        }

                        throw new InvalidOperationException(unknown[0]);
                    }
                },
                seed: seed,
                iter: iterations,
                threads: 1,
                print: static c => c.Kind);
        }
        catch (Exception e)
        {
            csCheck = e.Message.Split('\n')[0];
        }

        if (smallest is not { } found)
        {
            output.WriteLine("The case passes now.");
            return "(passes now)";
        }

        string report = $"{csCheck}{Environment.NewLine}{string.Join(Environment.NewLine, found.Problems.Take(5))}{Environment.NewLine}{found.Case}";
        string file = Path.Combine(Path.GetTempPath(), "schemabind-fuzz", seed + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, found.Case.Text);
        output.WriteLine($"Shrunk failure (document in {file}):{Environment.NewLine}{report}");
        return report;
    }

    private static IReadOnlyList<(Regex, bool, string, string)> LoadKnown()
    {
        string file = Path.Combine(Inputs.ProjectFolder, "fuzz-known-failing.txt");
        return File.ReadAllLines(file)
            .Select(static l => l.Trim())
            .Where(static l => l.Length > 0 && !l.StartsWith('#'))
            .Select(static l => l.Split(" | ", 3, StringSplitOptions.TrimEntries))
            .Select(p => p.Length == 3 ? (new Regex(p[2].TrimStart('*'), RegexOptions.CultureInvariant), p[2].StartsWith('*'), p[0], p[1]) : throw new FormatException($"{file}: expected 'regression file | reason | regex'"))
            .ToList();
    }
}
