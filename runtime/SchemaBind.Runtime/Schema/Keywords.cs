using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SchemaBind.Runtime.Internal;

namespace SchemaBind.Runtime;

/// <summary>One compiled keyword of a schema object.</summary>
internal abstract class Keyword
{
    protected Keyword(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>Evaluates the keyword; records what it evaluated in <paramref name="evaluated"/>.</summary>
    public abstract bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report);

    protected bool Fail(Evaluator e, bool report, string message)
    {
        if (report)
        {
            e.AddError(Name, message);
        }

        return false;
    }

    /// <summary>Fails with a message of three parts, joined only when it is reported (a verdict builds no strings).</summary>
    protected bool Fail(Evaluator e, bool report, string first, string second, string third)
    {
        if (report)
        {
            e.AddError(Name, first + second + third);
        }

        return false;
    }
}

/// <summary>Turns a schema object into keywords, in an order where unevaluated* come last.</summary>
internal static class KeywordCompiler
{
    private static readonly HashSet<string> ValidationKeywords = new(StringComparer.Ordinal)
    {
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties",
        "required", "dependentRequired",
    };

    public static void Compile(SchemaRegistry registry, SchemaNode node, JsonElement schema)
    {
        string at = node.DocumentPointer;
        SchemaNode Child(string keyword) => registry.Node(node.Document, at + "/" + SchemaRegistry.Escape(keyword));
        SchemaNode Entry(string keyword, string name) => registry.Node(node.Document, at + "/" + SchemaRegistry.Escape(keyword) + "/" + SchemaRegistry.Escape(name));
        SchemaNode Item(string keyword, int index) => registry.Node(node.Document, at + "/" + SchemaRegistry.Escape(keyword) + "/" + index.ToString(CultureInfo.InvariantCulture));
        List<SchemaNode> Items(string keyword, JsonElement array) => Enumerable.Range(0, array.GetArrayLength()).Select(i => Item(keyword, i)).ToList();

        List<Keyword> k = node.Keywords;
        bool validation = registry.ValidationVocabulary(node);
        Keyword? unevaluatedProperties = null;
        Keyword? unevaluatedItems = null;
        foreach (JsonProperty p in schema.EnumerateObject())
        {
            JsonElement v = p.Value;
            if (!validation && ValidationKeywords.Contains(p.Name))
            {
                continue;
            }

            switch (p.Name)
            {
                case "$ref" when v.ValueKind == JsonValueKind.String:
                    k.Add(new RefKeyword(registry, node, v.GetString()!));
                    break;
                case "$dynamicRef" when v.ValueKind == JsonValueKind.String:
                    k.Add(new DynamicRefKeyword(registry, node, v.GetString()!));
                    break;
                case "type":
                    k.Add(new TypeKeyword(v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(static t => t.GetString()!).ToArray() : new[] { v.GetString()! }));
                    break;
                case "enum" when v.ValueKind == JsonValueKind.Array:
                    k.Add(new EnumKeyword(v.EnumerateArray().ToArray()));
                    break;
                case "const":
                    k.Add(new ConstKeyword(v));
                    break;
                case "multipleOf" or "maximum" or "exclusiveMaximum" or "minimum" or "exclusiveMinimum" when v.ValueKind == JsonValueKind.Number:
                    k.Add(new NumberKeyword(p.Name, v));
                    break;
                case "maxLength" or "minLength" or "maxItems" or "minItems" or "maxProperties" or "minProperties" when v.ValueKind == JsonValueKind.Number:
                    k.Add(new CountKeyword(p.Name, v.GetDouble()));
                    break;
                case "pattern" when v.ValueKind == JsonValueKind.String:
                    k.Add(new PatternKeyword(v.GetString()!));
                    break;
                case "uniqueItems" when v.ValueKind == JsonValueKind.True:
                    k.Add(new UniqueItemsKeyword());
                    break;
                case "required" when v.ValueKind == JsonValueKind.Array:
                    k.Add(new RequiredKeyword(v.EnumerateArray().Select(static n => n.GetString()!).ToArray()));
                    break;
                case "dependentRequired" when v.ValueKind == JsonValueKind.Object:
                    k.Add(new DependentRequiredKeyword(v.EnumerateObject().ToDictionary(static e => e.Name, static e => e.Value.EnumerateArray().Select(static n => n.GetString()!).ToArray())));
                    break;
                case "format" when v.ValueKind == JsonValueKind.String && (registry.AssertFormat || registry.FormatAssertionVocabulary(node)):
                    k.Add(new FormatKeyword(v.GetString()!));
                    break;
                case "allOf" or "anyOf" or "oneOf" when v.ValueKind == JsonValueKind.Array:
                    k.Add(new CombinatorKeyword(p.Name, Items(p.Name, v)));
                    break;
                case "not":
                    k.Add(new NotKeyword(Child("not")));
                    break;
                case "if":
                    k.Add(new IfKeyword(
                        Child("if"),
                        schema.TryGetProperty("then", out _) ? Child("then") : null,
                        schema.TryGetProperty("else", out _) ? Child("else") : null));
                    break;
                case "dependentSchemas" when v.ValueKind == JsonValueKind.Object:
                    k.Add(new DependentSchemasKeyword(v.EnumerateObject().ToDictionary(static e => e.Name, e => Entry("dependentSchemas", e.Name))));
                    break;
                case "dependencies" when v.ValueKind == JsonValueKind.Object:
                    // Draft 7's keyword, split in 2019-09: still honoured (as both halves, under its own
                    // name) for schemas written before the split, as the suite's optional tests expect.
                    var names = v.EnumerateObject().Where(static e => e.Value.ValueKind == JsonValueKind.Array).ToDictionary(
                        static e => e.Name, static e => e.Value.EnumerateArray().Where(static n => n.ValueKind == JsonValueKind.String).Select(static n => n.GetString()!).ToArray());
                    var subschemas = v.EnumerateObject().Where(static e => e.Value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
                        .ToDictionary(static e => e.Name, e => Entry("dependencies", e.Name));
                    if (names.Count > 0 && validation)
                    {
                        k.Add(new DependentRequiredKeyword(names, "dependencies"));
                    }

                    if (subschemas.Count > 0)
                    {
                        k.Add(new DependentSchemasKeyword(subschemas, "dependencies"));
                    }

                    break;
                case "properties" when v.ValueKind == JsonValueKind.Object:
                    k.Add(new PropertiesKeyword(v.EnumerateObject().ToDictionary(static e => e.Name, e => Entry("properties", e.Name), StringComparer.Ordinal)));
                    break;
                case "patternProperties" when v.ValueKind == JsonValueKind.Object:
                    k.Add(new PatternPropertiesKeyword(v.EnumerateObject().Select(e => (PatternKeyword.CreateRegex(e.Name), Entry("patternProperties", e.Name))).ToArray()));
                    break;
                case "additionalProperties":
                    k.Add(new AdditionalPropertiesKeyword(
                        Child("additionalProperties"),
                        schema.TryGetProperty("properties", out JsonElement props) && props.ValueKind == JsonValueKind.Object ? props.EnumerateObject().Select(static e => e.Name).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(),
                        schema.TryGetProperty("patternProperties", out JsonElement patterns) && patterns.ValueKind == JsonValueKind.Object ? patterns.EnumerateObject().Select(static e => PatternKeyword.CreateRegex(e.Name)).ToArray() : Array.Empty<Regex>()));
                    break;
                case "propertyNames":
                    k.Add(new PropertyNamesKeyword(Child("propertyNames")));
                    break;
                case "prefixItems" when v.ValueKind == JsonValueKind.Array:
                    k.Add(new PrefixItemsKeyword(Items("prefixItems", v)));
                    break;
                case "items":
                    k.Add(new ItemsKeyword(
                        Child("items"),
                        schema.TryGetProperty("prefixItems", out JsonElement prefix) && prefix.ValueKind == JsonValueKind.Array ? prefix.GetArrayLength() : 0));
                    break;
                case "contains":
                    k.Add(new ContainsKeyword(
                        Child("contains"),
                        schema.TryGetProperty("minContains", out JsonElement min) && min.ValueKind == JsonValueKind.Number ? min.GetDouble() : 1,
                        schema.TryGetProperty("maxContains", out JsonElement max) && max.ValueKind == JsonValueKind.Number ? max.GetDouble() : double.PositiveInfinity));
                    break;
                case "unevaluatedProperties":
                    unevaluatedProperties = new UnevaluatedPropertiesKeyword(Child("unevaluatedProperties"));
                    break;
                case "unevaluatedItems":
                    unevaluatedItems = new UnevaluatedItemsKeyword(Child("unevaluatedItems"));
                    break;
            }
        }

        // In-place applicators first would not matter for the verdict, but unevaluated* must see
        // every annotation of their schema object, so they run last.
        if (unevaluatedProperties is not null)
        {
            k.Add(unevaluatedProperties);
        }

        if (unevaluatedItems is not null)
        {
            k.Add(unevaluatedItems);
        }

        if (unevaluatedProperties is not null || unevaluatedItems is not null)
        {
            registry.UsesAnnotations = true;
        }

        // dependentRequired after properties reads which names the object has from its walk (required
        // finds the last walk of the object by itself: see RequiredKeyword).
        int propertiesAt = k.FindIndex(static keyword => keyword is PropertiesKeyword);
        for (int i = propertiesAt + 1; propertiesAt >= 0 && i < k.Count; i++)
        {
            if (k[i] is DependentRequiredKeyword dependentRequired)
            {
                dependentRequired.UsePresenceOf((PropertiesKeyword)k[propertiesAt]);
            }
        }

        node.CompiledKeywords = k.ToArray();
        node.IsLeaf = k.TrueForAll(static keyword => keyword is TypeKeyword or EnumKeyword or ConstKeyword or NumberKeyword
            or CountKeyword or PatternKeyword or RequiredKeyword or DependentRequiredKeyword or UniqueItemsKeyword or FormatKeyword);
        node.IsPlainLeaf = node.IsLeaf && !k.Exists(static keyword => keyword is RequiredKeyword);
        node.Reference = k.Count == 1 ? k[0] as RefKeyword : null;
    }
}

internal sealed class RefKeyword(SchemaRegistry registry, SchemaNode from, string reference) : Keyword("$ref")
{
    private SchemaNode? _target;

