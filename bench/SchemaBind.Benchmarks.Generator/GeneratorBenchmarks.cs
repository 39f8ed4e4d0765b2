using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SchemaBind.Benchmarks.Generator;

/// <summary>
/// What the IDE pays: a cold run (new driver: read, parse, emit every file, and Roslyn parsing the
/// generated sources), a re-run after an unrelated C# edit (nothing the generator reads changed), and a
/// re-run after a one-line schema edit (one description changed).
/// </summary>
[Config(typeof(ShortRunConfig))]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private AdditionalText _schema = null!;
    private AdditionalText _editedSchema = null!;
    private GeneratorDriver _warm = null!;

    [ParamsSource(typeof(Specs), nameof(Specs.Measured))]
    public string Spec { get; set; } = "buddy";

    [GlobalSetup]
    public void Setup()
    {
        _compilation = Project.Compilation();
        _edited = Project.WithUnrelatedEdit(_compilation);
        _schema = Project.Schema(Specs.Load(Spec));
        _editedSchema = Project.Schema(Specs.LoadEdited(Spec));
        _warm = Project.Driver(_schema).RunGenerators(_compilation);
    }

    [Benchmark(Description = "cold")]
    public GeneratorDriver Cold() => Project.Driver(_schema).RunGenerators(_compilation);

    [Benchmark(Description = "unrelated C# edit")]
    public GeneratorDriver UnrelatedEdit() => _warm.RunGenerators(_edited);

    [Benchmark(Description = "one-line schema edit")]
    public GeneratorDriver SchemaEdit() => _warm.ReplaceAdditionalText(_schema, _editedSchema).RunGenerators(_compilation);
}
