using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace SchemaBind.Runtime;

/// <summary>
/// Validates JSON against a JSON Schema 2020-12 document: every keyword of the Core, Applicator,
/// Unevaluated and Validation vocabularies, <c>$ref</c>/<c>$dynamicRef</c> with <c>$id</c>,
/// <c>$anchor</c> and <c>$dynamicAnchor</c>, and <c>format</c> as an annotation or (by option) an
/// assertion. Generated code uses it for the JSON form of validation: responses, webhooks, stored
/// documents, and schemas without a typed shape. Build one per schema and reuse it: it is
/// immutable and thread-safe once built.
/// </summary>
public sealed class JsonSchemaValidator
{
    private readonly SchemaRegistry _registry;
    private readonly SchemaNode _root;

    private JsonSchemaValidator(SchemaRegistry registry, SchemaNode root)
    {
        _registry = registry;
        _root = root;
    }

    /// <summary>Builds a validator for a schema document.</summary>
    /// <param name="schema">The schema (an object or a boolean).</param>
    /// <param name="options">Format assertion, base URI and a resolver for other documents.</param>
    /// <returns>The validator.</returns>
    public static JsonSchemaValidator Create(JsonElement schema, JsonSchemaOptions? options = null)
    {
        options ??= new JsonSchemaOptions();
        var registry = new SchemaRegistry(options);
        SchemaNode root = registry.AddDocument(schema.Clone(), options.BaseUri ?? SchemaRegistry.DefaultBaseUri);
        return new JsonSchemaValidator(registry, root);
    }

    /// <summary>Builds a validator for a schema document given as JSON text.</summary>
    /// <param name="schemaJson">The schema's JSON text.</param>
    /// <param name="options">Format assertion, base URI and a resolver for other documents.</param>
    /// <returns>The validator.</returns>
    public static JsonSchemaValidator Create(string schemaJson, JsonSchemaOptions? options = null)
    {
        using JsonDocument document = JsonDocument.Parse(schemaJson);
        return Create(document.RootElement, options);
    }

    /// <summary>Builds a validator for a schema document given as UTF-8 JSON.</summary>
    /// <param name="utf8SchemaJson">The schema's JSON text, UTF-8 encoded.</param>
    /// <param name="options">Format assertion, base URI and a resolver for other documents.</param>
    /// <returns>The validator.</returns>
    public static JsonSchemaValidator Create(ReadOnlySpan<byte> utf8SchemaJson, JsonSchemaOptions? options = null)
    {
        var reader = new Utf8JsonReader(utf8SchemaJson);
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        return Create(document.RootElement, options);
    }