    /// <summary>The schema referred to, resolved on first use.</summary>
    public SchemaNode Target => _target ??= registry.Resolve(from, reference);

    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report) =>
        e.Evaluate(Target, instance, evaluated, report);
}

internal sealed class DynamicRefKeyword(SchemaRegistry registry, SchemaNode from, string reference) : Keyword("$dynamicRef")
{
    private SchemaNode? _initial;

    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        _initial ??= registry.Resolve(from, reference);
        SchemaNode target = _initial;
        int hash = reference.IndexOf('#', StringComparison.Ordinal);
        string name = hash < 0 ? string.Empty : reference.Substring(hash + 1);

        // Only a reference to a $dynamicAnchor "bookends" dynamically: then the outermost resource
        // in the dynamic scope that has the same dynamic anchor wins.
        if (name.Length > 0 && name[0] != '/' && _initial.Element.ValueKind == JsonValueKind.Object
            && _initial.Element.TryGetProperty("$dynamicAnchor", out JsonElement anchor) && anchor.GetString() == name)
        {
            foreach (SchemaNode scope in e.DynamicScope)
            {
                SchemaNode? candidate = registry.DynamicAnchor(scope.ResourceUri, name);
                if (candidate is not null)
                {
                    target = candidate;
                    break;
                }
            }
        }

