using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Dialects;

/// <summary>
/// The "upgrade" step, run on an OpenAPI document's tree before the parser reads it: a Swagger 2.0 or OpenAPI
/// 3.0 document (or a 3.1/3.2 one that keeps 3.0 habits) is rewritten into the OpenAPI 3.1 / JSON Schema 2020-12
/// shape the parser reads, so the parser itself knows one dialect. Which versions exist, how their schemas are
/// read and what of them is not generated is the data in <see cref="Versions"/>.
/// </summary>
internal static class DocumentUpgrader
{
    /// <summary>A version of the OpenAPI document format: how its schemas read, and its parts SchemaBind leaves out.</summary>
    private sealed class DocumentVersion
    {
        public DocumentVersion(string member, string prefix, SchemaDialect schemas, bool always, params (string Keyword, string Note)[] leftOut)
        {
            Member = member;
            Prefix = prefix;
            Schemas = schemas;
            Always = always;
            LeftOut = leftOut;
        }

        /// <summary>The root member that holds the version ("openapi", or "swagger").</summary>
        public string Member { get; }

        public string Prefix { get; }

        public SchemaDialect Schemas { get; }

        /// <summary>False when the document is rewritten only if its text has a habit of an older dialect.</summary>
        public bool Always { get; }

        /// <summary>Document members (not schema keywords) that are not generated, each with what happens instead.</summary>
        public (string Keyword, string Note)[] LeftOut { get; }
    }

    private static readonly (string, string) Links = ("links", "links between responses and operations are not generated; the response is");

    private static readonly DocumentVersion[] Versions =
    {
        new("swagger", "2.0", SchemaDialect.Swagger20, always: true),
        new("openapi", "3.0", SchemaDialect.OpenApi30, always: true, Links), // callbacks: the client's SB0044, as for 3.1
        new("openapi", "3.1", SchemaDialect.OpenApi31With30Habits, always: false),
        new(
            "openapi",
            "3.2",
            SchemaDialect.OpenApi31With30Habits,
            always: true,
            ("query", "the QUERY method of OpenAPI 3.2 is not generated yet; the path's other operations are"),
            ("additionalOperations", "operations of other HTTP methods (OpenAPI 3.2) are not generated yet"),
            ("itemSchema", "streamed items (OpenAPI 3.2's itemSchema) are not typed yet; the media type's schema is"),
            ("$self", "OpenAPI 3.2's $self is not used yet: references are resolved against the file itself")),
    };

    /// <summary>
    /// The document in the OpenAPI 3.1 shape, or null when it is read as it is (OpenAPI 3.1 without 3.0 habits,
    /// and any version this step does not know, which the parser refuses).
    /// </summary>
    public static JsonObject? Upgrade(JsonObject root, string text, bool jsonSchema, DialectReport report, CancellationToken cancellationToken)
    {
        if (jsonSchema || (root.Get("openapi") is null && root.Get("swagger") is null))
        {
            return UpgradeJsonSchema(root, report, cancellationToken);
        }

        DocumentVersion? version = null;
        foreach (DocumentVersion candidate in Versions)
        {
            if (root.Get(candidate.Member) is JsonString value && (value.Value == candidate.Prefix || value.Value.StartsWith(candidate.Prefix + ".", StringComparison.Ordinal)))
            {
                version = candidate;
                break;
            }
        }

        if (version is null || (!version.Always && !HasHabits(text)))
        {
            return null;
        }

        JsonObject document = version.Member == "swagger" ? new SwaggerConverter(root, report).Convert() : root;
        var walk = new Walk(new SchemaUpgrader(version.Schemas, report, cancellationToken), version.LeftOut, cancellationToken);
        var upgraded = (JsonObject)walk.Document(document, null, 0);
        if (version.Schemas == SchemaDialect.OpenApi30)
        {
            // The tree is an OpenAPI 3.1 document now, and says so (it is what is embedded and validated against).
            upgraded = WithVersion(upgraded);
        }

        walk.Report(report);
        return ReferenceEquals(upgraded, root) ? null : upgraded;
    }

