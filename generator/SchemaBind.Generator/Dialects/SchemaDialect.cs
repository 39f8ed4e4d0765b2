namespace SchemaBind.Generator.Dialects;

/// <summary>What a keyword of an older schema dialect means, in the terms of JSON Schema 2020-12.</summary>
internal enum KeywordMeaning
{
    /// <summary>The same as in 2020-12: kept as it is.</summary>
    Same,

    /// <summary><c>nullable: true</c> (OpenAPI 3.0) or <c>x-nullable: true</c> (Swagger 2.0): null is allowed too.</summary>
    NullableFlag,

    /// <summary>A boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> (draft 4): makes minimum/maximum exclusive.</summary>
    BooleanExclusiveBound,

    /// <summary><c>type: file</c> (Swagger 2.0): a file upload, 2020-12's <c>type: string, format: binary</c>.</summary>
    FileType,

    /// <summary><c>discriminator: "petType"</c> (Swagger 2.0): OpenAPI 3's <c>discriminator: {propertyName: "petType"}</c>.</summary>
    DiscriminatorName,

    /// <summary>
    /// <c>id</c> (draft 4) or <c>$id</c> (drafts 6, 7), whose fragment names a plain anchor: <c>$id</c> without the
    /// fragment, and <c>$anchor</c> ("#foo" alone is only an anchor).
    /// </summary>
    IdentifierWithAnchor,

    /// <summary><c>$ref</c> in drafts 4–7: a schema with <c>$ref</c> is only the reference; the keywords beside it are ignored.</summary>
    ReferenceAlone,

    /// <summary>An array <c>items</c> (drafts 4–2019-09): 2020-12's <c>prefixItems</c>, and <c>additionalItems</c> is then <c>items</c>.</summary>
    TupleItems,

    /// <summary><c>dependencies</c> (drafts 4–7): arrays of names are <c>dependentRequired</c>, schemas <c>dependentSchemas</c>.</summary>
    Dependencies,

    /// <summary><c>$recursiveAnchor: true</c> (2019-09): <c>$dynamicAnchor</c> with one name for every such anchor.</summary>
    RecursiveAnchor,

    /// <summary>
    /// <c>$recursiveRef: "#"</c> (2019-09): <c>$dynamicRef</c> to that anchor when its schema resource has
    /// <c>$recursiveAnchor: true</c>, else a plain <c>$ref</c>.
    /// </summary>
    RecursiveReference,

    /// <summary><c>$schema</c> naming the dialect itself: the 2020-12 meta-schema in the upgraded tree.</summary>
    DialectUri,
}

/// <summary>
/// A schema dialect as data: which keywords differ from JSON Schema 2020-12 and what each means, and where
/// <c>$ref</c>s of its documents point to in the upgraded one. <see cref="SchemaUpgrader"/> reads it; nothing
/// else in the generator asks which dialect a schema is written in.
/// </summary>
internal sealed class SchemaDialect
{
    private SchemaDialect(string name, bool habitsAreWarnings, Dictionary<string, KeywordMeaning> keywords, params (string From, string To)[] referencePrefixes)
    {
        Name = name;
        HabitsAreWarnings = habitsAreWarnings;
        Keywords = keywords;
        ReferencePrefixes = referencePrefixes;
        Uris = System.Array.Empty<string>();
    }

    /// <summary>
    /// A JSON Schema draft: a <c>$ref</c> to its meta-schema (which the runtime does not hold) refers to 2020-12's,
    /// which accepts the same schemas but for the shapes the upgrade rewrites.
    /// </summary>
    private SchemaDialect(string name, string[] uris, Dictionary<string, KeywordMeaning> keywords)
        : this(
            name,
            habitsAreWarnings: false,
            keywords,
            System.Linq.Enumerable.ToArray(System.Linq.Enumerable.SelectMany(uris, static uri => new[] { (uri + "#", "https://json-schema.org/draft/2020-12/schema#"), (uri, "https://json-schema.org/draft/2020-12/schema") })))
    {
        Uris = uris;
    }

    /// <summary>The dialect's name in diagnostics ("OpenAPI 3.0").</summary>
    public string Name { get; }

    /// <summary>
    /// True when the dialect's own keywords are not expected in the document (OpenAPI 3.1 with 3.0 habits): each
    /// kind is read with its old meaning and reported once, with what the document's version expects instead.
    /// </summary>
    public bool HabitsAreWarnings { get; }

    /// <summary>The <c>$schema</c> values that name a JSON Schema draft (without a trailing '#'); none for OpenAPI dialects.</summary>
    public IReadOnlyList<string> Uris { get; }

    /// <summary>The keywords whose meaning differs from 2020-12 (any other keyword means the same).</summary>
    public IReadOnlyDictionary<string, KeywordMeaning> Keywords { get; }

    /// <summary>Prefixes of local <c>$ref</c>s that move in the upgraded document ("#/definitions/" → "#/components/schemas/").</summary>
    public IReadOnlyList<(string From, string To)> ReferencePrefixes { get; }

    /// <summary>The keywords that hold one schema: every dialect here puts them in the same places.</summary>
    public static readonly HashSet<string> SchemaKeywords = new(System.StringComparer.Ordinal)
    {
        "items", "additionalProperties", "not", "additionalItems", "contains", "propertyNames", "if", "then", "else",
        "unevaluatedProperties", "unevaluatedItems", "contentSchema",
    };

    /// <summary>The keywords that hold an array of schemas.</summary>
    public static readonly HashSet<string> SchemaArrayKeywords = new(System.StringComparer.Ordinal)
    {
        "allOf", "anyOf", "oneOf", "prefixItems",
    };

