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
    public bool IsValid(JsonElement instance) => new Evaluator(_registry, report: false).Evaluate(_root, instance, null);

    /// <summary>Every error of <paramref name="instance"/>, each with its JSON Pointer; empty when valid.</summary>
    /// <param name="instance">The JSON value.</param>
    /// <returns>The errors.</returns>
    public IReadOnlyList<ValidationError> Validate(JsonElement instance)
    {
        var evaluator = new Evaluator(_registry, report: true);
        bool valid = evaluator.Evaluate(_root, instance, null);
        if (!valid && evaluator.Errors.Count == 0)
        {
            evaluator.Errors.Add(new ValidationError(string.Empty, "schema", "The value does not match the schema."));
        }

        return evaluator.Errors;
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

/// <summary>One validation run: the instance location, the dynamic scope and the errors.</summary>
internal sealed class Evaluator
{
    private const int MaxDepth = 1024;
    private readonly List<object> _path = new();
    private readonly List<SchemaNode> _dynamicScope = new();
    private int _depth;

    public Evaluator(SchemaRegistry registry, bool report)
    {
        Registry = registry;
        Report = report;
    }

    public SchemaRegistry Registry { get; }

    /// <summary>When false, evaluation stops at the first failure and builds no messages.</summary>
    public bool Report { get; }

    public List<ValidationError> Errors { get; } = new();

    public IReadOnlyList<SchemaNode> DynamicScope => _dynamicScope;

    public bool Evaluate(SchemaNode node, JsonElement instance, Evaluated? evaluated) => Evaluate(node, instance, evaluated, Report);

    /// <summary>Evaluates <paramref name="node"/> at the current instance location; annotations go to <paramref name="evaluated"/> when valid.</summary>
    public bool Evaluate(SchemaNode node, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (node.Boolean is bool constant)
        {
            if (!constant && report)
            {
                AddError("false", "No value is valid here (the schema is false).");
            }

            return constant;
        }

        if (++_depth > MaxDepth)
        {
            _depth--;
            throw new InvalidOperationException("The schema references itself without end at " + CurrentPointer() + ".");
        }

        // The dynamic scope is the chain of schema resources evaluation has passed through,
        // whether it entered them at their root or through a reference into their middle.
        bool pushed = _dynamicScope.Count == 0 || _dynamicScope[^1].ResourceUri != node.ResourceUri;
        if (pushed)
        {
            _dynamicScope.Add(node);
        }

        try
        {
            Evaluated? local = instance.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? new Evaluated() : null;
            bool valid = true;
            foreach (Keyword keyword in node.Keywords)
            {
                if (!keyword.Evaluate(this, instance, local, report))
                {
                    valid = false;
                    if (!report)
                    {
                        return false;
                    }
                }
            }

            if (valid && local is not null && evaluated is not null)
            {
                evaluated.Merge(local);
            }

            return valid;
        }
        finally
        {
            if (pushed)
            {
                _dynamicScope.RemoveAt(_dynamicScope.Count - 1);
            }

            _depth--;
        }
    }

    /// <summary>Evaluates a subschema without reporting, for applicators that only need a verdict.</summary>
    public bool Test(SchemaNode node, JsonElement instance, Evaluated? evaluated) => Evaluate(node, instance, evaluated, report: false);

    public void Push(string property) => _path.Add(property);

    public void Push(int index) => _path.Add(index);

    public void Pop() => _path.RemoveAt(_path.Count - 1);

    public void AddError(string keyword, string message) => Errors.Add(new ValidationError(CurrentPointer(), keyword, message));

    private string CurrentPointer()
    {
        if (_path.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (object segment in _path)
        {
            builder.Append('/');
            builder.Append(segment is int i
                ? i.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : ((string)segment).Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        return builder.ToString();
    }
}
