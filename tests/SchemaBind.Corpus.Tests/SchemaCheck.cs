using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using SchemaBind.Generator.Analyzers;
using SchemaBind.Generator.Tests;

namespace SchemaBind.Corpus.Tests;

/// <summary>
/// What <c>schemabind check</c> does, as a test sees it: the real generator, both analyzers of
/// generator/SchemaBind.Generator/Analyzers, and a strict compilation of the output (nullable enabled,
/// every warning wave, warnings as errors, XML documentation diagnosed).
/// </summary>
internal static class SchemaCheck
{
    /// <summary>The IDs that mean the generator or an analyzer threw: SB0099 (the generator's own catch),
    /// CS8784/CS8785 (Roslyn caught a generator exception), AD0001 (Roslyn caught an analyzer exception).</summary>
    private static readonly HashSet<string> s_crashIds = new(StringComparer.Ordinal) { "SB0099", "CS8784", "CS8785", "AD0001" };

    /// <summary>The IDs that refuse a document as a whole (nothing is generated).</summary>
    public static readonly HashSet<string> RefusalIds = new(StringComparer.Ordinal) { "SB0001", "SB0002", "SB0003" };

    /// <summary>One set of references for every case: a user's net10.0 project plus SchemaBind.Runtime.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(static () =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(static p => Path.GetFileName(p) is var name
                && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
            .Append(typeof(SchemaBind.Runtime.ApiClientOptions).Assembly.Location)
            .Select(static p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    private static readonly CSharpCompilationOptions s_strict = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        generalDiagnosticOption: ReportDiagnostic.Error,
        deterministic: true);

    /// <summary>Checks one schema file; <paramref name="path"/> is where diagnostics must point.</summary>
    public static CheckOutcome Run(string path, string text)
    {
        var file = new SchemaFile(path, text);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "UserProject",
            [CSharpSyntaxTree.ParseText("namespace UserProject { internal static class Marker { } }", GeneratorHarness.ParseOptions)],
            s_references.Value,
            s_strict);

        var exceptions = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        GeneratorResult result;
        try
        {
            result = GeneratorHarness.Run(compilation, file);
        }
        catch (Exception e)
        {
            return CheckOutcome.Thrown(path, text, "generator run threw " + e);
        }

        TimeSpan generatorTime = stopwatch.Elapsed;
        stopwatch.Restart();

        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            // One pass binds the output once for the compiler's diagnostics and both analyzers'.
            var options = new CompilationWithAnalyzersOptions(
                result.AnalyzerOptions,
                onAnalyzerException: (e, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer.GetType().Name} threw {e}"); } },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            diagnostics = result.Output
                .WithAnalyzers([new SchemaFileAnalyzer(), new ConstantConstraintAnalyzer()], options)
                .GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            return CheckOutcome.Thrown(path, text, "analysis or compilation threw " + e);
        }

        TimeSpan compileTime = stopwatch.Elapsed;
        var all = result.GeneratorDiagnostics.Concat(diagnostics)
            .Where(static d => d.Severity >= DiagnosticSeverity.Warning)
            .Distinct()
            .ToList();
        var sources = result.Sources;
        return new CheckOutcome(
            path,
            text,
            SchemaDiagnostics: all.Where(static d => d.Id.StartsWith("SB", StringComparison.Ordinal) && !s_crashIds.Contains(d.Id)).ToList(),
            CompilerDiagnostics: all.Where(static d => !d.Id.StartsWith("SB", StringComparison.Ordinal) && !s_crashIds.Contains(d.Id)).ToList(),
            Crashes: all.Where(static d => s_crashIds.Contains(d.Id)).Select(static d => d.ToString()).Concat(exceptions).ToList(),
            GeneratedFiles: sources.Count,
            GeneratedBytes: sources.Sum(static s => (long)Encoding.UTF8.GetByteCount(s.SourceText.ToString())),
            Types: sources.Sum(static s => s.SyntaxTree.GetRoot().DescendantNodes().Count(static n => n is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)),
            OperationMethods: CountOperationMethods(sources.Select(static s => s.SyntaxTree)),
            GeneratorTime: generatorTime,
            CompileTime: compileTime);
    }

    public static CheckOutcome RunFile(string fullPath) => Run(fullPath, File.ReadAllText(fullPath));

    /// <summary>
    /// The operations the generated clients can call: per class (interfaces, which only repeat them, are not counted),
    /// the distinct names of public methods that return a task or an async stream and end in <c>Async</c>, leaving
    /// out each operation's <c>...WithResponseAsync</c> twin. Overloads of one operation (one per body type) count once.
    /// </summary>
    private static int CountOperationMethods(IEnumerable<SyntaxTree> trees)
    {
        int count = 0;
        foreach (SyntaxTree tree in trees)
        {
            foreach (ClassDeclarationSyntax type in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                count += type.Members.OfType<MethodDeclarationSyntax>()
                    .Where(static m => m.Modifiers.Any(SyntaxKind.PublicKeyword) && !m.Modifiers.Any(SyntaxKind.StaticKeyword)
                        && m.Identifier.ValueText.EndsWith("Async", StringComparison.Ordinal)
                        && !m.Identifier.ValueText.EndsWith("WithResponseAsync", StringComparison.Ordinal)
                        && m.ReturnType.ToString() is var returns
                        && (returns.Contains("Task", StringComparison.Ordinal) || returns.Contains("IAsyncEnumerable", StringComparison.Ordinal)))
                    .Select(static m => m.Identifier.ValueText)
                    .Distinct(StringComparer.Ordinal)
                    .Count();
            }
        }

        return count;
    }

    /// <summary>
    /// The operations an OpenAPI or Swagger document declares under <c>paths</c> (a path item's get, put, post,
    /// delete, options, head, patch and trace), read with a YAML parser (JSON is YAML); null when it cannot be read.
    /// </summary>
    public static int? CountOperations(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
                || !root.Children.TryGetValue(new YamlScalarNode("paths"), out YamlNode? paths) || paths is not YamlMappingNode items)
            {
                return 0;
            }

            string[] methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
            return items.Children.Values.OfType<YamlMappingNode>()
                .Sum(item => item.Children.Keys.OfType<YamlScalarNode>().Count(key => methods.Contains(key.Value)));
        }
        catch (YamlException)
        {
            return null;
        }
    }
}

