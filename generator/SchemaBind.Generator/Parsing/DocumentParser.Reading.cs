using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Reading;

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
            // Its minified text is made when the document is embedded as it is (DocumentParser.Embedded), not here.
            return JsonTextParser.Parse(_input.Text, null, KeywordSupport.KnownNames, _cancellationToken);
        }
        catch (JsonSyntaxException ex)
        {
            int end = Math.Min(ex.Offset + 1, _input.Text.Length);
            Report(DiagnosticDescriptors.InvalidJson, ex.Offset, end, ex.Message);
            return null;
        }
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
        // it is embedded whole: an OpenAPI document's embedded part is written from its own tree (DocumentParser.Embedded).
        _unwritten = root;
        return root;
    }
}
