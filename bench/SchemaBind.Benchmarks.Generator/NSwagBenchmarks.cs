using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace SchemaBind.Benchmarks.Generator;

/// <summary>
/// The same document, cold, through SchemaBind (the baseline) and through NSwag's C# client generator
/// (read the JSON, generate the file: what `nswag openapi2csclient` does, in process).
/// </summary>
[Config(typeof(ShortRunConfig))]
public class NSwagBenchmarks
{
    private Microsoft.CodeAnalysis.CSharp.CSharpCompilation _compilation = null!;
    private AdditionalText _schema = null!;
    private string _nswagText = null!;
    private GeneratorDriver? _host;

    [ParamsSource(typeof(Specs), nameof(Specs.MeasuredJson))]
    public string Spec { get; set; } = "buddy";

    /// <summary>
    /// True: the process holds, for both tools, some of what a compiler's process holds between runs: a
    /// compilation and the state of an earlier generator run of the same document (as GeneratorBenchmarks'
    /// processes do). The GC sizes its budgets by what the heap holds, so the timings depend on it; a real
    /// compiler server or IDE process holds far more (every open project's compilation). False: a process
    /// that holds nothing else.
    /// </summary>
    [Params(false, true)]
    public bool HostHeap { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = Project.Compilation();
        _schema = Project.Schema(Specs.Load(Spec));
        _nswagText = Specs.LoadForNSwag(Spec);
        if (HostHeap)
        {
            _host = Project.Driver(_schema).RunGenerators(_compilation);
        }
    }

    [Benchmark(Baseline = true, Description = "SchemaBind cold")]
    public GeneratorDriver SchemaBind() => Project.Driver(_schema).RunGenerators(_compilation);

    [Benchmark(Description = "NSwag")]
    public async Task<string> NSwag() => await GenerateWithNSwag(_nswagText).ConfigureAwait(false);

    public static async Task<string> GenerateWithNSwag(string text)
    {
        OpenApiDocument document = await OpenApiDocument.FromJsonAsync(text).ConfigureAwait(false);
        var settings = new CSharpClientGeneratorSettings { ClassName = "ApiClient" };
        settings.CSharpGeneratorSettings.Namespace = "UserProject.Api";
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }
}
