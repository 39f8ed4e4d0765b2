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

    [Params("buddy", "ops100", "ops1000", "ops5000")]
    public string Spec { get; set; } = "buddy";

    [GlobalSetup]
    public void Setup()
    {
        _compilation = Project.Compilation();
        _schema = Project.Schema(Specs.Load(Spec));
        _nswagText = Specs.LoadForNSwag(Spec);
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
