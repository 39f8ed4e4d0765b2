using System.Diagnostics;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;
using SchemaBind.Benchmarks.Generator;

// `check`: runs each document once through both generators and fails on any generator diagnostic, so a
// benchmark never measures a document that SchemaBind (or NSwag) rejects. Anything else: BenchmarkDotNet.
if (args.Length > 0 && args[0] == "check")
{
    int failures = 0;
    foreach (string name in Specs.Names)
    {
        string text = Specs.Load(name);
        var stopwatch = Stopwatch.StartNew();
        GeneratorDriver driver = Project.Driver(Project.Schema(text)).RunGenerators(Project.Compilation());
        double firstMs = stopwatch.Elapsed.TotalMilliseconds;
        GeneratorDriverRunResult result = driver.GetRunResult();
        var sources = result.Results.SelectMany(static r => r.GeneratedSources).ToList();
        var diagnostics = result.Diagnostics.Where(static d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        long generatedChars = sources.Sum(static s => (long)s.SourceText.Length);
        Console.WriteLine($"{name,-8} {Specs.Operations(name),5} operations  {text.Length / 1024.0,8:F0} KiB in  {sources.Count,5} files  {generatedChars / 1024.0,8:F0} KiB out  first run {firstMs,7:F0} ms  {diagnostics.Count} diagnostics");
        foreach (Diagnostic diagnostic in diagnostics.Take(5))
        {
            Console.WriteLine("    " + diagnostic);
        }

        failures += diagnostics.Count;
        try
        {
            stopwatch.Restart();
            string nswag = await NSwagBenchmarks.GenerateWithNSwag(Specs.LoadForNSwag(name)).ConfigureAwait(false);
            Console.WriteLine($"         NSwag: {nswag.Length / 1024.0:F0} KiB out, first run {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Console.WriteLine("         NSwag failed: " + ex.GetType().Name + ": " + ex.Message);
            failures++;
        }
    }

    return failures == 0 ? 0 : 1;
}

// `write <dir>`: the documents as files, for tools that run as their own process (kiota.sh).
if (args.Length > 1 && args[0] == "write")
{
    foreach (string name in Specs.Names)
    {
        File.WriteAllText(Path.Combine(args[1], name + ".json"), Specs.Load(name));
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
return 0;
