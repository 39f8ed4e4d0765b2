using System.Globalization;
using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Parsing;

/// <summary>
/// Documents split over files. A relative $ref to a part file (an additional file marked SchemaBindPart,
/// not a document of its own) is bundled into the root's tree before the parse: a schema becomes a named
/// schema of the root (components/schemas, definitions or $defs), once however often it is referred to,
/// and anything else (a path item, parameter, response) takes the place of its $ref, as if written inline.
/// Each part's tree keeps its positions, shifted past the root's text and the parts read before it, so that
/// <see cref="FileAt"/> can tell a position in a part from one in the root and point into the part's own text.
/// </summary>
/// <remarks>
/// One per parse. The parser calls <see cref="Bundle"/> once, before anything else reads the tree, and asks
/// <see cref="FileAt"/> for every diagnostic; everything else here is the bundler's own state.
/// </remarks>
internal sealed class DocumentBundler
{
    private readonly SchemaFileInput _input;
    private readonly ReportAt _report;
    private readonly CancellationToken _cancellationToken;

    // The root's lines (a part's are in its PartTree).
    private readonly LineIndex _lines;

    // The root's path, normalized: a $ref in it that starts with '#' is local, and is left alone.
    private readonly string _rootPath;

    /// <summary>The parts read so far, by normalized path: tree (null when unreadable) and offset base.</summary>
    private readonly Dictionary<string, PartTree> _partTrees = new(StringComparer.Ordinal);

    /// <summary>The parts read, in order of their offset base (FileAt finds a position's file here).</summary>
    private readonly List<PartTree> _partSegments = new();

    // Hoisted schemas: "file#fragment" → the name they get among the root's named schemas.
    private readonly Dictionary<string, string> _hoistedNames = new(StringComparer.Ordinal);
    private readonly List<(string Key, string Name, JsonNode? Content, int NameStart, int NameEnd)> _hoisted = new();
    private readonly HashSet<string> _inlining = new(StringComparer.Ordinal);

    // Where hoisted schemas go among the root's named schemas, and the names there already.
    private readonly HashSet<string> _existing = new(StringComparer.Ordinal);
    private string[] _container = Array.Empty<string>();

    public DocumentBundler(SchemaFileInput input, ReportAt report, CancellationToken cancellationToken)
    {
        _input = input;
        _report = report;
        _cancellationToken = cancellationToken;
        _lines = new LineIndex(input.Text);
        _rootPath = DocumentPaths.Normalize(input.Path);
    }

    /// <summary>
    /// The text the bundled tree's positions index: the root's, then each part read, in order (see
    /// Dialects/DocumentUpgrader). The root's text alone when no part was read.
    /// </summary>
    public string Text => _partSegments.Count == 0 ? _input.Text : string.Concat(_partSegments.Select(static p => p.File.Text).Prepend(_input.Text));

    private sealed class PartTree
    {
        public PartTree(PartFile file, int offset)
        {
            File = file;
            Offset = offset;
            Lines = new LineIndex(file.Text);
        }

        public PartFile File { get; }

        public int Offset { get; }

        public LineIndex Lines { get; }

        public JsonNode? Root { get; set; }
    }

    /// <summary>
    /// The parts a document may read: those whose file name its text, or the text of a part it may read, mentions
    /// (as written or URI-escaped). More than the $refs reach at worst, never fewer; a part's edit thus changes the
    /// input of only the documents that may read it, and the others are not parsed again.
    /// </summary>
    public static EquatableArray<PartFile> ReachableParts(string text, EquatableArray<PartFile> parts)
    {
        if (parts.IsEmpty)
        {
            return parts;
        }

        var reachable = new bool[parts.Count];
        var pending = new Stack<string>();
        pending.Push(text);
        while (pending.Count > 0)
        {
            string current = pending.Pop();
            for (int i = 0; i < parts.Count; i++)
            {
                if (!reachable[i] && Mentions(current, System.IO.Path.GetFileName(parts[i].Path)))
                {
                    reachable[i] = true;
                    pending.Push(parts[i].Text);
                }
            }
        }

        return Enumerable.Range(0, parts.Count).Where(i => reachable[i]).Select(i => parts[i]).ToEquatableArray();

        static bool Mentions(string text, string name) =>
            name.Length > 0 && (text.IndexOf(name, StringComparison.Ordinal) >= 0
                || (Uri.EscapeDataString(name) is var escaped && escaped != name && text.IndexOf(escaped, StringComparison.Ordinal) >= 0));
    }

