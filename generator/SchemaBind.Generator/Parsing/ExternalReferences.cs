using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Parsing;

/// <summary>
/// $refs into the project's other schema files. A file is parsed once on its own; if it refers to
/// other files, it is parsed again with their exports (named types by pointer), so that a property
/// typed by "common.schema.json#/$defs/Address" is the Address record generated from that file.
/// </summary>
/// <remarks>
/// One per parse. The parser hands each <c>$ref</c> that leaves the file to <see cref="Resolve"/>, and at the end
/// asks <see cref="WithLinks"/> for the embedded document's links and <see cref="Exports"/> for what other files
/// may use; which documents were referred to is the class's own state.
/// </remarks>
internal sealed class ExternalReferences
{
    /// <summary>The host of the base URIs the JSON validator gives documents that refer to other files.</summary>
    private const string LinkBase = "https://schemabind.invalid/";

    private readonly SchemaFileInput _input;
    private readonly ReportAt _report;

    // Null on the first parse: external references are only noted then.
    private readonly EquatableArray<ExternalDocument>? _externals;
    private readonly HashSet<ExternalDocument> _referencedDocuments = new();

    public ExternalReferences(SchemaFileInput input, EquatableArray<ExternalDocument>? externals, ReportAt report)
    {
        _input = input;
        _externals = externals;
        _report = report;
    }

    /// <summary>Whether the first parse (without the other files' exports) met a <c>$ref</c> into another file.</summary>
    public bool Found { get; private set; }

    /// <summary>
    /// The value of a <c>$ref</c> whose target is in another file (it does not start with '#'): the other file's
    /// type, or null where the value is read as JSON (on the first parse, or after reporting why).
    /// </summary>
    /// <param name="reference">The <c>$ref</c>'s value.</param>
    /// <param name="root">This document's tree: its <c>$id</c> is the base of a relative reference.</param>
    public ValueSpec? Resolve(JsonString reference, JsonObject? root)
    {
        if (_externals is not { } externals)
        {
            Found = true;
            return null;
        }

        string target = reference.Value;
        int hash = target.IndexOf('#');
        string document = hash < 0 ? target : target.Substring(0, hash);
        string fragment = hash < 0 ? "#" : target.Substring(hash);
        ExternalDocument? external = FindExternal(externals, document, root);
        if (external is null)
        {
            Report(Diagnostics.DiagnosticDescriptors.UnresolvedReference, reference, target, "no SchemaBindApi or part file of this project is at '" + document + "'");
            return null;
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
        return null;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, JsonNode at, params string[] args) =>
        _report(descriptor, at.Start, at.End, args);

    private ExternalDocument? FindExternal(EquatableArray<ExternalDocument> externals, string document, JsonObject? root)
    {
        // By $id: an absolute URI, or one relative to this document's own absolute $id.
        string? id = Uri.TryCreate(document, UriKind.Absolute, out Uri? absolute) && !absolute.IsFile ? absolute.AbsoluteUri : null;
        if (id is null && root?.Get("$id") is JsonString ownId && Uri.TryCreate(ownId.Value, UriKind.Absolute, out Uri? baseId)
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
    /// <param name="api">The parse's result.</param>
    /// <param name="root">This document's tree (null when it is a boolean schema): its <c>$id</c> is the file's.</param>
    /// <param name="registry">The named types by schema pointer.</param>
    /// <param name="isNullChoice">Whether the type at a pointer is a union whose values may be null.</param>
    /// <param name="isGenerated">Whether the type at a pointer is generated (not left out as used by no operation).</param>
    public ExternalDocument Exports(ApiSpec api, JsonObject? root, TypeRegistry registry, Func<string, bool> isNullChoice, Func<string, bool> isGenerated)
    {
        var schemas = new List<ExportedSchema>();
        foreach (KeyValuePair<string, NamedType> named in registry.All)
        {
            // A component schema no operation reaches has no type (see OperationSubset): a $ref to it is read as JSON.
            if (!named.Key.StartsWith("#/paths/", StringComparison.Ordinal) && isGenerated(named.Key))
            {
                string qualified = "global::" + api.Namespace + "." + named.Value.Name;
                schemas.Add(new ExportedSchema(named.Key, new ValueSpec(named.Value.Kind, qualified, isNullChoice(named.Key), null, ConstraintSpec.None)));
            }
        }

        schemas.Sort(static (a, b) => string.CompareOrdinal(a.Pointer, b.Pointer));
        string? id = root?.Get("$id") is JsonString rootId && Uri.TryCreate(rootId.Value, UriKind.Absolute, out _) ? rootId.Value : null;
        return new ExternalDocument(_input.Path, id, "global::" + api.Namespace + "." + api.Document.ClassName, schemas.ToEquatableArray());
    }

    /// <summary>
    /// For a document that refers to other files: a base URI, and every other document of the project
    /// at the URI its relative path gives from there (all of them, since a referenced document may
    /// itself refer to a third).
    /// </summary>
    public SchemaDocumentSpec WithLinks(SchemaDocumentSpec document)
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
