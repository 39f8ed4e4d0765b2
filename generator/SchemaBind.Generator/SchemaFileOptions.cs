using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaBind.Generator.Parsing;

namespace SchemaBind.Generator;

/// <summary>
/// How a file is opted in (the SchemaBindApi item's metadata) and what it is read as; shared by
/// the generator, the schema analyzer and the CLI so that all three see the same input.
/// </summary>
internal sealed record SchemaFileOptions(AdditionalText File, string? Namespace, string? ClientName, DocumentKind Kind, NumberType? NumberType = null, OperationFilter? Filter = null, ClientGrouping GroupBy = ClientGrouping.None, SchemaSelection Schemas = SchemaSelection.Used)
{
    public static string RootNamespace(AnalyzerConfigOptionsProvider options) =>
        options.GlobalOptions.TryGetValue("build_property.RootNamespace", out string? value) && value.Length > 0 ? value : "Generated";

    /// <summary>
    /// <c>SchemaBindNullableWarnings=true</c>: the generated files under the full <c>#nullable enable</c>, nullable
    /// warnings of the generated code reported (<c>schemabind check</c>, the tests); otherwise annotations only.
    /// </summary>
    public static bool NullableWarnings(AnalyzerConfigOptionsProvider options) =>
        options.GlobalOptions.TryGetValue("build_property.SchemaBindNullableWarnings", out string? value)
        && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The project's options that every file shares.</summary>
    public static ProjectOptions Project(AnalyzerConfigOptionsProvider options) => new(
        RootNamespace(options),
        options.GlobalOptions.TryGetValue("build_property.SchemaBindAssertFormat", out string? assert)
            && string.Equals(assert, "true", StringComparison.OrdinalIgnoreCase),
        options.GlobalOptions.TryGetValue("build_property.SchemaBindNumberType", out string? numberType)
            ? ParseNumberType(numberType) ?? Model.NumberType.Double
            : Model.NumberType.Double);

    /// <summary>The file's options, or null when the file is not a SchemaBind API.</summary>
    public static SchemaFileOptions? Read(AdditionalText file, AnalyzerConfigOptionsProvider provider)
    {
        AnalyzerConfigOptions options = provider.GetOptions(file);
        if (!options.TryGetValue("build_metadata.AdditionalFiles.SchemaBindApi", out string? flag)
            || !string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        options.TryGetValue("build_metadata.AdditionalFiles.SchemaBindNamespace", out string? @namespace);
        options.TryGetValue("build_metadata.AdditionalFiles.SchemaBindClientName", out string? clientName);
        options.TryGetValue("build_metadata.AdditionalFiles.SchemaBindKind", out string? kind);
        options.TryGetValue("build_metadata.AdditionalFiles.SchemaBindNumberType", out string? numberType);
        DocumentKind documentKind = NullIfEmpty(kind)?.ToLowerInvariant() switch
        {
            "openapi" => DocumentKind.OpenApi,
            "jsonschema" => DocumentKind.JsonSchema,
            _ => DocumentKind.Auto,
        };
        OperationFilter? filter = OperationFilter.Create(OperationFilter.MetadataNames
            .Select(name => options.TryGetValue("build_metadata.AdditionalFiles.SchemaBind" + name, out string? value) ? value : null)
            .ToArray());
        options.TryGetValue("build_metadata.AdditionalFiles.SchemaBindGroupBy", out string? groupBy);
        ClientGrouping grouping = NullIfEmpty(groupBy)?.ToLowerInvariant() switch
        {
            "tag" => ClientGrouping.Tag,
            "path" => ClientGrouping.Path,
            _ => ClientGrouping.None,
        };
        options.TryGetValue("build_metadata.AdditionalFiles.SchemaBindSchemas", out string? schemas);
        SchemaSelection selection = string.Equals(NullIfEmpty(schemas), "all", StringComparison.OrdinalIgnoreCase) ? SchemaSelection.All : SchemaSelection.Used;
        return new SchemaFileOptions(file, NullIfEmpty(@namespace), NullIfEmpty(clientName), documentKind, ParseNumberType(numberType), filter, grouping, selection);
    }

    /// <summary>
    /// A part of a document split over files (<c>SchemaBindPart="true"</c>, not itself a SchemaBindApi), or null.
    /// </summary>
    public static PartFile? ReadPart(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        AnalyzerConfigOptions options = provider.GetOptions(file);
        if (!options.TryGetValue("build_metadata.AdditionalFiles.SchemaBindPart", out string? flag)
            || !string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase)
            || (options.TryGetValue("build_metadata.AdditionalFiles.SchemaBindApi", out string? api) && string.Equals(api, "true", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return new PartFile(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty);
    }

    public SchemaFileInput ToInput(ProjectOptions project, CancellationToken cancellationToken)
    {
        SourceText? text = File.GetText(cancellationToken);
        string @namespace = Namespace
            ?? project.RootNamespace + "." + Names.ToPascalCase(System.IO.Path.GetFileName(File.Path).Split('.')[0]);
        return new SchemaFileInput(File.Path, text?.ToString() ?? string.Empty, @namespace, ClientName, Kind, project.AssertFormat, NumberType ?? project.NumberType)
        {
            Filter = Filter,
            GroupBy = GroupBy,
            Schemas = Schemas,
        };
    }

    /// <summary>"double" or "decimal" (any case); anything else is left to the project's setting.</summary>
    private static NumberType? ParseNumberType(string? value) => NullIfEmpty(value)?.ToLowerInvariant() switch
    {
        "decimal" => Model.NumberType.Decimal,
        "double" => Model.NumberType.Double,
        _ => null,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}

/// <summary>MSBuild properties that apply to every schema file of a project.</summary>
internal sealed record ProjectOptions(string RootNamespace, bool AssertFormat, NumberType NumberType = NumberType.Double);
