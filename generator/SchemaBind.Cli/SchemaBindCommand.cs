using System;
using System.Collections.Generic;
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
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
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
        GeneratorRun run = GeneratorRunner.Run([.. schemas, .. PartFinder.Find(schemas)], command, compile: !generate);
        foreach (ReportedDiagnostic diagnostic in run.Diagnostics)
        {
            stdout.WriteLine(diagnostic.ToString());
        }

        if (generate)
        {
            string directory = command.OutputDirectory!;
            Directory.CreateDirectory(directory);
            foreach (GeneratedFile file in run.Files)
            {
                File.WriteAllText(Path.Combine(directory, file.HintName), file.Text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }

            stdout.WriteLine($"{run.Files.Count} file(s) written to {directory}; {Count(run.ErrorCount, "error")}, {Count(run.WarningCount, "warning")}.");
        }
        else
        {
            stdout.WriteLine($"{Count(schemas.Count, "schema")} checked, {run.Files.Count} file(s) generated and compiled; {Count(run.ErrorCount, "error")}, {Count(run.WarningCount, "warning")}.");
        }

        return run.ErrorCount == 0 ? Ok : Errors;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
