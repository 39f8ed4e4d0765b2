using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SchemaBind.Runtime;

/// <summary>A compiled schema object (or boolean schema) with its keywords in evaluation order.</summary>
internal sealed class SchemaNode
{
    public SchemaNode(bool boolean, string resourceUri)
    {
        Boolean = boolean;
        ResourceUri = string.Intern(resourceUri);
    }

    public SchemaNode(string resourceUri, bool isResource, JsonElement element, string documentPointer, int document)
    {
        ResourceUri = string.Intern(resourceUri);
        IsResource = isResource;
        Element = element;
        DocumentPointer = documentPointer;
        Document = document;
    }

    public bool? Boolean { get; }

    /// <summary>
    /// The absolute URI (without fragment) of the schema resource this node belongs to; interned, so
    /// two nodes of one resource hold the same string instance.
    /// </summary>
    public string ResourceUri { get; }

    /// <summary>True when this node starts a schema resource (the document root or an <c>$id</c>).</summary>
    public bool IsResource { get; }

    public JsonElement Element { get; }

    public string DocumentPointer { get; } = string.Empty;

    public int Document { get; }

    public List<Keyword> Keywords { get; } = new();

    /// <summary>The keywords as an array, for evaluation; set once the node is compiled.</summary>
    public Keyword[] CompiledKeywords { get; set; } = Array.Empty<Keyword>();

    /// <summary>
    /// True when every keyword only asserts something of the value itself: none applies a subschema or
    /// follows a reference, so evaluating the node needs no depth, scope or annotation bookkeeping.
    /// </summary>
    public bool IsLeaf { get; set; }

    /// <summary>
    /// True for a leaf without <c>required</c>, the one assertion that reads what the evaluation knows of
    /// the value (<see cref="Evaluator.TryGetPresence"/>): it can be evaluated on a member as it is.
    /// </summary>
    public bool IsPlainLeaf { get; set; }

    /// <summary>The node's only keyword when it is a <c>$ref</c> (such as <c>{"$ref": "#/$defs/Item"}</c>), else null.</summary>
    public RefKeyword? Reference { get; set; }
}

/// <summary>
/// Every schema resource known to a validator, by URI, with anchors and dynamic anchors, and the
/// compiled nodes. Built once; documents referenced by URI are loaded through the resolver.
/// </summary>
internal sealed class SchemaRegistry
{
    public static readonly Uri DefaultBaseUri = new("https://schemabind.local/schema.json");

