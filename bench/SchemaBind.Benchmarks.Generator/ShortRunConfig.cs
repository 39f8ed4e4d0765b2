using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;

namespace SchemaBind.Benchmarks.Generator;

/// <summary>
/// A short job so that the whole suite finishes in minutes on 2 cores: one launch, 2 warm-up and
/// 6 measured iterations. Enough to see 10x and linear growth; not enough for 1% differences.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(6).WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddExporter(MarkdownExporter.GitHub, CsvExporter.Default);
    }
}
