using System.Runtime.CompilerServices;
using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Reading;
using SchemaBind.Generator.Text;

namespace SchemaBind.Generator.Parsing;

/// <summary>The text of the file into a node tree: JSON or YAML, the same tree with offsets into the file's text.</summary>
internal sealed partial class DocumentParser
{
    /// <summary>The file's tree, or null after reporting why its text cannot be read.</summary>
    private JsonNode? ReadDocument()
    {
        if (DocumentSyntaxes.Of(_input.Path, _input.Text) == DocumentSyntax.Yaml)
        {
            return ReadYaml();
        }

        try
        {
            // The text's minified copy is made on the parse's way for a document that embeds its text as it is (a JSON
            // Schema document). An OpenAPI or Swagger description embeds a part written from its tree instead
            // (EmbeddedDocument), so its copy would be dropped unread (6 MB on an 11 MB description); if one
            // does embed its text whole, the text is minified then (JsonTextParser.Minify).
            _minified = LooksLikeApiDescription(_input) ? null : new MinifiedJson();
            return JsonTextParser.Parse(_input.Text, _minified, KeywordSupport.KnownNames, _cancellationToken);
        }
        catch (JsonSyntaxException ex)
        {
            int end = Math.Min(ex.Offset + 1, _input.Text.Length);
            Report(DiagnosticDescriptors.InvalidJson, ex.Offset, end, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Whether the text names itself an OpenAPI or Swagger description near its start, where the top-level
    /// <c>openapi</c> or <c>swagger</c> member conventionally is. Only a guess about what will be embedded: a wrong
    /// one costs time, never a different result.
    /// </summary>
    private static bool LooksLikeApiDescription(SchemaFileInput input)
    {
        string text = input.Text;
        int head = Math.Min(text.Length, 4096);
        return input.Kind != DocumentKind.JsonSchema
            && (text.IndexOf("\"openapi\"", 0, head, StringComparison.Ordinal) >= 0 || text.IndexOf("\"swagger\"", 0, head, StringComparison.Ordinal) >= 0);
    }

    /// <summary>
    /// Not inlined: YamlDotNet is loaded only when the JIT compiles <see cref="YamlTextReader"/>, so a project of
    /// JSON files never loads it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private JsonNode? ReadYaml()
    {
        var notices = new List<YamlNotice>();
        JsonNode root;
        try
        {
            root = YamlTextReader.Read(_input.Text, notices, _cancellationToken);
        }
        catch (YamlSyntaxException ex)
        {
            Report(DiagnosticDescriptors.InvalidYaml, ex.Offset, Math.Max(ex.End, Math.Min(ex.Offset + 1, _input.Text.Length)), ex.Message);
            return null;
        }

        foreach (YamlNotice notice in notices)
        {
            Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor = notice.Kind switch
            {
                YamlNoticeKind.UnknownTag => DiagnosticDescriptors.YamlTagIgnored,
                YamlNoticeKind.FurtherDocument => DiagnosticDescriptors.YamlFurtherDocument,
                _ => DiagnosticDescriptors.YamlNotANumber,
            };
            Report(descriptor, notice.Start, notice.End, notice.Text);
        }

        // The embedded document is the tree as JSON (what a validator of the generated code reads), written only if
        // it is embedded whole: an OpenAPI document's embedded part is written from its own tree (EmbeddedDocument).
        _unwritten = root;
        return root;
    }
}
