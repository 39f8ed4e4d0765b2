using SchemaBind.Generator.Reading;
using SchemaBind.Generator.Text;

namespace SchemaBind.Generator.Parsing;

/// <summary>
/// The text of the document that the generated code embeds for JSON validation at run time: a pure function of the
/// tree the parser read (or the operation subset's tree) and the types it built, called once per parse.
/// </summary>
internal static class EmbeddedDocument
{
    /// <summary>
    /// The document to embed: an OpenAPI document without the parts that JSON validation never reads, when nothing
    /// can reach them. Those are <c>paths</c>, <c>webhooks</c> and the top-level <c>x-</c> extensions (operations:
    /// the client reads them at build time),
    /// and <c>components/examples</c>. A part is kept when a generated type's JSON Pointer is inside it, when a
    /// <c>$ref</c> or <c>$dynamicRef</c> of the document points into it, or when it declares an <c>$id</c> or an
    /// anchor (a schema elsewhere may reach it by that name). On GitHub Enterprise Server's description (11 MB) it leaves 2.4 of the 6.0 MB
    /// of minified JSON the generated code embedded; a JSON Schema document is embedded whole.
    /// </summary>
    /// <param name="kind">The item's kind: a JSON Schema document is embedded whole.</param>
    /// <param name="root">The document's tree (the operation subset's, when the item filters operations); null when it is not an object.</param>
    /// <param name="whole">
    /// The whole document as minified JSON, asked for only when it is embedded whole: the text as read (minified on
    /// the parse's way, or now), a tree no text was read into written now, or the operation subset's tree written.
    /// </param>
    /// <param name="types">The types the parser built.</param>
    /// <param name="cancellationToken">Cancels the walk and the writing.</param>
    public static PackedText Of(DocumentKind kind, JsonObject? root, Func<MinifiedJson> whole, IEnumerable<TypeSpec> types, CancellationToken cancellationToken)
    {
        if (kind == DocumentKind.JsonSchema || root is null || root.Find("openapi") is null)
        {
            return whole().Complete();
        }

        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty member in root.Properties)
        {
            if (member.Name is "paths" or "webhooks" || member.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                dropped.Add("#/" + member.Name);
            }
        }

        JsonObject? components = root.Get("components") as JsonObject;
        if (components?.Find("examples") is not null)
        {
            dropped.Add("#/components/examples");
        }

        foreach (TypeSpec type in types)
        {
            // A type of an inline schema of an operation has no JSON validator and reads nothing of the document
            // (TypeEmitter: EmitJsonSchemaMembers, and EmitChoice's hasSchema).
            if (!type.SchemaPointer.StartsWith("#/paths/", StringComparison.Ordinal))
            {
                dropped.RemoveWhere(part => IsInside(type.SchemaPointer, part));
            }
        }

        if (dropped.Count > 0)
        {
            KeepReachedParts(root, dropped, cancellationToken);
        }

        return dropped.Count == 0 ? whole().Complete() : Write(Without(root, "#", dropped), cancellationToken).Complete();
    }

    /// <summary>A tree as minified JSON.</summary>
    internal static MinifiedJson Write(JsonNode tree, CancellationToken cancellationToken)
    {
        var text = new MinifiedJson();
        JsonTreeWriter.Write(tree, text, cancellationToken);
        return text;
    }

    private static bool IsInside(string pointer, string part) =>
        pointer.StartsWith(part, StringComparison.Ordinal) && (pointer.Length == part.Length || pointer[part.Length] == '/');

    /// <summary>
    /// Takes out of <paramref name="dropped"/> every part that a reference from a kept part points into (a part kept
    /// for a reference keeps what it refers to in turn), or that names a schema with <c>$id</c> or an anchor.
    /// The values of <c>examples</c> and <c>example</c> are instances, not schemas: their references (OpenAPI's
    /// example objects, <c>#/components/examples/...</c>) are never resolved by validation.
    /// </summary>
    private static void KeepReachedParts(JsonObject root, HashSet<string> dropped, CancellationToken cancellationToken)
    {
        // Each reference into a dropped part, with the dropped part it is in (null when it is in a kept one).
        var references = new List<(string? From, string To)>();
        JsonNode? components = root.Get("components");
        var stack = new Stack<(JsonNode Node, string? Part, string? Key)>();
        stack.Push((root, null, null));
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (JsonNode node, string? part, string? key) = stack.Pop();
            if (node is JsonArray array)
            {
                foreach (JsonNode item in array.Items)
                {
                    stack.Push((item, part, null));
                }

                continue;
            }

            if (node is not JsonObject obj)
            {
                continue;
            }

            foreach (JsonProperty member in obj.Properties)
            {
                string? inner = part;
                if (ReferenceEquals(obj, root) || ReferenceEquals(obj, components))
                {
                    string path = (ReferenceEquals(obj, root) ? "#/" : "#/components/") + member.Name;
                    inner = dropped.Contains(path) ? path : null;
                }

                if (member.Name is "$id" or "$anchor" or "$dynamicAnchor" && inner is not null)
                {
                    dropped.Remove(inner);
                }
                else if (member.Name is "$ref" or "$dynamicRef" && member.Value is JsonString reference)
                {
                    int hash = reference.Value.IndexOf('#');
                    string fragment = hash < 0 ? string.Empty : Uri.UnescapeDataString(reference.Value.Substring(hash));
                    foreach (string target in dropped)
                    {
                        if (IsInside(fragment, target))
                        {
                            references.Add((inner, target));
                        }
                    }
                }
                else if (member.Name is "examples" or "example" && key != "properties")
                {
                    continue;
                }

                stack.Push((member.Value, inner, member.Name));
            }
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach ((string? from, string to) in references)
            {
                if ((from is null || !dropped.Contains(from)) && dropped.Remove(to))
                {
                    changed = true;
                }
            }
        }
    }

    /// <summary>A copy of <paramref name="obj"/> (at <paramref name="pointer"/>) without the members in <paramref name="dropped"/>.</summary>
    private static JsonObject Without(JsonObject obj, string pointer, HashSet<string> dropped)
    {
        var kept = new List<JsonProperty>(obj.Properties.Length);
        foreach (JsonProperty member in obj.Properties)
        {
            string path = pointer + "/" + member.Name;
            if (dropped.Contains(path))
            {
                continue;
            }

            if (member.Value is JsonObject inner && path == "#/components")
            {
                kept.Add(new JsonProperty(member.Name, member.NameStart, member.NameEnd, Without(inner, path, dropped)));
                continue;
            }

            kept.Add(member);
        }

        return new JsonObject(obj.Start, obj.End, kept.ToArray());
    }
}