    /// <summary>Reads a schema document from UTF-8 JSON, for a <see cref="JsonSchemaOptions.DocumentResolver"/>.</summary>
    /// <param name="utf8Json">The document's JSON text, UTF-8 encoded.</param>
    /// <returns>The document's root value, independent of any buffer.</returns>
    public static JsonElement ReadDocument(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// A validator for a schema inside this document, by JSON Pointer fragment (for example
    /// <c>#/components/schemas/Pet</c>); it shares this document's references.
    /// </summary>
    /// <param name="reference">A fragment or URI reference, resolved against the document's base URI.</param>
    /// <returns>The validator for that schema.</returns>
    public JsonSchemaValidator Subschema(string reference) => new(_registry, _registry.Resolve(_root, reference));

    /// <summary>True when <paramref name="instance"/> is valid.</summary>
    /// <param name="instance">The JSON value.</param>
    /// <returns>Whether it is valid.</returns>
    /// <remarks>Stops at the first failure and builds no message: a valid or invalid value allocates nothing.</remarks>
    public bool IsValid(JsonElement instance)
    {
        Evaluator evaluator = Evaluator.Rent(_registry, report: false);
        bool valid = evaluator.Evaluate(_root, instance, null);
        Evaluator.Return(evaluator);
        return valid;
    }

    /// <summary>Every error of <paramref name="instance"/>, each with its JSON Pointer; empty when valid.</summary>
    /// <param name="instance">The JSON value.</param>
    /// <returns>The errors.</returns>
    public IReadOnlyList<ValidationError> Validate(JsonElement instance)
    {
        // One pass that reports as it goes: a valid value builds nothing (no error list, no location,
        // no message), so it costs what a verdict costs; an invalid one is not evaluated a second time.
        Evaluator evaluator = Evaluator.Rent(_registry, report: true);
        bool valid = evaluator.Evaluate(_root, instance, null);
        List<ValidationError>? errors = evaluator.TakeErrors();
        Evaluator.Return(evaluator);
        if (valid)
        {
            return Array.Empty<ValidationError>();
        }

        if (errors is null)
        {
            errors = new List<ValidationError>(1) { new ValidationError(string.Empty, "schema", "The value does not match the schema.") };
        }

        return errors;
    }

    /// <summary>Every error of the UTF-8 JSON document <paramref name="utf8Json"/>; empty when valid.</summary>
    /// <param name="utf8Json">The JSON document.</param>
    /// <returns>The errors.</returns>
    /// <exception cref="JsonException">The data is not JSON.</exception>
    public IReadOnlyList<ValidationError> Validate(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        return Validate(document.RootElement);
    }
}

/// <summary>Annotations about one instance location collected while evaluating: what has been evaluated.</summary>
internal sealed class Evaluated
{
    public HashSet<string>? Properties;
    public bool AllProperties;
    public int ItemPrefix;
    public HashSet<int>? Items;
    public bool AllItems;

    public void Merge(Evaluated other)
    {
        if (other.Properties is not null)
        {
            (Properties ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(other.Properties);
        }

        AllProperties |= other.AllProperties;
        ItemPrefix = Math.Max(ItemPrefix, other.ItemPrefix);
        if (other.Items is not null)
        {
            (Items ??= new HashSet<int>()).UnionWith(other.Items);
        }

        AllItems |= other.AllItems;
    }

    public void AddProperty(string name) => (Properties ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);

    public bool HasProperty(string name) => AllProperties || (Properties?.Contains(name) ?? false);

    public bool HasItem(int index) => AllItems || index < ItemPrefix || (Items?.Contains(index) ?? false);
}

/// <summary>
/// One validation run: the instance location, the dynamic scope and the errors. Runs reuse one
/// evaluator per thread (<see cref="Rent"/>), so evaluating a valid value allocates nothing.
/// </summary>
internal sealed class Evaluator
{
    private const int MaxDepth = 1024;
    private const string FalseMessage = "No value is valid here (the schema is false).";

    [ThreadStatic]
    private static Evaluator? t_cached;

    private PathSegment[] _path = new PathSegment[16];
    private char[] _pointer = new char[64];
    private int _pathLength;
    private readonly List<SchemaNode> _dynamicScope = new();

    // The resource of the innermost entry of the dynamic scope (interned, compared by reference).
    private string? _scope;
    private List<ValidationError>? _errors;
    private int _depth;

    // Which names of its properties keyword the object at hand has, for the schema object being evaluated.
    private PropertiesKeyword? _presenceOf;
    private ulong _presence;

    // Which visit of a value this is: a number of its own for every member or item entered. The last
    // lookup of a property by name is kept with the visit it was made in.
    private int _visit;
    private int _visits;
    private int _lookupVisit;
    private byte[]? _lookupName;
    private bool _lookupFound;
    private JsonElement _lookupValue;

    private Evaluator(SchemaRegistry registry, bool report)
    {
        Registry = registry;
        Report = report;
    }

    public SchemaRegistry Registry { get; private set; }

    /// <summary>When false, evaluation stops at the first failure and builds no messages.</summary>
    public bool Report { get; private set; }

    /// <summary>
    /// True when some schema of the registry reads annotations (unevaluatedProperties/Items): only
    /// then does evaluation record what it evaluated.
    /// </summary>
    public bool Annotate => Registry.UsesAnnotations;

    public IReadOnlyList<SchemaNode> DynamicScope => _dynamicScope;

