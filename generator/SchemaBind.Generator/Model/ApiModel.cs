using SchemaBind.Generator.Diagnostics;

namespace SchemaBind.Generator.Model;

// The model that crosses the parse → emit boundary. Everything here compares by value:
// records, EquatableArray, strings and numbers. No Roslyn symbols, syntax or JSON DOM objects.

/// <summary>What the generator reads about one schema file, before parsing.</summary>
internal sealed record SchemaFileInput(string Path, string Text, string Namespace, string? ClientName, DocumentKind Kind = DocumentKind.Auto, bool AssertFormat = false, NumberType NumberType = NumberType.Double)
{
    /// <summary>The project's part files (SchemaBindPart): what the file's relative <c>$ref</c>s may read as if inline.</summary>
    public EquatableArray<PartFile> Parts { get; init; } = EquatableArray<PartFile>.Empty;

    /// <summary>Which operations to generate (the item's IncludeTags, ExcludePaths, ...); null for all of them.</summary>
    public OperationFilter? Filter { get; init; }

    /// <summary>How the client's operations are grouped into sub-clients (the item's GroupBy).</summary>
    public ClientGrouping GroupBy { get; init; }

    /// <summary>Which component schemas of an OpenAPI document are generated (the item's Schemas).</summary>
    public SchemaSelection Schemas { get; init; }
}

/// <summary>A file of a document split over files: not a document of its own, read where a <c>$ref</c> leads to it.</summary>
internal sealed record PartFile(string Path, string Text);

/// <summary>The C# type of <c>type: number</c> without a <c>format</c> (SchemaBindNumberType).</summary>
internal enum NumberType
{
    Double,
    Decimal,
}

/// <summary>How to read a file: detected from its content, or as the SchemaBindApi item's Kind says.</summary>
internal enum DocumentKind
{
    Auto,
    OpenApi,
    JsonSchema,
}

/// <summary>The outcome of parsing one file: what to emit (if anything) and what to report.</summary>
/// <param name="Api">What to emit, or null when the file could not be read.</param>
/// <param name="Diagnostics">What to report.</param>
/// <param name="Exports">The file's named types, for <c>$ref</c>s from other files of the project.</param>
/// <param name="HasExternalReferences">
/// True when a <c>$ref</c> points into another file and the parse ran without the other files'
/// exports: the file must be parsed again once they are known.
/// </param>
internal sealed record ParseResult(ApiSpec? Api, EquatableArray<DiagnosticInfo> Diagnostics, ExternalDocument? Exports = null, bool HasExternalReferences = false);

/// <summary>A file and the result of parsing it on its own.</summary>
internal sealed record ParsedFile(SchemaFileInput File, ParseResult Result);

/// <summary>What one schema file offers to <c>$ref</c>s from the project's other schema files.</summary>
/// <param name="Path">The file's path.</param>
/// <param name="Id">The root schema's absolute <c>$id</c>, if it has one.</param>
/// <param name="DocumentClass">The fully qualified class that embeds the document.</param>
/// <param name="Schemas">The named types, by JSON Pointer fragment ("#/$defs/Address").</param>
internal sealed record ExternalDocument(string Path, string? Id, string DocumentClass, EquatableArray<ExportedSchema> Schemas);

/// <summary>A type another file can use: its pointer and its value shape (with a fully qualified type name).</summary>
internal sealed record ExportedSchema(string Pointer, ValueSpec Value);

/// <summary>Everything generated from one schema file.</summary>
internal sealed record ApiSpec(
    string SourcePath,
    string HintPrefix,
    string Namespace,
    EquatableArray<TypeSpec> Types,
    ClientSpec? Client,
    SchemaDocumentSpec Document);

/// <summary>
/// The document itself, embedded so that JSON can be validated against any of its schemas.
/// <see cref="Json"/> is the schema file's JSON without insignificant whitespace, as it is embedded, so
/// reformatting the schema file does not re-emit it.
/// </summary>
internal sealed record SchemaDocumentSpec(string ClassName, Text.PackedText Json, bool AssertFormat)
{
    /// <summary>The document's base URI for the JSON validator, when it refers to other files; else null.</summary>
    public string? BaseUri { get; init; }

