using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Parsing;

namespace SchemaBind.Generator.Analyzers;

/// <summary>
/// Reports the problems of each SchemaBind schema file that do not stop generation (unsupported
/// or misspelled keywords, unresolved references, contradictions, ...), using the generator's own
/// parser, or the generator's own parse of the same input when it ran just before in this process
/// (<see cref="ParsedDiagnostics"/>). As an analyzer they show live in the IDE and follow .editorconfig
/// severities; the generator reports only what stops it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SchemaFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.All
        .Where(static d => !DiagnosticDescriptors.StopsGeneration(d.Id) && d.Id.StartsWith("SB0", System.StringComparison.Ordinal))
        .ToImmutableArray();

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            // The exports of the project's schema files, read once per compilation and only if a file
            // has $refs into another (as the generator does, a second parse then resolves them).
            AnalyzerOptions analyzerOptions = compilationContext.Options;
            var exports = new System.Lazy<EquatableArray<ExternalDocument>>(
                () => Exports(analyzerOptions, compilationContext.CancellationToken),
                System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

            var parts = new System.Lazy<EquatableArray<PartFile>>(
                () => analyzerOptions.AdditionalFiles
                    .Select(file => SchemaFileOptions.ReadPart(file, analyzerOptions.AnalyzerConfigOptionsProvider, compilationContext.CancellationToken))
                    .Where(static part => part is not null)
                    .Select(static part => part!)
                    .OrderBy(static part => part.Path, System.StringComparer.Ordinal)
                    .ToEquatableArray(),
                System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

            compilationContext.RegisterAdditionalFileAction(fileContext =>
            {
                SchemaFileInput? input = Input(fileContext.AdditionalFile, fileContext.Options, fileContext.CancellationToken);
                if (input is null)
                {
                    return;
                }

                if (!parts.Value.IsEmpty)
                {
                    input = input with { Parts = DocumentBundler.ReachableParts(input.Text, parts.Value) };
                }

                // The generator parsed this very input a moment ago in a build: take its diagnostics (ParsedDiagnostics).
                if (!ParsedDiagnostics.TryRecall(input, out EquatableArray<DiagnosticInfo> diagnostics))
                {
                    ParseResult result = DocumentParser.Parse(input, fileContext.CancellationToken);
                    if (result.HasExternalReferences)
                    {
                        result = DocumentParser.Parse(input, exports.Value, fileContext.CancellationToken);
                    }

                    diagnostics = result.Diagnostics;
                }

                foreach (DiagnosticInfo info in diagnostics)
                {
                    if (!DiagnosticDescriptors.StopsGeneration(info.Id))
                    {
                        fileContext.ReportDiagnostic(info.ToDiagnostic());
                    }
                }
            });
        });
    }

    private static SchemaFileInput? Input(AdditionalText file, AnalyzerOptions options, System.Threading.CancellationToken cancellationToken)
    {
        SchemaFileOptions? fileOptions = SchemaFileOptions.Read(file, options.AnalyzerConfigOptionsProvider);
        return fileOptions?.ToInput(SchemaFileOptions.Project(options.AnalyzerConfigOptionsProvider), cancellationToken);
    }

    private static EquatableArray<ExternalDocument> Exports(AnalyzerOptions options, System.Threading.CancellationToken cancellationToken)
    {
        var exports = new System.Collections.Generic.List<ExternalDocument>();
        foreach (AdditionalText file in options.AdditionalFiles)
        {
            if (Input(file, options, cancellationToken) is { } input && DocumentParser.Parse(input, cancellationToken).Exports is { } exported)
            {
                exports.Add(exported);
            }
        }

        return exports.OrderBy(static e => e.Path, System.StringComparer.Ordinal).ToEquatableArray();
    }
}