    /// <summary>The thread's evaluator (or a new one when it is in use), set up for one run.</summary>
    public static Evaluator Rent(SchemaRegistry registry, bool report)
    {
        Evaluator? evaluator = t_cached;
        if (evaluator is null)
        {
            return new Evaluator(registry, report);
        }

        t_cached = null;
        evaluator.Registry = registry;
        evaluator.Report = report;
        return evaluator;
    }

    /// <summary>Gives the evaluator back after a run that completed (one that threw is simply dropped).</summary>
    public static void Return(Evaluator evaluator)
    {
        evaluator._errors = null;
        evaluator._pathLength = 0;
        evaluator._depth = 0;
        evaluator._dynamicScope.Clear();
        evaluator._scope = null;
        evaluator._presenceOf = null;
        evaluator._visit = 0;
        evaluator._visits = 0;
        evaluator._lookupName = null;
        evaluator._lookupValue = default;
        evaluator.Registry = null!;
        t_cached = evaluator;
    }

    /// <summary>The errors of the run, handed over to the caller; null when there were none.</summary>
    public List<ValidationError>? TakeErrors()
    {
        List<ValidationError>? errors = _errors;
        _errors = null;
        return errors;
    }

    public bool Evaluate(SchemaNode node, JsonElement instance, Evaluated? evaluated) => Evaluate(node, instance, evaluated, Report);

    /// <summary>Evaluates <paramref name="node"/> at the current instance location; annotations go to <paramref name="evaluated"/> when valid.</summary>
    public bool Evaluate(SchemaNode node, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (node.Boolean is bool constant)
        {
            if (!constant && report)
            {
                AddError("false", FalseMessage);
            }

            return constant;
        }

        if (node.IsLeaf)
        {
            return Assert(node, instance, report);
        }

        // A node that is only a $ref, in the resource evaluation is in (so the dynamic scope gains
        // nothing): its target is evaluated in its place, counted in the depth (a cycle of references
        // still ends in an error). What the target records is what the node would have passed on.
        if (node.Reference is { } reference && ReferenceEquals(node.ResourceUri, _scope))
        {
            if (++_depth > MaxDepth)
            {
                _depth--;
                throw new InvalidOperationException("The schema references itself without end at " + CurrentPointer() + ".");
            }

            bool matches = Evaluate(reference.Target, instance, evaluated, report);
            _depth--;
            return matches;
        }

        if (++_depth > MaxDepth)
        {
            _depth--;
            throw new InvalidOperationException("The schema references itself without end at " + CurrentPointer() + ".");
        }

        // The dynamic scope is the chain of schema resources evaluation has passed through,
        // whether it entered them at their root or through a reference into their middle.
        string? outerScope = _scope;
        bool pushed = !ReferenceEquals(outerScope, node.ResourceUri);
        if (pushed)
        {
            _dynamicScope.Add(node);
            _scope = node.ResourceUri;
        }

        // No try/finally: a run that throws leaves this evaluator half-way, and it is never reused
        // (Return is only called after a run that completed).
        PropertiesKeyword? outerPresenceOf = _presenceOf;
        ulong outerPresence = _presence;
        Evaluated? local = Annotate && instance.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? new Evaluated() : null;
        bool valid = true;
        Keyword[] keywords = node.CompiledKeywords;
        for (int i = 0; i < keywords.Length; i++)
        {
            if (!keywords[i].Evaluate(this, instance, local, report))
            {
                valid = false;
                if (!report)
                {
                    break;
                }
            }
        }

        if (valid && local is not null && evaluated is not null)
        {
            evaluated.Merge(local);
        }

        if (pushed)
        {
            _dynamicScope.RemoveAt(_dynamicScope.Count - 1);
            _scope = outerScope;
        }

        _presenceOf = outerPresenceOf;
        _presence = outerPresence;
        _depth--;
        return valid;
    }