    /// <summary>The keywords that hold an object whose every member is a schema.</summary>
    public static readonly HashSet<string> SchemaMapKeywords = new(System.StringComparer.Ordinal)
    {
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies",
    };

    /// <summary>Keywords whose value is data, never a schema (an example may look like one).</summary>
    public static readonly HashSet<string> DataKeywords = new(System.StringComparer.Ordinal)
    {
        "enum", "const", "default", "example", "examples",
    };

    /// <summary>
    /// OpenAPI 3.0.x's schema object: JSON Schema draft 4/5 with <c>nullable</c> and boolean exclusive bounds.
    /// Its <c>$ref</c> siblings (ignored by 3.0's text) are kept and applied, as 3.1 and most 3.0 tools do.
    /// </summary>
    public static readonly SchemaDialect OpenApi30 = new(
        "OpenAPI 3.0",
        habitsAreWarnings: false,
        new Dictionary<string, KeywordMeaning>(System.StringComparer.Ordinal)
        {
            ["nullable"] = KeywordMeaning.NullableFlag,
            ["exclusiveMinimum"] = KeywordMeaning.BooleanExclusiveBound,
            ["exclusiveMaximum"] = KeywordMeaning.BooleanExclusiveBound,
        });

    /// <summary>
    /// Swagger 2.0's schema object: draft 4 with <c>type: file</c> and the common <c>x-nullable</c> extension;
    /// its definitions, parameters and responses move under <c>components</c>.
    /// </summary>
    public static readonly SchemaDialect Swagger20 = new(
        "Swagger 2.0",
        habitsAreWarnings: false,
        new Dictionary<string, KeywordMeaning>(System.StringComparer.Ordinal)
        {
            ["x-nullable"] = KeywordMeaning.NullableFlag,
            ["exclusiveMinimum"] = KeywordMeaning.BooleanExclusiveBound,
            ["exclusiveMaximum"] = KeywordMeaning.BooleanExclusiveBound,
            ["type"] = KeywordMeaning.FileType,
            ["discriminator"] = KeywordMeaning.DiscriminatorName,
        },
        ("#/definitions/", "#/components/schemas/"),
        ("#/parameters/", "#/components/parameters/"),
        ("#/responses/", "#/components/responses/"));

    /// <summary>OpenAPI 3.1 (and 3.2) documents that still write 3.0's <c>nullable</c> or boolean exclusive bounds.</summary>
    public static readonly SchemaDialect OpenApi31With30Habits = new(
        "OpenAPI 3.1",
        habitsAreWarnings: true,
        new Dictionary<string, KeywordMeaning>(System.StringComparer.Ordinal)
        {
            ["nullable"] = KeywordMeaning.NullableFlag,
            ["exclusiveMinimum"] = KeywordMeaning.BooleanExclusiveBound,
            ["exclusiveMaximum"] = KeywordMeaning.BooleanExclusiveBound,
        });

    /// <summary>The JSON Schema drafts read by upgrading their schemas into 2020-12, newest first.</summary>
    public static readonly SchemaDialect[] JsonSchemaDrafts =
    {
        new(
            "JSON Schema 2019-09",
            new[] { "https://json-schema.org/draft/2019-09/schema", "http://json-schema.org/draft/2019-09/schema" },
            new Dictionary<string, KeywordMeaning>(System.StringComparer.Ordinal)
            {
                ["$schema"] = KeywordMeaning.DialectUri,
                ["items"] = KeywordMeaning.TupleItems,
                ["additionalItems"] = KeywordMeaning.TupleItems,
                ["$recursiveAnchor"] = KeywordMeaning.RecursiveAnchor,
                ["$recursiveRef"] = KeywordMeaning.RecursiveReference,
            }),
        new("JSON Schema draft 7", new[] { "http://json-schema.org/draft-07/schema", "https://json-schema.org/draft-07/schema" }, Draft6And7()),
        new("JSON Schema draft 6", new[] { "http://json-schema.org/draft-06/schema", "https://json-schema.org/draft-06/schema" }, Draft6And7()),
        new(
            "JSON Schema draft 4",
            new[] { "http://json-schema.org/draft-04/schema", "https://json-schema.org/draft-04/schema" },
            new Dictionary<string, KeywordMeaning>(System.StringComparer.Ordinal)
            {
                ["$schema"] = KeywordMeaning.DialectUri,
                ["id"] = KeywordMeaning.IdentifierWithAnchor,
                ["$ref"] = KeywordMeaning.ReferenceAlone,
                ["items"] = KeywordMeaning.TupleItems,
                ["additionalItems"] = KeywordMeaning.TupleItems,
                ["dependencies"] = KeywordMeaning.Dependencies,
                ["exclusiveMinimum"] = KeywordMeaning.BooleanExclusiveBound,
                ["exclusiveMaximum"] = KeywordMeaning.BooleanExclusiveBound,
            }),
    };

    /// <summary>Drafts 6 and 7 differ from 2020-12 in the same keywords (7 adds if/then/else, read as in 2020-12).</summary>
    private static Dictionary<string, KeywordMeaning> Draft6And7() => new(System.StringComparer.Ordinal)
    {
        ["$schema"] = KeywordMeaning.DialectUri,
        ["$id"] = KeywordMeaning.IdentifierWithAnchor,
        ["$ref"] = KeywordMeaning.ReferenceAlone,
        ["items"] = KeywordMeaning.TupleItems,
        ["additionalItems"] = KeywordMeaning.TupleItems,
        ["dependencies"] = KeywordMeaning.Dependencies,
    };
}