        return e.Evaluate(target, instance, evaluated, report);
    }
}

internal sealed class TypeKeyword(string[] types) : Keyword("type")
{
    private readonly int _kinds = KindsOf(types);
    private readonly bool _integer = Array.IndexOf(types, "integer") >= 0 && Array.IndexOf(types, "number") < 0;
    private readonly string _message = ValidationMessages.Type(types);

    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        JsonValueKind kind = instance.ValueKind;
        if ((_kinds & (1 << (int)kind)) != 0)
        {
            return true;
        }

        return (_integer && kind == JsonValueKind.Number && JsonNumbers.IsInteger(instance)) || Fail(e, report, _message);
    }

    /// <summary>The value kinds that match outright, as a bit set; "integer" alone needs a look at the number.</summary>
    private static int KindsOf(string[] types)
    {
        int kinds = 0;
        foreach (string type in types)
        {
            kinds |= type switch
            {
                "object" => 1 << (int)JsonValueKind.Object,
                "array" => 1 << (int)JsonValueKind.Array,
                "string" => 1 << (int)JsonValueKind.String,
                "number" => 1 << (int)JsonValueKind.Number,
                "boolean" => (1 << (int)JsonValueKind.True) | (1 << (int)JsonValueKind.False),
                "null" => 1 << (int)JsonValueKind.Null,
                _ => 0,
            };
        }

        return kinds;
    }
}

internal sealed class EnumKeyword(JsonElement[] values) : Keyword("enum")
{
    // String members as UTF-8, compared with the instance without decoding it.
    private readonly byte[]?[] _strings = values.Select(static v => v.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(v.GetString()!) : null).ToArray();

    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        bool isString = instance.ValueKind == JsonValueKind.String;
        for (int i = 0; i < values.Length; i++)
        {
            if (_strings[i] is { } utf8 ? isString && instance.ValueEquals(utf8) : JsonNumbers.JsonEquals(values[i], instance))
            {
                return true;
            }
        }

        return Fail(e, report, ValidationMessages.Enum);
    }
}

internal sealed class ConstKeyword(JsonElement value) : Keyword("const")
{
    private readonly byte[]? _string = value.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(value.GetString()!) : null;

    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report) =>
        (_string is not null ? instance.ValueKind == JsonValueKind.String && instance.ValueEquals(_string) : JsonNumbers.JsonEquals(value, instance))
        || Fail(e, report, ValidationMessages.Const);
}

internal sealed class NumberKeyword(string name, JsonElement limit) : Keyword(name)
{
    // The limit as an exact decimal when it is one (the common case), so most comparisons parse one number.
    private readonly bool _exact = JsonNumbers.TryDecimal(limit, out _);
    private readonly decimal _decimal = JsonNumbers.TryDecimal(limit, out decimal d) ? d : 0;
    private readonly int _kind = name switch { "multipleOf" => 0, "maximum" => 1, "exclusiveMaximum" => 2, "minimum" => 3, _ => 4 };
    private readonly string _message = ValidationMessages.Bound(name, limit.GetRawText());

    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (instance.ValueKind != JsonValueKind.Number)
        {
            return true;
        }

        if (_kind == 0)
        {
            return JsonNumbers.IsMultipleOf(instance, limit) || Fail(e, report, _message);
        }

        int c = _exact && JsonNumbers.TryDecimal(instance, out decimal x) ? x.CompareTo(_decimal) : JsonNumbers.Compare(instance, limit);
        return _kind switch
        {
            1 => c <= 0 || Fail(e, report, _message),
            2 => c < 0 || Fail(e, report, _message),
            3 => c >= 0 || Fail(e, report, _message),
            _ => c > 0 || Fail(e, report, _message),
        };
    }
}

internal sealed class CountKeyword(string name, double limit) : Keyword(name)
{
    private readonly bool _max = name.StartsWith("max", StringComparison.Ordinal);
    private readonly JsonValueKind _kind = name.EndsWith("Length", StringComparison.Ordinal) ? JsonValueKind.String
        : name.EndsWith("Items", StringComparison.Ordinal) ? JsonValueKind.Array : JsonValueKind.Object;
    private readonly string _message = ValidationMessages.Count(name, limit.ToString(CultureInfo.InvariantCulture));

    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (instance.ValueKind != _kind)
        {
            return true;
        }

