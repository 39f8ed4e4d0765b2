using System.Collections.Generic;

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
    }

    /// <summary>The dialect's name in diagnostics ("OpenAPI 3.0").</summary>
    public string Name { get; }

    /// <summary>
    /// True when the dialect's own keywords are not expected in the document (OpenAPI 3.1 with 3.0 habits): each
    /// kind is read with its old meaning and reported once, with what the document's version expects instead.
    /// </summary>
    public bool HabitsAreWarnings { get; }

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
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas",
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
}
