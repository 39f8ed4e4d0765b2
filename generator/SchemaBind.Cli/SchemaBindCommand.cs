using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.IO;
using System.Reflection;
using System.Text;

namespace SchemaBind.Cli;

/// <summary>The <c>schemabind</c> command: <c>generate</c> and <c>check</c>.</summary>
internal static class SchemaBindCommand
{
    public const int Ok = 0;
    public const int Errors = 1;
    public const int BadUsage = 2;

    /// <summary>Runs one command; the return value is the process exit code.</summary>
    /// <param name="progress">Where a long run says which phase it is in (a terminal), or null to stay quiet.</param>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TextWriter? progress = null)
    {
        CommandLine? command = CommandLine.Parse(args, out string? usageError);
        if (command is null)
        {
            stderr.WriteLine("schemabind: " + usageError);
            stderr.WriteLine();
            stderr.WriteLine(CommandLine.Usage);
            return BadUsage;
        }

        switch (command.Command)
        {
            case "help":
                stdout.WriteLine(CommandLine.Usage);
                return Ok;
            case "version":
                stdout.WriteLine(typeof(SchemaBindCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
                return Ok;
        }

        var read = Stopwatch.StartNew();
        var schemas = new List<SchemaInput>();
        foreach (string path in command.Schemas)
        {
            if (!File.Exists(path))
            {
                stderr.WriteLine($"schemabind: schema file '{path}' not found.");
                return BadUsage;
            }

            schemas.Add(new SchemaInput(path, File.ReadAllText(path, Encoding.UTF8)));
        }

        bool generate = command.Command == "generate";
        SchemaInput[] inputs = [.. schemas, .. PartFinder.Find(schemas)];
        TimeSpan readTime = read.Elapsed;
        GeneratorRun run = GeneratorRunner.Run(inputs, command, compile: !generate, progress);
        foreach (ReportedDiagnostic diagnostic in run.Diagnostics)
        {
            stdout.WriteLine(diagnostic.ToString());
        }

        var timings = new List<(string Phase, TimeSpan Time)> { ("read", readTime) };
        timings.AddRange(run.Timings);
        if (generate)
        {
            var write = Stopwatch.StartNew();
            string directory = command.OutputDirectory!;
            Directory.CreateDirectory(directory);
            foreach (GeneratedFile file in run.Files)
            {
                File.WriteAllText(Path.Combine(directory, file.HintName), file.Text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }

            timings.Add(("write", write.Elapsed));
            stdout.WriteLine($"{run.Files.Count} file(s) written to {directory}; {Count(run.ErrorCount, "error")}, {Count(run.WarningCount, "warning")}.");
        }
        else
        {
            stdout.WriteLine($"{Count(schemas.Count, "schema")} checked, {run.Files.Count} file(s) generated and compiled; {Count(run.ErrorCount, "error")}, {Count(run.WarningCount, "warning")}.");
        }

        if (command.Timings)
        {
            // One line a phase, then the total: "  compile       41,207 ms   88%".
            double total = timings.Sum(static t => t.Time.TotalMilliseconds);
            stdout.WriteLine("Timings:");
            foreach ((string phase, TimeSpan time) in timings)
            {
                stdout.WriteLine(FormattableString.Invariant($"  {phase,-9} {time.TotalMilliseconds,10:N0} ms  {(total > 0 ? 100 * time.TotalMilliseconds / total : 0),3:0}%"));
            }

            stdout.WriteLine(FormattableString.Invariant($"  {"total",-9} {total,10:N0} ms"));
        }

        return run.ErrorCount == 0 ? Ok : Errors;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
