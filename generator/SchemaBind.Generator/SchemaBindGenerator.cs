using System.Globalization;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Emitting;
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
        public const string Files = "Files";
        public const string Exports = "Exports";
        public const string Resolve = "Resolve";
        public const string Parts = "Parts";
        public const string NullableWarnings = "NullableWarnings";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<ProjectOptions> projectOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SchemaFileOptions.Project(options));

        // The files of documents split over files (SchemaBindPart): path and text, read where a $ref leads.
        // Equatable, so that a C# edit changes nothing here. Each file's input holds only the parts it may
        // read (see DocumentBundler.ReachableParts), so a part's edit re-parses only the files that may read it.
        IncrementalValueProvider<EquatableArray<PartFile>> parts = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => SchemaFileOptions.ReadPart(pair.Left, pair.Right, cancellationToken))
            .Where(static part => part is not null)
            .Collect()
            .Select(static (all, _) => all.OrderBy(static p => p!.Path, StringComparer.Ordinal).Select(static p => p!).ToEquatableArray())
            .WithTrackingName(StepNames.Parts);

        IncrementalValuesProvider<SchemaFileInput> files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => SchemaFileOptions.Read(pair.Left, pair.Right))
            .Where(static file => file is not null)
            .Combine(projectOptions)
            .Select(static (pair, cancellationToken) => pair.Left!.ToInput(pair.Right, cancellationToken))
            .Combine(parts)
            .Select(static (pair, _) => pair.Right.IsEmpty ? pair.Left : pair.Left with { Parts = DocumentBundler.ReachableParts(pair.Left.Text, pair.Right) })
            .WithTrackingName(StepNames.SchemaFiles);

        // With the mistake checks (SB0011-SB0015), which change no code, so that SchemaFileAnalyzer, which reports them,
        // takes this parse's diagnostics instead of parsing the document again in the same build (ParsedDiagnostics).
        IncrementalValuesProvider<ParsedFile> parsedAlone = files
            .Select(static (file, cancellationToken) =>
            {
                ParseResult result = DocumentParser.Parse(file, cancellationToken);
                ParsedDiagnostics.Remember(file, result);
                return new ParsedFile(file, result);
            })
            .WithTrackingName(StepNames.Parse);

        // $refs into other schema files: every file's exports (its named types), and a second parse of
        // the files that refer to others. The exports change only when type names do, so editing a
        // description in one file re-runs nothing here for the others.
        IncrementalValueProvider<EquatableArray<ExternalDocument>> exports = parsedAlone
            .Select(static (pair, _) => pair.Result.Exports)
            .Where(static exported => exported is not null)
            .Collect()
            .Select(static (all, _) => all.OrderBy(static e => e!.Path, StringComparer.Ordinal).Select(static e => e!).ToEquatableArray())
            .WithTrackingName(StepNames.Exports);

        IncrementalValuesProvider<ParseResult> parsed = parsedAlone
            .Combine(exports)
            .Select(static (pair, cancellationToken) => pair.Left.Result.HasExternalReferences
                ? DocumentParser.Parse(pair.Left.File, pair.Right, cancellationToken)
                : pair.Left.Result)
            .WithTrackingName(StepNames.Resolve);

        IncrementalValuesProvider<ApiSpec> apis = parsed
            .Select(static (result, _) => result.Api)
            .Where(static api => api is not null)
            .Select(static (api, _) => api!)
            .WithTrackingName(StepNames.Api);

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(StepNames.Diagnostics);

        // One unit per generated file: after an edit, only the files whose model changed are
        // written again (a description edit re-emits its type and the embedded document, not all).
        IncrementalValuesProvider<FileUnit> units = apis
            .SelectMany(static (api, _) => FileUnit.Of(api))
            .WithTrackingName(StepNames.Files);

        // The file header's nullable context (SchemaBindNullableWarnings) is read by the emit step only: changing
        // it re-writes every file without parsing again, and an unchanged value leaves every file cached.
        IncrementalValueProvider<bool> nullableWarnings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SchemaFileOptions.NullableWarnings(options))
            .WithTrackingName(StepNames.NullableWarnings);

        context.RegisterSourceOutput(units.Combine(nullableWarnings), static (spc, pair) => Emit(spc, pair.Left, pair.Right));
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

    private static void Emit(SourceProductionContext context, FileUnit unit, bool nullableWarnings)
    {
        SourceText source = unit switch
        {
            { Types.IsEmpty: false } => TypeEmitter.Emit(unit.Namespace, unit.Types, unit.DocumentClass, nullableWarnings),
            { Client: { } client } => ClientEmitter.Emit(unit.Namespace, client, nullableWarnings),
            { Document: { } document } => TypeEmitter.EmitSchemaDocument(unit.Namespace, document, nullableWarnings),
            _ => SourceText.From(string.Empty, System.Text.Encoding.UTF8),
        };
        AddSource(context, unit, source);
    }

    /// <summary>What one generated file is made from; equatable, so an unchanged file is not re-emitted.</summary>
    private sealed record FileUnit(string SourcePath, string Namespace, string DocumentClass, string Name, EquatableArray<TypeSpec> Types, ClientSpec? Client, SchemaDocumentSpec? Document)
    {
        /// <summary>Up to this many types, each type has a file of its own.</summary>
        internal const int MaxFilePerType = 256;

        /// <summary>Above <see cref="MaxFilePerType"/>, about this many types share a file.</summary>
        private const int TypesPerSharedFile = 32;

        public static IEnumerable<FileUnit> Of(ApiSpec api)
        {
            string documentClass = api.Document.ClassName;
            if (api.Types.Count <= MaxFilePerType)
            {
                foreach (TypeSpec type in api.Types)
                {
                    yield return new FileUnit(api.SourcePath, api.Namespace, documentClass, type.Name, new EquatableArray<TypeSpec>(new[] { type }), null, null);
                }
            }
            else
            {
                // The compiler's bookkeeping grows faster than the number of generated files (33 ms per
                // keystroke with 5,000 of them), so big documents put their types in shared files. A type's
                // file follows from a stable hash of its name, so adding a type rewrites one file, not all.
                int buckets = BucketCount(api.Types.Count);
                var files = new List<TypeSpec>[buckets];
                foreach (TypeSpec type in api.Types)
                {
                    int bucket = (int)(StableHash(type.Name) & (uint)(buckets - 1));
                    (files[bucket] ??= new List<TypeSpec>()).Add(type);
                }

                string format = new string('0', (buckets - 1).ToString(CultureInfo.InvariantCulture).Length);
                for (int i = 0; i < buckets; i++)
                {
                    if (files[i] is { } types)
                    {
                        string name = documentClass + ".Types" + i.ToString(format, CultureInfo.InvariantCulture);
                        yield return new FileUnit(api.SourcePath, api.Namespace, documentClass, name, types.ToEquatableArray(), null, null);
                    }
                }
            }

            if (api.Client is not null)
            {
                yield return new FileUnit(api.SourcePath, api.Namespace, documentClass, api.Client.Name, EquatableArray<TypeSpec>.Empty, api.Client, null);
            }

            yield return new FileUnit(api.SourcePath, api.Namespace, documentClass, documentClass, EquatableArray<TypeSpec>.Empty, null, api.Document);
        }

        /// <summary>A power of two, so that the bucket count changes only when the document doubles.</summary>
        internal static int BucketCount(int typeCount)
        {
            int buckets = 1;
            while (buckets * TypesPerSharedFile < typeCount)
            {
                buckets <<= 1;
            }

            return buckets;
        }

        /// <summary>FNV-1a over the UTF-16 code units; string.GetHashCode differs from process to process.</summary>
        private static uint StableHash(string text)
        {
            uint hash = 2166136261;
            foreach (char c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }

    private static void AddSource(SourceProductionContext context, FileUnit unit, SourceText source)
    {
        string hintName = unit.Namespace + "." + unit.Name + ".g.cs";
        try
        {
            context.AddSource(hintName, source);
        }
        catch (ArgumentException ex)
        {
            // Two schema files that generate the same type into the same namespace.
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InternalError,
                Location.Create(unit.SourcePath, default, default),
                "duplicate generated file " + hintName,
                ex.Message));
        }
    }

}