    /// <summary>The project's other documents by the URI this one reaches them at, when it refers to other files.</summary>
    public EquatableArray<LinkedDocument> Links { get; init; } = EquatableArray<LinkedDocument>.Empty;
}

/// <summary>Another schema file's embedded document, and the URI a <c>$ref</c> reaches it at.</summary>
internal sealed record LinkedDocument(string Uri, string DocumentClass);

/// <summary>A named C# type generated from a schema.</summary>
internal abstract record TypeSpec(string Name, string? Description, string SchemaPointer);

/// <summary>
/// An object schema: a sealed class (or a case of a union). <see cref="AdditionalProperties"/>, when
/// the schema allows members it does not declare, is the dictionary member (a <see cref="ValueKind.Map"/>) that keeps them.
/// </summary>
internal sealed record ObjectSpec(
    string Name,
    string? Description,
    string SchemaPointer,
    EquatableArray<PropertySpec> Properties,
    UnionMembership? Union,
    bool ValidatesJson = false,
    PropertySpec? AdditionalProperties = null,
    EquatableArray<RuleSpec> Rules = default)
    : TypeSpec(Name, Description, SchemaPointer);

/// <summary>
/// A rule of an object schema about which members it has and what they hold (<c>dependentRequired</c>,
/// <c>if</c>/<c>then</c>/<c>else</c>, <c>anyOf</c>/<c>oneOf</c>/<c>not</c> of <c>required</c>, ...), checked in
/// typed code with the JSON validator's keyword and message.
/// </summary>
/// <param name="Kind">What the rule does.</param>
/// <param name="Condition">What must hold (<see cref="RuleKind.Require"/>), or what chooses the branch (<see cref="RuleKind.When"/>).</param>
/// <param name="Keyword">The keyword an error is reported under.</param>
/// <param name="Message">The error's message.</param>
/// <param name="Then">The rules checked when <paramref name="Condition"/> holds (<see cref="RuleKind.When"/>).</param>
/// <param name="Else">The rules checked when it does not.</param>
internal sealed record RuleSpec(
    RuleKind Kind,
    ConditionSpec Condition,
    string? Keyword = null,
    string? Message = null,
    EquatableArray<RuleSpec> Then = default,
    EquatableArray<RuleSpec> Else = default);

internal enum RuleKind
{
    /// <summary>An error unless the condition holds.</summary>
    Require,

    /// <summary>An error unless exactly one of the condition's parts holds (oneOf); the message says how many did.</summary>
    RequireOne,

    /// <summary>Then or Else, by the condition.</summary>
    When,
}

/// <summary>A test of an object's members that typed code decides without its JSON form.</summary>
/// <param name="Kind">The test.</param>
/// <param name="Member">The C# member tested.</param>
/// <param name="Operand">
/// The value compared with (<see cref="ConditionKind.Equals"/>: a string's text, <c>true</c>/<c>false</c>, an
/// integer, or an enum's <c>Type.Member</c>), or an ECMA-262 pattern (<see cref="ConditionKind.Matches"/>).
/// </param>
/// <param name="Parts">The operands of All, Any, ExactlyOne and Not.</param>
/// <param name="OperandKind">The kind of value <see cref="Operand"/> is.</param>
internal sealed record ConditionSpec(
    ConditionKind Kind,
    string? Member = null,
    string? Operand = null,
    EquatableArray<ConditionSpec> Parts = default,
    ValueKind OperandKind = ValueKind.String)
{
    public static readonly ConditionSpec Always = new(ConditionKind.Always);

    public static readonly ConditionSpec Never = new(ConditionKind.Never);
}

internal enum ConditionKind
{
    Always,
    Never,

    /// <summary>The member has a value (it is written to JSON).</summary>
    Present,

    /// <summary>The member has no value (it is not written).</summary>
    Absent,

    /// <summary>The member equals a constant (so it is present).</summary>
    Equals,

    /// <summary>The member, a string known to be present here, matches a pattern.</summary>
    Matches,
    All,
    Any,
    ExactlyOne,
    Not,
}

/// <summary>Marks an object as one case of a discriminated union.</summary>
internal sealed record UnionMembership(string BaseTypeName, string DiscriminatorJsonName, string DiscriminatorPropertyName, string DiscriminatorValue);

