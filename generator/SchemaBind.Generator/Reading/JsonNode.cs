using System.Globalization;

namespace SchemaBind.Generator.Reading;

/// <summary>
/// A JSON value read from a schema file, with the character offsets it spans in the text.
/// Lives only inside the parse step: it never crosses a pipeline boundary.
/// </summary>
internal abstract class JsonNode
{
    protected JsonNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    /// <summary>Whether two JSON values are equal as JSON Schema compares them (numbers by value, objects in any order).</summary>
    public static bool SameValue(JsonNode a, JsonNode b) => (a, b) switch
    {
        (JsonString x, JsonString y) => x.Value == y.Value,
        (JsonNumber x, JsonNumber y) => decimal.TryParse(x.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal dx)
            && decimal.TryParse(y.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal dy) ? dx == dy : x.Raw == y.Raw,
        (JsonBoolean x, JsonBoolean y) => x.Value == y.Value,
        (JsonNull, JsonNull) => true,
        (JsonArray x, JsonArray y) => x.Items.Length == y.Items.Length && x.Items.Zip(y.Items, SameValue).All(static same => same),
        (JsonObject x, JsonObject y) => x.Properties.Length == y.Properties.Length
            && x.Properties.All(p => y.Get(p.Name) is JsonNode other && SameValue(p.Value, other)),
        _ => false,
    };

    /// <summary>Offset of the first character of the value.</summary>
    public int Start { get; }

    /// <summary>Offset just past the last character of the value.</summary>
    public int End { get; }

    public abstract JsonKind Kind { get; }

    /// <summary>
    /// A node is equal only to itself (the parser keeps sets and maps of schema objects by identity), hashed by the
    /// offsets it spans: the runtime's identity hash, made on the first lookup of each object, took 4% of the parse
    /// of an 11 MB document. Nodes at the same offsets (a rewritten copy of an older dialect's node) only share a bucket.
    /// </summary>
    public override int GetHashCode() => unchecked((Start * 397) ^ End);

    /// <summary>A JSON-ish name of the kind, for diagnostics ("an object", "a string").</summary>
    public string KindDisplay => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Boolean => "a boolean",
        _ => "null",
    };
}

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

internal sealed class JsonObject : JsonNode
{
    public JsonObject(int start, int end, JsonProperty[] properties)
        : base(start, end)
    {
        Properties = properties;
        foreach (JsonProperty property in properties)
        {
            _nameBits |= NameBit(property.Name);
        }
    }

    /// <summary>Objects with more properties than this get an index by name on their first lookup.</summary>
    private const int MaxScanned = 8;

    // One bit per property name (see NameBit): most lookups ask for a keyword the schema does not
    // have, and this answers them without comparing names.
    private readonly ulong _nameBits;

    // By name, the last property with that name; built on first lookup of a large object
    // (components/schemas, paths): a scan there made resolving every $ref linear in the document.
    private Dictionary<string, JsonProperty>? _byName;

    /// <summary>The properties in document order; never changed after parsing.</summary>
    public JsonProperty[] Properties { get; }

    public override JsonKind Kind => JsonKind.Object;

    /// <summary>The last property with this name (JSON's usual "last one wins"), or null.</summary>
    public JsonProperty? Find(string name)
    {
        if ((_nameBits & NameBit(name)) == 0)
        {
            return null;
        }

        JsonProperty[] properties = Properties;
        if (properties.Length <= MaxScanned)
        {
            for (int i = properties.Length - 1; i >= 0; i--)
            {
                if (properties[i].Name == name)
                {
                    return properties[i];
                }
            }

            return null;
        }

        Dictionary<string, JsonProperty>? byName = _byName;
        if (byName is null)
        {
            byName = new Dictionary<string, JsonProperty>(properties.Length, System.StringComparer.Ordinal);
            foreach (JsonProperty property in properties)
            {
                byName[property.Name] = property;
            }

            _byName = byName;
        }

        return byName.TryGetValue(name, out JsonProperty found) ? found : null;
    }

    public JsonNode? Get(string name) => Find(name)?.Value;

    /// <summary>A bit out of 64 for a name, from its length and its first and last chars.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong NameBit(string name) =>
        name.Length == 0 ? 1UL : 1UL << ((name.Length * 7 + name[0] + (name[name.Length - 1] * 3)) & 63);
}

/// <summary>
/// A member of a JSON object: kept in the object's array as a value, not an object of its own (a schema file has
/// thousands). Two are equal when they are the same member of the same document.
/// </summary>
internal readonly struct JsonProperty : System.IEquatable<JsonProperty>
{
    public JsonProperty(string name, int nameStart, int nameEnd, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameEnd = nameEnd;
        Value = value;
    }

    public string Name { get; }

    /// <summary>Offset of the opening quote of the name.</summary>
    public int NameStart { get; }

    /// <summary>Offset just past the closing quote of the name.</summary>
    public int NameEnd { get; }

    public JsonNode Value { get; }

    public bool Equals(JsonProperty other) => ReferenceEquals(Value, other.Value) && NameStart == other.NameStart;

    public override bool Equals(object? obj) => obj is JsonProperty other && Equals(other);

    public override int GetHashCode() => NameStart;
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(int start, int end, JsonNode[] items)
        : base(start, end)
    {
        Items = items;
    }

    /// <summary>The items in document order; never changed after parsing.</summary>
    public JsonNode[] Items { get; }

    /// <summary>
    /// This array with each item replaced by what <paramref name="map"/> makes of it; the array itself when every
    /// item comes back unchanged, so that rewriting a tree copies only the paths that change.
    /// </summary>
    public JsonArray Map(System.Func<JsonNode, JsonNode> map)
    {
        JsonNode[]? changed = null;
        for (int i = 0; i < Items.Length; i++)
        {
            JsonNode item = map(Items[i]);
            if (!ReferenceEquals(item, Items[i]))
            {
                changed ??= (JsonNode[])Items.Clone();
                changed[i] = item;
            }
        }

        return changed is null ? this : new JsonArray(Start, End, changed);
    }

    public override JsonKind Kind => JsonKind.Array;
}

internal sealed class JsonString : JsonNode
{
    public JsonString(int start, int end, string value)
        : base(start, end)
    {
        Value = value;
    }

    public string Value { get; }

    public override JsonKind Kind => JsonKind.String;
}

internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(int start, int end, string raw)
        : base(start, end)
    {
        Raw = raw;
    }

    /// <summary>The number exactly as written, so big and decimal values lose nothing.</summary>
    public string Raw { get; }

    public override JsonKind Kind => JsonKind.Number;

    public bool IsInteger => Raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
}

internal sealed class JsonBoolean : JsonNode
{
    public JsonBoolean(int start, int end, bool value)
        : base(start, end)
    {
        Value = value;
    }

    public bool Value { get; }

    public override JsonKind Kind => JsonKind.Boolean;
}

internal sealed class JsonNull : JsonNode
{
    public JsonNull(int start, int end)
        : base(start, end)
    {
    }

    public override JsonKind Kind => JsonKind.Null;
}
