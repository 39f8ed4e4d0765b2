using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaBind.Cli;

namespace SchemaBind.Benchmarks.Generator;

/// <summary>
/// `analyzers DIR|file:DOCUMENT [runs] [--analyzer DLL]... [--only ID]... [--ref DLL]... [--concurrent]`: what the analyzers of a
/// user's build (by default the .NET SDK's, Microsoft.CodeAnalysis.NetAnalyzers and its C# part) spend on a
/// directory of .cs files (or of the generator's output for a document, as the generator's trees), one analyzer at a time, as the build's `-p:ReportAnalyzer=true` report does, but in one
/// process and on that code alone, so that a change to the generated code can be tried in a minute. `--only CA2252`
/// keeps the analyzers that report that ID. The compilation is `schemabind check`'s (GeneratorRunner), its
/// declarations and bodies bound before the analyzers start, so that their time is theirs. The analyzers run one after the other unless --concurrent (as a build runs
/// them: each analyzer's time then includes waiting for the others).
/// </summary>
internal static class AnalyzeDirectory
{
    public static int Run(string directory, int runs, IReadOnlyList<string> analyzerPaths, IReadOnlyList<string> only, IReadOnlyList<string> references, bool concurrent)
    {
        if (analyzerPaths.Count == 0)
        {
            string sdk = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            string dotnetRoot = Path.GetFullPath(Path.Combine(sdk, "..", "..", ".."));
            // The newest SDK by version (by text, 9.0 would come before 10.0); a preview's suffix is ignored.
            string analyzers = Directory.GetDirectories(Path.Combine(dotnetRoot, "sdk"))
                .Select(static d => (Path: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out Version? v) ? v : new Version()))
                .OrderByDescending(static d => d.Version)
                .Select(static d => Path.Combine(d.Path, "Sdks", "Microsoft.NET.Sdk", "analyzers")).First(Directory.Exists);
            analyzerPaths = [Path.Combine(analyzers, "Microsoft.CodeAnalysis.NetAnalyzers.dll"), Path.Combine(analyzers, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll")];
        }

        var loader = new AnalyzerLoader();
        ImmutableArray<DiagnosticAnalyzer> all = analyzerPaths
            .SelectMany(path => new AnalyzerFileReference(path, loader).GetAnalyzers(LanguageNames.CSharp))
            .Where(a => only.Count == 0 || a.SupportedDiagnostics.Any(d => only.Contains(d.Id)))
            .ToImmutableArray();
        List<MetadataReference> allReferences = CompileDirectory.ReferencesWith(references);
        List<SyntaxTree> trees;
        if (Directory.Exists(directory))
        {
            trees = CompileDirectory.ParseSourceFiles(directory);
        }
        else
        {
            // A document (`file:PATH`): the same code as the generator's own trees, as a build's compiler has them.
            Project.Driver(Project.Schema(Specs.Load(directory)), GeneratorRunner.ParseOptions)
                .RunGeneratorsAndUpdateCompilation(CSharpCompilation.Create("AnalyzeBench", [], allReferences, GeneratorRunner.CompilationOptions), out Compilation output, out _);
            trees = output.SyntaxTrees.ToList();
        }

        Console.WriteLine($"{directory}: {trees.Count} files; {all.Length} analyzers from {string.Join(", ", analyzerPaths.Select(Path.GetFileName))}");
        for (int run = 1; run <= runs; run++)
        {
            CSharpCompilation compilation = CSharpCompilation.Create("AnalyzeBench", trees, allReferences, GeneratorRunner.CompilationOptions);
            var errors = compilation.GetDiagnostics().Count(static d => d.Severity == DiagnosticSeverity.Error);
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: true);
            var withAnalyzers = compilation.WithAnalyzers(all, options);
            var clock = Stopwatch.StartNew();
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            ImmutableArray<Diagnostic> diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            Console.WriteLine($"run {run}: {clock.Elapsed.TotalSeconds:F1} s clock, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s CPU; {diagnostics.Length} analyzer diagnostics, {errors} compiler errors; load average {CompileDirectory.LoadAverage()}");
            var rows = all.Select(a => (Analyzer: a, Time: withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime))
                .OrderByDescending(static r => r.Time).Take(8);
            foreach (var row in rows)
            {
                Console.WriteLine($"    {row.Time.TotalSeconds,7:F3} s  {row.Analyzer.GetType().Name} ({string.Join(", ", row.Analyzer.SupportedDiagnostics.Select(static d => d.Id).Distinct())})");
            }

            foreach (IGrouping<string, Diagnostic> group in diagnostics.GroupBy(static d => d.Id).OrderByDescending(static g => g.Count()).Take(5))
            {
                Console.WriteLine($"    {group.Count(),6} {group.Key}: {group.First()}");
            }
        }

        return 0;
    }

    private sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }
}
