using System.Globalization;
using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Parsing;

/// <summary>
/// Operation subsetting: the SchemaBindApi item's IncludeTags, ExcludePaths, ... choose the operations the client
/// gets, and only the schemas those operations reach are generated and embedded.
/// </summary>
/// <remarks>
/// A project compiles what it calls: by default (the item's <c>Schemas="Used"</c>) the schemas reached from the
/// kept operations (through $ref, allOf/oneOf/anyOf, items, properties, discriminator mappings, parameters, bodies,
/// responses and their headers, transitively) are generated, and the embedded document keeps only them. Without a
/// filter every operation is kept, so what is left out is what no operation uses (on large documents mostly
/// webhook payloads); SB0056 names it. <c>Schemas="All"</c> generates every component schema, as users who read
/// and write component types directly (webhook payloads, stored documents) need; a filter then only chooses
/// operations. A document without operations (components only) has nothing to reach from and keeps everything.
/// Type names are claimed for every component schema all the same, so a type keeps its name whatever is left out.
/// One per parse that leaves something out (<see cref="Select"/>); the parser asks it what is kept and reached, and
/// at the end for the document to embed (<see cref="Document"/>).
/// </remarks>
internal sealed class OperationSubset
{
    /// <summary>Keeps every operation: the default without a filter.</summary>
    private static readonly OperationFilter s_everyOperation = new(
        EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty,
        EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    private readonly Func<string, JsonNode?> _resolve;
    private readonly ReportAt _report;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Whether the item has a filter (SB0046 then says what is left out; else SB0056).</summary>
    private readonly bool _filtered;

    /// <summary>The item's <c>Schemas="All"</c>: every component schema is generated, reached or not.</summary>
    private readonly bool _allSchemas;

    /// <summary>The operations the filter keeps.</summary>
    private readonly HashSet<JsonObject> _keptOperations = new();

    /// <summary>The objects and arrays reached from the kept operations.</summary>
    private readonly HashSet<JsonNode> _reached = new();

    /// <summary>The work list of <see cref="Reach"/>, reused from one walk to the next.</summary>
    private readonly Stack<(JsonNode Node, bool Names)> _stack = new();

    /// <summary>Where the filter's summary (SB0046) is reported, and the document's number of operations.</summary>
    private (int Start, int End, int Total) _subsetSummary;

    private OperationSubset(bool filtered, bool allSchemas, Func<string, JsonNode?> resolve, ReportAt report, CancellationToken cancellationToken)
    {
        _filtered = filtered;
        _allSchemas = allSchemas;
        _resolve = resolve;
        _report = report;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Applies the item's filter (or none: every operation) to the document's operations: which are kept, what they
    /// reach, and a located warning (SB0045) for every entry that matches no operation. Null when everything is kept:
    /// without a filter, when the item says <c>Schemas="All"</c> or the document has no operations.
    /// </summary>
    /// <param name="root">The OpenAPI document.</param>
    /// <param name="filter">The item's filter, if it has one.</param>
    /// <param name="schemas">The item's <c>Schemas</c>: the component schemas the kept operations reach, or all.</param>
    /// <param name="resolve">Resolves a local <c>$ref</c> in the document (null where it leads nowhere).</param>
    /// <param name="report">Reports a diagnostic.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public static OperationSubset? Select(JsonObject root, OperationFilter? filter, SchemaSelection schemas, Func<string, JsonNode?> resolve, ReportAt report, CancellationToken cancellationToken)
    {
        if (filter is null && schemas == SchemaSelection.All)
        {
            return null;
        }

        var subset = new OperationSubset(filter is not null, schemas == SchemaSelection.All, resolve, report, cancellationToken);
        subset.SelectOperations(root, filter ?? s_everyOperation);

        // A document of components only: no operation to reach from, so its schemas are all there is to generate.
        return filter is null && subset._subsetSummary.Total == 0 ? null : subset;
    }

    /// <summary>Whether the schema's named type is generated up front: a kept operation reaches it, or the item wants all.</summary>
    public bool Reaches(JsonObject schema) => _allSchemas || _reached.Contains(schema);

    /// <summary>Whether the client gets a method for the operation.</summary>
    public bool Keeps(JsonObject operation) => _keptOperations.Contains(operation);

    private void SelectOperations(JsonObject root, OperationFilter filter)
    {
        var matched = new bool[OperationFilter.MetadataNames.Length][];
        for (int i = 0; i < matched.Length; i++)
        {
            matched[i] = new bool[filter[i].Count];
        }

        bool hasIncludes = !filter.IncludeTags.IsEmpty || !filter.IncludePaths.IsEmpty || !filter.IncludeOperations.IsEmpty;
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        int total = 0;
        JsonProperty? pathsProperty = root.Find("paths");
        if (pathsProperty?.Value is JsonObject paths)
        {
            foreach (JsonProperty path in paths.Properties)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (path.Value is not JsonObject pathItem)
                {
                    continue;
                }

                foreach (JsonProperty method in pathItem.Properties)
                {
                    if (Array.IndexOf(DocumentParser.HttpMethods, method.Name) < 0 || method.Value is not JsonObject operation)
                    {
                        continue;
                    }

                    total++;
                    string? operationId = (operation.Get("operationId") as JsonString)?.Value;
                    string[] operationTags = operation.Get("tags") is JsonArray tagArray ? tagArray.Items.OfType<JsonString>().Select(static t => t.Value).ToArray() : Array.Empty<string>();
                    tags.UnionWith(operationTags);

                    // Every entry is tried, so that one that matches nothing is known even when another already decided.
                    bool included = !hasIncludes;
                    included |= Match(filter.IncludeTags, matched[0], entry => operationTags.Any(tag => NameMatches(entry, tag)));
                    bool excluded = Match(filter.ExcludeTags, matched[1], entry => operationTags.Any(tag => NameMatches(entry, tag)));
                    included |= Match(filter.IncludePaths, matched[2], entry => PathMatches(entry, path.Name));
                    excluded |= Match(filter.ExcludePaths, matched[3], entry => PathMatches(entry, path.Name));
                    included |= Match(filter.IncludeOperations, matched[4], entry => operationId is not null && NameMatches(entry, operationId));
                    excluded |= Match(filter.ExcludeOperations, matched[5], entry => operationId is not null && NameMatches(entry, operationId));
                    if (included && !excluded)
                    {
                        _keptOperations.Add(operation);
                        Reach(operation);
                        if (pathItem.Get("parameters") is JsonNode shared)
                        {
                            Reach(shared);
                        }
                    }
                }
            }
        }

        int start = pathsProperty?.NameStart ?? root.Start;
        int end = pathsProperty?.NameEnd ?? root.Start + 1;
        for (int i = 0; i < matched.Length; i++)
        {
            for (int j = 0; j < matched[i].Length; j++)
            {
                if (!matched[i][j])
                {
                    _report(DiagnosticDescriptors.FilterMatchesNothing, start, end, OperationFilter.MetadataNames[i], filter[i][j], NoMatchHint(i, total, tags));
                }
            }
        }

        _subsetSummary = (start, end, total);
    }

    /// <summary>With a filter on a document without operations (a JSON Schema document): each entry matches nothing.</summary>
    public static void ReportWithoutOperations(JsonObject root, OperationFilter? filter, ReportAt report)
    {
        if (filter is null)
        {
            return;
        }

        for (int i = 0; i < OperationFilter.MetadataNames.Length; i++)
        {
            foreach (string entry in filter[i])
            {
                report(DiagnosticDescriptors.FilterMatchesNothing, root.Start, root.Start + 1, OperationFilter.MetadataNames[i], entry, ": a JSON Schema document has no operations, so the filter changes nothing");
            }
        }
    }

    private static string NoMatchHint(int list, int total, SortedSet<string> tags)
    {
        if (total == 0)
        {
            return ": the document has no operations";
        }

        if (list <= 1)
        {
            return tags.Count == 0
                ? ": no operation of the document has tags"
                : ": the document's tags are " + string.Join(", ", tags.Take(12).Select(static t => "'" + t + "'")) + (tags.Count > 12 ? " and " + (tags.Count - 12).ToString(CultureInfo.InvariantCulture) + " more" : string.Empty);
        }

        return list <= 3
            ? ": a path entry is a prefix of whole segments (/repos) or a glob (/repos/*/*/issues/**) of the path templates as the document writes them"
            : ": an operationId is matched whole (any case), or as a glob with *";
    }

    /// <summary>Whether any entry matches; each entry that does is marked in <paramref name="matched"/>.</summary>
    private static bool Match(EquatableArray<string> entries, bool[] matched, Func<string, bool> matches)
    {
        bool any = false;
        for (int i = 0; i < entries.Count; i++)
        {
            if (matches(entries[i]))
            {
                matched[i] = true;
                any = true;
            }
        }

        return any;
    }

    /// <summary>A tag or operationId: the same text in any case, where <c>*</c> stands for any text.</summary>
    internal static bool NameMatches(string pattern, string name) =>
        pattern.IndexOf('*') < 0
            ? string.Equals(pattern, name, StringComparison.OrdinalIgnoreCase)
            : Glob(pattern, 0, name, 0, anySegment: true, ignoreCase: true);

    /// <summary>
    /// A path template: without <c>*</c>, a prefix on whole segments (<c>/repos</c> matches <c>/repos</c> and
    /// <c>/repos/{owner}</c>, not <c>/repositories</c>); with it, a glob where <c>*</c> is one segment or part of one
    /// and <c>**</c> any number of segments. Case counts, as in URLs; a missing leading <c>/</c> is supplied.
    /// </summary>
    internal static bool PathMatches(string pattern, string path)
    {
        if (!pattern.StartsWith("/", StringComparison.Ordinal))
        {
            pattern = "/" + pattern;
        }

        if (pattern.IndexOf('*') >= 0)
        {
            return Glob(pattern, 0, path, 0, anySegment: false, ignoreCase: false);
        }

        string prefix = pattern.TrimEnd('/');
        return prefix.Length == 0
            || (path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] == '/'));
    }

    /// <summary>Glob matching by backtracking; <c>**</c> (or <c>*</c> when <paramref name="anySegment"/>) crosses <c>/</c>.</summary>
    private static bool Glob(string pattern, int p, string text, int t, bool anySegment, bool ignoreCase)
    {
        while (p < pattern.Length)
        {
            char c = pattern[p];
            if (c == '*')
            {
                bool deep = anySegment || (p + 1 < pattern.Length && pattern[p + 1] == '*');
                int next = p + 1;
                while (next < pattern.Length && pattern[next] == '*')
                {
                    next++;
                }

                // "/**" at the end also matches the path without that last segment (/repos/** matches /repos).
                if (deep && next == pattern.Length)
                {
                    return true;
                }

                for (int i = t; i <= text.Length; i++)
                {
                    if (Glob(pattern, next, text, i, anySegment, ignoreCase))
                    {
                        return true;
                    }

                    if (i < text.Length && text[i] == '/' && !deep)
                    {
                        return false;
                    }
                }

                return false;
            }

            if (t >= text.Length || !SameChar(c, text[t], ignoreCase))
            {
                // "/**" may match nothing at all, its slash included.
                return !anySegment && c == '/' && t == text.Length && pattern.Substring(p) == "/**";
            }

            p++;
            t++;
        }

        return t == text.Length;
    }

    private static bool SameChar(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

    /// <summary>Marks every object and array reached from <paramref name="start"/>, following local <c>$ref</c>s and discriminator mappings.</summary>
    private void Reach(JsonNode start)
    {
        HashSet<JsonNode> reached = _reached;

        // Names: the node is a map whose member names are names (properties, responses, content types), not keywords.
        // One stack for every walk (one a kept operation): on ghes-3.19, a stack grown anew for each of its 1,039
        // operations was 1 MB a parse.
        Stack<(JsonNode Node, bool Names)> stack = _stack;
        stack.Clear();
        stack.Push((start, false));
        while (stack.Count > 0)
        {
            (JsonNode node, bool names) = stack.Pop();
            if (node is not (JsonObject or JsonArray) || !reached.Add(node))
            {
                continue;
            }

            if (node is JsonArray array)
            {
                foreach (JsonNode item in array.Items)
                {
                    stack.Push((item, false));
                }

                continue;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            foreach (JsonProperty property in ((JsonObject)node).Properties)
            {
                if (names)
                {
                    stack.Push((property.Value, false));
                    continue;
                }

                switch (property.Name)
                {
                    case "$ref":
                        if (property.Value is JsonString reference && _resolve(reference.Value) is JsonNode target)
                        {
                            stack.Push((target, false));
                        }

                        break;
                    case "example" or "examples":
                        break; // instances, not schemas: nothing generated follows from them
                    case "mapping" when property.Value is JsonObject mapping:
                        foreach (JsonProperty entry in mapping.Properties)
                        {
                            if (entry.Value is JsonString value
                                && _resolve(value.Value.StartsWith("#", StringComparison.Ordinal) ? value.Value : "#/components/schemas/" + JsonPointer.Escape(value.Value)) is JsonNode mapped)
                            {
                                stack.Push((mapped, false));
                            }
                        }

                        break;
                    case "properties" or "patternProperties" or "$defs" or "definitions" or "dependentSchemas"
                        or "responses" or "content" or "headers" or "encoding" or "callbacks" or "links":
                        stack.Push((property.Value, true));
                        break;
                    default:
                        stack.Push((property.Value, false));
                        break;
                }
            }
        }
    }

    /// <summary>
    /// The document as it is embedded, with only the kept operations and the component entries that they or the
    /// generated types reach (security schemes stay whole; webhooks, which generate nothing, go); SB0046 (with a
    /// filter) or SB0056 (without) says how much was left out. Pointers into what is kept are unchanged.
    /// </summary>
    /// <param name="root">The OpenAPI document.</param>
    /// <param name="registry">The named types by schema pointer.</param>
    /// <param name="built">The pointers of the named types built.</param>
    public JsonObject Document(JsonObject root, TypeRegistry registry, IEnumerable<string> built)
    {
        HashSet<JsonNode> reached = _reached;

        // Schemas="All": every component schema is kept, also one without a type of its own (a constrained string).
        if (_allSchemas && root.Get("components") is JsonObject allComponents && allComponents.Get("schemas") is JsonObject everySchema)
        {
            foreach (JsonProperty schema in everySchema.Properties)
            {
                Reach(schema.Value);
            }
        }

        // Types built on first use beyond the walk (it is generous, so rarely any) keep their schemas too.
        foreach (string pointer in built)
        {
            if (registry.TryGet(pointer, out NamedType type))
            {
                Reach(type.Schema);
            }
        }

        var members = new List<JsonProperty>(root.Properties.Length);
        foreach (JsonProperty member in root.Properties)
        {
            switch (member.Name)
            {
                case "webhooks":
                    break;
                case "paths" when member.Value is JsonObject paths:
                    members.Add(With(member, Keep(paths, pathItem => pathItem is JsonObject item ? KeepOperations(item) : null)));
                    break;
                case "components" when member.Value is JsonObject components:
                    members.Add(With(member, Keep(components, section => section is JsonObject entries && !IsSecuritySchemes(components, entries)
                        ? Keep(entries, entry => reached.Contains(entry) ? entry : null)
                        : section)));
                    break;
                default:
                    members.Add(member);
                    break;
            }
        }

        JsonProperty? schemasProperty = (root.Get("components") as JsonObject)?.Find("schemas");
        JsonProperty[] allSchemas = (schemasProperty?.Value as JsonObject)?.Properties ?? Array.Empty<JsonProperty>();
        string[] leftOut = allSchemas.Where(s => !reached.Contains(s.Value)).Select(static s => s.Name).ToArray();
        if (!_filtered)
        {
            if (leftOut.Length > 0 && schemasProperty is JsonProperty at)
            {
                // At "schemas" (a Swagger 2.0 document's "definitions").
                _report(
                    DiagnosticDescriptors.SchemasNotReached,
                    at.NameStart,
                    at.NameEnd,
                    leftOut.Length.ToString(CultureInfo.InvariantCulture),
                    allSchemas.Length.ToString(CultureInfo.InvariantCulture),
                    NameList(leftOut));
            }

            return new JsonObject(root.Start, root.End, members.ToArray());
        }

        _report(
            DiagnosticDescriptors.OperationsFiltered,
            _subsetSummary.Start,
            _subsetSummary.End,
            _keptOperations.Count.ToString(CultureInfo.InvariantCulture),
            _subsetSummary.Total.ToString(CultureInfo.InvariantCulture),
            leftOut.Length.ToString(CultureInfo.InvariantCulture));
        return new JsonObject(root.Start, root.End, members.ToArray());
    }

    /// <summary>The first few names, quoted, and how many more.</summary>
    private static string NameList(string[] names)
    {
        const int Shown = 5;
        string list = string.Join(", ", names.Take(Shown).Select(static n => "'" + n + "'"));
        return names.Length > Shown ? list + " and " + (names.Length - Shown).ToString(CultureInfo.InvariantCulture) + " more" : list;
    }

    private static bool IsSecuritySchemes(JsonObject components, JsonObject section) => ReferenceEquals(components.Get("securitySchemes"), section);

    /// <summary>A path item with only its kept operations (and what it shares with them), or null when it keeps none.</summary>
    private JsonObject? KeepOperations(JsonObject pathItem)
    {
        bool any = false;
        JsonObject kept = Keep(pathItem, value =>
        {
            if (value is JsonObject operation && _keptOperations.Contains(operation))
            {
                any = true;
                return operation;
            }

            return IsOperationOf(pathItem, value) ? null : value;
        });
        return any ? kept : null;
    }

    private static bool IsOperationOf(JsonObject pathItem, JsonNode value) =>
        pathItem.Properties.Any(p => ReferenceEquals(p.Value, value) && Array.IndexOf(DocumentParser.HttpMethods, p.Name) >= 0);

    /// <summary>The object with each member's value mapped; a member mapped to null goes.</summary>
    private static JsonObject Keep(JsonObject source, Func<JsonNode, JsonNode?> map)
    {
        var kept = new List<JsonProperty>(source.Properties.Length);
        foreach (JsonProperty property in source.Properties)
        {
            if (map(property.Value) is JsonNode value)
            {
                kept.Add(With(property, value));
            }
        }

        return kept.Count == source.Properties.Length && kept.Select(static p => p.Value).SequenceEqual(source.Properties.Select(static p => p.Value))
            ? source
            : new JsonObject(source.Start, source.End, kept.ToArray());
    }

    private static JsonProperty With(JsonProperty property, JsonNode value) =>
        ReferenceEquals(property.Value, value) ? property : new JsonProperty(property.Name, property.NameStart, property.NameEnd, value);
}
