using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SchemaBind.Cli;

namespace SchemaBind.Benchmarks.Generator;

/// <summary>
/// `compile DIR [runs] [--per-file] [--ref DLL]... [--define SYMBOL]... [--docs none|parse|diagnose] [--nowarn ID]... [--serial] [--no-bodies] [--warm-up]`: what the C# compiler spends on a directory of .cs files (the output of
/// `schemabind generate`, Kiota's, or a transformed copy of either), compiled with `schemabind check`'s settings
/// (GeneratorRunner: C# 12, documentation comments diagnosed, Nullable, every warning level) against the same
/// references, plus an XML documentation file as GenerateDocumentationFile writes. Phase by phase, each run in
/// a fresh compilation: parse, declaration diagnostics, the remaining diagnostics (method bodies: binding,
/// nullable analysis, flow analysis), emit (which binds and lowers again, as a build's only call does). CPU
/// time of the process is given beside the clock, as the machine is shared; the first run includes the JIT
/// unless --warm-up.
/// With --per-file, each syntax tree's semantic diagnostics alone, the slowest per byte first.
/// </summary>
internal static class CompileDirectory
{
    public static int Run(string directory, int runs, bool perFile, IReadOnlyList<string> references, IReadOnlyList<string> defines, DocumentationMode? documentation, IReadOnlyList<string> noWarn, bool serial, bool bodies, bool warmUp)
    {
        // --ref: assemblies beyond check's (Kiota's packages for its output); --define: the preprocessor symbols of
        // a real target (Kiota's output chooses its nullable annotations with #if NETSTANDARD2_1_OR_GREATER).
        List<MetadataReference> allReferences = ReferencesWith(references);
        // --docs none|parse|diagnose: none is a project without GenerateDocumentationFile; --nowarn: as NoWarn.
        CSharpParseOptions parseOptions = GeneratorRunner.ParseOptions.WithPreprocessorSymbols(defines).WithDocumentationMode(documentation ?? GeneratorRunner.ParseOptions.DocumentationMode);
        // --serial: one thread (concurrentBuild off). On a loaded machine the parallel compiler's threads wait for
        // each other and spin, which counts as CPU time; one thread's CPU time is the steadier figure.
        CSharpCompilationOptions options = GeneratorRunner.CompilationOptions
            .WithSpecificDiagnosticOptions(noWarn.Select(static id => KeyValuePair.Create(id, ReportDiagnostic.Suppress)))
            .WithConcurrentBuild(!serial);
        bool writeDocs = parseOptions.DocumentationMode > DocumentationMode.None;
        List<string> files = SourceFiles(directory);
        var texts = files.Select(static f => (Path: f, Text: File.ReadAllText(f))).ToList();
        long chars = texts.Sum(static t => (long)t.Text.Length);
        Console.WriteLine($"{directory}: {files.Count} files, {chars / (1024.0 * 1024):F1} M chars; load average {LoadAverage()}");
        if (warmUp)
        {
            // --warm-up: the compiler's code jitted first, on the directory's smallest files (their errors do not
            // matter), so that the first timed run measures the compiler rather than the JIT.
            var small = texts.OrderBy(static t => t.Text.Length).Take(Math.Max(1, texts.Count / 4)).Select(t => CSharpSyntaxTree.ParseText(t.Text, parseOptions, t.Path));
            CSharpCompilation.Create("WarmUp", small, allReferences, options).Emit(new MemoryStream(), xmlDocumentationStream: writeDocs ? new MemoryStream() : null);
        }

        for (int run = 1; run <= runs; run++)
        {
            var phases = new List<(string Name, double Clock, double Cpu, double AllocatedMB)>();
            var clock = Stopwatch.StartNew();
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long allocated = GC.GetTotalAllocatedBytes(precise: false);
            void Phase(string name)
            {
                TimeSpan now = Process.GetCurrentProcess().TotalProcessorTime;
                long bytes = GC.GetTotalAllocatedBytes(precise: false);
                phases.Add((name, clock.Elapsed.TotalSeconds, (now - cpu).TotalSeconds, (bytes - allocated) / (1024.0 * 1024)));
                cpu = now;
                allocated = bytes;
                clock.Restart();
            }

            var trees = texts.Select(t => CSharpSyntaxTree.ParseText(t.Text, parseOptions, t.Path)).ToList();
            Phase("parse");
            CSharpCompilation compilation = CSharpCompilation.Create("CompileBench", trees, allReferences, options);
            var declaration = compilation.GetDeclarationDiagnostics();
            Phase("declarations");
            // --no-bodies: straight to emit, as a build does (emit binds the bodies itself and reports their diagnostics).
            var all = bodies ? compilation.GetDiagnostics() : [];
            if (bodies)
            {
                Phase("bodies");
            }

            using var pe = new MemoryStream();
            using var docs = new MemoryStream();
            var emitted = compilation.Emit(pe, xmlDocumentationStream: writeDocs ? docs : null);
            Phase("emit");
            if (!bodies)
            {
                all = declaration.AddRange(emitted.Diagnostics);
            }

            int errors = all.Count(static d => d.Severity == DiagnosticSeverity.Error);
            int warnings = all.Count(static d => d.Severity == DiagnosticSeverity.Warning);
            Console.WriteLine($"run {run}: {string.Join("  ", phases.Select(static p => $"{p.Name} {p.Cpu,6:F1} s CPU ({p.Clock,5:F1} s clock, {p.AllocatedMB,6:F0} MB)"))}");
            Console.WriteLine($"       total {phases.Sum(static p => p.Cpu):F1} s CPU, {phases.Sum(static p => p.Clock):F1} s clock; {errors} errors, {warnings} warnings ({declaration.Length} from declarations), "
                + $"emit {(emitted.Success ? "ok" : "failed")}: {pe.Length / 1024} KiB IL, {docs.Length / 1024} KiB docs; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB; load average {LoadAverage()}");
            foreach (IGrouping<string, Diagnostic> group in all.Where(static d => d.Severity >= DiagnosticSeverity.Warning).GroupBy(static d => d.Id).OrderByDescending(static g => g.Count()).Take(8))
            {
                Console.WriteLine($"       {group.Count(),6} {group.Key}: {group.First()}");
            }

            if (perFile && run == runs)
            {
                var rows = new List<(string File, int Chars, double Cpu)>();

                // One fresh compilation (nothing bound yet), its declarations complete; then each tree's semantic
                // diagnostics in turn. A symbol completed lazily is charged to the first tree that needs it.
                CSharpCompilation fresh = compilation.Clone();
                fresh.GetDeclarationDiagnostics();
                foreach (SyntaxTree tree in fresh.SyntaxTrees)
                {
                    TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
                    fresh.GetSemanticModel(tree).GetDiagnostics();
                    rows.Add((Path.GetFileName(tree.FilePath), tree.Length, (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds));
                }

                double average = rows.Sum(static r => r.Cpu) / rows.Sum(static r => (double)r.Chars) * 1024 * 1024;
                Console.WriteLine($"per file, binding alone: {rows.Sum(static r => r.Cpu) / 1000:F1} s CPU, {average:F0} ms per M chars on average");
                foreach (var row in rows.OrderByDescending(static r => r.Cpu / Math.Max(1, r.Chars)).Take(15))
                {
                    Console.WriteLine($"    {row.File,-50} {row.Chars / 1024,7} K chars {row.Cpu,8:F0} ms CPU  {row.Cpu / row.Chars * 1024 * 1024,6:F0} ms per M chars");
                }
            }
        }

        return 0;
    }

    /// <summary>`schemabind check`'s references (GeneratorRunner) and the given assemblies (`--ref`).</summary>
    internal static List<MetadataReference> ReferencesWith(IReadOnlyList<string> references) =>
        GeneratorRunner.References.Concat(references.Select(static r => (MetadataReference)MetadataReference.CreateFromFile(r))).ToList();

    /// <summary>The .cs files under a directory, in ordinal order (the order a run compiles them in).</summary>
    internal static List<string> SourceFiles(string directory) =>
        Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories).OrderBy(static f => f, StringComparer.Ordinal).ToList();

    /// <summary>The .cs files under a directory parsed as `schemabind check` parses them (GeneratorRunner), in ordinal order.</summary>
    internal static List<SyntaxTree> ParseSourceFiles(string directory) =>
        SourceFiles(directory).Select(static f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), GeneratorRunner.ParseOptions, f)).ToList();

    /// <summary>The machine's load average over 1, 5 and 15 minutes, or n/a where there is no /proc/loadavg.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