        double count;
        switch (_kind)
        {
            case JsonValueKind.String:
                count = Utf8Text.TryGetUnescaped(instance, out ReadOnlySpan<byte> utf8)
                    ? Utf8Text.CodePointCount(utf8)
                    : SchemaText.CodePointLength(instance.GetString()!);
                break;
            case JsonValueKind.Array:
                count = instance.GetArrayLength();
                break;
            default:
                count = 0;
                foreach (JsonProperty _ in instance.EnumerateObject())
                {
                    count++;
                }

                break;
        }

        return (_max ? count <= limit : count >= limit) || Fail(e, report, _message);
    }
}

internal sealed class PatternKeyword(string pattern) : Keyword("pattern")
{
    private readonly Regex _regex = CreateRegex(pattern);
    private readonly string _message = ValidationMessages.Pattern(pattern);

    // Compiled: a validator is built once and matches many values (under Native AOT .NET interprets instead).
    public static Regex CreateRegex(string pattern) => SchemaRegex.Create(pattern, RegexOptions.Compiled);

    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report) =>
        instance.ValueKind != JsonValueKind.String || Utf8Text.IsMatch(_regex, instance) || Fail(e, report, _message);
}

internal sealed class UniqueItemsKeyword() : Keyword("uniqueItems")
{
    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        JsonElement[] items = instance.EnumerateArray().ToArray();
        for (int i = 0; i < items.Length; i++)
        {
            for (int j = i + 1; j < items.Length; j++)
            {
                if (JsonNumbers.JsonEquals(items[i], items[j]))
                {
                    // The message names the items: built only when it is reported.
                    return report && Fail(e, report, "must not have duplicate items (items " + i.ToString(CultureInfo.InvariantCulture), " and " + j.ToString(CultureInfo.InvariantCulture), " are equal).");
                }
            }
        }

        return true;
    }
}

internal sealed class RequiredKeyword(string[] names) : Keyword("required")
{
    private readonly byte[][] _utf8 = names.Select(static n => Encoding.UTF8.GetBytes(n)).ToArray();
    private readonly string[] _messages = names.Select(static n => ValidationMessages.Required(n)).ToArray();

    // The names' bits in the presence masks of the properties keywords this one has met (a few: it is
    // usually evaluated under one schema object). Entries are immutable and only ever added.
    private readonly PresenceBits?[] _bits = new PresenceBits?[4];

    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        // Which names the object has, from a properties walk of it earlier in this evaluation: in this
        // schema object, or in one that applies this one in place (through allOf, if, $ref, ...). Looking
        // a name up in the object scans it, which costs most when the name is missing.
        if (e.TryGetPresence(out PropertiesKeyword? walked, out ulong present) && BitsFor(walked).Each is { } each)
        {
            bool found = true;
            for (int i = 0; i < each.Length; i++)
            {
                if ((present & each[i]) == 0)
                {
                    found = Fail(e, report, _messages[i]);
                    if (!report)
                    {
                        return false;
                    }
                }
            }

            return found;
        }

        bool valid = true;
        for (int i = 0; i < _utf8.Length; i++)
        {
            if (!instance.TryGetProperty(_utf8[i], out _))
            {
                valid = Fail(e, report, _messages[i]);
                if (!report)
                {
                    return false;
                }
            }
        }

        return valid;
    }

    private PresenceBits BitsFor(PropertiesKeyword walked)
    {
        PresenceBits?[] cache = _bits;
        for (int i = 0; i < cache.Length; i++)
        {
            PresenceBits? entry = cache[i];
            if (entry is null)
            {
                return cache[i] = new PresenceBits(walked, names);
            }

            if (ReferenceEquals(entry.Walked, walked))
            {
                return entry;
            }
        }

        return new PresenceBits(walked, names); // met more than a few: worked out each time, still right
    }

    /// <summary>Each name's bit in one properties keyword's mask; Each is null when that keyword lacks one of the names.</summary>
    private sealed class PresenceBits
    {
        public PresenceBits(PropertiesKeyword walked, string[] names)
        {
            Walked = walked;
            var each = new ulong[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                int bit = walked.PresenceBit(names[i]);
                if (bit < 0)
                {
                    return;
                }

                each[i] = 1UL << bit;
            }

            Each = each;
        }

        public PropertiesKeyword Walked { get; }

        public ulong[]? Each { get; }
    }
}

internal sealed class DependentRequiredKeyword(Dictionary<string, string[]> dependencies, string name = "dependentRequired") : Keyword(name)
{
    // Per dependency: the property's UTF-8 name, and each name it requires with its message.
    private readonly (byte[] Name, (byte[] Name, string Message)[] Required)[] _dependencies = dependencies
        .Select(static d => (Encoding.UTF8.GetBytes(d.Key), d.Value.Select(n => (Encoding.UTF8.GetBytes(n), ValidationMessages.RequiredWhen(n, d.Key))).ToArray()))
        .ToArray();

    private PropertiesKeyword? _properties;
    private (ulong Bit, ulong[] Required)[]? _bits;

