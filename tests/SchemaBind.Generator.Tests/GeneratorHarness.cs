using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SchemaBind.Generator.Tests;

/// <summary>A schema file as a user's project would hand it to the generator.</summary>
/// <param name="NumberType">The item's NumberType metadata.</param>
/// <param name="ProjectNumberType">The project's SchemaBindNumberType property (taken from the first file that sets it).</param>
internal sealed record SchemaFile(string Path, string Text, string? Namespace = null, string? ClientName = null, bool OptedIn = true, string? NumberType = null, string? ProjectNumberType = null, bool Part = false)
{
    /// <summary>More item metadata, by the name the generator reads (<c>SchemaBindIncludeTags</c>), as the targets pass it.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}

/// <summary>Runs the real generator in a real Roslyn compilation, as the compiler does.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        // The running framework's assemblies plus the runtime package: what a user's project references.
        string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Where(static p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(SchemaBind.Runtime.ApiClientOptions).Assembly.Location)
            .Select(static p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    public static AdditionalText ToAdditionalText(SchemaFile file) => new InMemoryAdditionalText(file.Path, file.Text);

    public static GeneratorDriver CreateDriver(params SchemaFile[] files) => CreateDriver(files.Select(ToAdditionalText).ToArray(), files);

    public static GeneratorDriver CreateDriver(AdditionalText[] texts, SchemaFile[] files) =>
        CSharpGeneratorDriver.Create(
            new[] { new SchemaBindGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            new TestOptionsProvider(files),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "UserProject",
            sources.Select(static s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            s_references.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

    public static GeneratorResult Run(params SchemaFile[] files) => Run(CreateCompilation("namespace UserProject { internal static class Marker { } }"), files);

    /// <summary>
    /// Generates from <paramref name="schema"/> into a compilation of <paramref name="probe"/>, which must declare
    /// <c>UserProject.Probe.Run()</c> returning a <c>Dictionary&lt;string, string&gt;</c>; loads the assembly and returns
    /// the generator's result and what the probe ran.
    /// </summary>
    public static (GeneratorResult Result, Dictionary<string, string> Run) RunProbe(string probe, SchemaFile schema, string contextName)
    {
        GeneratorResult result = Run(CreateCompilation(probe), schema);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = result.Output.Emit(stream);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        stream.Position = 0;
        System.Reflection.Assembly assembly = new System.Runtime.Loader.AssemblyLoadContext(contextName, isCollectible: true).LoadFromStream(stream);
        System.Reflection.MethodInfo run = assembly.GetType("UserProject.Probe", throwOnError: true)!.GetMethod("Run")!;
        return (result, (Dictionary<string, string>)run.Invoke(null, null)!);
    }

    public static GeneratorResult Run(CSharpCompilation compilation, params SchemaFile[] files)
    {
        AdditionalText[] texts = files.Select(ToAdditionalText).ToArray();
        var options = new TestOptionsProvider(files);
        GeneratorDriver driver = CreateDriver(texts, files).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        return new GeneratorResult(driver, driver.GetRunResult(), output, generatorDiagnostics, new AnalyzerOptions(texts.ToImmutableArray(), options));
    }

    public static string RepositoryFile(params string[] parts)
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "SourceGen.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return Path.Combine(new[] { directory ?? throw new InvalidOperationException("SourceGen.sln not found above the test binaries.") }.Concat(parts).ToArray());
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    /// <param name="nullableWarnings">
    /// The project's SchemaBindNullableWarnings. True in every test unless it says otherwise: the generated files are
    /// compiled under the full <c>#nullable enable</c>, so that every test that compiles them proves them free of
    /// nullable warnings (a user's build has annotations only, with those warnings off).
    /// </param>
    public static AnalyzerConfigOptionsProvider Options(SchemaFile[] files, string rootNamespace = "UserProject", bool nullableWarnings = true) => new TestOptionsProvider(files, rootNamespace, nullableWarnings);

    private sealed class TestOptionsProvider(SchemaFile[] files, string rootNamespace = "UserProject", bool nullableWarnings = true) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(Globals(files, rootNamespace, nullableWarnings));

        private static Dictionary<string, string> Globals(SchemaFile[] files, string rootNamespace, bool nullableWarnings)
        {
            var values = new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace };
            if (nullableWarnings)
            {
                values["build_property.SchemaBindNullableWarnings"] = "true";
            }

            if (files.Select(static f => f.ProjectNumberType).FirstOrDefault(static t => t is not null) is string numberType)
            {
                values["build_property.SchemaBindNumberType"] = numberType;
            }

            return values;
        }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            SchemaFile? file = files.FirstOrDefault(f => f.Path == textFile.Path);
            if (file is { Part: true })
            {
                return new DictionaryOptions(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.SchemaBindPart"] = "true" });
            }

            if (file is null || !file.OptedIn)
            {
                return DictionaryOptions.Empty;
            }

            var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.SchemaBindApi"] = "true" };
            if (file.Namespace is not null)
            {
                values["build_metadata.AdditionalFiles.SchemaBindNamespace"] = file.Namespace;
            }

            if (file.ClientName is not null)
            {
                values["build_metadata.AdditionalFiles.SchemaBindClientName"] = file.ClientName;
            }

            if (file.NumberType is not null)
            {
                values["build_metadata.AdditionalFiles.SchemaBindNumberType"] = file.NumberType;
            }

            foreach (KeyValuePair<string, string> metadata in file.Metadata ?? new Dictionary<string, string>())
            {
                values["build_metadata.AdditionalFiles." + metadata.Key] = metadata.Value;
            }

            return new DictionaryOptions(values);
        }
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}

internal sealed record GeneratorResult(GeneratorDriver Driver, GeneratorDriverRunResult RunResult, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, AnalyzerOptions AnalyzerOptions)
{
    public IReadOnlyList<GeneratedSourceResult> Sources => RunResult.Results.SelectMany(static r => r.GeneratedSources).ToList();

    /// <summary>Every schema diagnostic, as a build shows them: the generator's plus the schema analyzer's.</summary>
    public IReadOnlyList<Diagnostic> SchemaDiagnostics => GeneratorDiagnostics
        .Concat(SchemaAnalyzerDiagnostics)
        .Where(static d => d.Id.StartsWith("SB", StringComparison.Ordinal))
        .OrderBy(static d => d.Location.SourceSpan.Start)
        .ToList();

    public IReadOnlyList<Diagnostic> SchemaAnalyzerDiagnostics => Output
        .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SchemaBind.Generator.Analyzers.SchemaFileAnalyzer()), AnalyzerOptions)
        .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
        .ToList();

    /// <summary>Errors and warnings of the user's compilation once the generated code is in it.</summary>
    public IReadOnlyList<Diagnostic> CompilationDiagnostics => Output.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Runs analyzers over the user's compilation with the generated code in it.</summary>
    public IReadOnlyList<Diagnostic> AnalyzerDiagnostics(params DiagnosticAnalyzer[] analyzers) =>
        Output.WithAnalyzers(ImmutableArray.Create(analyzers)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .OrderBy(static d => d.Location.SourceSpan.Start)
            .ToList();

    /// <summary>Fails with every diagnostic in full (file, span, ID and message) when there is any.</summary>
    public static void AssertNone(IEnumerable<Diagnostic> diagnostics)
    {
        var all = diagnostics.ToList();
        Assert.True(all.Count == 0, string.Join(Environment.NewLine, all.Select(static d => d.ToString())));
    }

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();
}
