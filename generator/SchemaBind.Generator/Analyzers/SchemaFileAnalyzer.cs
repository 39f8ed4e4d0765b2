using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Model;
using SchemaBind.Generator.Parsing;

namespace SchemaBind.Generator.Analyzers;

/// <summary>
/// Reports the problems of each SchemaBind schema file that do not stop generation (unsupported
/// or misspelled keywords, unresolved references, contradictions, ...), using the generator's own
/// parser. As an analyzer they show live in the IDE and follow .editorconfig severities; the
/// generator reports only what stops it.
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
        context.RegisterAdditionalFileAction(static fileContext =>
        {
            SchemaFileOptions? options = SchemaFileOptions.Read(fileContext.AdditionalFile, fileContext.Options.AnalyzerConfigOptionsProvider);
            if (options is null)
            {
                return;
            }

            ProjectOptions project = SchemaFileOptions.Project(fileContext.Options.AnalyzerConfigOptionsProvider);
            SchemaFileInput input = options.ToInput(project, fileContext.CancellationToken);
            foreach (DiagnosticInfo info in DocumentParser.Parse(input, fileContext.CancellationToken).Diagnostics)
            {
                if (!DiagnosticDescriptors.StopsGeneration(info.Id))
                {
                    fileContext.ReportDiagnostic(info.ToDiagnostic());
                }
            }
        });
    }
}
