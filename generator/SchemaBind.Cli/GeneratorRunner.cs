using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaBind.Generator;
using SchemaBind.Generator.Analyzers;

namespace SchemaBind.Cli;

/// <summary>A schema file as read from disk: the path it is reported under and its text; a part file (SchemaBindPart) if <paramref name="Part"/>.</summary>
internal sealed record SchemaInput(string Path, string Text, bool Part = false);

/// <summary>One generated file: its hint name (the file name a build uses) and its text.</summary>
internal sealed record GeneratedFile(string HintName, string Text);

/// <summary>What one run of the generator produced.</summary>
internal sealed record GeneratorRun(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<ReportedDiagnostic> Diagnostics)
{
    /// <summary>Where the time went, phase by phase, in the order they ran.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Time)> Timings { get; init; } = [];

    public int ErrorCount => Diagnostics.Count(static d => d.Severity == DiagnosticSeverity.Error);

    public int WarningCount => Diagnostics.Count(static d => d.Severity == DiagnosticSeverity.Warning);
}

/// <summary>A diagnostic as the command prints it: <c>file(line,col): severity ID: message</c>, 1-based.</summary>
internal sealed record ReportedDiagnostic(string? Path, int Line, int Column, DiagnosticSeverity Severity, string Id, string Message)
{
    public static ReportedDiagnostic From(Diagnostic diagnostic, IReadOnlyDictionary<string, string> generatedFileNames)
    {
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        if (!span.IsValid || string.IsNullOrEmpty(span.Path))
        {
            return new ReportedDiagnostic(null, 0, 0, diagnostic.Severity, diagnostic.Id, message);
        }

        string path = generatedFileNames.TryGetValue(span.Path, out string? hintName) ? hintName : span.Path;
        return new ReportedDiagnostic(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, diagnostic.Severity, diagnostic.Id, message);
    }

    public override string ToString()
    {
        string severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return Path is null
            ? $"{severity} {Id}: {Message}"
            : $"{Path}({Line},{Column}): {severity} {Id}: {Message}";
    }
}