/// <summary>A string enum: a C# enum whose members keep their wire names.</summary>
internal sealed record EnumSpec(
    string Name,
    string? Description,
    string SchemaPointer,
    EquatableArray<EnumMemberSpec> Members)
    : TypeSpec(Name, Description, SchemaPointer);

internal sealed record EnumMemberSpec(string WireName, string Name);

/// <summary>oneOf + discriminator: an abstract base class with one derived class per case.</summary>
internal sealed record UnionSpec(
    string Name,
    string? Description,
    string SchemaPointer,
    string DiscriminatorJsonName,
    string DiscriminatorPropertyName,
    EquatableArray<UnionCaseSpec> Cases,
    string UnknownCaseName = "Unknown")
    : TypeSpec(Name, Description, SchemaPointer);

internal sealed record UnionCaseSpec(string Value, string TypeName);

/// <summary>
/// oneOf/anyOf without a discriminator: an abstract record with one nested case per alternative, read by
/// testing the alternatives' schemas (oneOf: exactly one must match; anyOf: the first that matches).
/// </summary>
internal sealed record ChoiceSpec(
    string Name,
    string? Description,
    string SchemaPointer,
    string Keyword,
    EquatableArray<ChoiceCaseSpec> Cases)
    : TypeSpec(Name, Description, SchemaPointer);

/// <summary>One alternative: <c>NameCase</c> holds a <see cref="Value"/>; <see cref="Index"/> is its place in the keyword's array.</summary>
internal sealed record ChoiceCaseSpec(string Name, ValueSpec Value, int Index, bool ImplicitConversion);

/// <summary>A property of an object schema.</summary>
internal sealed record PropertySpec(
    string JsonName,
    string Name,
    ValueSpec Value,
    bool Required,
    string? Description,
    string? ConstValue,
    bool ReadOnly,
    bool Sensitive,
    bool Deprecated)
{
    /// <summary>
    /// True when leaving the member out and sending <c>null</c> are two different messages (PATCH, JSON Merge Patch): the
    /// member is optional, its schema allows null, and it is not free-form JSON (whose JSON <c>null</c> is a value of its
    /// own). Its record remembers whether it was set; see <see cref="Emitting.Presence"/>.
    /// </summary>
    public bool TracksPresence => !Required && Value.Nullable && ConstValue is null && Value.Kind != ValueKind.Json;
}

internal enum ValueKind
{
    String,
    Int32,
    Int64,
    Double,
    Decimal,
    Boolean,
    Array,
    Object,
    Enum,
    Json,

    /// <summary>An object used as a map (only <c>additionalProperties</c>): a dictionary of <see cref="ValueSpec.Items"/>.</summary>
    Map,

    // Strings whose format maps to a .NET type (see SchemaBind.Runtime.GeneratedCode.SchemaFormats).
    DateTime,
    Date,
    Uuid,
    Uri,
    Bytes,
}

/// <summary>The shape of a value and the constraints its schema puts on it.</summary>
internal sealed record ValueSpec(
    ValueKind Kind,
    string? TypeName,
    bool Nullable,
    ValueSpec? Items,
    ConstraintSpec Constraints)
{
    public bool IsValueType => Kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Decimal or ValueKind.Boolean
        or ValueKind.Enum or ValueKind.Json or ValueKind.DateTime or ValueKind.Date or ValueKind.Uuid;

    /// <summary>A string on the wire with a .NET type of its own (date-time, date, uuid, uri, byte).</summary>
    public bool IsFormattedString => Kind is ValueKind.DateTime or ValueKind.Date or ValueKind.Uuid or ValueKind.Uri or ValueKind.Bytes;

    /// <summary>A number: int, long, double or decimal.</summary>
    public bool IsNumber => Kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Decimal;

    /// <summary>A value a parameter or a form field carries as one piece of text: a string, number, boolean, enum or formatted string.</summary>
    public bool IsScalar => Kind is ValueKind.String or ValueKind.Boolean or ValueKind.Enum || IsNumber || IsFormattedString;
}

/// <summary>Validation keywords; numbers are kept as written in the schema.</summary>
internal sealed record ConstraintSpec(
    string? Minimum = null,
    string? Maximum = null,
    string? ExclusiveMinimum = null,
    string? ExclusiveMaximum = null,
    int? MinLength = null,
    int? MaxLength = null,
    string? Pattern = null,
    int? MinItems = null,
    int? MaxItems = null,
    string? MultipleOf = null)
{
    public static readonly ConstraintSpec None = new();

    public bool IsEmpty => this == None;
}