    /// <summary>Reads presence from the properties keyword before this one in the same schema object, when it names every property involved.</summary>
    public void UsePresenceOf(PropertiesKeyword properties)
    {
        var bits = new (ulong Bit, ulong[] Required)[_dependencies.Length];
        int i = 0;
        foreach (KeyValuePair<string, string[]> dependency in dependencies)
        {
            int bit = properties.PresenceBit(dependency.Key);
            ulong[] required = dependency.Value.Select(properties.PresenceBit).Select(static b => b < 0 ? 0 : 1UL << b).ToArray();
            if (bit < 0 || Array.IndexOf(required, 0UL) >= 0)
            {
                return;
            }

            bits[i++] = (1UL << bit, required);
        }

        _properties = properties;
        _bits = bits;
    }

    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        bool valid = true;
        if (_properties is not null && e.TryGetPresence(out PropertiesKeyword? walked, out ulong present) && ReferenceEquals(walked, _properties))
        {
            for (int d = 0; d < _dependencies.Length; d++)
            {
                (ulong bit, ulong[] requiredBits) = _bits![d];
                if ((present & bit) == 0)
                {
                    continue;
                }

                for (int r = 0; r < requiredBits.Length; r++)
                {
                    if ((present & requiredBits[r]) == 0)
                    {
                        valid = Fail(e, report, _dependencies[d].Required[r].Message);
                    }
                }
            }

            return valid;
        }

        foreach ((byte[] name, (byte[] Name, string Message)[] required) in _dependencies)
        {
            if (!instance.TryGetProperty(name, out _))
            {
                continue;
            }

            foreach ((byte[] requiredName, string message) in required)
            {
                if (!instance.TryGetProperty(requiredName, out _))
                {
                    valid = Fail(e, report, message);
                }
            }
        }

        return valid;
    }
}

internal sealed class CombinatorKeyword(string name, List<SchemaNode> schemas) : Keyword(name)
{
    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (Name == "allOf")
        {
            bool all = true;
            foreach (SchemaNode schema in schemas)
            {
                if (!e.Apply(Name, schema, instance, evaluated, report))
                {
                    all = false;
                    if (!report)
                    {
                        return false;
                    }
                }
            }

            return all;
        }

        // Every branch is evaluated: annotations of all valid branches count for unevaluated*.
        int valid = 0;
        foreach (SchemaNode schema in schemas)
        {
            Evaluated? branch = e.NewEvaluated();
            if (e.Test(schema, instance, branch))
            {
                valid++;
                if (branch is not null)
                {
                    evaluated?.Merge(branch);
                }
            }
        }

        bool ok = Name == "anyOf"
            ? valid > 0 || Fail(e, report, ValidationMessages.AnyOf)
            : valid == 1 || (valid == 0
                ? Fail(e, report, ValidationMessages.OneOfNone)
                : Fail(e, report, ValidationMessages.OneOfMany, valid.ToString(CultureInfo.InvariantCulture), ValidationMessages.End));
        if (!ok && report && valid == 0 && SelectedBranch(e, instance) is SchemaNode selected)
        {
            // A union told apart by a const (a discriminator such as "type"): the value names the one branch
            // it means, so that branch's errors say what is wrong, beside the keyword's own error.
            e.Apply(Name, selected, instance, null, report: true);
        }

        return ok;
    }

    /// <summary>
    /// The one branch whose const or enum properties (followed through $ref and allOf) the value has and
    /// satisfies, when exactly one branch is like that; else null.
    /// </summary>
    private SchemaNode? SelectedBranch(Evaluator e, JsonElement instance)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        SchemaNode? selected = null;
        foreach (SchemaNode schema in schemas)
        {
            if (Selects(e, schema, instance, 0) == true)
            {
                if (selected is not null)
                {
                    return null;
                }

                selected = schema;
            }
        }

        return selected;
    }

    /// <summary>True when the value has a selecting property of this schema and satisfies every one it has; false when it fails one; null when the schema has none the value has.</summary>
    private static bool? Selects(Evaluator e, SchemaNode schema, JsonElement instance, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        bool? result = null;
        foreach (Keyword keyword in schema.CompiledKeywords)
        {
            bool? part = keyword switch
            {
                PropertiesKeyword properties => properties.Selects(e, instance),
                RefKeyword reference => Selects(e, reference.Target, instance, depth + 1),
                CombinatorKeyword { Name: "allOf" } allOf => allOf.AllSelect(e, instance, depth + 1),
                _ => null,
            };
            if (part == false)
            {
                return false;
            }

            result ??= part;
        }

        return result;
    }

    private bool? AllSelect(Evaluator e, JsonElement instance, int depth)
    {
        bool? result = null;
        foreach (SchemaNode schema in schemas)
        {
            bool? part = Selects(e, schema, instance, depth);
            if (part == false)
            {
                return false;
            }

            result ??= part;
        }

        return result;
    }
}

internal sealed class NotKeyword(SchemaNode schema) : Keyword("not")
{
    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report) =>
        !e.Test(schema, instance, null) || Fail(e, report, ValidationMessages.Not);
}

internal sealed class IfKeyword(SchemaNode condition, SchemaNode? then, SchemaNode? otherwise) : Keyword("if")
{
    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        Evaluated? branch = e.NewEvaluated();
        if (e.Test(condition, instance, branch))
        {
            if (branch is not null)
            {
                evaluated?.Merge(branch);
            }

            return then is null || e.Apply("then", then, instance, evaluated, report);
        }

        return otherwise is null || e.Apply("else", otherwise, instance, evaluated, report);
    }
}

