using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Reading;
using SchemaBind.Generator.Text;

namespace SchemaBind.Generator.Parsing;

/// <summary>
/// Reads one OpenAPI 3.1 or JSON Schema 2020-12 document into an <see cref="ApiSpec"/>.
/// A pure function of its input: no Roslyn compilation, no file system. Problems become
/// <see cref="DiagnosticInfo"/> records at the exact span; whatever can still be generated is.
/// </summary>
internal sealed partial class DocumentParser
{
    internal static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly SchemaFileInput _input;
    private readonly CancellationToken _cancellationToken;

    // The parts of a split document bundled into its tree, and which file a position is in (see DocumentBundler).
    private readonly DocumentBundler _bundler;

    // $refs into the project's other schema files, and what this file exports to them (see ExternalReferences).
    private readonly ExternalReferences _external;

    // An object's rules (dependentRequired, if/then, ...) as typed checks (see RuleReader).
    private readonly RuleReader _rules;

    // The document without insignificant whitespace, when it is embedded whole (EmbeddedDocument): a JSON
    // text minified (by the parser on its way, unless the text looks like an OpenAPI or Swagger description; see
    // ReadDocument), or, when the document is a tree that no text was read into (read from YAML, bundled from parts,
    // or upgraded from an older dialect; see Dialects/DocumentUpgrader), _unwritten written.
    private MinifiedJson? _minified;
    private JsonNode? _unwritten;

    // Local references already resolved, by their text (null when they lead nowhere).
    private readonly Dictionary<string, JsonNode?> _resolved = new(StringComparer.Ordinal);

    // Null for the generator: the checks that only find mistakes (misspelled keywords, contradictions,
    // examples that break their schema) change no generated code, and SchemaFileAnalyzer reports them.
    private readonly MistakeChecks? _mistakes;

    // The kinds and constraints that scalar and array schemas' keywords give their values.
    private readonly ConstraintReader _constraints;

    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<TypeSpec> _types = new();

    // The C# names taken in the file's namespace: the registry's types', and the client's classes' (ClientReader).
    private readonly HashSet<string> _takenTypeNames = new(StringComparer.Ordinal);

    // Property name → its PascalCase (see PascalCaseOf).
    private readonly Dictionary<string, string> _pascalNames = new(StringComparer.Ordinal);

    // Emptied member-name sets of types built before, for the next (see BuildObjectCore).
    private readonly Stack<(HashSet<string> Taken, Dictionary<string, string> JsonNameByMember)> _memberNameSets = new();

    // The named types by schema pointer, and the C# names taken (see TypeRegistry).
    private readonly TypeRegistry _registry;