    /// <summary>The root with every $ref into a part file bundled in, or the root itself when it has none.</summary>
    public JsonObject Bundle(JsonObject root)
    {
        if (_input.Parts.IsEmpty && !MayReferToFiles(_input.Text))
        {
            return root;
        }

        bool openApi = root.Find("openapi") is not null || root.Find("swagger") is not null;
        string[] container = root.Find("swagger") is not null ? new[] { "definitions" }
            : openApi ? new[] { "components", "schemas" }
            : root.Find("definitions") is not null && root.Find("$defs") is null ? new[] { "definitions" }
            : new[] { "$defs" };

        // Named schemas of the root that are just a $ref to a part keep their name for it.
        if (Child(root, container) is JsonObject named)
        {
            foreach (JsonProperty property in named.Properties)
            {
                _existing.Add(property.Name);
            }

            foreach (JsonProperty property in named.Properties)
            {
                if (property.Value is JsonObject alias && alias.Properties.Length == 1 && alias.Get("$ref") is JsonString reference
                    && PartTarget(_rootPath, reference.Value) is { } target && !_hoistedNames.ContainsKey(target.Key))
                {
                    _hoistedNames[target.Key] = property.Name;
                }
            }
        }

        _container = container;
        var rewritten = (JsonObject)Rewrite(root, _rootPath, inSchema: !openApi, depth: 0);
        if (_partSegments.Count == 0)
        {
            return root;
        }

        // Hoisting a schema may hoist the schemas it refers to: the list grows while it is walked.
        for (int i = 0; i < _hoisted.Count; i++)
        {
            if (_hoisted[i].Content is null)
            {
                _hoisted[i] = _hoisted[i] with { Content = HoistedContent(_hoisted[i].Key) };
            }
        }

        var entries = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach ((string key, string name, JsonNode? content, _, _) in _hoisted)
        {
            entries[name] = content!;
        }

        return (JsonObject)WithNamedSchemas(rewritten, container, 0, entries);
    }

    private static JsonNode? Child(JsonObject root, string[] path)
    {
        JsonNode? current = root;
        foreach (string segment in path)
        {
            current = (current as JsonObject)?.Get(segment);
        }

        return current;
    }

    /// <summary>The node with the hoisted schemas put in (replacing the $ref aliases that named them).</summary>
    private static JsonNode WithNamedSchemas(JsonObject node, string[] container, int level, Dictionary<string, JsonNode> entries)
    {
        var properties = new List<JsonProperty>(node.Properties);
        int index = properties.FindIndex(p => p.Name == container[level]);
        if (level == container.Length - 1)
        {
            var named = new List<JsonProperty>();
            if (index >= 0 && properties[index].Value is JsonObject existing)
            {
                foreach (JsonProperty property in existing.Properties)
                {
                    if (entries.TryGetValue(property.Name, out JsonNode? content))
                    {
                        named.Add(new JsonProperty(property.Name, property.NameStart, property.NameEnd, content));
                        entries.Remove(property.Name);
                    }
                    else
                    {
                        named.Add(property);
                    }
                }
            }

            foreach (KeyValuePair<string, JsonNode> entry in entries.OrderBy(static e => e.Key, StringComparer.Ordinal))
            {
                named.Add(new JsonProperty(entry.Key, entry.Value.Start, entry.Value.Start, entry.Value));
            }

            var value = new JsonObject(index >= 0 ? properties[index].Value.Start : node.End, index >= 0 ? properties[index].Value.End : node.End, named.ToArray());
            SetOrAdd(properties, index, container[level], value, node.End);
        }
        else
        {
            JsonObject inner = index >= 0 && properties[index].Value is JsonObject found ? found : new JsonObject(node.End, node.End, Array.Empty<JsonProperty>());
            SetOrAdd(properties, index, container[level], WithNamedSchemas(inner, container, level + 1, entries), node.End);
        }

        return new JsonObject(node.Start, node.End, properties.ToArray());
    }

    private static void SetOrAdd(List<JsonProperty> properties, int index, string name, JsonNode value, int at)
    {
        if (index >= 0)
        {
            properties[index] = new JsonProperty(name, properties[index].NameStart, properties[index].NameEnd, value);
        }
        else
        {
            properties.Add(new JsonProperty(name, at, at, value));
        }
    }

