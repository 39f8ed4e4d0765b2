using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace SchemaBind.Packaging.Tests;

/// <summary>The output of one finished process.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Command)
{
    public string Describe() => $"`{Command}` exited {ExitCode}:{Environment.NewLine}{Output}";
}

/// <summary>Runs the dotnet CLI (and built programs) as a user would, isolated from the test host's MSBuild.</summary>
internal static class DotNet
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    public static string Configuration { get; } = Metadata("SchemaBindConfiguration");

    public static string RepoRoot { get; } = Path.GetFullPath(Metadata("SchemaBindRepoRoot"));

    public static string RepoFile(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    public static Task<ProcessResult> RunAsync(string workingDirectory, params string[] args) => RunProcessAsync("dotnet", workingDirectory, args);

    public static async Task<ProcessResult> RunProcessAsync(string fileName, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host runs under `dotnet test`, whose MSBuild variables would steer a child build.
        foreach (string name in start.Environment.Keys.Where(static k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{fileName} {string.Join(' ', args)}` did not finish in {s_timeout}:{Environment.NewLine}{output}");
        }

        process.WaitForExit(); // flushes the asynchronous output readers
        lock (output)
        {
            return new ProcessResult(process.ExitCode, output.ToString(), $"{fileName} {string.Join(' ', args)}");
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Metadata(string key) =>
        typeof(DotNet).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"No {key} metadata.");
}