    private readonly JsonSchemaOptions _options;
    private readonly List<JsonElement> _documents = new();
    private readonly Dictionary<string, (int Document, string Pointer)> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Document, string Pointer)> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, (int Document, string Pointer)>> _dynamicAnchors = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Document, string Pointer), string> _baseUris = new();
    private readonly Dictionary<(int Document, string Pointer), SchemaNode> _nodes = new();
    private readonly object _gate = new();

    public SchemaRegistry(JsonSchemaOptions options)
    {
        _options = options;
    }

    public bool AssertFormat => _options.AssertFormat;

    private volatile bool _usesAnnotations;

    /// <summary>
    /// True once a compiled schema holds unevaluatedProperties or unevaluatedItems, the only keywords
    /// that read annotations. Until then evaluation records none. (A schema that reads them is compiled
    /// before it is evaluated, and so before any schema whose annotations it reads.)
    /// </summary>
    public bool UsesAnnotations
    {
        get => _usesAnnotations;
        set => _usesAnnotations = value;
    }

    private readonly Dictionary<string, (bool Validation, bool FormatAssertion)> _vocabularies = new(StringComparer.Ordinal);

    /// <summary>
    /// False when the resource's <c>$schema</c> names a meta-schema whose <c>$vocabulary</c> leaves
    /// out the validation vocabulary: then type, enum, minimum, required, ... do not assert.
    /// </summary>
    public bool ValidationVocabulary(SchemaNode node) => Vocabularies(node).Validation;

    /// <summary>
    /// True when the resource's meta-schema lists the format-assertion vocabulary (as required or not: an
    /// implementation that knows it asserts format either way), so <c>format</c> asserts without the option.
    /// </summary>
    public bool FormatAssertionVocabulary(SchemaNode node) => Vocabularies(node).FormatAssertion;

    private (bool Validation, bool FormatAssertion) Vocabularies(SchemaNode node)
    {
        lock (_gate)
        {
            if (_vocabularies.TryGetValue(node.ResourceUri, out var known))
            {
                return known;
            }

            (bool Validation, bool FormatAssertion) vocabulary = (true, false);
            if (_resources.TryGetValue(node.ResourceUri, out var resource)
                && Navigate(_documents[resource.Document], resource.Pointer) is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("$schema", out JsonElement dialect) && dialect.ValueKind == JsonValueKind.String
                && MetaSchemas.Find(dialect.GetString()!.TrimEnd('#')) is null
                && Uri.TryCreate(dialect.GetString(), UriKind.Absolute, out Uri? dialectUri)
                && _options.DocumentResolver?.Invoke(dialectUri) is JsonElement meta
                && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("$vocabulary", out JsonElement vocabularies) && vocabularies.ValueKind == JsonValueKind.Object)
            {
                vocabulary = (
                    vocabularies.TryGetProperty("https://json-schema.org/draft/2020-12/vocab/validation", out _)
                        || vocabularies.TryGetProperty("https://json-schema.org/draft/2019-09/vocab/validation", out _),
                    vocabularies.TryGetProperty("https://json-schema.org/draft/2020-12/vocab/format-assertion", out _));
            }

            _vocabularies[node.ResourceUri] = vocabulary;
            return vocabulary;
        }
    }

    public SchemaNode AddDocument(JsonElement root, Uri baseUri)
    {
        lock (_gate)
        {
            int document = _documents.Count;
            _documents.Add(root);
            string uri = WithoutFragment(baseUri.AbsoluteUri);
            _resources.TryAdd(uri, (document, string.Empty));
            Scan(document, root, string.Empty, uri);

            // An OpenAPI document is not a schema, but its component schemas are.
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("openapi", out _)
                && root.TryGetProperty("components", out JsonElement components) && components.ValueKind == JsonValueKind.Object
                && components.TryGetProperty("schemas", out JsonElement schemas) && schemas.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty schema in schemas.EnumerateObject())
                {
                    Scan(document, schema.Value, "/components/schemas/" + Escape(schema.Name), uri);
                }
            }

            return Node(document, string.Empty);
        }
    }

    /// <summary>Resolves a reference found in <paramref name="from"/> to the node it names.</summary>
    public SchemaNode Resolve(SchemaNode from, string reference)
    {
        lock (_gate)
        {
            string absolute = Combine(from.ResourceUri, reference);
            int hash = absolute.IndexOf('#', StringComparison.Ordinal);
            string resource = hash < 0 ? absolute : absolute.Substring(0, hash);
            string fragment = hash < 0 ? string.Empty : Uri.UnescapeDataString(absolute.Substring(hash + 1));
            if (!_resources.TryGetValue(resource, out (int Document, string Pointer) target))
            {
                JsonElement? loaded = MetaSchemas.Find(resource) is string meta
                    ? JsonDocument.Parse(meta).RootElement
                    : _options.DocumentResolver?.Invoke(new Uri(resource));
                if (loaded is not JsonElement element)
                {
                    throw new InvalidOperationException("The reference '" + reference + "' points at '" + resource + "', which is not known.");
                }

                int document = _documents.Count;
                _documents.Add(element.Clone());
                _resources.TryAdd(resource, (document, string.Empty));
                Scan(document, _documents[document], string.Empty, resource);
                target = _resources[resource];
            }

            if (fragment.Length == 0)
            {
                return Node(target.Document, target.Pointer);
            }

            if (fragment[0] == '/')
            {
                return Node(target.Document, target.Pointer + fragment);
            }

            if (_anchors.TryGetValue(resource + "#" + fragment, out (int Document, string Pointer) anchor))
            {
                return Node(anchor.Document, anchor.Pointer);
            }

            throw new InvalidOperationException("The anchor '#" + fragment + "' is not defined in '" + resource + "'.");
        }
    }

    /// <summary>The node a <c>$dynamicAnchor</c> of this name in a resource points at, if any.</summary>
    public SchemaNode? DynamicAnchor(string resourceUri, string name)
    {
        lock (_gate)
        {
            return _dynamicAnchors.TryGetValue(resourceUri, out var anchors) && anchors.TryGetValue(name, out var target)
                ? Node(target.Document, target.Pointer)
                : null;
        }
    }

    public SchemaNode Node(int document, string pointer)
    {
        lock (_gate)
        {
            if (_nodes.TryGetValue((document, pointer), out SchemaNode? existing))
            {
                return existing;
            }

            JsonElement element = Navigate(_documents[document], pointer)
                ?? throw new InvalidOperationException("Nothing is at '#" + pointer + "'.");
            string baseUri = BaseUriOf(document, pointer);
            SchemaNode node = element.ValueKind switch
            {
                JsonValueKind.True => new SchemaNode(true, baseUri),
                JsonValueKind.False => new SchemaNode(false, baseUri),
                JsonValueKind.Object => new SchemaNode(baseUri, IsResource(document, pointer), element, pointer, document),
                _ => throw new InvalidOperationException("The value at '#" + pointer + "' is not a schema."),
            };
            _nodes[(document, pointer)] = node;
            if (element.ValueKind == JsonValueKind.Object)
            {
                KeywordCompiler.Compile(this, node, element);
            }

            return node;
        }
    }

    private bool IsResource(int document, string pointer) =>
        pointer.Length == 0 || (_documents[document].ValueKind == JsonValueKind.Object && Navigate(_documents[document], pointer) is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("$id", out _));

    private string BaseUriOf(int document, string pointer)
    {
        // The nearest enclosing scanned location carries the base URI.
        string current = pointer;
        while (true)
        {
            if (_baseUris.TryGetValue((document, current), out string? uri))
            {
                return uri;
            }

            if (current.Length == 0)
            {
                return DefaultBaseUri.AbsoluteUri;
            }

            current = current.Substring(0, current.LastIndexOf('/'));
        }
    }

    private static readonly string[] SingleSchemaKeywords =
        { "additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties", "contentSchema" };

    private static readonly string[] SchemaMapKeywords = { "properties", "patternProperties", "$defs", "definitions", "dependentSchemas" };

    private static readonly string[] SchemaArrayKeywords = { "allOf", "anyOf", "oneOf", "prefixItems" };

    /// <summary>Finds the schema resources, anchors and base URIs of a document.</summary>
    private void Scan(int document, JsonElement element, string pointer, string baseUri)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            _baseUris[(document, pointer)] = baseUri;
            return;
        }

        string? legacyAnchor = null;
        if (element.TryGetProperty("$id", out JsonElement id) && id.ValueKind == JsonValueKind.String)
        {
            if (LegacyAnchor(id) is string name)
            {
                legacyAnchor = name;
            }
            else
            {
                baseUri = WithoutFragment(Combine(baseUri, id.GetString()!));
                _resources[baseUri] = (document, pointer);
            }
        }
        else if (element.TryGetProperty("id", out JsonElement draft4Id))
        {
            legacyAnchor = LegacyAnchor(draft4Id);
        }

        _baseUris[(document, pointer)] = baseUri;
        if (legacyAnchor is not null)
        {
            // Drafts 4 to 7 named a plain-name anchor as "$id": "#foo" ("id" in draft 4); a remote document in those
            // drafts is loaded as it is, so the form is read here. It never replaces a "$anchor" of the same name.
            _anchors.TryAdd(baseUri + "#" + legacyAnchor, (document, pointer));
        }

        if (element.TryGetProperty("$anchor", out JsonElement anchor) && anchor.ValueKind == JsonValueKind.String)
        {
            _anchors[baseUri + "#" + anchor.GetString()] = (document, pointer);
        }

        if (element.TryGetProperty("$dynamicAnchor", out JsonElement dynamicAnchor) && dynamicAnchor.ValueKind == JsonValueKind.String)
        {
            _anchors[baseUri + "#" + dynamicAnchor.GetString()] = (document, pointer);
            if (!_dynamicAnchors.TryGetValue(baseUri, out var anchors))
            {
                _dynamicAnchors[baseUri] = anchors = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
            }

            anchors[dynamicAnchor.GetString()!] = (document, pointer);
        }

        foreach (JsonProperty keyword in element.EnumerateObject())
        {
            string keywordPointer = pointer + "/" + Escape(keyword.Name);
            if (Array.IndexOf(SingleSchemaKeywords, keyword.Name) >= 0)
            {
                Scan(document, keyword.Value, keywordPointer, baseUri);
            }
            else if (Array.IndexOf(SchemaMapKeywords, keyword.Name) >= 0 && keyword.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty entry in keyword.Value.EnumerateObject())
                {
                    Scan(document, entry.Value, keywordPointer + "/" + Escape(entry.Name), baseUri);
                }
            }
            else if (Array.IndexOf(SchemaArrayKeywords, keyword.Name) >= 0 && keyword.Value.ValueKind == JsonValueKind.Array)
            {
                int index = 0;
                foreach (JsonElement item in keyword.Value.EnumerateArray())
                {
                    Scan(document, item, keywordPointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), baseUri);
                    index++;
                }
            }
        }
    }

    /// <summary>The name in an identifier of the form <c>#name</c> (a plain-name fragment and nothing else), else null.</summary>
    private static string? LegacyAnchor(JsonElement id)
    {
        if (id.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        string value = id.GetString()!;
        return value.Length > 1 && value[0] == '#' && value[1] != '/' ? value.Substring(1) : null;
    }

    public static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static JsonElement? Navigate(JsonElement root, string pointer)
    {
        JsonElement current = root;
        if (pointer.Length == 0)
        {
            return current;
        }

        foreach (string raw in pointer.Substring(1).Split('/'))
        {
            string segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out JsonElement next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Resolves a URI reference against a base, including non-hierarchical bases such as <c>urn:</c>.</summary>
    public static string Combine(string baseUri, string reference)
    {
        if (reference.StartsWith('#'))
        {
            return WithoutFragment(baseUri) + reference;
        }

        if (Uri.TryCreate(reference, UriKind.Absolute, out Uri? absolute) && !reference.StartsWith('/'))
        {
            return absolute.OriginalString.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) ? reference : absolute.AbsoluteUri;
        }

        if (Uri.TryCreate(baseUri, UriKind.Absolute, out Uri? b) && Uri.TryCreate(b, reference, out Uri? combined))
        {
            return combined.AbsoluteUri;
        }

        return reference;
    }

    private static string WithoutFragment(string uri)
    {
        int hash = uri.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? uri : uri.Substring(0, hash);
    }
}