    private readonly Dictionary<string, UnionMembership> _memberships = new(StringComparer.Ordinal);
    private readonly HashSet<string> _built = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);

    // Choices (oneOf/anyOf without a discriminator) that have a {"type": "null"} alternative: their values may be null.
    private readonly HashSet<string> _nullChoices = new(StringComparer.Ordinal);

    // The object types being built, innermost on top; an entry is null where JSON validation is not
    // available (unions, schemas inline in operations), else the type's JsonFallback.
    private readonly Stack<JsonFallback?> _jsonFallbacks = new();

    // How deep types are being built inside each other, and the types met deeper than MaxBuildDepth (see EnsureBuilt).
    private const int MaxBuildDepth = 16;
    private readonly Queue<string> _deferred = new();
    private int _buildDepth;

    // How deep BuildValue is nested within the type being built (items, $ref aliases, allOf values), up to MaxValueDepth.
    private const int MaxValueDepth = 64;
    private int _valueDepth;

    private JsonObject _root = null!;

    /// <summary>The operations kept and what they reach (see OperationSubset); null when everything is generated.</summary>
    private OperationSubset? _subset;

    /// <summary>Whether the named type at <paramref name="pointer"/> exists in the output (what other files' <c>$ref</c>s may use).</summary>
    private bool IsGenerated(string pointer) => _subset is null || _built.Contains(pointer);

    /// <summary>Whether the named type at <paramref name="pointer"/> is generated up front: always without a subset, else when a kept operation reaches it (or the item wants all).</summary>
    private bool IsWanted(string pointer) => _subset is null || _subset.Reaches(_registry[pointer].Schema);

    private DocumentParser(SchemaFileInput input, EquatableArray<ExternalDocument>? externals, CancellationToken cancellationToken, bool reportMistakes)
    {
        _input = input;
        _external = new ExternalReferences(input, externals, Report);
        _cancellationToken = cancellationToken;
        _mistakes = reportMistakes ? new MistakeChecks(Report) : null;
        _constraints = new ConstraintReader(Report, NotTyped, input.NumberType);
        _rules = new RuleReader(input.Namespace, NotTyped);
        _bundler = new DocumentBundler(input, Report, cancellationToken);
        _registry = new TypeRegistry(_takenTypeNames);
    }

    /// <summary>Parses a file on its own; <c>$ref</c>s into other files are noted in the result, not resolved.</summary>
    /// <param name="input">The schema file.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    /// <param name="reportMistakes">
    /// False to leave out the diagnostics of checks that change no generated code (SB0011–SB0015). The generator
    /// runs them too, though it reports only what stops generation, so that the analyzer, which reports the rest,
    /// can take its diagnostics (<see cref="ParsedDiagnostics"/>).
    /// </param>
    public static ParseResult Parse(SchemaFileInput input, CancellationToken cancellationToken, bool reportMistakes = true) =>
        Run(new DocumentParser(input, null, cancellationToken, reportMistakes));

    /// <summary>Parses a file with the exports of the project's other schema files, which its <c>$ref</c>s reach.</summary>
    /// <param name="input">The schema file.</param>
    /// <param name="externals">The other files' exports.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    /// <param name="reportMistakes">As for <see cref="Parse(SchemaFileInput, CancellationToken, bool)"/>.</param>
    public static ParseResult Parse(SchemaFileInput input, EquatableArray<ExternalDocument> externals, CancellationToken cancellationToken, bool reportMistakes = true) =>
        Run(new DocumentParser(input, externals, cancellationToken, reportMistakes));

    private static ParseResult Run(DocumentParser parser)
    {
        ApiSpec? api;
        try
        {
            api = parser.ParseDocument();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Never let a bug take the compiler down (CS8785): report it on this file and move on.
            parser.Report(DiagnosticDescriptors.InternalError, 0, 0, ex.GetType().Name, ex.Message);
            api = null;
        }

        return new ParseResult(api, parser._diagnostics.ToEquatableArray(), api is null ? null : parser._external.Exports(api, parser._root, parser._registry, parser.IsNullChoice, parser.IsGenerated), parser._external.Found);
    }

    private ApiSpec? ParseDocument()
    {
        if (ReadDocument() is not { } document)
        {
            return null;
        }

        if (document is JsonBoolean && _input.Kind == DocumentKind.JsonSchema)
        {
            // true and false are whole schemas: nothing to type, but JSON can be validated.
            return new ApiSpec(_input.Path, HintPrefix(), _input.Namespace, EquatableArray<TypeSpec>.Empty, null, DocumentSpec(null));
        }

        if (document is not JsonObject root)
        {
            Report(DiagnosticDescriptors.NotAnApiDocument, document, "the top-level value is " + document.KindDisplay + ", not an object");
            return null;
        }

        JsonObject bundled = _bundler.Bundle(root);
        if (!ReferenceEquals(bundled, root))
        {
            // Parts of a split document: the tree they were bundled into is read and embedded.
            root = bundled;
            _minified = null;
            _unwritten = root;
        }

        if (Dialects.DocumentUpgrader.Upgrade(root, _bundler.Text, _input.Kind == DocumentKind.JsonSchema, Report, _cancellationToken) is JsonObject upgraded)
        {
            // Swagger 2.0, OpenAPI 3.0, 3.1 with 3.0 habits, or a JSON Schema draft 4 to 2019-09: read (and embedded,
            // so that the runtime's 2020-12 validation agrees with the typed code) as the 3.1 / 2020-12 tree it was rewritten into.
            root = upgraded;
            _minified = null;
            _unwritten = root;
        }

        _root = root;
        ClientSpec? client = null;

        // The document cut down to what the kept operations reach, unless everything is generated; else null.
        JsonObject? subsetRoot = null;
        if (_input.Kind != DocumentKind.JsonSchema && root.Find("openapi") is JsonProperty openapi)
        {
            if (openapi.Value is not JsonString version)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, openapi.Value, "openapi", "a version string such as \"3.1.0\"", openapi.Value.KindDisplay);
                return null;
            }

            if (version.Value is not ("3.1" or "3.2") && !version.Value.StartsWith("3.1.", StringComparison.Ordinal) && !version.Value.StartsWith("3.2.", StringComparison.Ordinal))
            {
                Report(DiagnosticDescriptors.UnsupportedVersion, version, "OpenAPI " + version.Value);
                return null;
            }

            RegisterComponentSchemas(root);
            _subset = OperationSubset.Select(root, _input.Filter, _input.Schemas, Resolve, Report, _cancellationToken);
            BuildAllNamedTypes();
            client = new ClientReader(_input, _registry, _types, _subset, BuildValue, Resolve, Report, _cancellationToken).Read(root);
            // Only what the kept operations reach is embedded (see OperationSubset), less what validation never
            // reads; EmbeddedDocument writes it once.
            subsetRoot = _subset?.Document(root, _registry, _built);
        }
        else if (_input.Kind != DocumentKind.JsonSchema && root.Find("swagger") is JsonProperty swagger)
        {
            Report(DiagnosticDescriptors.UnsupportedVersion, swagger.Value, "Swagger " + (swagger.Value is JsonString swaggerVersion ? swaggerVersion.Value : "without a version"));
            return null;
        }
        else if (_input.Kind == DocumentKind.JsonSchema || (_input.Kind == DocumentKind.Auto && KeywordSupport.IsJsonSchemaDocument(root)))
        {
            if (root.Get("$schema") is JsonString dialect && !KeywordSupport.IsSupportedDialect(dialect.Value))
            {
                if (KeywordSupport.IsOlderDraft(dialect.Value))
                {
                    Report(DiagnosticDescriptors.UnsupportedVersion, dialect, "The JSON Schema dialect '" + dialect.Value + "'");
                    return null;
                }

                // A custom meta-schema (a 2020-12 dialect of one's own) is read with 2020-12 rules.
                Report(DiagnosticDescriptors.UnknownDialect, dialect, dialect.Value);
            }

            OperationSubset.ReportWithoutOperations(root, _input.Filter, Report);
            RegisterJsonSchemaTypes(root);
            BuildAllNamedTypes();
        }
        else
        {
            Report(
                DiagnosticDescriptors.NotAnApiDocument,
                root.Start,
                root.Start + 1,
                "it has no \"openapi\" member and no JSON Schema keywords (\"$schema\", \"type\", \"properties\", \"$defs\")");
            return null;
        }

        _types.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new ApiSpec(_input.Path, HintPrefix(), _input.Namespace, _types.ToEquatableArray(), client, DocumentSpec(subsetRoot));
    }

    private string HintPrefix() => System.IO.Path.GetFileNameWithoutExtension(_input.Path);

    private SchemaDocumentSpec DocumentSpec(JsonObject? subsetRoot)
    {
        string stem = System.IO.Path.GetFileName(_input.Path).Split('.')[0];
        string name = Names.Unique(Names.ToPascalCase(stem) + "JsonSchema", _takenTypeNames);
        PackedText embedded = subsetRoot is null
            ? EmbeddedDocument.Of(_input.Kind, _root, WholeAsRead, _types, _cancellationToken)
            : EmbeddedDocument.Of(_input.Kind, subsetRoot, () => EmbeddedDocument.Write(subsetRoot, _cancellationToken), _types, _cancellationToken);
        return _external.WithLinks(new SchemaDocumentSpec(name, embedded, _input.AssertFormat));
    }

    /// <summary>
    /// The document as read, minified, for an embedded document that is all of it: a JSON text minified (on the parse's
    /// way, or now), or a tree read from YAML or rewritten from an older dialect written now, once.
    /// </summary>
    private MinifiedJson WholeAsRead() =>
        _minified ??= _unwritten is null ? JsonTextParser.Minify(_input.Text, _cancellationToken) : EmbeddedDocument.Write(_unwritten, _cancellationToken);

    // ---------------------------------------------------------------- named types

    private void RegisterComponentSchemas(JsonObject root)
    {
        if (root.Get("components") is not JsonObject components || components.Find("schemas") is not JsonProperty schemasProperty)
        {
            return;
        }

        if (schemasProperty.Value is not JsonObject schemas)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, schemasProperty.Value, "components.schemas", "an object", schemasProperty.Value.KindDisplay);
            return;
        }

        foreach (JsonProperty schema in schemas.Properties)
        {
            RegisterNamed("#/components/schemas/" + JsonPointer.Escape(schema.Name), schema.Name, schema.Value, schema);
        }
    }

    private void RegisterJsonSchemaTypes(JsonObject root)
    {
        string rootName = root.Get("title") is JsonString title && title.Value.Length > 0
            ? title.Value
            : System.IO.Path.GetFileNameWithoutExtension(System.IO.Path.GetFileNameWithoutExtension(_input.Path));
        RegisterNamed("#", rootName, root);
        foreach (string defsKeyword in new[] { "$defs", "definitions" })
        {
            if (root.Get(defsKeyword) is JsonObject defs)
            {
                foreach (JsonProperty schema in defs.Properties)
                {
                    RegisterNamed("#/" + defsKeyword + "/" + JsonPointer.Escape(schema.Name), schema.Name, schema.Value, schema);
                }
            }
        }
    }

    /// <summary>Reserves a C# name for a schema that gets its own type (object, enum or union).</summary>
    private void RegisterNamed(string pointer, string schemaName, JsonNode schema, JsonProperty? nameProperty = null)
    {
        if (schema is not JsonObject obj)
        {
            return;
        }

        ValueKind? kind = NamedKind(obj);
        if (kind is null)
        {
            return; // an alias of a primitive or array: references use its shape inline.
        }

        string wanted = Names.ToPascalCase(schemaName);
        string name = _registry.Claim(wanted, kind.Value);
        if (kind == ValueKind.Enum)
        {
            _registry.NoteSchemaName(name + "Json", schemaName + " (its helper class)");
        }

        if (name != wanted && nameProperty is JsonProperty named)
        {
            if (Names.ReservedTypeNames.Contains(wanted))
            {
                Report(DiagnosticDescriptors.NameCollision, named.NameStart, named.NameEnd, "a member of the generated types", schemaName, wanted, name);
            }
            else if (_registry.TryGetSchemaName(wanted, out string first))
            {
                Report(DiagnosticDescriptors.NameCollision, named.NameStart, named.NameEnd, first, schemaName, wanted, name);
            }
            else
            {
                // An enum whose helper class (<Name>Json) would take a type's name.
                string other = _registry.TryGetSchemaName(wanted + "Json", out string holder) ? holder : wanted + "Json";
                Report(DiagnosticDescriptors.NameCollision, named.NameStart, named.NameEnd, other, schemaName + " (its helper class)", wanted + "Json", name + "Json");
            }
        }

        _registry.NoteSchemaName(name, schemaName);
        _registry.Add(pointer, name, kind.Value, obj);
    }

    /// <summary>An allOf with at least one part that declares properties (itself, or through a $ref): one merged record.</summary>
    private bool ComposesObject(JsonObject schema, int depth)
    {
        if (depth > 16 || schema.Get("allOf") is not JsonArray allOf)
        {
            return false;
        }

        foreach (JsonNode item in allOf.Items)
        {
            JsonObject? part = item as JsonObject;
            if (part?.Get("$ref") is JsonString reference)
            {
                part = Resolve(reference.Value) as JsonObject;
            }

            if (part is not null && (part.Get("properties") is JsonObject || ComposesObject(part, depth + 1)))
            {
                return true;
            }
        }

        return false;
    }

    private ValueKind? NamedKind(JsonObject schema)
    {
        if (schema.Get("oneOf") is JsonArray && schema.Get("discriminator") is JsonObject)
        {
            return ValueKind.Object;
        }

        if (IsStringEnum(schema))
        {
            return ValueKind.Enum;
        }

        if (ChoiceAlternatives(schema) is { Count: > 1 })
        {
            return ValueKind.Object;
        }

        if (ComposesObject(schema, 0))
        {
            return ValueKind.Object;
        }

        if (schema.Get("properties") is JsonObject || KeywordSupport.TypeNames(schema).Contains("object"))
        {
            return schema.Get("properties") is JsonObject ? ValueKind.Object : null;
        }

        return null;
    }

    private void BuildAllNamedTypes()
    {
        // Unions first, so that their cases know their base class when they are built.
        foreach (KeyValuePair<string, NamedType> named in _registry.All.ToArray())
        {
            JsonObject schema = named.Value.Schema;
            if (IsWanted(named.Key) && schema.Get("oneOf") is JsonArray && schema.Get("discriminator") is JsonObject)
            {
                BuildUnion(named.Key, named.Value.Name, schema);
            }
        }

        foreach (KeyValuePair<string, NamedType> named in _registry.All.ToArray())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (IsWanted(named.Key))
            {
                EnsureBuilt(named.Key);
            }
        }
    }

    /// <summary>
    /// Builds the named type at <paramref name="pointer"/> if it is not built yet. Types are built where they are
    /// first used (a property's type inside its owner's build), but no deeper than <see cref="MaxBuildDepth"/>: a type
    /// met deeper waits in a work list, built when the outermost build ends, so that a chain of 10,000 schemas
    /// that each use the next costs no more stack than a chain of 16.
    /// </summary>
    private void EnsureBuilt(string pointer)
    {
        if (_built.Contains(pointer))
        {
            return;
        }

        if (_buildDepth >= MaxBuildDepth && _registry[pointer].Kind != ValueKind.Enum)
        {
            _deferred.Enqueue(pointer); // an enum uses no other type: built at once, for the rules that name its members
            return;
        }

        BuildNow(pointer);
        if (_buildDepth == 0)
        {
            while (_deferred.Count > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                BuildNow(_deferred.Dequeue());
            }
        }
    }

    private void BuildNow(string pointer)
    {
        if (!_built.Add(pointer))
        {
            return;
        }

        int valueDepth = _valueDepth;
        _valueDepth = 0;
        _buildDepth++;
        try
        {
            BuildType(pointer);
        }
        finally
        {
            _buildDepth--;
            _valueDepth = valueDepth;
        }
    }

    private void BuildType(string pointer)
    {
        (string name, ValueKind kind, JsonObject schema) = _registry[pointer];
        switch (kind)
        {
            case ValueKind.Enum:
                EnumSpec enumSpec = BuildEnum(pointer, name, schema);
                _rules.NoteEnum(name, enumSpec);
                _types.Add(enumSpec);
                break;
            case ValueKind.Object when schema.Get("oneOf") is JsonArray && schema.Get("discriminator") is JsonObject:
                break; // built in BuildAllNamedTypes
            case ValueKind.Object when ChoiceAlternatives(schema) is { Count: > 1 } alternatives:
                _types.Add(BuildChoice(pointer, name, schema, alternatives));
                break;
            default:
                _types.Add(BuildObject(pointer, name, schema));
                break;
        }
    }

    private EnumSpec BuildEnum(string pointer, string name, JsonObject schema)
    {
        CheckKeywords(schema);
        var members = new List<EnumMemberSpec>();
        var taken = new HashSet<string>(StringComparer.Ordinal) { name };
        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonNode item in ((JsonArray)schema.Get("enum")!).Items)
        {
            if (item is JsonString value && wireNames.Add(value.Value))
            {
                string wanted = Names.ToPascalCase(value.Value);
                // An enum member cannot take the enum's own name (CS0542): it gets a suffix, silently as a property does.
                string memberName = Names.Claim(wanted, taken, wanted == name ? taken : null);
                if (memberName != wanted && wanted != name)
                {
                    Report(DiagnosticDescriptors.NameCollision, value, members.First(m => m.Name == wanted).WireName, value.Value, wanted, memberName);
                }

                members.Add(new EnumMemberSpec(value.Value, memberName));
            }
        }

        return new EnumSpec(name, Description(schema), pointer, members.ToEquatableArray());
    }

    private void BuildUnion(string pointer, string name, JsonObject schema)
    {
        _built.Add(pointer);
        _jsonFallbacks.Push(null);
        try
        {
            CheckKeywords(schema);
        }
        finally
        {
            _jsonFallbacks.Pop();
        }

        var discriminator = (JsonObject)schema.Get("discriminator")!;
        if (discriminator.Get("propertyName") is not JsonString propertyName)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, discriminator, "discriminator.propertyName", "a string", "missing");
            return;
        }

        // Explicit mapping first (value → $ref), then each case's own const, then the schema's name.
        var valueByTarget = new Dictionary<string, string>(StringComparer.Ordinal);
        if (discriminator.Get("mapping") is JsonObject mapping)
        {
            foreach (JsonProperty entry in mapping.Properties)
            {
                if (entry.Value is JsonString target)
                {
                    string targetPointer = target.Value.StartsWith("#", StringComparison.Ordinal) ? target.Value : "#/components/schemas/" + target.Value;
                    if (Resolve(targetPointer) is null)
                    {
                        Report(DiagnosticDescriptors.UnresolvedReference, target, target.Value, "the discriminator mapping points at no schema");
                        continue;
                    }

                    valueByTarget[targetPointer] = entry.Name;
                }
            }
        }

        // The discriminator is a member of the union and of every case: it must not take a generated member's name.
        string wantedProperty = Names.ToPascalCase(propertyName.Value);
        string propertyCSharpName = Names.Claim(wantedProperty, new HashSet<string>(StringComparer.Ordinal) { name }, Names.ReservedMemberNames);
        if (propertyCSharpName != wantedProperty)
        {
            Report(DiagnosticDescriptors.NameCollision, propertyName, Names.ReservedMemberNames.Contains(wantedProperty) ? "a member every generated type has" : "the union's own name", propertyName.Value, wantedProperty, propertyCSharpName);
        }

        var cases = new List<UnionCaseSpec>();
        var caseByValue = new Dictionary<string, string>(StringComparer.Ordinal);

        // A case that is itself a oneOf/anyOf of $refs (without a discriminator of its own) stands for its
        // alternatives: they become cases of this union, each with its own value. A work list, not recursion.
        var members = new Queue<JsonNode>(((JsonArray)schema.Get("oneOf")!).Items);
        var expanded = new HashSet<string>(StringComparer.Ordinal);
        while (members.Count > 0)
        {
            JsonNode member = members.Dequeue();
            if (member is not JsonObject memberObject || memberObject.Get("$ref") is not JsonString reference)
            {
                Report(DiagnosticDescriptors.UntypedSchema, member, "a oneOf case of a discriminated union must be a $ref to an object schema");
                continue;
            }

            string target = reference.Value;
            if (!valueByTarget.ContainsKey(target)
                && Resolve(target) is JsonObject choice
                && choice.Get("discriminator") is null
                && ChoiceAlternatives(choice) is { Count: > 1 } alternatives
                && alternatives.All(static a => a.Index < 0 || a.Schema.Get("$ref") is JsonString))
            {
                if (expanded.Add(target))
                {
                    foreach ((JsonObject alternative, int index) in alternatives)
                    {
                        if (index >= 0)
                        {
                            members.Enqueue(alternative);
                        }
                    }
                }

                continue;
            }

            if (Resolve(target) is not JsonObject targetSchema || !_registry.TryGet(target, out NamedType caseType) || caseType.Kind != ValueKind.Object
                || (targetSchema.Get("oneOf") is not null || targetSchema.Get("anyOf") is not null) && targetSchema.Get("properties") is null)
            {
                Report(DiagnosticDescriptors.UnresolvedReference, reference, target, "a union case must point at an object schema with properties");
                continue;
            }

            string caseName = caseType.Name;
            string? value = valueByTarget.TryGetValue(target, out string? mapped)
                ? mapped
                : ConstOf(targetSchema, propertyName.Value) ?? JsonPointer.LastSegment(target);
            if (_memberships.ContainsKey(target))
            {
                Report(DiagnosticDescriptors.UntypedSchema, reference, "'" + caseName + "' is already a case of another union; a class has one base class");
                continue;
            }

            if (caseByValue.TryGetValue(value, out string? earlierCase))
            {
                Report(DiagnosticDescriptors.DuplicateDiscriminatorValue, reference, value, caseName, earlierCase, name);
                continue;
            }

            caseByValue[value] = caseName;
            _memberships[target] = new UnionMembership(name, propertyName.Value, propertyCSharpName, value);
            cases.Add(new UnionCaseSpec(value, caseName));
        }

        // The nested record for values the schema does not list: named so that it hides no generated type
        // (the cases derive from the union, so inside them a nested name wins over a namespace's).
        string unknown = "Unknown";
        for (int n = 2; _takenTypeNames.Contains(unknown) || unknown == name || unknown == propertyCSharpName; n++)
        {
            unknown = "UnknownCase" + (n == 2 ? string.Empty : n.ToString(CultureInfo.InvariantCulture));
        }

        _types.Add(new UnionSpec(name, Description(schema), pointer, propertyName.Value, propertyCSharpName, cases.ToEquatableArray(), unknown));
    }

    private ObjectSpec BuildObject(string pointer, string name, JsonObject schema)
    {
        // JSON validation needs a pointer into the document (inline schemas of operations have none),
        // and a schema that ends: a union case that is allOf [its union, ...] (OpenAPI's inheritance)
        // refers to itself through the union's oneOf without end, which only the discriminator breaks.
        JsonFallback? jsonFallback = pointer.StartsWith("#/paths/", StringComparison.Ordinal) || ComposesItsOwnUnion(pointer, schema) ? null : new JsonFallback();
        _jsonFallbacks.Push(jsonFallback);
        try
        {
            return BuildObjectCore(pointer, name, schema, jsonFallback);
        }
        finally
        {
            _jsonFallbacks.Pop();
        }
    }

    private ObjectSpec BuildObjectCore(string pointer, string name, JsonObject schema, JsonFallback? jsonFallback)
    {
        // allOf: the parts' properties, then the schema's own, in one record; a property is required
        // when any part requires it. Every part's constraints are also kept by the JSON validation
        // (ValidatesJson), since allOf is a keyword the typed checks alone do not express.
        var parts = new List<(JsonObject Schema, string Pointer)>();
        CollectAllOfParts(schema, pointer, parts, new HashSet<JsonObject>(), report: true);
        List<JsonProperty> plannedRules = _rules.Plan(schema, pointer, parts);
        CheckKeywords(schema);
        _memberships.TryGetValue(pointer, out UnionMembership? membership);
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach ((JsonObject part, string partPointer) in parts)
        {
            CollectRequired(part, required);
            if (partPointer.StartsWith(pointer + "/allOf/", StringComparison.Ordinal))
            {
                CheckKeywords(part); // an inline part's keywords are this type's ($ref parts are their own type's)
            }
        }

        // The member names of this type; the sets are reused type after type (a type inline in a property is built
        // while its owner is, so each type in the making has its own).
        (HashSet<string> takenMemberNames, Dictionary<string, string> jsonNameByMember) = _memberNameSets.Count > 0
            ? _memberNameSets.Pop()
            : (new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));
        takenMemberNames.UnionWith(Names.ReservedMemberNames);
        takenMemberNames.Add(name);
        var properties = new List<PropertySpec>();
        Dictionary<string, int>? propertyIndex = null;
        foreach ((JsonObject part, string partPointer) in parts)
        {
            AddProperties(part, partPointer, name, membership, required, takenMemberNames, jsonNameByMember, properties, ref propertyIndex);
        }

        if (membership is not null && !properties.Any(p => p.JsonName == membership.DiscriminatorJsonName))
        {
            properties.Insert(0, new PropertySpec(
                membership.DiscriminatorJsonName,
                membership.DiscriminatorPropertyName,
                new ValueSpec(ValueKind.String, null, false, null, ConstraintSpec.None),
                true,
                null,
                membership.DiscriminatorValue,
                false,
                false,
                false));
        }

        PropertySpec? additional = null;
        if (AdditionalValue(schema, pointer, name) is ValueSpec extras)
        {
            string memberName = Names.Unique("AdditionalProperties", takenMemberNames);
            additional = new PropertySpec(string.Empty, memberName, extras, false, null, null, false, false, false);
        }

        QualifyShadowedTypes(properties);

        // Where the JSON form is checked anyway, it checks the rules too (typed copies would report twice).
        EquatableArray<RuleSpec> rules = _rules.Compile(plannedRules, schema, parts, properties, additional is not null);
        if (jsonFallback?.Needed == true)
        {
            rules = EquatableArray<RuleSpec>.Empty;
        }

        takenMemberNames.Clear();
        jsonNameByMember.Clear();
        _memberNameSets.Push((takenMemberNames, jsonNameByMember));
        return new ObjectSpec(name, Description(schema), pointer, properties.ToEquatableArray(), membership, jsonFallback?.Needed ?? false, additional, rules);
    }

    /// <summary>
    /// A type named like a member of the record that uses it ("Repository" beside a member Repository of another
    /// type, or a list of CharacterSpecies in a member CharacterSpecies) is written with its namespace in that
    /// record, where the simple name means the member. C# lets a member of the type of its own name stand for both.
    /// </summary>
    private void QualifyShadowedTypes(List<PropertySpec> properties)
    {
        Dictionary<string, ValueSpec>? shadowing = null;
        foreach (PropertySpec property in properties)
        {
            if (_takenTypeNames.Contains(property.Name))
            {
                ValueSpec own = property.Value;
                bool sameType = own.TypeName == property.Name && own.Items is null && !(own.Nullable && own.Kind == ValueKind.Enum);
                if (!sameType)
                {
                    (shadowing ??= new Dictionary<string, ValueSpec>(StringComparer.Ordinal))[property.Name] = own;
                }
            }
        }

        if (shadowing is null)
        {
            return;
        }

        for (int i = 0; i < properties.Count; i++)
        {
            ValueSpec qualified = Qualified(properties[i].Value, shadowing);
            if (!ReferenceEquals(qualified, properties[i].Value))
            {
                properties[i] = properties[i] with { Value = qualified };
            }
        }
    }

    private ValueSpec Qualified(ValueSpec value, Dictionary<string, ValueSpec> shadowing)
    {
        ValueSpec? items = value.Items is null ? null : Qualified(value.Items, shadowing);
        bool shadowed = value.TypeName is not null && shadowing.ContainsKey(value.TypeName);
        if (!shadowed && ReferenceEquals(items, value.Items))
        {
            return value;
        }

        return value with
        {
            TypeName = shadowed ? "global::" + _input.Namespace + "." + value.TypeName : value.TypeName,
            Items = items,
        };
    }

    private bool ComposesItsOwnUnion(string pointer, JsonObject schema)
    {
        if (!_memberships.TryGetValue(pointer, out UnionMembership? membership))
        {
            return false;
        }

        var parts = new List<(JsonObject Schema, string Pointer)>();
        CollectAllOfParts(schema, pointer, parts, new HashSet<JsonObject>());
        return parts.Any(p => _registry.TryGet(p.Pointer, out NamedType type) && type.Name == membership.BaseTypeName);
    }

    /// <summary>
    /// The schemas whose properties make up an object: its allOf parts (depth first, $refs followed) and itself, last.
    /// Iterative, and no deeper than <see cref="MaxAllOfDepth"/> parts within parts: a deeper part is left to the JSON
    /// validation (SB0025 where <paramref name="report"/>), so that a long allOf chain costs neither stack nor a type
    /// that holds every link's properties.
    /// </summary>
    private void CollectAllOfParts(JsonObject schema, string pointer, List<(JsonObject Schema, string Pointer)> parts, HashSet<JsonObject> seen, bool report = false)
    {
        if (!seen.Add(schema))
        {
            return;
        }

        // Each frame: a schema whose allOf items are being visited, and the next item's index; its own entry is
        // added to the parts once all its items are.
        var stack = new Stack<(JsonObject Schema, string Pointer, int Next)>();
        bool cut = false; // reported once a type, at the first part left out
        stack.Push((schema, pointer, 0));
        while (stack.Count > 0)
        {
            (JsonObject current, string currentPointer, int next) = stack.Pop();
            JsonNode[] items = current.Get("allOf") is JsonArray allOf ? allOf.Items : Array.Empty<JsonNode>();
            if (next >= items.Length)
            {
                parts.Add((current, currentPointer));
                continue;
            }

            stack.Push((current, currentPointer, next + 1));
            if (items[next] is not JsonObject part)
            {
                continue;
            }

            JsonObject child;
            string childPointer;
            if (part.Get("$ref") is JsonString reference && reference.Value.StartsWith("#", StringComparison.Ordinal))
            {
                if (Resolve(reference.Value) is not JsonObject target)
                {
                    continue; // an unresolved $ref is reported where the JSON validator meets it
                }

                (child, childPointer) = (target, reference.Value);
            }
            else
            {
                (child, childPointer) = (part, currentPointer + "/allOf/" + next.ToString(CultureInfo.InvariantCulture));
            }

            if (stack.Count > MaxAllOfDepth)
            {
                if (report && !cut && (child.Get("allOf") is not null || child.Get("properties") is not null) && _reportedTooDeep.Add(part))
                {
                    cut = true;
                    Report(
                        DiagnosticDescriptors.NestedTooDeeply,
                        part,
                        "The allOf of " + pointer,
                        MaxAllOfDepth.ToString(CultureInfo.InvariantCulture),
                        "the properties of the part at " + childPointer + " (and of the parts within it) are not members of the type; the JSON validation checks them");
                }

                continue;
            }

            if (seen.Add(child))
            {
                stack.Push((child, childPointer, 0));
            }
        }
    }

    // The allOf parts reported as too deep (SB0025), each once however many types reach it.
    private readonly HashSet<JsonObject> _reportedTooDeep = new();

    private const int MaxAllOfDepth = 16;

    private void CollectRequired(JsonObject schema, HashSet<string> required)
    {
        if (schema.Find("required") is JsonProperty requiredProperty)
        {
            if (requiredProperty.Value is JsonArray requiredArray)
            {
                foreach (JsonNode item in requiredArray.Items)
                {
                    if (item is JsonString s)
                    {
                        required.Add(s.Value);
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.InvalidKeywordValue, item, "required", "an array of strings", "an array holding " + item.KindDisplay);
                    }
                }
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, requiredProperty.Value, "required", "an array of strings", requiredProperty.Value.KindDisplay);
            }
        }
    }

    private void AddProperties(
        JsonObject schema,
        string pointer,
        string name,
        UnionMembership? membership,
        HashSet<string> required,
        HashSet<string> takenMemberNames,
        Dictionary<string, string> jsonNameByMember,
        List<PropertySpec> properties,
        ref Dictionary<string, int>? propertyIndex)
    {
        if (schema.Get("properties") is JsonObject propertiesObject)
        {
            foreach (JsonProperty property in propertiesObject.Properties)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                // Built as text only where it is needed: most properties are a $ref or a primitive.
                var propertyPointer = new PendingText(pointer, "/properties/", JsonPointer.Escape(property.Name));
                int earlierIndex = IndexOfProperty(properties, property.Name, ref propertyIndex);
                if (earlierIndex >= 0)
                {
                    // The same property in two allOf parts: both schemas apply to one member.
                    MergeProperty(properties, earlierIndex, property, propertyPointer, name);
                    continue;
                }

                string pascalName = PascalCaseOf(property.Name);
                string memberName = pascalName;
                if (jsonNameByMember.TryGetValue(memberName, out string? earlier))
                {
                    string renamed = Names.Unique(memberName, takenMemberNames);
                    Report(DiagnosticDescriptors.NameCollision, property.NameStart, property.NameEnd, earlier, property.Name, memberName, renamed);
                    memberName = renamed;
                }
                else
                {
                    // A name every generated class already uses, the class's own name or an earlier constant's (KindValue)
                    // gets a suffix. The own name silently: C# forbids it (CS0542), schemas do it often (an item type
                    // named after its property), and TriggerConditionValue is what a reader expects.
                    memberName = Names.Claim(memberName, takenMemberNames, takenMemberNames);
                    if (memberName != pascalName && pascalName != name)
                    {
                        string other = Names.ReservedMemberNames.Contains(pascalName) ? "a member every generated type has" : "the constant of another property";
                        Report(DiagnosticDescriptors.NameCollision, property.NameStart, property.NameEnd, other, property.Name, pascalName, memberName);
                    }
                }

                JsonObject? propertySchema = property.Value as JsonObject;
                bool isDiscriminator = propertySchema is not null && membership is not null && property.Name == membership.DiscriminatorJsonName;
                string? constValue = propertySchema is null ? null : isDiscriminator ? membership!.DiscriminatorValue : ConstOf(propertySchema, null);
                if (isDiscriminator)
                {
                    memberName = membership!.DiscriminatorPropertyName;
                }
                else if (constValue is not null && takenMemberNames.Contains(memberName + "Value"))
                {
                    // A constant is also written as the member <Name>Value, which an earlier property took.
                    string renamed = memberName;
                    for (int n = 2; takenMemberNames.Contains(renamed) || takenMemberNames.Contains(renamed + "Value"); n++)
                    {
                        renamed = memberName + n.ToString(CultureInfo.InvariantCulture);
                    }

                    takenMemberNames.Remove(memberName);
                    takenMemberNames.Add(renamed);
                    Report(DiagnosticDescriptors.NameCollision, property.NameStart, property.NameEnd, jsonNameByMember.TryGetValue(memberName + "Value", out string? holder) ? holder : "another member", property.Name + " (its constant)", memberName + "Value", renamed + "Value");
                    memberName = renamed;
                }

                takenMemberNames.Add(memberName + (constValue is null ? string.Empty : "Value"));
                jsonNameByMember[memberName] = property.Name;
                if (propertySchema is null)
                {
                    properties.Add(new PropertySpec(property.Name, memberName, JsonValue(nullable: true), required.Contains(property.Name), null, null, false, false, false));
                    propertyIndex?.Add(property.Name, properties.Count - 1);
                    continue;
                }

                ValueSpec value = constValue is not null
                    ? new ValueSpec(ValueKind.String, null, false, null, ConstraintSpec.None)
                    : BuildValue(propertySchema, propertyPointer, new PendingText(name, pascalName));
                properties.Add(new PropertySpec(
                    property.Name,
                    memberName,
                    value,
                    required.Contains(property.Name) || constValue is not null,
                    Description(propertySchema),
                    constValue,
                    propertySchema.Get("readOnly") is JsonBoolean { Value: true },
                    propertySchema.Get("writeOnly") is JsonBoolean { Value: true } || propertySchema.Get("format") is JsonString { Value: "password" },
                    propertySchema.Get("deprecated") is JsonBoolean { Value: true }));
                propertyIndex?.Add(property.Name, properties.Count - 1);
            }
        }
    }

    /// <summary><see cref="Names.ToPascalCase"/> of a property name, made once per document (types repeat their properties' names).</summary>
    private string PascalCaseOf(string name)
    {
        if (!_pascalNames.TryGetValue(name, out string? pascal))
        {
            pascal = Names.ToPascalCase(name);
            _pascalNames[name] = pascal;
        }

        return pascal;
    }

    /// <summary>
    /// The index of the property named <paramref name="jsonName"/> on the wire, or -1 (no closure per call, as FindIndex
    /// would make). A search through the list while it is short; past that, <paramref name="index"/> (made here, kept up
    /// by the caller), so that an object of 10,000 properties is not 50 million comparisons.
    /// </summary>
    private static int IndexOfProperty(List<PropertySpec> properties, string jsonName, ref Dictionary<string, int>? index)
    {
        if (index is null && properties.Count >= 32)
        {
            index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < properties.Count; i++)
            {
                index[properties[i].JsonName] = i;
            }
        }

        if (index is not null)
        {
            return index.TryGetValue(jsonName, out int found) ? found : -1;
        }

        for (int i = 0; i < properties.Count; i++)
        {
            if (properties[i].JsonName == jsonName)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// A property declared again by another allOf part. The same shape keeps one member with the
    /// constraints of both (the stricter bound where both set one); different shapes cannot be one C#
    /// type, so the member becomes JsonElement (SB0010) and the JSON validation checks both schemas.
    /// </summary>
    private void MergeProperty(List<PropertySpec> properties, int index, JsonProperty property, PendingText propertyPointer, string typeName)
    {
        PropertySpec earlier = properties[index];
        if (property.Value is not JsonObject propertySchema || earlier.ConstValue is not null)
        {
            return; // true/false, or a const the record already fixes: nothing to add to the type
        }

        ValueSpec value = BuildValue(propertySchema, propertyPointer, new PendingText(typeName, Names.ToPascalCase(property.Name)));
        ValueSpec before = earlier.Value;
        if (value.Kind == ValueKind.Json || (before.Kind == value.Kind && before.TypeName == value.TypeName && Equals(before.Items, value.Items)))
        {
            ValueSpec merged = value.Kind == ValueKind.Json ? before : before with
            {
                Nullable = before.Nullable && value.Nullable,
                Constraints = ConstraintReader.Stricter(before.Constraints, value.Constraints),
            };
            properties[index] = earlier with { Value = merged, Description = earlier.Description ?? Description(propertySchema) };
            return;
        }

        if (before.Kind == ValueKind.Json)
        {
            properties[index] = earlier with { Value = value, Description = earlier.Description ?? Description(propertySchema) };
            return;
        }

        Report(
            DiagnosticDescriptors.UntypedSchema,
            property.NameStart,
            property.NameEnd,
            "the allOf parts give '" + property.Name + "' two different types, " + ShapeName(before) + " and " + ShapeName(value));
        properties[index] = earlier with { Value = JsonValue(nullable: true) };
    }

    /// <summary>
    /// An allOf of schemas that are not objects (a $ref to an enum with a description beside it, a string
    /// with bounds in two parts): the one shape its typed parts agree on, with the stricter bounds of every
    /// part; null when no part has a shape. Parts of different shapes are SB0010.
    /// </summary>
    private ValueSpec? ValueOfAllOf(JsonArray allOf, PendingText pointer, PendingText nameHint)
    {
        ValueSpec? shape = null;
        var parts = new List<JsonObject>();
        for (int i = 0; i < allOf.Items.Length; i++)
        {
            if (allOf.Items[i] is not JsonObject part)
            {
                continue;
            }

            parts.Add(part);
            ValueSpec value = BuildValue(part, new PendingText(pointer.ToString(), "/allOf/", i.ToString(CultureInfo.InvariantCulture)), nameHint);
            if (value.Kind == ValueKind.Json)
            {
                continue; // constraints only, merged below
            }

            if (shape is null)
            {
                shape = value;
            }
            else if (shape.Kind == value.Kind && shape.TypeName == value.TypeName && Equals(shape.Items, value.Items))
            {
                shape = shape with { Nullable = shape.Nullable && value.Nullable, Constraints = ConstraintReader.Stricter(shape.Constraints, value.Constraints) };
            }
            else
            {
                Report(DiagnosticDescriptors.UntypedSchema, part, "the allOf parts have different types, " + ShapeName(shape) + " and " + ShapeName(value));
                return JsonValue(nullable: true);
            }
        }

        if (shape is null)
        {
            return null;
        }

        if (shape.Kind is ValueKind.String or ValueKind.Array || shape.IsNumber || shape.IsFormattedString)
        {
            ValueKind constraintKind = shape.IsFormattedString ? ValueKind.String : shape.Kind;
            foreach (JsonObject part in parts.Where(static p => p.Get("$ref") is null && p.Get("type") is null))
            {
                shape = shape with { Constraints = ConstraintReader.Stricter(shape.Constraints, _constraints.Read(part, constraintKind)) };
            }
        }

        return shape;
    }

    private static string ShapeName(ValueSpec value) => value.TypeName ?? value.Kind.ToString().ToLowerInvariant();

    /// <summary>
    /// The map of the members an object schema allows beyond its declared properties: JsonElement values
    /// for <c>additionalProperties: true</c>, typed values for a schema; null when it allows none
    /// (<c>false</c>) or says nothing (unknown members are then skipped when read, as most APIs add fields).
    /// </summary>
    private ValueSpec? AdditionalValue(JsonObject schema, PendingText pointer, PendingText nameHint)
    {
        ValueSpec? items = schema.Get("additionalProperties") switch
        {
            JsonBoolean { Value: true } => JsonValue(nullable: false),
            // With patternProperties, some extra members answer to another schema: keep them all as JSON.
            JsonObject _ when schema.Get("patternProperties") is not null => JsonValue(nullable: false),
            JsonObject itemSchema => BuildValue(itemSchema, new PendingText(pointer.ToString(), "/additionalProperties"), new PendingText(nameHint.ToString(), "Value")),
            _ => null,
        };
        if (items is null)
        {
            return null;
        }

        if (items.Kind == ValueKind.Json)
        {
            items = items with { Nullable = false }; // a JsonElement holds null itself
        }

        return new ValueSpec(ValueKind.Map, null, false, items, ConstraintSpec.None);
    }

    /// <summary>
    /// The typed alternatives of a oneOf/anyOf without a discriminator, or null when the schema is not a
    /// choice between typed values (it declares properties or allOf, or an alternative is only constraints
    /// such as <c>{"required": [...]}</c>: then the keyword is checked on the JSON form). A
    /// <c>{"type": "null"}</c> alternative is not a case: it makes the value nullable, and is listed with Index -1.
    /// </summary>
    internal static List<(JsonObject Schema, int Index)>? ChoiceAlternatives(JsonObject schema)
    {
        JsonArray? alternatives = schema.Get("oneOf") as JsonArray;
        if (alternatives is not null == schema.Get("anyOf") is JsonArray
            || schema.Get("discriminator") is not null || schema.Get("properties") is not null || schema.Get("allOf") is not null)
        {
            return null; // neither or both keywords, a discriminated union, or an object with its own members
        }

        alternatives ??= (JsonArray)schema.Get("anyOf")!;
        var result = new List<(JsonObject Schema, int Index)>();
        bool hasNull = false;
        for (int i = 0; i < alternatives.Items.Length; i++)
        {
            if (alternatives.Items[i] is not JsonObject alternative)
            {
                return null;
            }

            IReadOnlyList<string> types = KeywordSupport.TypeNames(alternative);
            if (types.Count == 1 && types[0] == "null" && alternative.Get("$ref") is null)
            {
                hasNull = true;
                continue;
            }

            if (alternative.Get("$ref") is null && types.Count == 0 && alternative.Get("properties") is null
                && alternative.Get("items") is null && !IsStringEnum(alternative))
            {
                return null;
            }

            result.Add((alternative, i));
        }

        if (hasNull)
        {
            result.Add((schema, -1));
        }

        // Only null, or one schema and null: no union (the caller makes the one schema nullable).
        int cases = result.Count(static a => a.Index >= 0);
        if (cases == 0)
        {
            return null;
        }

        if (cases == 1)
        {
            return hasNull ? result.Where(static a => a.Index >= 0).ToList() : null;
        }

        return result;
    }

    private ChoiceSpec BuildChoice(string pointer, string name, JsonObject schema, List<(JsonObject Schema, int Index)> alternatives)
    {
        _jsonFallbacks.Push(pointer.StartsWith("#/paths/", StringComparison.Ordinal) ? null : new JsonFallback());
        try
        {
            CheckKeywords(schema);
        }
        finally
        {
            _jsonFallbacks.Pop();
        }

        string keyword = schema.Get("oneOf") is JsonArray ? "oneOf" : "anyOf";
        var taken = new HashSet<string>(StringComparer.Ordinal) { name };
        var cases = new List<ChoiceCaseSpec>();
        foreach ((JsonObject alternative, int index) in alternatives)
        {
            if (index < 0)
            {
                _nullChoices.Add(pointer);
                continue;
            }

            string alternativePointer = pointer + "/" + keyword + "/" + index.ToString(CultureInfo.InvariantCulture);
            string hint = alternative.Get("title") is JsonString { Value.Length: > 0 } title ? Names.ToPascalCase(title.Value) : name + "Option" + (index + 1).ToString(CultureInfo.InvariantCulture);
            ValueSpec value = BuildValue(alternative, alternativePointer, hint);
            if (value.Nullable)
            {
                _nullChoices.Add(pointer);
                value = value with { Nullable = false };
            }

            // The nested record is <CaseName>Case: it must not hide a generated type of that name.
            string caseName = CaseName(value);
            string candidate = caseName;
            for (int n = 2; taken.Contains(candidate) || _takenTypeNames.Contains(candidate + "Case"); n++)
            {
                candidate = caseName + n.ToString(CultureInfo.InvariantCulture);
            }

            taken.Add(candidate);
            cases.Add(new ChoiceCaseSpec(candidate, value, index, false));
        }

        // An implicit conversion from each case's type, where the type names one case and C# allows it.
        var result = new List<ChoiceCaseSpec>();
        foreach (ChoiceCaseSpec choiceCase in cases)
        {
            ValueSpec v = choiceCase.Value;
            bool allowed = v.Kind is not (ValueKind.Array or ValueKind.Map) && v.TypeName != name
                && cases.Count(c => c.Value.Kind == v.Kind && c.Value.TypeName == v.TypeName) == 1;
            result.Add(choiceCase with { ImplicitConversion = allowed });
        }

        return new ChoiceSpec(name, Description(schema), pointer, keyword, result.ToEquatableArray());
    }

    private static string CaseName(ValueSpec value) => value.Kind switch
    {
        ValueKind.String => "String",
        ValueKind.Int32 or ValueKind.Int64 => "Integer",
        ValueKind.Double or ValueKind.Decimal => "Number",
        ValueKind.DateTime or ValueKind.Date or ValueKind.Uuid or ValueKind.Uri or ValueKind.Bytes => value.Kind.ToString(),
        ValueKind.Boolean => "Boolean",
        ValueKind.Array => value.Items!.TypeName is string item ? item + "List" : "Array",
        ValueKind.Map => value.Items!.TypeName is string item ? item + "Map" : "Map",
        ValueKind.Json => "Json",
        _ => value.TypeName!,
    };

    // ---------------------------------------------------------------- values

    private static ValueSpec JsonValue(bool nullable) => new(ValueKind.Json, null, nullable, null, ConstraintSpec.None);

    /// <summary>The C# shape of a schema used as a property, item, parameter or body.</summary>
    private ValueSpec BuildValue(JsonObject schema, PendingText pointer, PendingText nameHint)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_valueDepth >= MaxValueDepth)
        {
            Report(DiagnosticDescriptors.NestedTooDeeply, schema.Start, schema.Start + 1, "The schema at " + pointer.ToString(), MaxValueDepth.ToString(CultureInfo.InvariantCulture), "from here on its value is a JsonElement, checked by the JSON validation only");
            return JsonValue(nullable: true);
        }

        _valueDepth++;
        try
        {
            return BuildValueCore(schema, pointer, nameHint);
        }
        finally
        {
            _valueDepth--;
        }
    }

    private ValueSpec BuildValueCore(JsonObject schema, PendingText pointer, PendingText nameHint)
    {
        if (schema.Find("$ref") is JsonProperty refProperty)
        {
            CheckKeywords(schema);
            return BuildReference(refProperty);
        }

        if (_registry.TryGetPointer(schema, out string namedPointer))
        {
            return NamedValue(namedPointer, nullable: KeywordSupport.TypeNames(schema).Contains("null"));
        }

        IReadOnlyList<string> types = KeywordSupport.WithoutNull(KeywordSupport.TypeNames(schema), out bool nullable);
        if (ChoiceAlternatives(schema) is { } alternatives)
        {
            if (alternatives.Count > 1)
            {
                return InlineNamed(pointer, nameHint, schema, ValueKind.Object, nullable);
            }

            if (alternatives.Count == 1 && alternatives[0].Index >= 0)
            {
                // anyOf/oneOf of one schema and null (OpenAPI 3.1's nullable): that schema, nullable.
                CheckKeywords(schema);
                string keyword = schema.Get("oneOf") is JsonArray ? "oneOf" : "anyOf";
                ValueSpec only = BuildValue(alternatives[0].Schema, new PendingText(pointer.ToString(), "/" + keyword + "/", alternatives[0].Index.ToString(CultureInfo.InvariantCulture)), nameHint);
                return only with { Nullable = true };
            }
        }

        if (schema.Get("oneOf") is null && schema.Get("anyOf") is null && ComposesObject(schema, 0))
        {
            return InlineNamed(pointer, nameHint, schema, ValueKind.Object, nullable);
        }

        if (schema.Get("oneOf") is null && schema.Get("anyOf") is null && types.Count == 0
            && schema.Get("allOf") is JsonArray allOf && ValueOfAllOf(allOf, pointer, nameHint) is ValueSpec composed)
        {
            CheckKeywords(schema);
            return composed with { Nullable = composed.Nullable || nullable };
        }

        if (schema.Get("oneOf") is JsonArray || schema.Get("anyOf") is JsonArray || schema.Get("allOf") is JsonArray)
        {
            CheckKeywords(schema);
            return JsonValue(nullable: true);
        }

        if (types.Count == 0)
        {
            if (schema.Get("properties") is JsonObject)
            {
                types = KeywordSupport.SingleType("object");
            }
            else if (schema.Get("items") is not null)
            {
                types = KeywordSupport.SingleType("array");
            }
            else if (IsStringEnum(schema))
            {
                types = KeywordSupport.SingleType("string");
            }
        }

        if (types.Count != 1)
        {
            CheckKeywords(schema);
            if (types.Count > 1)
            {
                Report(DiagnosticDescriptors.UntypedSchema, schema.Get("type")!, "a value of several types: " + string.Join(", ", types));
            }

            return JsonValue(nullable: true);
        }

        switch (types[0])
        {
            case "string":
                if (IsStringEnum(schema))
                {
                    return InlineNamed(pointer, nameHint, schema, ValueKind.Enum, nullable);
                }

                CheckKeywords(schema);
                return new ValueSpec(ConstraintReader.StringKind(schema), null, nullable, null, _constraints.Read(schema, ValueKind.String));
            case "integer":
                ConstraintSpec integerConstraints = _constraints.Read(schema, ValueKind.Int64);
                CheckKeywords(schema, typedMultipleOf: integerConstraints.MultipleOf is not null);
                ValueKind integerKind = ConstraintReader.IntegerKind(schema, integerConstraints);
                return new ValueSpec(integerKind, null, nullable, null, ConstraintReader.WithoutIdleBounds(integerConstraints, integerKind));
            case "number":
                ValueKind numberKind = _constraints.NumberKind(schema);
                ConstraintSpec numberConstraints = _constraints.Read(schema, numberKind);
                CheckKeywords(schema, typedMultipleOf: numberConstraints.MultipleOf is not null);
                return new ValueSpec(numberKind, null, nullable, null, numberConstraints);
            case "boolean":
                CheckKeywords(schema);
                return new ValueSpec(ValueKind.Boolean, null, nullable, null, ConstraintSpec.None);
            case "array":
                CheckKeywords(schema);
                ValueSpec items = schema.Get("items") is JsonObject itemSchema
                    ? BuildValue(itemSchema, new PendingText(pointer.ToString(), "/items"), new PendingText(nameHint.ToString(), "Item"))
                    : JsonValue(nullable: false);
                if (items.Kind == ValueKind.Json)
                {
                    items = items with { Nullable = false }; // a JsonElement holds null itself
                }

                return new ValueSpec(ValueKind.Array, null, nullable, items, _constraints.Read(schema, ValueKind.Array));
            case "object":
                if (schema.Get("properties") is JsonObject)
                {
                    return InlineNamed(pointer, nameHint, schema, ValueKind.Object, nullable);
                }

                CheckKeywords(schema);
                return AdditionalValue(schema, pointer, nameHint) is ValueSpec map ? map with { Nullable = nullable } : JsonValue(nullable);
            default:
                Report(DiagnosticDescriptors.InvalidKeywordValue, schema.Get("type")!, "type", "one of string, integer, number, boolean, array, object, null", "'" + types[0] + "'");
                return JsonValue(nullable: true);
        }
    }

    private ValueSpec InlineNamed(PendingText pendingPointer, PendingText nameHint, JsonObject schema, ValueKind kind, bool nullable)
    {
        string pointer = pendingPointer.ToString();
        _registry.Add(pointer, _registry.Claim(nameHint.ToString(), kind), kind, schema);
        EnsureBuilt(pointer);
        return NamedValue(pointer, nullable);
    }

    private ValueSpec NamedValue(string pointer, bool nullable)
    {
        EnsureBuilt(pointer);
        NamedType type = _registry[pointer];
        return new ValueSpec(type.Kind, type.Name, nullable || IsNullChoice(pointer), null, ConstraintSpec.None);
    }

    /// <summary>A union (oneOf/anyOf without a discriminator) with a <c>{"type": "null"}</c> alternative: its values may be null.</summary>
    private bool IsNullChoice(string pointer) =>
        _nullChoices.Contains(pointer) || (ChoiceAlternatives(_registry[pointer].Schema) is { Count: > 1 } alternatives && alternatives.Any(static a => a.Index < 0));

    private ValueSpec BuildReference(JsonProperty refProperty)
    {
        if (refProperty.Value is not JsonString reference)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, refProperty.Value, "$ref", "a string", refProperty.Value.KindDisplay);
            return JsonValue(nullable: true);
        }

        string target = reference.Value;
        if (!target.StartsWith("#", StringComparison.Ordinal))
        {
            return _external.Resolve(reference, _root) ?? JsonValue(nullable: true);
        }

        if (Resolve(target) is not JsonNode resolved)
        {
            Report(DiagnosticDescriptors.UnresolvedReference, reference, target, "there is nothing at " + target.Substring(1) + " in this document");
            return JsonValue(nullable: true);
        }

        if (_registry.Contains(target))
        {
            return NamedValue(target, nullable: false);
        }

        if (resolved is not JsonObject resolvedSchema)
        {
            return JsonValue(nullable: true);
        }

        // An alias of a primitive or an array: use its shape in place.
        if (!_resolving.Add(target))
        {
            Report(DiagnosticDescriptors.UntypedSchema, reference, "the reference cycle through " + target + " has no object to break it");
            return JsonValue(nullable: true);
        }

        try
        {
            return BuildValue(resolvedSchema, target, Names.ToPascalCase(JsonPointer.LastSegment(target)));
        }
        finally
        {
            _resolving.Remove(target);
        }
    }

    // ---------------------------------------------------------------- keyword checks

    /// <summary>
    /// A keyword the typed code does not express. Inside an object type that has a JSON Schema of its
    /// own, the type's Validate() checks it on the JSON form (so it is enforced); elsewhere it is SB0004.
    /// </summary>
    private void NotTyped(JsonProperty keyword, string display)
    {
        if (_jsonFallbacks.Count > 0 && _jsonFallbacks.Peek() is { } fallback)
        {
            fallback.Need();
            return;
        }

        Report(DiagnosticDescriptors.UnsupportedKeyword, keyword.NameStart, keyword.NameEnd, display);
    }

    /// <summary>Warns about every keyword of this schema object that the generated code does not honour.</summary>
    /// <param name="typedMultipleOf">True when the typed code checks this schema's multipleOf itself.</param>
    private void CheckKeywords(JsonObject schema, bool typedMultipleOf = false)
    {
        _mistakes?.Check(schema);

        foreach (JsonProperty keyword in schema.Properties)
        {
            if (_rules.IsTyped(keyword))
            {
                continue; // a rule of an object type, checked by its typed code (or handed back by RuleReader.Compile)
            }

            if (keyword.Name is "oneOf" or "anyOf" && ChoiceAlternatives(schema) is { Count: > 0 } alternatives)
            {
                // Typed: a union (or one schema made nullable). Only a oneOf union inline in an
                // operation, with no JSON Schema of its own, cannot check that just one alternative matches.
                if (keyword.Name == "oneOf" && alternatives.Count > 1)
                {
                    NotTyped(keyword, "oneOf (that no more than one alternative matches, in a union inline in an operation)");
                }

                continue;
            }

            if (KeywordSupport.Typed.Contains(keyword.Name))
            {
                if (keyword.Name == "oneOf" && schema.Get("discriminator") is not JsonObject)
                {
                    NotTyped(keyword, "oneOf (without a discriminator)");
                }
                else if (keyword.Name == "const" && keyword.Value is not JsonString)
                {
                    NotTyped(keyword, "const (of a non-string value)");
                }
                else if (keyword.Name == "enum" && keyword.Value is JsonArray values && !values.Items.All(static v => v is JsonString or JsonNull))
                {
                    NotTyped(keyword, "enum (of non-string values)");
                }

                continue;
            }

            if (keyword.Name == "allOf" && ComposesObject(schema, 0))
            {
                NotTyped(keyword, "allOf (the parts' properties are typed, but the rest of a $ref part's schema is not checked here)");
                continue;
            }

            if (keyword.Name == "multipleOf" && typedMultipleOf)
            {
                continue;
            }

            if (KeywordSupport.Untyped.Contains(keyword.Name)
                || (keyword.Name == "additionalProperties" && keyword.Value is not JsonBoolean && !IsObjectSchema(schema)))
            {
                NotTyped(keyword, keyword.Name);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>A schema typed as an object (a record or a map), whose additionalProperties the typed code keeps.</summary>
    private static bool IsObjectSchema(JsonObject schema)
    {
        IReadOnlyList<string> types = KeywordSupport.TypeNames(schema);
        return schema.Get("properties") is JsonObject ? types.Count == 0 || types.Contains("object") : types.Count == 1 + (types.Contains("null") ? 1 : 0) && types.Contains("object");
    }

    /// <summary>An enum of strings (null may be among them) with at least one string: a C# enum.</summary>
    private static bool IsStringEnum(JsonObject schema) =>
        schema.Get("enum") is JsonArray values
        && values.Items.Any(static v => v is JsonString)
        && values.Items.All(static v => v is JsonString or JsonNull);

    private static string? Description(JsonObject schema) =>
        (schema.Get("description") as JsonString)?.Value ?? (schema.Get("title") as JsonString)?.Value;

    private static string? ConstOf(JsonObject schema, string? propertyName)
    {
        if (propertyName is not null)
        {
            return schema.Get("properties") is JsonObject properties && properties.Get(propertyName) is JsonObject property
                ? ConstOf(property, null)
                : null;
        }

        if (schema.Get("const") is JsonString constant)
        {
            return constant.Value;
        }

        return schema.Get("enum") is JsonArray { Items.Length: 1 } single && single.Items[0] is JsonString only ? only.Value : null;
    }

    /// <summary>Resolves a local JSON Pointer reference ("#/components/schemas/X") in this document.</summary>
    private JsonNode? Resolve(string reference)
    {
        if (reference == "#" || reference.Length == 0)
        {
            return _root;
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        if (_resolved.TryGetValue(reference, out JsonNode? known))
        {
            return known; // a type's $ref repeats wherever the type is used
        }

        JsonNode? node = DocumentPaths.Walk(_root, reference);
        _resolved[reference] = node;
        return node;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, JsonNode at, params string[] args) =>
        Report(descriptor, at.Start, at.End, args);

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, int start, int end, params string[] args)
    {
        // A position past the root's text is in a part file (see DocumentBundler).
        (string path, string text, LineIndex lines, int offset) = _bundler.FileAt(start);
        start = Math.Max(0, Math.Min(start - offset, text.Length));
        end = Math.Max(start, Math.Min(end - offset, text.Length));
        _diagnostics.Add(new DiagnosticInfo(
            descriptor.Id,
            path,
            TextSpan.FromBounds(start, end),
            lines.GetSpan(start, end),
            args.ToEquatableArray()));
    }
}