internal sealed class DependentSchemasKeyword(Dictionary<string, SchemaNode> schemas, string name = "dependentSchemas") : Keyword(name)
{
    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        bool valid = true;
        foreach (KeyValuePair<string, SchemaNode> dependency in schemas)
        {
            if (instance.TryGetProperty(dependency.Key, out _) && !e.Apply(Name, dependency.Value, instance, evaluated, report))
            {
                valid = false;
                if (!report)
                {
                    return false;
                }
            }
        }

        return valid;
    }
}

/// <summary>Shared walk of an object's properties for the keywords that apply schemas to some of them.</summary>
internal abstract class PropertyApplicator(string name) : Keyword(name)
{
    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        bool valid = true;
        foreach (JsonProperty property in instance.EnumerateObject())
        {
            bool applied = false;
            foreach (SchemaNode schema in SchemasFor(property.Name, evaluated))
            {
                applied = true;
                e.Push(property, report);
                bool ok = e.ApplyToMember(Name, schema, property.Value, report);
                e.Pop(report);
                if (!ok)
                {
                    valid = false;
                    if (!report)
                    {
                        return false;
                    }
                }
            }

            if (applied)
            {
                evaluated?.AddProperty(property.Name);
            }
        }

        return valid;
    }

    protected abstract IEnumerable<SchemaNode> SchemasFor(string property, Evaluated? evaluated);
}

internal sealed class PropertiesKeyword(Dictionary<string, SchemaNode> schemas) : Keyword("properties")
{
    private readonly Utf8NameMap<SchemaNode> _schemas = new(schemas);
    private (byte[] Name, SchemaNode Schema)[]? _selective;

    /// <summary>
    /// The bit of a named property in the presence mask this keyword leaves for the <c>required</c> and
    /// <c>dependentRequired</c> of its schema object (<see cref="Evaluator.SetPresence"/>), or -1 when it has
    /// no bit (more than 64 names).
    /// </summary>
    public int PresenceBit(string name) => _schemas.Count <= 64 ? _schemas.IndexOf(name) : -1;

    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        // A verdict may come in any order. Properties held to a const or an enum (such as the "type"
        // that tells the branches of a oneOf apart) reject a wrong value soonest, so they go first.
        if (!report)
        {
            _selective ??= Selective(schemas);
            foreach ((byte[] name, SchemaNode schema) in _selective)
            {
                if (e.TryGetProperty(instance, name, out JsonElement value) && !e.ApplyToMember(Name, schema, value, report: false))
                {
                    return false;
                }
            }
        }

        bool valid = true;
        ulong present = 0;
        foreach (JsonProperty property in instance.EnumerateObject())
        {
            int index = _schemas.IndexOf(property);
            if (index < 0)
            {
                continue;
            }

            present |= 1UL << index; // (shifts wrap past 64 names: then no sibling reads the mask)
            e.Push(property, report);
            bool ok = e.ApplyToMember(Name, _schemas.ValueAt(index), property.Value, report);
            e.Pop(report);
            evaluated?.AddProperty(property.Name);
            if (!ok)
            {
                valid = false;
                if (!report)
                {
                    return false;
                }
            }
        }

        // Which of the named properties the object has, for the required and dependentRequired that follow
        // in this schema object: they need not look the names up again.
        e.SetPresence(this, present);
        return valid;
    }

    /// <summary>
    /// For a union's error report: null when the object has none of the properties held to a const or an
    /// enum here, else whether it satisfies every one of them that it has.
    /// </summary>
    public bool? Selects(Evaluator e, JsonElement instance)
    {
        _selective ??= Selective(schemas);
        bool? result = null;
        foreach ((byte[] name, SchemaNode schema) in _selective)
        {
            if (e.TryGetProperty(instance, name, out JsonElement value))
            {
                if (!e.ApplyToMember(Name, schema, value, report: false))
                {
                    return false;
                }

                result = true;
            }
        }

        return result;
    }

    /// <summary>The properties whose schema has a const or an enum of its own (their schemas are compiled by now).</summary>
    private static (byte[] Name, SchemaNode Schema)[] Selective(Dictionary<string, SchemaNode> schemas) =>
        schemas.Where(static p => p.Value.CompiledKeywords.Any(static k => k is ConstKeyword or EnumKeyword))
            .Select(static p => (Encoding.UTF8.GetBytes(p.Key), p.Value))
            .ToArray();
}

internal sealed class PatternPropertiesKeyword((Regex Pattern, SchemaNode Schema)[] schemas) : PropertyApplicator("patternProperties")
{
    protected override IEnumerable<SchemaNode> SchemasFor(string property, Evaluated? evaluated)
    {
        foreach ((Regex pattern, SchemaNode schema) in schemas)
        {
            if (pattern.IsMatch(property))
            {
                yield return schema;
            }
        }
    }
}

internal sealed class AdditionalPropertiesKeyword(SchemaNode schema, HashSet<string> named, Regex[] patterns) : Keyword("additionalProperties")
{
    private readonly Utf8NameMap<bool> _named = new(named.ToDictionary(static n => n, static _ => true, StringComparer.Ordinal));

    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        bool valid = true;
        foreach (JsonProperty property in instance.EnumerateObject())
        {
            if (_named.TryGetValue(property, out _) || (patterns.Length > 0 && MatchesPattern(property.Name)))
            {
                continue;
            }

            e.Push(property, report);
            bool ok = e.ApplyToMember(Name, schema, property.Value, report);
            e.Pop(report);
            evaluated?.AddProperty(property.Name);
            if (!ok)
            {
                valid = false;
                if (!report)
                {
                    return false;
                }
            }
        }