    /// <summary>
    /// Evaluates a subschema that the keyword <paramref name="keyword"/> applies: when it is the schema
    /// <c>false</c>, its error names that keyword (<c>additionalProperties</c>, <c>items</c>, ...), the one
    /// that failed. (A <c>false</c> reached through a reference, or at the root, is reported as <c>false</c>.)
    /// </summary>
    public bool Apply(string keyword, SchemaNode node, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (node.Boolean is bool constant)
        {
            if (!constant && report)
            {
                AddError(keyword, FalseMessage);
            }

            return constant;
        }

        return Evaluate(node, instance, evaluated, report);
    }

    /// <summary>
    /// Leaves, for the keywords evaluated after it on the same value, which of the names of
    /// <paramref name="properties"/> the object has (bit i: its name i). It holds while evaluation stays on
    /// this value: for the keywords that follow in the schema object, and in the subschemas it applies in
    /// place (allOf, if, $ref, ...). The evaluation of a member or an item (<see cref="ApplyToMember"/>)
    /// starts without it, and a schema object gives back, when it ends, what there was when it began.
    /// </summary>
    public void SetPresence(PropertiesKeyword properties, ulong present)
    {
        _presenceOf = properties;
        _presence = present;
    }

    /// <summary>The last properties walk of the value at hand, if there was one.</summary>
    public bool TryGetPresence([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PropertiesKeyword? walked, out ulong present)
    {
        walked = _presenceOf;
        present = _presence;
        return walked is not null;
    }

    /// <summary>
    /// Evaluates a subschema that <paramref name="keyword"/> applies to a member or an item of the value at
    /// hand: what is known of the value's names does not hold for it.
    /// </summary>
    public bool ApplyToMember(string keyword, SchemaNode node, JsonElement member, bool report)
    {
        // Most members' schemas only assert (type, minLength, ...) and read nothing of the evaluation.
        if (node.IsPlainLeaf)
        {
            return Assert(node, member, report);
        }

        PropertiesKeyword? presenceOf = _presenceOf;
        ulong presence = _presence;
        int visit = _visit;
        _presenceOf = null;
        _visit = ++_visits;
        bool valid = Apply(keyword, node, member, null, report);
        _presenceOf = presenceOf;
        _presence = presence;
        _visit = visit;
        return valid;
    }

    /// <summary>
    /// Looks a property of the object at hand up by its UTF-8 name, once per visit of the object: the
    /// branches of a oneOf each look up the same discriminator (such as "type") on the same object.
    /// </summary>
    public bool TryGetProperty(JsonElement instance, byte[] name, out JsonElement value)
    {
        if (_lookupVisit == _visit && _lookupName is { } last && (ReferenceEquals(last, name) || name.AsSpan().SequenceEqual(last)))
        {
            value = _lookupValue;
            return _lookupFound;
        }

        _lookupFound = instance.TryGetProperty(name, out value);
        _lookupValue = value;
        _lookupName = name;
        _lookupVisit = _visit;
        return _lookupFound;
    }

    /// <summary>Evaluates a schema node whose keywords only assert something of the value (<see cref="SchemaNode.IsLeaf"/>).</summary>
    private bool Assert(SchemaNode node, JsonElement instance, bool report)
    {
        Keyword[] assertions = node.CompiledKeywords;
        bool ok = true;
        for (int i = 0; i < assertions.Length; i++)
        {
            if (!assertions[i].Evaluate(this, instance, null, report))
            {
                ok = false;
                if (!report)
                {
                    break;
                }
            }
        }

        return ok;
    }

    /// <summary>Evaluates a subschema without reporting, for applicators that only need a verdict.</summary>
    public bool Test(SchemaNode node, JsonElement instance, Evaluated? evaluated) => Evaluate(node, instance, evaluated, report: false);

    /// <summary>A fresh annotation record for a subschema, or null when nothing reads annotations.</summary>
    public Evaluated? NewEvaluated() => Annotate ? new Evaluated() : null;

    // The instance location only matters for messages: only a part of a run that reports (not IsValid,
    // not a subschema evaluated for its verdict, such as a oneOf branch) tracks it.
    public void Push(string property, bool report)
    {
        if (report)
        {
            PushSegment(new PathSegment(property, default, -1));
        }
    }

    /// <summary>Enters a property; its name becomes a string only if an error needs it.</summary>
    public void Push(JsonProperty property, bool report)
    {
        if (report)
        {
            PushSegment(new PathSegment(null, property, -1));
        }
    }

    public void Push(int index, bool report)
    {
        if (report)
        {
            PushSegment(new PathSegment(null, default, index));
        }
    }

    public void Pop(bool report)
    {
        if (report)
        {
            _path[--_pathLength] = default;
        }
    }

    public void AddError(string keyword, string message) => (_errors ??= new List<ValidationError>()).Add(new ValidationError(CurrentPointer(), keyword, message));

    private void PushSegment(PathSegment segment)
    {
        if (_pathLength == _path.Length)
        {
            Array.Resize(ref _path, _path.Length * 2);
        }

        _path[_pathLength++] = segment;
    }

    /// <summary>
    /// The JSON Pointer of the current instance location, written into a buffer the evaluator keeps: the
    /// only string made is the pointer itself (a property name is decoded from the document's UTF-8).
    /// </summary>
    private string CurrentPointer()
    {
        if (_pathLength == 0)
        {
            return string.Empty;
        }

        int length = 0;
        for (int i = 0; i < _pathLength; i++)
        {
            PathSegment segment = _path[i];
            Reserve(length + 1);
            _pointer[length++] = '/';
            if (segment.Index >= 0)
            {
                Reserve(length + 11);
                segment.Index.TryFormat(_pointer.AsSpan(length), out int written, default, System.Globalization.CultureInfo.InvariantCulture);
                length += written;
                continue;
            }

            if (segment.Name is null && TryAppendPlainAscii(Utf8Text.Unquote(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(segment.Property)), ref length))
            {
                continue;
            }

            if (segment.Name is null && Utf8Text.TryGetUnescaped(segment.Property, out ReadOnlySpan<byte> utf8))
            {
                // UTF-8 never decodes to more chars than it has bytes; "~" and "/" are escaped after.
                Reserve(length + utf8.Length);
                int start = length;
                length += Encoding.UTF8.GetChars(utf8, _pointer.AsSpan(length));
                if (utf8.IndexOfAny((byte)'~', (byte)'/') >= 0)
                {
                    string name = new(_pointer, start, length - start);
                    length = start;
                    AppendEscaped(name, ref length);
                }

                continue;
            }

            AppendEscaped(segment.Name ?? segment.Property.Name, ref length);
        }

        return new string(_pointer, 0, length);
    }

    /// <summary>
    /// Appends a name as written in the document when it is plain ASCII: no escape, no "~" or "/" to
    /// escape in a pointer (most names), one char per byte, with no decoder.
    /// </summary>
    private bool TryAppendPlainAscii(ReadOnlySpan<byte> raw, ref int length)
    {
        foreach (byte b in raw)
        {
            if (b >= 0x80 || b == (byte)'~' || b == (byte)'/' || b == (byte)'\\')
            {
                return false;
            }
        }

        Reserve(length + raw.Length);
        Span<char> destination = _pointer.AsSpan(length, raw.Length);
        for (int i = 0; i < raw.Length; i++)
        {
            destination[i] = (char)raw[i];
        }

        length += raw.Length;
        return true;
    }

    private void AppendEscaped(string name, ref int length)
    {
        Reserve(length + (name.Length * 2));
        foreach (char c in name)
        {
            switch (c)
            {
                case '~':
                    _pointer[length++] = '~';
                    _pointer[length++] = '0';
                    break;
                case '/':
                    _pointer[length++] = '~';
                    _pointer[length++] = '1';
                    break;
                default:
                    _pointer[length++] = c;
                    break;
            }
        }
    }

    private void Reserve(int length)
    {
        if (length > _pointer.Length)
        {
            Array.Resize(ref _pointer, Math.Max(length, _pointer.Length * 2));
        }
    }

    /// <summary>One step of the instance location: a property (by name or as the instance's member) or an item index.</summary>
    private readonly record struct PathSegment(string? Name, JsonProperty Property, int Index);
}