/// <summary>
/// Runs the real <see cref="SchemaBindGenerator"/> and <see cref="SchemaFileAnalyzer"/> the way the compiler
/// does in a build: the schema files are additional texts, and the SchemaBindApi item's metadata reaches them
/// through an <see cref="AnalyzerConfigOptionsProvider"/> under the same keys the buildTransitive targets use.
/// </summary>
internal static class GeneratorRunner
{
    /// <summary>The language version of Roslyn 4.8, the generator's floor (C# 12).</summary>
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(static () =>
    {
        // What a user's net10.0 project compiles against: the framework plus SchemaBind.Runtime and its
        // dependencies, all of them on this process's trusted platform assemblies list.
        string[] assemblies = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return assemblies
            .Where(static path => IsReference(Path.GetFileName(path)))
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    /// <summary>The parse options `check` compiles with; the benchmarks' `compile DIR` uses the same.</summary>
    internal static CSharpParseOptions ParseOptions => s_parseOptions;

    /// <summary>What `check` compiles against; the benchmarks' `compile DIR` uses the same.</summary>
    internal static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>The compilation options of `check`: a library, nullable enabled, every warning level.</summary>
    internal static CSharpCompilationOptions CompilationOptions { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        deterministic: true);

    private static bool IsReference(string fileName) =>
        fileName.StartsWith("System.", StringComparison.Ordinal)
        || fileName.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
        || fileName.StartsWith("Microsoft.Win32.", StringComparison.Ordinal)
        || fileName is "mscorlib.dll" or "netstandard.dll" or "SchemaBind.Runtime.dll";

    /// <summary>Generates the code of <paramref name="schemas"/> and reports the schema diagnostics.</summary>
    /// <param name="compile">Also compile the generated code and report the compiler's warnings and errors.</param>
    /// <param name="progress">Where to say which phase runs (a terminal's standard error), or null for nothing.</param>
    public static GeneratorRun Run(IReadOnlyList<SchemaInput> schemas, CommandLine options, bool compile, TextWriter? progress = null, CancellationToken cancellationToken = default)
    {
        var timings = new List<(string Phase, TimeSpan Time)>();
        var clock = Stopwatch.StartNew();
        void Phase(string name)
        {
            timings.Add((name, clock.Elapsed));
            clock.Restart();
        }

        progress?.WriteLine($"schemabind: generating from {(schemas.Count == 1 ? "1 file" : schemas.Count + " files")}...");
        ImmutableArray<AdditionalText> texts = schemas.Select(static s => (AdditionalText)new SchemaText(s.Path, s.Text)).ToImmutableArray();
        // `check` compiles under the full #nullable enable (SchemaBindNullableWarnings) to prove the generated code free
        // of nullable warnings; `generate` writes what a build does by default (annotations, warnings off).
        var optionsProvider = new ItemMetadataProvider(options, schemas.Where(static s => s.Part).Select(static s => s.Path), nullableWarnings: compile);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "SchemaBindCheck",
            syntaxTrees: [],
            references: compile ? s_references.Value : [],
            CompilationOptions);

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new SchemaBindGenerator().AsSourceGenerator()],
            texts,
            s_parseOptions,
            optionsProvider);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics, cancellationToken);

        GeneratorDriverRunResult result = driver.GetRunResult();
        var files = result.Results
            .SelectMany(static r => r.GeneratedSources)
            .Select(static s => new GeneratedFile(s.HintName, s.SourceText.ToString()))
            .OrderBy(static f => f.HintName, StringComparer.Ordinal)
            .ToList();
        Phase("generate");

        // Diagnostics that do not stop generation come from the analyzer, exactly as in a build. It reads only the
        // schema files, so it runs on the compilation without the generated files: on the output, the analyzer driver
        // would first parse every generated file (seconds for a large API), which `generate` never needs.
        progress?.WriteLine($"schemabind: {files.Count} file(s), {files.Sum(static f => (long)f.Text.Length) / 1024:N0} KiB of C#; checking the schema...");
        ImmutableArray<Diagnostic> schemaDiagnostics = compilation
            .WithAnalyzers([new SchemaFileAnalyzer()], new AnalyzerOptions(texts, optionsProvider))
            .GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
        Phase("analyze");

        IEnumerable<Diagnostic> diagnostics = generatorDiagnostics.Concat(schemaDiagnostics);
        if (compile)
        {
            progress?.WriteLine("schemabind: compiling...");
            diagnostics = diagnostics.Concat(output.GetDiagnostics(cancellationToken)).ToList();
            Phase("compile");
        }

        // Hint names instead of the generator's tree paths, so that a compiler diagnostic names the file
        // that `schemabind generate` would write.
        var hintNames = result.Results
            .SelectMany(static r => r.GeneratedSources)
            .ToDictionary(static s => s.SyntaxTree.FilePath, static s => s.HintName, StringComparer.Ordinal);
        return new GeneratorRun(
            files,
            diagnostics
                .Where(static d => d.Severity != DiagnosticSeverity.Hidden)
                .Select(d => ReportedDiagnostic.From(d, hintNames))
                .Distinct()
                .OrderBy(static d => d.Path ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(static d => d.Line)
                .ThenBy(static d => d.Column)
                .ThenBy(static d => d.Id, StringComparer.Ordinal)
                .ToList())
        {
            Timings = timings,
        };
    }

    private sealed class SchemaText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The keys that SchemaBind.Generator.props makes visible to the compiler, with the command line's values.</summary>
    private sealed class ItemMetadataProvider(CommandLine options, IEnumerable<string> partPaths, bool nullableWarnings) : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _fileOptions = new(FileOptions(options));
        private readonly DictionaryOptions _partOptions = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.SchemaBindPart"] = "true" });
        private readonly HashSet<string> _parts = new(partPaths, StringComparer.Ordinal);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(GlobalValues(options, nullableWarnings));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _parts.Contains(textFile.Path) ? _partOptions : _fileOptions;

        private static Dictionary<string, string> GlobalValues(CommandLine options, bool nullableWarnings)
        {
            var values = new Dictionary<string, string>();
            if (options.RootNamespace is not null)
            {
                values["build_property.RootNamespace"] = options.RootNamespace;
            }

            if (nullableWarnings)
            {
                values["build_property.SchemaBindNullableWarnings"] = "true";
            }

            return values;
        }

        private static Dictionary<string, string> FileOptions(CommandLine options)
        {
            var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.SchemaBindApi"] = "true" };
            Add(values, "SchemaBindNamespace", options.Namespace);
            Add(values, "SchemaBindClientName", options.ClientName);
            Add(values, "SchemaBindKind", options.Kind);
            Add(values, "SchemaBindNumberType", options.NumberType);
            Add(values, "SchemaBindGroupBy", options.GroupBy);
            Add(values, "SchemaBindSchemas", options.SchemaSelection);
            foreach (KeyValuePair<string, string> filter in options.Filters)
            {
                Add(values, "SchemaBind" + filter.Key, filter.Value);
            }
            return values;
        }

        private static void Add(Dictionary<string, string> values, string name, string? value)
        {
            if (value is not null)
            {
                values["build_metadata.AdditionalFiles." + name] = value;
            }
        }
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new([]);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
