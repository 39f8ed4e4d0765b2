using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Emitting;
using SchemaBind.Generator.Model;
using SchemaBind.Generator.Parsing;

namespace SchemaBind.Generator;

/// <summary>
/// Turns every additional file marked with <c>SchemaBindApi="true"</c> into C# types, validators
/// and a client. This class only wires the pipeline: read → parse → emit, one file at a time.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SchemaBindGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incremental tests.</summary>
    public static class StepNames
    {
        public const string SchemaFiles = "SchemaFiles";
        public const string Parse = "Parse";
        public const string Api = "Api";
        public const string Diagnostics = "Diagnostics";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<ProjectOptions> projectOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SchemaFileOptions.Project(options));

        IncrementalValuesProvider<SchemaFileInput> files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => SchemaFileOptions.Read(pair.Left, pair.Right))
            .Where(static file => file is not null)
            .Combine(projectOptions)
            .Select(static (pair, cancellationToken) => pair.Left!.ToInput(pair.Right, cancellationToken))
            .WithTrackingName(StepNames.SchemaFiles);

        IncrementalValuesProvider<ParseResult> parsed = files
            .Select(static (file, cancellationToken) => DocumentParser.Parse(file, cancellationToken))
            .WithTrackingName(StepNames.Parse);

        IncrementalValuesProvider<ApiSpec> apis = parsed
            .Select(static (result, _) => result.Api)
            .Where(static api => api is not null)
            .Select(static (api, _) => api!)
            .WithTrackingName(StepNames.Api);

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(StepNames.Diagnostics);

        context.RegisterSourceOutput(apis, static (spc, api) => Emit(spc, api));
        // Only what stops generation is reported here; everything else comes from SchemaFileAnalyzer,
        // which shows it live in the IDE and honours severity configuration like any analyzer.
        context.RegisterSourceOutput(diagnostics, static (spc, infos) =>
        {
            foreach (DiagnosticInfo info in infos)
            {
                if (DiagnosticDescriptors.StopsGeneration(info.Id))
                {
                    spc.ReportDiagnostic(info.ToDiagnostic());
                }
            }
        });
    }

    private static void Emit(SourceProductionContext context, ApiSpec api)
    {
        foreach (TypeSpec type in api.Types)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            AddSource(context, api, type.Name, TypeEmitter.Emit(api.Namespace, type, api.Document.ClassName));
        }

        if (api.Client is not null)
        {
            AddSource(context, api, api.Client.Name, ClientEmitter.Emit(api.Namespace, api.Client));
        }

        AddSource(context, api, api.Document.ClassName, TypeEmitter.EmitSchemaDocument(api.Namespace, api.Document));
    }

    private static void AddSource(SourceProductionContext context, ApiSpec api, string typeName, string source)
    {
        string hintName = api.Namespace + "." + typeName + ".g.cs";
        try
        {
            context.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
        }
        catch (ArgumentException ex)
        {
            // Two schema files that generate the same type into the same namespace.
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InternalError,
                Location.Create(api.SourcePath, default, default),
                "duplicate generated file " + hintName,
                ex.Message));
        }
    }

}
