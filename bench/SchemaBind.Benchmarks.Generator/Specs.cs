using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaBind.Generator;
using SchemaBind.SyntheticSpecs;

namespace SchemaBind.Benchmarks.Generator;

/// <summary>The documents measured: the Buddy schema of the repository and synthetic ones by size.</summary>
public static class Specs
{
    /// <summary>The names accepted by <see cref="Load"/>, smallest first ("buddy-yaml": the Buddy document in YAML).</summary>
    public static readonly string[] Names = { "buddy", "buddy-yaml", "ops100", "ops1000", "ops5000" };

    /// <summary>The documents of <see cref="Measured"/> NSwag reads (it reads no YAML here).</summary>
    public static IEnumerable<string> MeasuredJson => Measured.Where(static n => !IsYaml(n));

    /// <summary>Whether a named document is written in YAML.</summary>
    public static bool IsYaml(string name) =>
        name.EndsWith("-yaml", StringComparison.Ordinal)
        || name.StartsWith("yaml:", StringComparison.Ordinal)
        || (name.StartsWith("file:", StringComparison.Ordinal) && (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// The documents the benchmarks run: all of <see cref="Names"/>, or those named (comma-separated) in
    /// <c>SCHEMABIND_BENCH_SPECS</c>, for a longer job on one document (<c>SCHEMABIND_BENCH_SPECS=buddy</c>).
    /// </summary>
    public static IEnumerable<string> Measured =>
        Environment.GetEnvironmentVariable("SCHEMABIND_BENCH_SPECS") is { Length: > 0 } chosen
            ? chosen.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(static n => Names.Contains(n, StringComparer.Ordinal))
            : Names;

    private static readonly Dictionary<string, string> s_cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The text of a named document; <c>file:PATH</c> reads any document (<c>loop file:../shared/realworld/github/ghes-3.19.json 5</c>),
    /// <c>yaml:PATH</c> a JSON document in its <see cref="YamlForm"/>.
    /// </summary>
    public static string Load(string name)
    {
        lock (s_cache)
        {
            if (!s_cache.TryGetValue(name, out string? text))
            {
                text = name.StartsWith("file:", StringComparison.Ordinal)
                    ? File.ReadAllText(name["file:".Length..])
                    : name.StartsWith("yaml:", StringComparison.Ordinal)
                    ? YamlForm.Of(File.ReadAllText(name["yaml:".Length..]))
                    : name == "buddy"
                    ? File.ReadAllText(BuddyPath)
                    : name == "buddy-yaml"
                        ? YamlForm.Of(Load("buddy"))
                        : Pathological(name) is (string shape, int size)
                            ? PathologicalSpec.Build(shape, size)
                            : SyntheticSpec.Build(Operations(name));
                s_cache[name] = text;
            }

            return text;
        }
    }

    /// <summary>The same document for NSwag: OpenAPI 3.0 version string, same content (the synthetic ones keep to what both read).</summary>
    public static string LoadForNSwag(string name) => name == "buddy" ? Load(name) : SyntheticSpec.Build(Operations(name), "3.0.3");

    /// <summary>The document after a one-line edit of one description.</summary>
    public static string LoadEdited(string name)
    {
        if (IsYaml(name))
        {
            return YamlForm.Of(LoadEdited(name[..^"-yaml".Length]));
        }

        string text = Load(name);
        string edited = name == "buddy"
            ? text.Replace("\"The time to wait, in seconds (0 to 1200).\"", "\"The time to wait, in seconds (0 to 1200); edited.\"", StringComparison.Ordinal)
            : SyntheticSpec.EditOneDescription(text);
        return edited != text ? edited : throw new InvalidOperationException("The edit of " + name + " changed nothing.");
    }

    /// <summary>
    /// A pathological document's shape and size from its name ("refchain10000", "enum50000": see
    /// <see cref="PathologicalSpec.Shapes"/>), or null. <see cref="Load"/> takes these names too (not <see cref="Names"/>).
    /// </summary>
    public static (string Shape, int Size)? Pathological(string name)
    {
        foreach (string shape in PathologicalSpec.Shapes)
        {
            if (name.StartsWith(shape, StringComparison.Ordinal) && int.TryParse(name.AsSpan(shape.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int size))
            {
                return (shape, size);
            }
        }

        return null;
    }

    /// <summary>The number of operations of a named document.</summary>
    public static int Operations(string name) => name switch
    {
        "buddy" or "buddy-yaml" => 5,
        _ when name.StartsWith("ops", StringComparison.Ordinal) => int.Parse(name.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentException("Unknown document " + name, nameof(name)),
    };

    /// <summary>schema/buddy/pipeline-actions.openapi.json, found above the benchmark's binaries.</summary>
    public static string BuddyPath
    {
        get
        {
            string? directory = AppContext.BaseDirectory;
            while (directory is not null && !File.Exists(Path.Combine(directory, "SourceGen.sln")))
            {
                directory = Path.GetDirectoryName(directory);
            }

            return Path.Combine(directory ?? throw new InvalidOperationException("SourceGen.sln not found above " + AppContext.BaseDirectory), "schema", "buddy", "pipeline-actions.openapi.json");
        }
    }
}

/// <summary>A user's project as the compiler hands it to the generator: one schema file opted in, a little C#.</summary>
public static class Project
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> s_references =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Where(static p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll")
        .Select(static p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToImmutableArray();

    public const string SchemaPath = "/project/api.openapi.json";

    /// <summary>Where a YAML document is: the generator reads a file by its extension.</summary>
    public const string YamlSchemaPath = "/project/api.openapi.yaml";

    public static CSharpCompilation Compilation() => CSharpCompilation.Create(
        "UserProject",
        new[] { CSharpSyntaxTree.ParseText("namespace UserProject { internal static class Program { } }", ParseOptions) },
        s_references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The same compilation with one more file, as after typing a new class in the IDE.</summary>
    public static CSharpCompilation WithUnrelatedEdit(CSharpCompilation compilation, int revision = 1) =>
        compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace UserProject { internal static class Edit" + revision.ToString(System.Globalization.CultureInfo.InvariantCulture) + " { } }",
            ParseOptions));

    public static AdditionalText Schema(string text) => new InMemoryAdditionalText(PathOf(text), SourceText.From(text));

    /// <summary>The schema file as the compiler and the IDE have it: its text decoded from the file's bytes, in chunks.</summary>
    public static AdditionalText SchemaFromBytes(string text)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return new InMemoryAdditionalText(PathOf(text), SourceText.From(stream, System.Text.Encoding.UTF8));
    }

    /// <summary>The path a document's text is given under: .json for JSON (it starts with '{'), .yaml for YAML.</summary>
    public static string PathOf(string text) => text.StartsWith('{') ? SchemaPath : YamlSchemaPath;

    /// <summary>A driver holding the public generator, with no run yet (no step tracking unless asked: that costs).</summary>
    public static GeneratorDriver Driver(AdditionalText schema, bool trackSteps = false) => Driver(schema, ParseOptions, trackSteps);

    /// <summary>The same, with the generated files parsed under <paramref name="parseOptions"/>.</summary>
    public static GeneratorDriver Driver(AdditionalText schema, CSharpParseOptions parseOptions, bool trackSteps = false) => CSharpGeneratorDriver.Create(
        new[] { new SchemaBindGenerator().AsSourceGenerator() },
        new[] { schema },
        parseOptions,
        new OptionsProvider(),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// Runs the schema analyzer over the schema file, as a build and the IDE do after the generator: it takes the
    /// diagnostics the generator's parse left for it (ParsedDiagnostics) instead of parsing again.
    /// </summary>
    public static ImmutableArray<Diagnostic> RunSchemaAnalyzer(Compilation compilation, AdditionalText schema) =>
        compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new SchemaBind.Generator.Analyzers.SchemaFileAnalyzer()),
                new AnalyzerOptions(ImmutableArray.Create(schema), new OptionsProvider()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>The files a fresh driver generates from a document's text, in the generator's order.</summary>
    public static List<GeneratedSourceResult> GeneratedSources(string text) =>
        Driver(Schema(text)).RunGenerators(Compilation()).GetRunResult().Results.SelectMany(static r => r.GeneratedSources).ToList();

    private sealed class InMemoryAdditionalText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    /// <summary>What the package's targets give the generator: the SchemaBindApi item's metadata.</summary>
    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Global = new(new Dictionary<string, string> { ["build_property.RootNamespace"] = "UserProject" });
        private static readonly Options File = new(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.SchemaBindApi"] = "true",
            ["build_metadata.AdditionalFiles.SchemaBindNamespace"] = "UserProject.Api",
            ["build_metadata.AdditionalFiles.SchemaBindClientName"] = "ApiClient",
        });

        private static readonly Options Empty = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => Global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path is SchemaPath or YamlSchemaPath ? File : Empty;
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
