using Microsoft.CodeAnalysis;

namespace SchemaBind.Generator.Diagnostics;

/// <summary>
/// Every diagnostic SchemaBind reports, with stable IDs. Each ID has a section in
/// docs/diagnostics.md: what it means, an example and the fix.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "SchemaBind";

    public static readonly DiagnosticDescriptor InvalidJson = new(
        "SB0001",
        "Schema file is not valid JSON",
        "The schema file is not valid JSON: {0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The file opted in with a SchemaBindApi item must be a JSON document (RFC 8259). Nothing is generated for it.");

    public static readonly DiagnosticDescriptor NotAnApiDocument = new(
        "SB0002",
        "Not an OpenAPI 3.1 or JSON Schema document",
        "The file is neither an OpenAPI 3.1 document nor a JSON Schema 2020-12 document: {0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An OpenAPI document has an \"openapi\" member; a JSON Schema document is an object with \"$schema\", \"type\", \"properties\" or \"$defs\".");

    public static readonly DiagnosticDescriptor UnsupportedVersion = new(
        "SB0003",
        "Unsupported document version or dialect",
        "{0} is not supported: SchemaBind reads Swagger 2.0, OpenAPI 3.0.x, 3.1.x and 3.2.x documents and JSON Schema 2020-12",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedKeyword = new(
        "SB0004",
        "Keyword not supported",
        "The keyword '{0}' is not supported yet: the generated types and validators ignore it",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "SchemaBind never ignores a keyword silently. Remove the keyword, or accept that the generated validator does not enforce it.");

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "SB0005",
        "Reference does not resolve",
        "The reference '{0}' does not resolve: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidKeywordValue = new(
        "SB0006",
        "Keyword has a value of the wrong kind",
        "'{0}' must be {1}, not {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidPattern = new(
        "SB0007",
        "Invalid regular expression",
        "The pattern '{0}' is not a valid regular expression: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateOperationId = new(
        "SB0008",
        "Duplicate operationId",
        "The operationId '{0}' is used by more than one operation; each operation becomes a method and needs its own",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PathParameterMismatch = new(
        "SB0009",
        "Path parameter mismatch",
        "{0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UntypedSchema = new(
        "SB0010",
        "Schema generated without a typed shape",
        "This schema has no typed C# shape yet ({0}); it is generated as System.Text.Json.JsonElement",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MisspelledKeyword = new(
        "SB0011",
        "Unknown keyword that looks like a misspelling",
        "'{0}' is not a JSON Schema keyword, so it has no effect; did you mean '{1}'?",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Contradiction = new(
        "SB0012",
        "Contradictory constraints",
        "Contradictory schema: {0}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateEnumValue = new(
        "SB0013",
        "Duplicate enum value",
        "The enum value {0} appears more than once",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidExample = new(
        "SB0014",
        "Default or example breaks its own schema",
        "This {0} is not valid against its own schema: {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PatternDialect = new(
        "SB0015",
        "Pattern read differently by .NET and ECMA-262",
        "The pattern '{0}' uses syntax that ECMA-262 does not have (inline options, atomic groups, \\A or \\z anchors) or that .NET's ECMAScript mode cannot read; other JSON Schema tools will read it differently",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameCollision = new(
        "SB0016",
        "Generated C# names collide",
        "'{0}' and '{1}' both become the C# name '{2}'; '{1}' is generated as '{3}'",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Two names in the schema map to the same C# identifier, or a name is one the generated code reserves in its scope (a member of the generated types, a name a client method's own code uses). SchemaBind renames deterministically: a reserved name gets the suffix Value, a taken one a numeric suffix; rename it in the schema (or accept the new name) to silence this.");

    public static readonly DiagnosticDescriptor UnknownDialect = new(
        "SB0017",
        "Custom meta-schema",
        "'{0}' is not a JSON Schema meta-schema SchemaBind knows; the document is read with JSON Schema 2020-12 rules",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OlderDialectHabit = new(
        "SB0035",
        "OpenAPI 3.0 keyword in a later document",
        "'{0}'{1} is written as in OpenAPI 3.0 and read with its 3.0 meaning; {2} expects {3}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "OpenAPI 3.1 schemas are JSON Schema 2020-12, which has no 'nullable' and whose exclusive bounds are numbers. SchemaBind reads the old form as OpenAPI 3.0 meant it; write the 3.1 form to silence this.");

    public static readonly DiagnosticDescriptor IgnoredBesideReference = new(
        "SB0050",
        "Keywords beside $ref ignored by the schema's draft",
        "The keywords beside this '$ref'{0} are ignored: in {1} a schema with '$ref' is only the reference",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "JSON Schema drafts 4 to 7 ignore every keyword beside $ref. SchemaBind reads the schema as its draft says, so those keywords neither shape the type nor validate; move them into an allOf beside the reference, or write the document in 2019-09 or 2020-12, where they apply.");

    public static readonly DiagnosticDescriptor DocumentPartLeftOut = new(
        "SB0036",
        "Part of the document not generated",
        "'{0}'{1} is not generated: {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The document uses a feature of its OpenAPI version that SchemaBind does not generate code for yet; the rest of the document is generated.");

    public static readonly DiagnosticDescriptor NestedTooDeeply = new(
        "SB0025",
        "Schema nested too deeply",
        "{0} nests more than {1} levels deep; {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Schemas nested (through items, $ref aliases or allOf parts) deeper than the generator follows are typed as JsonElement, or left to the JSON validation, so that no schema can exhaust the compiler's stack.");

    public static readonly DiagnosticDescriptor DuplicateDiscriminatorValue = new(
        "SB0026",
        "Two union cases with one discriminator value",
        "The discriminator value '{0}' of '{1}' is already the value of the case '{2}'; '{1}' is left out of the union '{3}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A discriminated union reads a value by its discriminator, so each case needs a value of its own. Give each case a distinct const (or a discriminator mapping entry).");

    public static readonly DiagnosticDescriptor OperationLeftOut = new(
        "SB0040",
        "Operation left out of the client",
        "The operation '{0}' ({1}) is left out of the client: {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The generated client has no method for this operation. The message says what SchemaBind cannot generate yet; until it can, call the endpoint with the HttpClient yourself.");

    public static readonly DiagnosticDescriptor ParameterLeftOut = new(
        "SB0041",
        "Parameter left out of the method",
        "The {0} parameter '{1}' of '{2}' is left out of the generated method: {3}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The method is generated without this parameter, so the request never carries it. Add it yourself (a DelegatingHandler on the HttpClient) when the server needs it.");

    public static readonly DiagnosticDescriptor ResponseNotRead = new(
        "SB0042",
        "Response body not read",
        "The {0} response of '{1}' is not read as its own type: its body ({2}) differs from the {3} response's, which the method returns",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "When the success statuses of an operation declare different JSON bodies, the method returns a result type with a property per body. A success status whose body is not JSON (text, a file), or one beside a method that does not return JSON, is read as the first success status's body, which may fail with ApiResponseFormatException.");

    public static readonly DiagnosticDescriptor SecurityNotApplied = new(
        "SB0043",
        "Security scheme not applied by the client",
        "{0} requires the security scheme '{1}' ({2}), which the generated client does not apply: it sends bearer tokens, API keys in a header, query or cookie, and HTTP basic credentials only",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Bearer tokens (http bearer, OAuth 2.0, OpenID Connect), API keys and HTTP basic credentials are sent by the client from ApiClientOptions; other credentials (mutual TLS, other HTTP schemes such as digest) must be added to the HttpClient, for example with a DelegatingHandler or client certificates.");

    public static readonly DiagnosticDescriptor NotGenerated = new(
        "SB0044",
        "Part of the document that generates no code",
        "{0} generates no code: {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The document describes something SchemaBind has no generated form for (requests the API sends to you, for example); the schemas it refers to are still generated.");

    public static readonly DiagnosticDescriptor FilterMatchesNothing = new(
        "SB0045",
        "Operation filter that matches no operation",
        "The {0} entry '{1}' of the SchemaBindApi item matches no operation of the document{2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An entry of IncludeTags, ExcludeTags, IncludePaths, ExcludePaths, IncludeOperations or ExcludeOperations that matches nothing is most likely misspelt: an include entry then generates nothing it was meant to, an exclude entry leaves out nothing.");

    public static readonly DiagnosticDescriptor OperationsFiltered = new(
        "SB0046",
        "Operations left out by the item's filters",
        "The SchemaBindApi item's operation filters keep {0} of the document's {1} operations; the others are not generated, nor are the {2} component schemas that no kept operation reaches",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Says what a filtered SchemaBindApi item leaves out, so that nothing goes without a word. The kept operations, the schemas they reach and only those are generated and embedded.");

    public static readonly DiagnosticDescriptor ResponseHeaderAsText = new(
        "SB0047",
        "Response header read as text",
        "The '{0}' header of the {1} response of '{2}' is read as its text, not typed: {3}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The operation's headers type has a string property for this header, holding the header's value as the server sent it. Parse it yourself, or give the header a schema that is a scalar, an enum or an array of scalars.");

    public static readonly DiagnosticDescriptor ResponseHeaderLeftOut = new(
        "SB0048",
        "Response header left out",
        "The '{0}' header of the {1} response of '{2}' is left out of {3}: {4}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The operation's headers type has no property for this header. Where the response has it, read it from the content or the ApiResponse's Headers yourself.");

    public static readonly DiagnosticDescriptor NeverValidConstant = new(
        "SB1001",
        "A constant that the schema never accepts",
        "{0} can never be a valid '{1}': {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The value is a compile-time constant that breaks a constraint of the generated member's schema; the request would always be refused before it is sent.");

    public static readonly DiagnosticDescriptor InvalidYaml = new(
        "SB0030",
        "Schema file is not valid YAML",
        "The schema file is not valid YAML: {0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A .yaml or .yml file (or one that does not start with '{' or '[') is read as YAML 1.2. Aliases may expand the document to ten times its text plus a million nodes and chars, no more. Nothing is generated for the file.");

    public static readonly DiagnosticDescriptor YamlTagIgnored = new(
        "SB0031",
        "YAML tag not understood",
        "The YAML tag '{0}' is not one of the core schema's or does not fit its value; the value is read as if it had no tag",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "SchemaBind reads the tags of the YAML 1.2 core schema (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq); a document for JSON Schema has no use for others.");

    public static readonly DiagnosticDescriptor YamlFurtherDocument = new(
        "SB0032",
        "More than one YAML document in the file",
        "The file holds more than one YAML document; only the first is read",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A schema file is one document; what follows the first document's end ('---' or '...') is not read.");

    public static readonly DiagnosticDescriptor YamlNotANumber = new(
        "SB0033",
        "YAML number that JSON cannot hold",
        "'{0}' is a YAML float that JSON has no number for; it is read as the string \"{0}\"",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "JSON Schema values are JSON values: .inf, -.inf and .nan have no JSON form.");

    public static readonly DiagnosticDescriptor ReferenceToUnreadFile = new(
        "SB0055",
        "Reference to a file that is not a part of the document",
        "The reference '{0}' leads to no part file of this project ('{1}'), so what it stands for is left out",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A $ref that is not a schema (a path item, parameter, response...) and leads to another file is read from the project's part files (SchemaBindPart). The files under a SchemaBindApi item's folder are parts; add the file there, or as <AdditionalFiles Include=\"...\" SchemaBindPart=\"true\" />.");

    public static readonly DiagnosticDescriptor SchemasNotReached = new(
        "SB0056",
        "Component schemas that no operation uses",
        "Component schemas that no operation uses are not generated: {0} of the document's {1} ({2}); set Schemas=\"All\" on the SchemaBindApi item (CLI: --schemas all) to generate every one",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "For an OpenAPI document with operations, SchemaBind generates the component schemas the operations reach (through $ref, allOf/oneOf/anyOf, items, properties, discriminator mappings, parameters, bodies, responses and their headers), and embeds only those. Schemas used only by webhooks or by nothing are left out; Schemas=\"All\" generates them too.");

    public static readonly DiagnosticDescriptor InternalError = new(
        "SB0099",
        "SchemaBind failed on this file",
        "SchemaBind could not process this file ({0}: {1}); other files are unaffected. Please report it with the schema.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = Index(
        InvalidJson,
        NotAnApiDocument,
        UnsupportedVersion,
        UnsupportedKeyword,
        UnresolvedReference,
        InvalidKeywordValue,
        InvalidPattern,
        DuplicateOperationId,
        PathParameterMismatch,
        UntypedSchema,
        MisspelledKeyword,
        Contradiction,
        DuplicateEnumValue,
        InvalidExample,
        PatternDialect,
        NameCollision,
        UnknownDialect,
        OlderDialectHabit,
        IgnoredBesideReference,
        DocumentPartLeftOut,
        NestedTooDeeply,
        DuplicateDiscriminatorValue,
        OperationLeftOut,
        ParameterLeftOut,
        ResponseNotRead,
        SecurityNotApplied,
        NotGenerated,
        FilterMatchesNothing,
        OperationsFiltered,
        ResponseHeaderAsText,
        ResponseHeaderLeftOut,
        NeverValidConstant,
        InvalidYaml,
        YamlTagIgnored,
        YamlFurtherDocument,
        YamlNotANumber,
        ReferenceToUnreadFile,
        SchemasNotReached,
        InternalError);

    public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;

    /// <summary>
    /// The diagnostics after which nothing is generated for the file; the generator reports these,
    /// the schema analyzer all others.
    /// </summary>
    public static bool StopsGeneration(string id) => id is "SB0001" or "SB0002" or "SB0003" or "SB0030" or "SB0099";

    public static DiagnosticDescriptor ById(string id) =>
        s_byId.TryGetValue(id, out DiagnosticDescriptor? descriptor) ? descriptor : throw new ArgumentException($"Unknown diagnostic ID {id}.", nameof(id));

    private static Dictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
    {
        var map = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (DiagnosticDescriptor d in descriptors)
        {
            map.Add(d.Id, d);
        }

        return map;
    }
}
