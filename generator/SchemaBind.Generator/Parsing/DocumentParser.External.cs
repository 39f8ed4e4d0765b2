using System;
using System.Collections.Generic;
using System.Linq;
using SchemaBind.Generator.Model;
using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Parsing;

// $refs into the project's other schema files. A file is parsed once on its own; if it refers to
// other files, it is parsed again with their exports (named types by pointer), so that a property
// typed by "common.schema.json#/$defs/Address" is the Address record generated from that file.
internal sealed partial class DocumentParser
{
    /// <summary>The host of the base URIs the JSON validator gives documents that refer to other files.</summary>
    private const string LinkBase = "https://schemabind.invalid/";

    // Null on the first parse: external references are only noted then.
    private readonly EquatableArray<ExternalDocument>? _externals;
    private readonly HashSet<ExternalDocument> _referencedDocuments = new();
    private bool _hasExternalReferences;

    /// <summary>Parses a file with the exports of the project's other schema files, which its <c>$ref</c>s reach.</summary>
    /// <param name="input">The schema file.</param>
    /// <param name="externals">The other files' exports.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    /// <param name="reportMistakes">As for <see cref="Parse(SchemaFileInput, System.Threading.CancellationToken, bool)"/>.</param>
    public static ParseResult Parse(SchemaFileInput input, EquatableArray<ExternalDocument> externals, System.Threading.CancellationToken cancellationToken, bool reportMistakes = true) =>
        Run(new DocumentParser(input, externals, cancellationToken, reportMistakes));

    /// <summary>A <c>$ref</c> whose target is in another file (it does not start with '#').</summary>
    private ValueSpec BuildExternalReference(JsonString reference)
    {
        if (_externals is not { } externals)
        {
            _hasExternalReferences = true;
            return JsonValue(nullable: true);
        }

        string target = reference.Value;
        int hash = target.IndexOf('#');
        string document = hash < 0 ? target : target.Substring(0, hash);
        string fragment = hash < 0 ? "#" : target.Substring(hash);
        ExternalDocument? external = FindExternal(externals, document);
        if (external is null)
        {
            Report(Diagnostics.DiagnosticDescriptors.UnresolvedReference, reference, target, "no SchemaBindApi or part file of this project is at '" + document + "'");
            return JsonValue(nullable: true);
        }

        _referencedDocuments.Add(external);
        foreach (ExportedSchema schema in external.Schemas)
        {
            if (schema.Pointer == fragment)
            {
                return schema.Value;
            }
        }

        Report(
            Diagnostics.DiagnosticDescriptors.UntypedSchema,
            reference,
            "'" + fragment + "' in " + System.IO.Path.GetFileName(external.Path) + " is not a schema with a generated type (an object, enum or union), so it is read as JSON");
        return JsonValue(nullable: true);
    }

    private ExternalDocument? FindExternal(EquatableArray<ExternalDocument> externals, string document)
    {
        // By $id: an absolute URI, or one relative to this document's own absolute $id.
        string? id = Uri.TryCreate(document, UriKind.Absolute, out Uri? absolute) && !absolute.IsFile ? absolute.AbsoluteUri : null;
        if (id is null && _root?.Get("$id") is JsonString ownId && Uri.TryCreate(ownId.Value, UriKind.Absolute, out Uri? baseId)
            && Uri.TryCreate(baseId, document, out Uri? resolved))
        {
            id = resolved.AbsoluteUri;
        }

        if (id is not null)
        {
            foreach (ExternalDocument external in externals)
            {
                if (external.Id is not null && string.Equals(external.Id.TrimEnd('#'), id.TrimEnd('#'), StringComparison.Ordinal))
                {
                    return external;
                }
            }
        }

        // By path, relative to this file.
        string path = DocumentPaths.Normalize(DocumentPaths.Combine(DocumentPaths.DirectoryOf(_input.Path), Uri.UnescapeDataString(document)));
        foreach (ExternalDocument external in externals)
        {
            if (string.Equals(DocumentPaths.Normalize(external.Path), path, StringComparison.Ordinal))
            {
                return external;
            }
        }

        return null;
    }

    /// <summary>What this file offers other files: its named types, fully qualified.</summary>
    private ExternalDocument Exports(ApiSpec api)
    {
        var schemas = new List<ExportedSchema>();
        foreach (KeyValuePair<string, NamedType> named in _registry.All)
        {
            if (!named.Key.StartsWith("#/paths/", StringComparison.Ordinal))
            {
                string qualified = "global::" + api.Namespace + "." + named.Value.Name;
                schemas.Add(new ExportedSchema(named.Key, new ValueSpec(named.Value.Kind, qualified, IsNullChoice(named.Key), null, ConstraintSpec.None)));
            }
        }

        schemas.Sort(static (a, b) => string.CompareOrdinal(a.Pointer, b.Pointer));
        string? id = _root?.Get("$id") is JsonString rootId && Uri.TryCreate(rootId.Value, UriKind.Absolute, out _) ? rootId.Value : null;
        return new ExternalDocument(_input.Path, id, "global::" + api.Namespace + "." + api.Document.ClassName, schemas.ToEquatableArray());
    }

    /// <summary>
    /// For a document that refers to other files: a base URI, and every other document of the project
    /// at the URI its relative path gives from there (all of them, since a referenced document may
    /// itself refer to a third).
    /// </summary>
    private SchemaDocumentSpec WithLinks(SchemaDocumentSpec document)
    {
        if (_externals is not { } externals || _referencedDocuments.Count == 0)
        {
            return document;
        }

        var others = externals.Where(e => DocumentPaths.Normalize(e.Path) != DocumentPaths.Normalize(_input.Path)).ToList();
        string root = CommonDirectory(others.Select(static e => DocumentPaths.Normalize(e.Path)).Append(DocumentPaths.Normalize(_input.Path)));
        string UriOf(string path) => LinkBase + EscapePath(DocumentPaths.Normalize(path).Substring(root.Length));

        var links = new List<LinkedDocument>();
        foreach (ExternalDocument other in others)
        {
            links.Add(new LinkedDocument(UriOf(other.Path), other.DocumentClass));
            if (other.Id is not null)
            {
                links.Add(new LinkedDocument(new Uri(other.Id).AbsoluteUri.TrimEnd('#'), other.DocumentClass));
            }
        }

        links.Sort(static (a, b) => string.CompareOrdinal(a.Uri, b.Uri));
        return document with { BaseUri = UriOf(_input.Path), Links = links.ToEquatableArray() };
    }

    private static string EscapePath(string relative) =>
        string.Join("/", relative.Split('/').Select(static segment => Uri.EscapeDataString(segment)));

    /// <summary>The longest directory prefix (ending in '/') that every path shares.</summary>
    private static string CommonDirectory(IEnumerable<string> paths)
    {
        string? common = null;
        foreach (string path in paths)
        {
            string directory = DocumentPaths.DirectoryOf(path);
            if (common is null)
            {
                common = directory;
                continue;
            }

            int length = 0;
            int max = Math.Min(common.Length, directory.Length);
            while (length < max && common[length] == directory[length])
            {
                length++;
            }

            common = common.Substring(0, common.LastIndexOf('/', Math.Max(0, length - 1)) + 1);
        }

        return common ?? string.Empty;
    }
}
