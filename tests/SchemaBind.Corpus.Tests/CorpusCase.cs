using System.Diagnostics;

namespace SchemaBind.Corpus.Tests;

/// <summary>
/// One file of a corpus against its known list: an unlisted file must pass; a listed one must still fail the
/// way its entry says, so that a fix shows up as a failing test until its entry is removed.
/// </summary>
internal static class CorpusCase
{
    private enum Verdict
    {
        Passes,
        Refused,
        Broken,
    }

    /// <param name="requireGeneration">
    /// True for real documents: any SB error fails (the goal is that every one generates). False for repros and
    /// regressions: a located SB error is a fair answer, and then the output need not compile.
    /// </param>
    public static void Check(KnownList list, string key, string fullPath, bool requireGeneration)
    {
        ITestOutputHelper? output = TestContext.Current.TestOutputHelper;
        KnownEntry? entry = list[key];
        string where = entry is null ? "" : $" (listed in {Path.GetFileName(list.File)} line {entry.Line} as {entry.Status.ToString().ToLowerInvariant()}: {entry.Reason})";
        output?.WriteLine($"{key}{where}");

        if (entry?.Status == KnownStatus.Crash)
        {
            CheckCrashOutOfProcess(list, entry, fullPath, output);
            return;
        }

        if (entry?.Status == KnownStatus.Slow && Environment.GetEnvironmentVariable("SCHEMABIND_CORPUS_SLOW") != "1")
        {
            Assert.Skip($"{key} is listed as slow ({entry.Reason}); SCHEMABIND_CORPUS_SLOW=1 runs it.");
        }

        CheckOutcome outcome = SchemaCheck.RunFile(fullPath);
        IReadOnlyList<string> problems = outcome.Problems(requireGeneration);
        Verdict verdict = problems.Count == 0 ? Verdict.Passes
            : outcome.Refusal is not null && outcome.Crashes.Count == 0 && outcome.Unlocated.Count == 0 ? Verdict.Refused
            : Verdict.Broken;

        int? operations = SchemaCheck.CountOperations(outcome.Text);
        output?.WriteLine(outcome.Summary(operations));
        output?.WriteLine(verdict switch
        {
            Verdict.Passes => "passes",
            Verdict.Refused => $"refused: {outcome.Refusal}",
            _ => $"broken: {problems.Count} problem(s); first ones:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", First(problems)),
        });

        string describe = verdict == Verdict.Refused ? $"refused ({outcome.Refusal})" : "broken:" + Environment.NewLine + string.Join(Environment.NewLine, First(problems));
        switch (entry?.Status)
        {
            case null or KnownStatus.Slow:
                Assert.True(verdict == Verdict.Passes, $"{key} is {describe}{Environment.NewLine}(if this is known and fixed elsewhere, list it in {list.File})");
                if (requireGeneration && operations is int declared)
                {
                    // Every operation of the document is a method of the generated client, or a located SB0040 says
                    // why it is not: none is lost in silence.
                    Assert.True(
                        outcome.OperationMethods + outcome.OperationsLeftOut == declared,
                        $"{key} declares {declared} operation(s); the client has {outcome.OperationMethods} method(s) and SB0040 reports {outcome.OperationsLeftOut} left out.");
                }

                break;
            case KnownStatus.Refused:
                Assert.True(verdict == Verdict.Refused, verdict == Verdict.Passes
                    ? $"{key} is accepted and passes now: remove it from {list.File} (line {entry.Line})."
                    : $"{key} is accepted now but {describe}{Environment.NewLine}Change its entry in {list.File} (line {entry.Line}) to broken, with the reason.");
                break;
            default:
                Assert.True(verdict != Verdict.Passes, $"{key} passes now: remove it from {list.File} (line {entry.Line}).");
                break;
        }
    }

    private static IEnumerable<string> First(IReadOnlyList<string> problems) =>
        problems.Take(3).Append(problems.Count > 3 ? $"... and {problems.Count - 3} more" : "").Where(static p => p.Length > 0);

    /// <summary>
    /// A file that kills its process (stack overflow) runs as `schemabind check FILE` in a process of its own.
    /// The test fails once that process ends normally (exit 0 or 1): then the entry must go.
    /// </summary>
    private static void CheckCrashOutOfProcess(KnownList list, KnownEntry entry, string fullPath, ITestOutputHelper? output)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "SchemaBind.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { cli, "check", fullPath })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{entry.Path}: `schemabind check` ran for 5 minutes (listed as crash); it neither crashed nor finished.");
        }

        string firstError = stderr.Result.Split('\n').FirstOrDefault(static l => l.Trim().Length > 0) ?? "";
        output?.WriteLine($"schemabind check: exit {process.ExitCode}; {firstError.Trim()}");
        output?.WriteLine(string.Join(Environment.NewLine, stdout.Result.Split('\n').TakeLast(4)));
        Assert.True(
            process.ExitCode is not (0 or 1),
            $"{entry.Path} no longer crashes `schemabind check` (exit {process.ExitCode}): remove it from {list.File} (line {entry.Line}) so that it runs in process.{Environment.NewLine}{stdout.Result}");
    }
}