        return valid;
    }

    private bool MatchesPattern(string name)
    {
        foreach (Regex pattern in patterns)
        {
            if (pattern.IsMatch(name))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class UnevaluatedPropertiesKeyword(SchemaNode schema) : PropertyApplicator("unevaluatedProperties")
{
    protected override IEnumerable<SchemaNode> SchemasFor(string property, Evaluated? evaluated) =>
        evaluated is not null && evaluated.HasProperty(property) ? Array.Empty<SchemaNode>() : new[] { schema };
}

internal sealed class PropertyNamesKeyword(SchemaNode schema) : Keyword("propertyNames")
{
    private static byte[] JsonStringBytes(string value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(value.Length + 2);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        bool valid = true;
        foreach (JsonProperty property in instance.EnumerateObject())
        {
            // The name as a JSON string instance, written (and so escaped) by System.Text.Json itself.
            using JsonDocument name = JsonDocument.Parse(JsonStringBytes(property.Name));
            e.Push(property.Name, report);
            bool ok = e.ApplyToMember(Name, schema, name.RootElement, report);
            e.Pop(report);
            if (!ok)
            {
                valid = false;
                if (!report)
                {
                    return false;
                }
            }
        }

        return valid;
    }
}

/// <summary>Shared walk of an array's items for prefixItems, items, unevaluatedItems.</summary>
internal abstract class ItemApplicator(string name) : Keyword(name)
{
    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        bool valid = true;
        int index = 0;
        foreach (JsonElement item in instance.EnumerateArray())
        {
            SchemaNode? schema = SchemaFor(index, evaluated);
            if (schema is not null)
            {
                e.Push(index, report);
                bool ok = e.ApplyToMember(Name, schema, item, report);
                e.Pop(report);
                Record(index, evaluated);
                if (!ok)
                {
                    valid = false;
                    if (!report)
                    {
                        return false;
                    }
                }
            }

            index++;
        }

        return valid;
    }

    protected abstract SchemaNode? SchemaFor(int index, Evaluated? evaluated);

    protected virtual void Record(int index, Evaluated? evaluated)
    {
        if (evaluated is not null)
        {
            evaluated.ItemPrefix = Math.Max(evaluated.ItemPrefix, index + 1);
        }
    }
}

internal sealed class PrefixItemsKeyword(List<SchemaNode> schemas) : ItemApplicator("prefixItems")
{
    protected override SchemaNode? SchemaFor(int index, Evaluated? evaluated) => index < schemas.Count ? schemas[index] : null;
}

internal sealed class ItemsKeyword(SchemaNode schema, int prefixCount) : ItemApplicator("items")
{
    protected override SchemaNode? SchemaFor(int index, Evaluated? evaluated) => index >= prefixCount ? schema : null;

    protected override void Record(int index, Evaluated? evaluated)
    {
        if (evaluated is not null)
        {
            evaluated.AllItems = true;
        }
    }
}

internal sealed class UnevaluatedItemsKeyword(SchemaNode schema) : ItemApplicator("unevaluatedItems")
{
    protected override SchemaNode? SchemaFor(int index, Evaluated? evaluated) => evaluated is not null && evaluated.HasItem(index) ? null : schema;

    protected override void Record(int index, Evaluated? evaluated)
    {
        if (evaluated is not null)
        {
            evaluated.AllItems = true;
        }
    }
}

internal sealed class ContainsKeyword(SchemaNode schema, double minContains, double maxContains) : Keyword("contains")
{
    private readonly string _tooFew = minContains == 1
        ? "must contain an item that matches the 'contains' schema."
        : "must contain at least " + minContains.ToString(CultureInfo.InvariantCulture) + " items that match the 'contains' schema.";
    private readonly string _tooMany = "must contain at most " + maxContains.ToString(CultureInfo.InvariantCulture) + " items that match the 'contains' schema.";

    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        int matches = 0;
        int index = 0;
        foreach (JsonElement item in instance.EnumerateArray())
        {
            if (e.ApplyToMember(Name, schema, item, report: false))
            {
                matches++;
                if (evaluated is not null)
                {
                    (evaluated.Items ??= new HashSet<int>()).Add(index);
                }
            }

            index++;
        }

        if (matches < minContains)
        {
            return Fail(e, report, _tooFew);
        }

        return matches <= maxContains || Fail(e, report, _tooMany);
    }
}

/// <summary>Reads JSON strings and property names as the UTF-8 the document holds, without making strings.</summary>
internal static class Utf8Text
{
    /// <summary>Strings up to this many UTF-8 bytes are decoded on the stack.</summary>
    public const int StackLimit = 256;

    /// <summary>The UTF-8 of a string value when it has no escape sequence (then it is the value itself).</summary>
    public static bool TryGetUnescaped(JsonElement value, out ReadOnlySpan<byte> utf8) =>
        TryStrip(JsonMarshal.GetRawUtf8Value(value), out utf8);

    /// <summary>The UTF-8 of a property name when it has no escape sequence.</summary>
    public static bool TryGetUnescaped(JsonProperty property, out ReadOnlySpan<byte> utf8) =>
        TryStrip(JsonMarshal.GetRawUtf8PropertyName(property), out utf8);

