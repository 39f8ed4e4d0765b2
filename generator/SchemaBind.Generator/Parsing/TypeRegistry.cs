using System.Globalization;
using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Parsing;

/// <summary>A schema that gets a C# type of its own: the type's name, its kind (object, enum, union) and the schema.</summary>
internal readonly record struct NamedType(string Name, ValueKind Kind, JsonObject Schema);

/// <summary>
/// The types of one document by the JSON Pointer of their schema, and the C# names taken in its namespace: a named
/// component schema, a <c>$defs</c> entry or an inline object/enum is registered once, under one pointer, and found
/// again by the pointer (a <c>$ref</c>) or by its schema object (meeting the schema again needs no pointer text).
/// </summary>
internal sealed class TypeRegistry
{
    // Pointer → the type; iterated in the order types were registered (a pointer registered again keeps its place).
    private readonly Dictionary<string, NamedType> _byPointer = new(StringComparer.Ordinal);

    // The pointer each schema object with a type of its own was registered under (the reverse of _byPointer).
    private readonly Dictionary<JsonObject, string> _pointerBySchema = new();

    // C# type name → the schema name it was made from, to say which schemas a name collision is between.
    private readonly Dictionary<string, string> _schemaNameByTypeName = new(StringComparer.Ordinal);

    /// <param name="takenNames">The C# names taken in the document's namespace, which the client's classes take theirs from too.</param>
    public TypeRegistry(HashSet<string> takenNames) => TakenNames = takenNames;

    /// <summary>The C# names taken in the document's namespace (types, enum helper classes, the client's classes).</summary>
    public HashSet<string> TakenNames { get; }

    /// <summary>The registered types by pointer, in the order they were registered.</summary>
    public IEnumerable<KeyValuePair<string, NamedType>> All => _byPointer;

    public NamedType this[string pointer] => _byPointer[pointer];

    public bool Contains(string pointer) => _byPointer.ContainsKey(pointer);

    public bool TryGet(string pointer, out NamedType type) => _byPointer.TryGetValue(pointer, out type);

    /// <summary>The pointer the schema object was registered under, when it has a type of its own.</summary>
    public bool TryGetPointer(JsonObject schema, out string pointer) => _pointerBySchema.TryGetValue(schema, out pointer!);

    /// <summary>Records the type <paramref name="name"/> for the schema at <paramref name="pointer"/>, found again by either.</summary>
    public void Add(string pointer, string name, ValueKind kind, JsonObject schema)
    {
        _byPointer[pointer] = new NamedType(name, kind, schema);
        _pointerBySchema[schema] = pointer;
    }

    /// <summary>
    /// The type name for <paramref name="wanted"/> (see <see cref="Names.Claim"/>); an enum also takes the name of
    /// its helper class, <c>&lt;Name&gt;Json</c>, so that no schema's type takes it.
    /// </summary>
    public string Claim(string wanted, ValueKind kind)
    {
        string name = Names.Claim(wanted, TakenNames, Names.ReservedTypeNames);
        if (kind != ValueKind.Enum)
        {
            return name;
        }

        if (TakenNames.Contains(name + "Json"))
        {
            TakenNames.Remove(name);
            string stem = name;
            for (int n = 2; TakenNames.Contains(name) || TakenNames.Contains(name + "Json"); n++)
            {
                name = stem + n.ToString(CultureInfo.InvariantCulture);
            }

            TakenNames.Add(name);
        }

        TakenNames.Add(name + "Json");
        return name;
    }

    /// <summary>Notes that the C# type <paramref name="typeName"/> was made from the schema named <paramref name="schemaName"/>.</summary>
    public void NoteSchemaName(string typeName, string schemaName) => _schemaNameByTypeName[typeName] = schemaName;

    /// <summary>The schema name the C# type <paramref name="typeName"/> was made from, if a registered schema took it.</summary>
    public bool TryGetSchemaName(string typeName, out string schemaName) => _schemaNameByTypeName.TryGetValue(typeName, out schemaName!);
}