    /// <summary>
    /// A JSON Schema whose <c>$schema</c> names one of <see cref="SchemaDialect.JsonSchemaDrafts"/>, rewritten into
    /// 2020-12 (its <c>$schema</c> too); null for any other (2020-12 itself, an unknown meta-schema, none).
    /// </summary>
    private static JsonObject? UpgradeJsonSchema(JsonObject root, DialectReport report, CancellationToken cancellationToken)
    {
        if (root.Get("$schema") is not JsonString uri)
        {
            return null;
        }

        string bare = uri.Value.TrimEnd('#');
        foreach (SchemaDialect draft in SchemaDialect.JsonSchemaDrafts)
        {
            foreach (string known in draft.Uris)
            {
                if (bare == known)
                {
                    var upgrader = new SchemaUpgrader(draft, report, cancellationToken);
                    var upgraded = (JsonObject)upgrader.Schema(root);
                    upgrader.ReportHabits();
                    return ReferenceEquals(upgraded, root) ? null : upgraded;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a 3.1 document's text may hold a 3.0 habit: only then is it walked (3.1 documents cost nothing more).
    /// The names without quotes, so that a document read from YAML is looked at too.
    /// </summary>
    private static bool HasHabits(string text) =>
        text.IndexOf("nullable", StringComparison.Ordinal) >= 0 || text.IndexOf("exclusiveM", StringComparison.Ordinal) >= 0;

    private static JsonObject WithVersion(JsonObject root)
    {
        var properties = (JsonProperty[])root.Properties.Clone();
        for (int i = 0; i < properties.Length; i++)
        {
            if (properties[i].Name == "openapi")
            {
                JsonNode at = properties[i].Value;
                properties[i] = new JsonProperty("openapi", properties[i].NameStart, properties[i].NameEnd, new JsonString(at.Start, at.End, "3.1.0"));
            }
        }

        return new JsonObject(root.Start, root.End, properties);
    }

    /// <summary>Walks the document's own members (not its schemas), hands each schema to the upgrader, notes what is left out.</summary>
    private sealed class Walk
    {
        private readonly SchemaUpgrader _schemas;
        private readonly (string Keyword, string Note)[] _leftOut;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<string, (int Start, int End, int Count, string Note)> _found = new(StringComparer.Ordinal);

        public Walk(SchemaUpgrader schemas, (string Keyword, string Note)[] leftOut, CancellationToken cancellationToken)
        {
            _schemas = schemas;
            _leftOut = leftOut;
            _cancellationToken = cancellationToken;
        }

        public JsonNode Document(JsonNode node, string? parent, int depth)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (depth > 256)
            {
                return node;
            }

            if (node is JsonArray array)
            {
                return array.Map(item => Document(item, parent, depth + 1));
            }

            if (node is not JsonObject obj)
            {
                return node;
            }

            JsonProperty[]? changed = null;
            for (int i = 0; i < obj.Properties.Length; i++)
            {
                JsonProperty property = obj.Properties[i];
                string name = property.Name;
                JsonNode value = property.Value;
                JsonNode upgraded = value;
                if (name == "schema")
                {
                    upgraded = _schemas.Schema(value);
                }
                else if (name == "schemas" && parent == "components" && value is JsonObject schemas)
                {
                    upgraded = _schemas.Members(schemas);
                }
                else if (name == "$ref")
                {
                    upgraded = _schemas.Reference(value);
                }
                else if (name is "example" or "examples" || name.StartsWith("x-", StringComparison.Ordinal))
                {
                    // data, kept as written
                }
                else
                {
                    Note(property, parent);
                    upgraded = Document(value, name, depth + 1);
                }

                if (!ReferenceEquals(upgraded, value))
                {
                    changed ??= (JsonProperty[])obj.Properties.Clone();
                    changed[i] = new JsonProperty(name, property.NameStart, property.NameEnd, upgraded);
                }
            }

            return changed is null ? obj : new JsonObject(obj.Start, obj.End, changed);
        }

        public void Report(DialectReport report)
        {
            _schemas.ReportHabits();
            foreach (KeyValuePair<string, (int Start, int End, int Count, string Note)> found in _found)
            {
                string more = found.Value.Count > 1 ? " (and " + (found.Value.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more in this document)" : string.Empty;
                report(DiagnosticDescriptors.DocumentPartLeftOut, found.Value.Start, found.Value.End, found.Key, more, found.Value.Note);
            }
        }

        private void Note(JsonProperty property, string? parent)
        {
            foreach ((string keyword, string note) in _leftOut)
            {
                // "query" is a method only as a member of a path item (whose name, under paths, starts with '/').
                if (property.Name == keyword && (keyword != "query" || (parent is not null && parent.StartsWith("/", StringComparison.Ordinal))))
                {
                    _found[keyword] = _found.TryGetValue(keyword, out var first)
                        ? (first.Start, first.End, first.Count + 1, first.Note)
                        : (property.NameStart, property.NameEnd, 1, note);
                }
            }
        }
    }
}