    /// <summary>The node with the $refs into parts (from the file at <paramref name="file"/>) bundled.</summary>
    private JsonNode Rewrite(JsonNode node, string file, bool inSchema, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (depth > 256)
        {
            return node;
        }

        if (node is JsonArray array)
        {
            return RewriteItems(array, file, inSchema, depth + 1);
        }

        if (node is not JsonObject obj)
        {
            return node;
        }

        if (obj.Get("$ref") is JsonString reference && (file != _rootPath || !reference.Value.StartsWith("#", StringComparison.Ordinal)))
        {
            if (RewriteReference(obj, reference, file, inSchema, depth) is { } replaced)
            {
                return replaced;
            }
        }

        JsonProperty[]? properties = null;
        for (int i = 0; i < obj.Properties.Length; i++)
        {
            JsonProperty property = obj.Properties[i];
            bool childInSchema = inSchema || property.Name is "schema" or "schemas" or "definitions";
            JsonNode value = Rewrite(property.Value, file, childInSchema, depth + 1);
            if (!ReferenceEquals(value, property.Value))
            {
                properties ??= (JsonProperty[])obj.Properties.Clone();
                properties[i] = new JsonProperty(property.Name, property.NameStart, property.NameEnd, value);
            }
        }

        return properties is null ? obj : new JsonObject(obj.Start, obj.End, properties);
    }

    // Apart from Rewrite so that only an array pays for the lambda's closure, not every node of the document.
    private JsonNode RewriteItems(JsonArray array, string file, bool inSchema, int depth) =>
        array.Map(item => Rewrite(item, file, inSchema, depth));

    /// <summary>A $ref object rewritten, or null to leave it (a $ref into a SchemaBindApi file, or no file at all).</summary>
    private JsonNode? RewriteReference(JsonObject obj, JsonString reference, string file, bool inSchema, int depth)
    {
        if (PartTarget(file, reference.Value) is not { } target)
        {
            if (!inSchema && IsFileReference(reference.Value))
            {
                // Schemas in other files are SchemaBindApi files' types (or SB0005); nothing else is read from them.
                string missing = DocumentPaths.Normalize(DocumentPaths.Combine(DocumentPaths.DirectoryOf(file), Uri.UnescapeDataString(reference.Value.Split('#')[0])));
                Report(DiagnosticDescriptors.ReferenceToUnreadFile, reference, reference.Value, missing);
                return null;
            }

            return file == _rootPath ? null : RelativeToRoot(obj, reference, file);
        }

        if (target.Path == _rootPath)
        {
            // Back into the root: a local reference there.
            return WithReference(obj, new JsonString(reference.Start, reference.End, target.Fragment));
        }

        if (ReadPart(target.Path) is not { } part)
        {
            return null;
        }

        if (part.Root is null)
        {
            // The part's own text did not read; that is reported in the part. Its value is left open.
            return new JsonObject(obj.Start, obj.End, Array.Empty<JsonProperty>());
        }

        JsonNode? resolved = DocumentPaths.Walk(part.Root, target.Fragment);
        if (resolved is null)
        {
            Report(DiagnosticDescriptors.UnresolvedReference, reference, reference.Value, "'" + target.Fragment + "' is not in " + System.IO.Path.GetFileName(part.File.Path));
            return new JsonObject(obj.Start, obj.End, Array.Empty<JsonProperty>());
        }

        if (inSchema)
        {
            string name = HoistName(target.Key, target.Path, target.Fragment, reference);
            string pointer = "#/" + string.Join("/", _container.Select(JsonPointer.Escape)) + "/" + JsonPointer.Escape(name);
            return WithReference(obj, new JsonString(reference.Start, reference.End, pointer));
        }

        if (!_inlining.Add(target.Key))
        {
            Report(DiagnosticDescriptors.UnresolvedReference, reference, reference.Value, "it leads back to itself through part files");
            return new JsonObject(obj.Start, obj.End, Array.Empty<JsonProperty>());
        }

        JsonNode inlined = Rewrite(resolved, target.Path, inSchema: false, depth + 1);
        _inlining.Remove(target.Key);
        return inlined;
    }

    /// <summary>
    /// A part's $ref into another file that is not a part (another SchemaBindApi file): made relative to the root's
    /// folder, where the parse looks for it.
    /// </summary>
    private JsonNode? RelativeToRoot(JsonObject obj, JsonString reference, string file)
    {
        string target = reference.Value;
        int hash = target.IndexOf('#');
        string document = hash < 0 ? target : target.Substring(0, hash);
        if (document.Length == 0 || Uri.TryCreate(document, UriKind.Absolute, out Uri? absolute) && !absolute.IsFile
            || document.StartsWith("/", StringComparison.Ordinal) || (document.Length > 1 && document[1] == ':'))
        {
            return null;
        }

        string path = DocumentPaths.Normalize(DocumentPaths.Combine(DocumentPaths.DirectoryOf(file), Uri.UnescapeDataString(document)));
        string[] from = DocumentPaths.DirectoryOf(_rootPath).TrimEnd('/').Split('/');
        string[] to = path.Split('/');
        int common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }

        string relative = string.Concat(Enumerable.Repeat("../", from.Length - common)) + string.Join("/", to.Skip(common).Select(Uri.EscapeDataString));
        return WithReference(obj, new JsonString(reference.Start, reference.End, relative + (hash < 0 ? string.Empty : target.Substring(hash))));
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, JsonNode at, params string[] args) =>
        _report(descriptor, at.Start, at.End, args);

    /// <summary>A reference to another document by a relative or absolute file path (not a URL, not only a fragment).</summary>
    private static bool IsFileReference(string reference)
    {
        string document = reference.Split('#')[0];
        return document.Length > 0 && !(Uri.TryCreate(document, UriKind.Absolute, out Uri? absolute) && !absolute.IsFile);
    }

    /// <summary>
    /// Whether the text may hold a $ref to another file: a "$ref" key whose value does not start with '#'. A "$ref"
    /// that is no key (an item of a <c>required</c> list) or whose value is an object or array (a property named
    /// "$ref", as GitHub's git-reference schemas have) refers to nothing: on GitHub Enterprise Server's description
    /// (11 MB) the bundling walk over the whole tree, for nothing, was 4.5% of a run.
    /// </summary>
    internal static bool MayReferToFiles(string text)
    {
        for (int at = text.IndexOf("$ref", StringComparison.Ordinal); at >= 0; at = text.IndexOf("$ref", at + 4, StringComparison.Ordinal))
        {
            int i = at + 4;
            if (i < text.Length && text[i] is '"' or '\'')
            {
                i++; // the key's closing quote
            }

            i = SkipBlanks(text, i);
            if (i >= text.Length || text[i] != ':')
            {
                continue; // not a key: a string or a YAML list item
            }

            i = SkipBlanks(text, i + 1);
            if (i < text.Length && text[i] is '"' or '\'')
            {
                i++; // the value's opening quote
            }

            if (i < text.Length && text[i] is not ('#' or '{' or '['))
            {
                return true;
            }
        }

        return false;

        static int SkipBlanks(string text, int i)
        {
            while (i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n')
            {
                i++;
            }

            return i;
        }
    }

    private static JsonObject WithReference(JsonObject obj, JsonString reference)
    {
        JsonProperty[] properties = (JsonProperty[])obj.Properties.Clone();
        for (int i = 0; i < properties.Length; i++)
        {
            if (properties[i].Name == "$ref")
            {
                properties[i] = new JsonProperty("$ref", properties[i].NameStart, properties[i].NameEnd, reference);
            }
        }

        return new JsonObject(obj.Start, obj.End, properties);
    }

    /// <summary>The name a part's schema gets among the root's named schemas (the part is walked later).</summary>
    private string HoistName(string key, string path, string fragment, JsonString reference)
    {
        if (_hoistedNames.TryGetValue(key, out string? name))
        {
            if (!_hoisted.Any(h => h.Key == key))
            {
                _hoisted.Add((key, name, null, reference.Start, reference.End));
            }

            return name;
        }

        string baseName = fragment.Length > 1 ? JsonPointer.LastSegment(fragment) : System.IO.Path.GetFileName(path).Split('.')[0];
        if (baseName.Length == 0)
        {
            baseName = "Part";
        }

        name = baseName;
        for (int n = 2; _existing.Contains(name) || _hoistedNames.ContainsValue(name); n++)
        {
            name = baseName + n.ToString(CultureInfo.InvariantCulture);
        }

        _hoistedNames[key] = name;
        _hoisted.Add((key, name, null, reference.Start, reference.End));
        return name;
    }

    private JsonNode HoistedContent(string key)
    {
        int hash = key.IndexOf('#');
        string path = key.Substring(0, hash);
        PartTree part = _partTrees[path];
        JsonNode schema = DocumentPaths.Walk(part.Root!, key.Substring(hash))!;
        return Rewrite(schema, path, inSchema: true, depth: 0);
    }

    /// <summary>The part file (or the root) a reference leads to, or null when it is no part of this document.</summary>
    private (string Path, string Fragment, string Key)? PartTarget(string file, string reference)
    {
        int hash = reference.IndexOf('#');
        string document = hash < 0 ? reference : reference.Substring(0, hash);
        string fragment = hash < 0 ? "#" : reference.Substring(hash);
        if (fragment.Length == 0)
        {
            fragment = "#";
        }

        if (document.Length > 0 && Uri.TryCreate(document, UriKind.Absolute, out Uri? absolute) && !absolute.IsFile)
        {
            return null;
        }

        string path = document.Length == 0 ? file : DocumentPaths.Normalize(DocumentPaths.Combine(DocumentPaths.DirectoryOf(file), Uri.UnescapeDataString(document)));
        if (path != _rootPath && !_input.Parts.Any(p => DocumentPaths.Normalize(p.Path) == path))
        {
            return null;
        }

        return (path, fragment, path + fragment);
    }

    /// <summary>The part's tree, read once with the reader its syntax needs; null when no part is at the path.</summary>
    private PartTree? ReadPart(string path)
    {
        if (_partTrees.TryGetValue(path, out PartTree? known))
        {
            return known;
        }

        PartFile? file = _input.Parts.FirstOrDefault(p => DocumentPaths.Normalize(p.Path) == path);
        if (file is null)
        {
            return null;
        }

        int offset = _partSegments.Count == 0 ? _input.Text.Length + 1 : _partSegments[_partSegments.Count - 1].Offset + _partSegments[_partSegments.Count - 1].File.Text.Length + 1;
        var part = new PartTree(file, offset);
        _partTrees[path] = part;
        _partSegments.Add(part);
        try
        {
            JsonNode tree;
            if (DocumentSyntaxes.Of(file.Path, file.Text) == DocumentSyntax.Yaml)
            {
                var notices = new List<YamlNotice>();
                tree = YamlTextReader.Read(file.Text, notices, _cancellationToken);
                foreach (YamlNotice notice in notices)
                {
                    _report(
                        notice.Kind switch
                        {
                            YamlNoticeKind.UnknownTag => DiagnosticDescriptors.YamlTagIgnored,
                            YamlNoticeKind.FurtherDocument => DiagnosticDescriptors.YamlFurtherDocument,
                            _ => DiagnosticDescriptors.YamlNotANumber,
                        },
                        offset + notice.Start,
                        offset + notice.End,
                        notice.Text);
                }
            }
            else
            {
                tree = JsonTextParser.Parse(file.Text, null, KeywordSupport.KnownNames, _cancellationToken);
            }

            part.Root = Shift(tree, offset);
        }
        catch (JsonSyntaxException ex)
        {
            _report(DiagnosticDescriptors.InvalidJson, offset + ex.Offset, offset + Math.Min(ex.Offset + 1, file.Text.Length), ex.Message);
        }
        catch (YamlSyntaxException ex)
        {
            _report(DiagnosticDescriptors.InvalidYaml, offset + ex.Offset, offset + Math.Max(ex.End, Math.Min(ex.Offset + 1, file.Text.Length)), ex.Message);
        }

        return part;
    }

    /// <summary>A copy of the tree with every position moved by <paramref name="offset"/>.</summary>
    private static JsonNode Shift(JsonNode node, int offset) => node switch
    {
        JsonObject obj => new JsonObject(
            obj.Start + offset,
            obj.End + offset,
            obj.Properties.Select(p => new JsonProperty(p.Name, p.NameStart + offset, p.NameEnd + offset, Shift(p.Value, offset))).ToArray()),
        JsonArray array => new JsonArray(array.Start + offset, array.End + offset, array.Items.Select(i => Shift(i, offset)).ToArray()),
        JsonString s => new JsonString(s.Start + offset, s.End + offset, s.Value),
        JsonNumber n => new JsonNumber(n.Start + offset, n.End + offset, n.Raw),
        JsonBoolean b => new JsonBoolean(b.Start + offset, b.End + offset, b.Value),
        _ => new JsonNull(node.Start + offset, node.End + offset),
    };

    /// <summary>The file a position is in (the root or a part), its path, text, lines and the position's base.</summary>
    public (string Path, string Text, LineIndex Lines, int Offset) FileAt(int position)
    {
        for (int i = _partSegments.Count - 1; i >= 0; i--)
        {
            if (position >= _partSegments[i].Offset)
            {
                PartTree part = _partSegments[i];
                return (part.File.Path, part.File.Text, part.Lines, part.Offset);
            }
        }

        return (_input.Path, _input.Text, _lines, 0);
    }
}