/// <summary>The client class generated from an OpenAPI document's paths.</summary>
internal sealed record ClientSpec(
    string Name,
    string? Title,
    string? Description,
    string DefaultServerUrl,
    EquatableArray<ServerSpec> Servers,
    EquatableArray<OperationSpec> Operations)
{
    /// <summary>The name of the client's interface; null for <c>I</c> and <see cref="Name"/>.</summary>
    public string? InterfaceName { get; init; }

    /// <summary>The sub-clients (the item's <c>GroupBy</c>): <c>client.Issues.GetAsync(...)</c>; empty when the client is flat.</summary>
    public EquatableArray<ClientGroupSpec> Groups { get; init; } = EquatableArray<ClientGroupSpec>.Empty;
}

/// <summary>
/// A group of a client's operations (by tag or by the path's first segment): a property of the client whose class and
/// interface have the group's methods, each forwarding to the client's own.
/// </summary>
/// <param name="Key">The tag or path segment the group stands for.</param>
/// <param name="PropertyName">The client's property (<c>Issues</c>).</param>
/// <param name="ClassName">The group's class (<c>GitHubClientIssues</c>).</param>
/// <param name="InterfaceName">The group's interface (<c>IGitHubClientIssues</c>).</param>
/// <param name="Members">The group's methods.</param>
internal sealed record ClientGroupSpec(string Key, string PropertyName, string ClassName, string InterfaceName, EquatableArray<GroupMemberSpec> Members);

/// <summary>A method of a group: the client's operation method it forwards to, and its name in the group (<c>IssuesGet</c> → <c>Get</c>).</summary>
internal sealed record GroupMemberSpec(string MethodName, string GroupMethodName);

/// <summary>How a client's operations are grouped into sub-clients (the item's <c>GroupBy</c>).</summary>
internal enum ClientGrouping
{
    None,
    Tag,
    Path,
}

/// <summary>Which component schemas of an OpenAPI document are generated (the item's <c>Schemas</c>).</summary>
internal enum SchemaSelection
{
    /// <summary>Those the generated operations reach (all of them when the document has no operations).</summary>
    Used,

    /// <summary>Every component schema, reached or not (an operation filter then only chooses operations).</summary>
    All,
}

internal sealed record ServerSpec(string Url, string? Description);

internal sealed record OperationSpec(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string PathTemplate,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterSpec> Parameters,
    BodySpec? Body,
    ResponseSpec Response,
    EquatableArray<SecurityRequirementSpec>? Security = null);

/// <summary>One alternative of an operation's <c>security</c> that the client can apply; no schemes: anonymous.</summary>
internal sealed record SecurityRequirementSpec(EquatableArray<SecuritySchemeSpec> Schemes);

/// <summary>
/// A security scheme the client applies: <paramref name="Kind"/> is <c>Bearer</c>, <c>OAuth2</c>, <c>ApiKey</c> or <c>Basic</c>
/// (the runtime's <c>ApiSecuritySchemeKind</c>); an API key has its parameter name and location (<c>Header</c>, <c>Query</c>, <c>Cookie</c>).
/// </summary>
/// <remarks>
/// <c>OAuth2</c> is a bearer scheme whose client credentials flow has <paramref name="TokenUrl"/>; <paramref name="Scopes"/>
/// are the scopes the requirement lists for it.
/// </remarks>
internal sealed record SecuritySchemeSpec(string Name, string Kind, string? ParameterName, string? Location, string? TokenUrl = null, EquatableArray<string> Scopes = default);

/// <summary>
/// A parameter of an operation. <paramref name="Style"/> is the runtime's <c>ParameterStyle</c> member (<c>Simple</c>,
/// <c>Form</c>, ...) with <paramref name="Explode"/> and <paramref name="AllowReserved"/> as the document says (or their
/// defaults); <paramref name="Members"/> are the properties sent of an object parameter.
/// </summary>
internal sealed record ParameterSpec(
    string WireName,
    string Name,
    ParameterLocation Location,
    ValueSpec Value,
    bool Required,
    string? Description,
    string Style = "",
    bool Explode = false,
    bool AllowReserved = false,
    EquatableArray<PropertySpec>? Members = null);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>