/// <summary>The result of one check, and the rules every test here applies to it.</summary>
internal sealed record CheckOutcome(
    string Path,
    string Text,
    IReadOnlyList<Diagnostic> SchemaDiagnostics,
    IReadOnlyList<Diagnostic> CompilerDiagnostics,
    IReadOnlyList<string> Crashes,
    int GeneratedFiles,
    long GeneratedBytes,
    int Types,
    int OperationMethods,
    TimeSpan GeneratorTime,
    TimeSpan CompileTime)
{
    public static CheckOutcome Thrown(string path, string text, string exception) =>
        new(path, text, [], [], [exception], 0, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The operations the generator reported as left out of the client (SB0040, one per operation).</summary>
    public int OperationsLeftOut => SchemaDiagnostics.Count(static d => d.Id == "SB0040");

    /// <summary>SB diagnostics that are errors by their descriptor (warnings-as-errors promotes the others too).</summary>
    public IEnumerable<Diagnostic> SchemaErrors => SchemaDiagnostics.Where(static d => d.DefaultSeverity == DiagnosticSeverity.Error);

    /// <summary>The SB0001/SB0002/SB0003 error that refused the whole document, if any.</summary>
    public Diagnostic? Refusal => SchemaErrors.FirstOrDefault(static d => SchemaCheck.RefusalIds.Contains(d.Id));

    /// <summary>SB diagnostics that do not point into the schema file: another path, no span, or a span outside the text.</summary>
    public IReadOnlyList<string> Unlocated => SchemaDiagnostics.Where(d => !IsLocated(d)).Select(static d => $"{d} (location {d.Location})").ToList();

    private bool IsLocated(Diagnostic diagnostic)
    {
        if (diagnostic.Location.Kind is not (LocationKind.ExternalFile or LocationKind.SourceFile))
        {
            return false;
        }

        FileLinePositionSpan lines = diagnostic.Location.GetLineSpan();
        TextSpan span = diagnostic.Location.SourceSpan;
        var text = SourceText.From(Text);
        if (lines.Path != Path || span.End > text.Length || !lines.IsValid)
        {
            return false;
        }

        // A default span (0,0)-(0,0) is what a diagnostic without a real location gets; the file's first
        // character is a fair place only when the text really starts the problem there (an empty file).
        // Lines count as JSON and most editors count them (LF, CRLF, CR) or as Roslyn does (also U+2028,
        // U+2029, U+0085): a document with those inside a string may be reported either way.
        bool isDefault = span == default && lines.Span == default;
        return (!isDefault || Text.Trim().Length == 0)
            && (lines.Span == text.Lines.GetLinePositionSpan(span) || lines.Span == JsonLineSpan(span));
    }

    private LinePositionSpan JsonLineSpan(TextSpan span) => new(JsonPosition(span.Start), JsonPosition(span.End));

    private LinePosition JsonPosition(int offset)
    {
        int line = 0, lineStart = 0;
        for (int i = 0; i < offset && i < Text.Length; i++)
        {
            if (Text[i] == '\n' || (Text[i] == '\r' && (i + 1 >= Text.Length || Text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new LinePosition(line, offset - lineStart);
    }

    /// <summary>The check's rule: no crash, every SB diagnostic located, and without an SB error a clean compile.</summary>
    public IReadOnlyList<string> Problems(bool requireGeneration)
    {
        var problems = new List<string>();
        problems.AddRange(Crashes.Select(static c => "crash: " + c));
        problems.AddRange(Unlocated.Select(static u => "unlocated: " + u));
        if (requireGeneration)
        {
            problems.AddRange(SchemaErrors.Select(static d => "SB error: " + d));
        }

        if (!SchemaErrors.Any() || requireGeneration)
        {
            problems.AddRange(CompilerDiagnostics.Select(static d => "compiler: " + d));
        }

        return problems;
    }

    /// <summary>One line for the test output.</summary>
    public string Summary(int? operations) =>
        $"operations {operations?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "n/a"} ({OperationMethods} methods, {OperationsLeftOut} left out), types {Types}, files {GeneratedFiles}, " +
        $"generator {GeneratorTime.TotalMilliseconds:F0} ms, analyzers+compile {CompileTime.TotalMilliseconds:F0} ms, output {GeneratedBytes:N0} bytes, " +
        $"SB warnings {SchemaDiagnostics.Count(static d => d.DefaultSeverity == DiagnosticSeverity.Warning)}, SB errors {SchemaErrors.Count()}, " +
        $"compiler diagnostics {CompilerDiagnostics.Count}";
}