    /// <summary>Code points in valid UTF-8: every byte that does not continue a sequence starts one.</summary>
    public static int CodePointCount(ReadOnlySpan<byte> utf8)
    {
        int count = 0;
        foreach (byte b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Matches a string value, decoded on the stack when it is short and has no escapes.</summary>
    public static bool IsMatch(Regex regex, JsonElement value)
    {
        if (TryGetUnescaped(value, out ReadOnlySpan<byte> utf8) && utf8.Length <= StackLimit)
        {
            // Only as many chars as there are bytes (a UTF-8 byte never decodes to more than one char):
            // the stack memory is cleared first, so it is worth keeping small.
            Span<char> chars = stackalloc char[utf8.Length];
            int length = Encoding.UTF8.GetChars(utf8, chars);
            return regex.IsMatch(chars[..length]);
        }

        return regex.IsMatch(value.GetString()!);
    }

    /// <summary>A raw string or name without its quotes (if it has them).</summary>
    public static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> raw) =>
        raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"' ? raw[1..^1] : raw;

    private static bool TryStrip(ReadOnlySpan<byte> raw, out ReadOnlySpan<byte> utf8)
    {
        // Raw strings come with their quotes; an escape (a backslash) means the text is not the value.
        if (raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        utf8 = raw;
        return raw.IndexOf((byte)'\\') < 0;
    }
}

/// <summary>
/// A map by property name that looks up an instance's property names as the UTF-8 the document holds,
/// without decoding them or making strings: a small hash table over the names' UTF-8 bytes. Names
/// written with escapes are looked up by their decoded string.
/// </summary>
internal sealed class Utf8NameMap<T>
{
    private readonly Dictionary<string, int> _indexes;
    private readonly byte[][] _keys;
    private readonly T[] _values;
    private readonly int[] _next;
    private readonly int[] _buckets;
    private readonly int _mask;

    // True when a name has a backslash: then a raw (escaped) name that equals its bytes is not that name.
    private readonly bool _backslash;

    public Utf8NameMap(Dictionary<string, T> map)
    {
        _indexes = new Dictionary<string, int>(map.Count, StringComparer.Ordinal);
        _keys = new byte[map.Count][];
        _values = new T[map.Count];
        _next = new int[map.Count];
        int size = 4;
        while (size < map.Count * 2)
        {
            size *= 2;
        }

        _buckets = new int[size];
        _mask = size - 1;
        int i = 0;
        foreach (KeyValuePair<string, T> entry in map)
        {
            _indexes.Add(entry.Key, i);
            _keys[i] = Encoding.UTF8.GetBytes(entry.Key);
            _backslash |= entry.Key.Contains('\\', StringComparison.Ordinal);
            _values[i] = entry.Value;
            int bucket = Hash(_keys[i]) & _mask;
            _next[i] = _buckets[bucket] - 1;
            _buckets[bucket] = i + 1;
            i++;
        }
    }

    /// <summary>How many names the map holds; entries are numbered from 0 in the order they were given.</summary>
    public int Count => _keys.Length;

    /// <summary>The entry number of <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _indexes.TryGetValue(name, out int index) ? index : -1;

    public bool TryGetValue(JsonProperty property, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value)
    {
        int index = IndexOf(property);
        if (index < 0)
        {
            value = default;
            return false;
        }

        value = _values[index];
        return true;
    }

    /// <summary>The entry number of the property's name, or -1.</summary>
    public int IndexOf(JsonProperty property)
    {
        ReadOnlySpan<byte> raw = Utf8Text.Unquote(JsonMarshal.GetRawUtf8PropertyName(property));
        if (!_backslash)
        {
            // The name as written in the document: when it equals a name of the map, it has no escape
            // (no name here has a backslash), so it is that name.
            for (int i = _buckets[Hash(raw) & _mask] - 1; i >= 0; i = _next[i])
            {
                if (raw.SequenceEqual(_keys[i]))
                {
                    return i;
                }
            }

            // Not found as written: it may still be one of the names written with escapes.
            return raw.IndexOf((byte)'\\') < 0 ? -1 : IndexOf(property.Name);
        }

        if (!Utf8Text.TryGetUnescaped(property, out ReadOnlySpan<byte> utf8))
        {
            return IndexOf(property.Name);
        }

        for (int i = _buckets[Hash(utf8) & _mask] - 1; i >= 0; i = _next[i])
        {
            if (utf8.SequenceEqual(_keys[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public T ValueAt(int index) => _values[index];

    /// <summary>
    /// A hash of the length and the first and last eight bytes (names are short): a few multiplications
    /// whatever the length. Names alike there share a bucket, and are told apart by their bytes.
    /// </summary>
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        ulong first;
        ulong last;
        if (utf8.Length >= 8)
        {
            first = MemoryMarshal.Read<ulong>(utf8);
            last = MemoryMarshal.Read<ulong>(utf8[^8..]);
        }
        else if (utf8.Length >= 4)
        {
            first = MemoryMarshal.Read<uint>(utf8);
            last = MemoryMarshal.Read<uint>(utf8[^4..]);
        }
        else
        {
            first = utf8.Length > 0 ? utf8[0] : 0u;
            last = utf8.Length > 1 ? (ulong)utf8[^1] << 8 | utf8[1] : 0u;
        }

        ulong hash = (first * 0x9E3779B97F4A7C15UL) ^ ((last + (ulong)utf8.Length) * 0xC2B2AE3D27D4EB4FUL);
        return (int)(hash >> 32) ^ (int)hash;
    }
}