/// The request body: JSON, an object sent as <c>application/x-www-form-urlencoded</c> (<paramref name="FormFields"/> set),
/// <c>multipart/form-data</c> parts (<paramref name="Parts"/> set, one method parameter each), a file or stream
/// (<see cref="BodyKind.File"/>) or text; <paramref name="MediaType"/> is the one chosen from the body's content.
/// </summary>
internal sealed record BodySpec(
    ValueSpec Value,
    bool Required,
    string? Description,
    EquatableArray<PropertySpec>? FormFields = null,
    BodyKind Kind = BodyKind.Json,
    string? MediaType = null,
    EquatableArray<PartSpec>? Parts = null);

internal enum BodyKind
{
    Json,
    Form,
    Multipart,
    File,
    Text,
}

/// <summary>
/// A part of a <c>multipart/form-data</c> body, a parameter of the method: a text field (a scalar, or an array sent
/// as repeated parts), a file (<c>format: binary</c> or <c>contentMediaType</c>; repeated for an array) or a JSON
/// value; <paramref name="ContentType"/> from the <c>encoding</c>, or the default of its kind.
/// </summary>
internal sealed record PartSpec(string WireName, string Name, ValueSpec Value, bool Required, string? Description, PartKind Kind, bool Repeated, string? ContentType);

internal enum PartKind
{
    Field,
    File,
    Json,
}

/// <summary>
/// The success response: its status and the kind of body the method returns: JSON (<paramref name="Value"/>, or none
/// when it is null), text, a file stream, or a stream of JSON items (<paramref name="Value"/> is the item).
/// </summary>
internal sealed record ResponseSpec(int StatusCode, ValueSpec? Value, string? Description, ResponseKind Kind = ResponseKind.Json, string? MediaType = null)
{
    /// <summary>The JSON error bodies the document declares (4xx/5xx statuses, ranges, <c>default</c>), in its order; read only on an error.</summary>
    public EquatableArray<ErrorResponseSpec> Errors { get; init; } = EquatableArray<ErrorResponseSpec>.Empty;

    /// <summary>
    /// The generated result type of an operation whose success statuses declare different JSON bodies (a 200 with the
    /// resource, a 202 with a job); null when the method returns <see cref="Value"/> itself.
    /// </summary>
    public string? ResultTypeName { get; init; }

    /// <summary>The success statuses the result type tells apart, the method's own first; empty without a result type.</summary>
    public EquatableArray<SuccessBodySpec> Alternatives { get; init; } = EquatableArray<SuccessBodySpec>.Empty;

    /// <summary>
    /// The generated type of the headers the success response declares (<c>GetItemHeaders</c>), read from the response's
    /// headers when the caller asks; null when it declares none the client can read.
    /// </summary>
    public string? HeadersTypeName { get; init; }

    /// <summary>The headers the success response declares, in the document's order; empty without <see cref="HeadersTypeName"/>.</summary>
    public EquatableArray<ResponseHeaderSpec> Headers { get; init; } = EquatableArray<ResponseHeaderSpec>.Empty;
}

/// <summary>
/// A response header the document declares: its name on the wire, the property of the headers type that holds it, and its
/// value (a scalar, an enum, or an array of scalars sent comma-separated); a header that cannot be typed is a string.
/// </summary>
internal sealed record ResponseHeaderSpec(string WireName, string Name, ValueSpec Value, string? Description, bool Deprecated);

/// <summary>
/// A success status of an operation with a result type: its body's type (null: no body) and the result's property
/// that holds it; <paramref name="Statuses"/> are the statuses whose body it is (200 and 201 when both are an <c>Item</c>).
/// </summary>
internal sealed record SuccessBodySpec(EquatableArray<int> Statuses, string PropertyName, ValueSpec? Value, string? Description);

/// <summary>
/// An error response with a JSON body: <paramref name="Status"/> as the document writes it (<c>404</c>, <c>4XX</c>,
/// <c>default</c>), the type its body is read as, and its description.
/// </summary>
internal sealed record ErrorResponseSpec(string Status, ValueSpec Value, string? Description);

internal enum ResponseKind
{
    Json,
    Text,
    File,
    JsonLines,
    EventStream,
}
