using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;

namespace SchemaBind.Benchmarks.Generator;

/// <summary>
/// A short job so that the whole suite finishes in minutes on 2 cores: one launch, 2 warm-up and
/// 6 measured iterations. Enough to see 10x and linear growth; not enough for 1% differences.
/// Server GC, as the compiler server (VBCSCompiler) that runs generators in a build and in the IDE
/// is configured (System.GC.Server in its runtimeconfig.json); NSwag runs under the same job.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(6).WithGcServer(true).WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddExporter(MarkdownExporter.GitHub, CsvExporter.Default);
    }
}
