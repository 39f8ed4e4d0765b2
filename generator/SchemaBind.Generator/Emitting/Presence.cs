namespace SchemaBind.Generator.Emitting;

/// <summary>
/// The members of a record that remember whether they were set (<see cref="PropertySpec.TracksPresence"/>: optional, and
/// their schema allows null), so that <c>new Patch()</c> leaves <c>"name"</c> out and <c>new Patch { Name = null }</c> sends
/// <c>"name": null</c>.
/// </summary>
/// <remarks>
/// Each such member has a backing field, an <c>init</c> accessor that also sets the member's bit in a private
/// <c>uint</c> (32 members a field), and a public <c>NameSpecified</c> that reads the bit. The bits are fields of the
/// record, so the compiler's <c>with</c>, <c>Equals</c> and <c>GetHashCode</c> carry and compare them; reading JSON sets the
/// bits of the members it found, so a read-then-write round trip keeps "null" and "left out" apart. Members that are
/// optional but may not be null keep their auto-property: for them null and absent mean the same, and nothing is added.
/// </remarks>
internal sealed class Presence
{
    private readonly Dictionary<string, int> _bitByMember;
    private readonly Dictionary<string, string> _companionByMember;

    private Presence(List<PropertySpec> tracked, Dictionary<string, string> companions, string field)
    {
        Tracked = tracked;
        _companionByMember = companions;
        _bitByMember = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (int i = 0; i < tracked.Count; i++)
        {
            _bitByMember.Add(tracked[i].Name, i);
        }

        FieldBase = field;
    }

    /// <summary>The tracked members, in the order of the record's members (bit i of the bits is member i).</summary>
    public List<PropertySpec> Tracked { get; }

    /// <summary>The name of the first field of bits; the next ones add 1, 2, ...</summary>
    private string FieldBase { get; }

    /// <summary>How many <c>uint</c> fields hold the bits.</summary>
    public int FieldCount => FieldsFor(Tracked.Count);

    private static int FieldsFor(int members) => (members + 31) / 32;

    /// <summary>The presence of a record's members, or null when none of them tracks it (the common case: nothing is emitted).</summary>
    public static Presence? Of(ObjectSpec type)
    {
        List<PropertySpec>? tracked = null;
        foreach (PropertySpec property in type.Properties)
        {
            if (property.TracksPresence)
            {
                (tracked ??= new List<PropertySpec>()).Add(property);
            }
        }

        if (tracked is null)
        {
            return null;
        }

        // NameSpecified (the name XmlSerializer and Json.NET give a member that says whether Name is in the document), unless
        // the record has a member of that name already: then NameSpecified2, 3, ...
        var taken = new HashSet<string>(Parsing.Names.ReservedMemberNames, System.StringComparer.Ordinal) { type.Name };
        foreach (PropertySpec property in type.Properties)
        {
            taken.Add(property.Name);
            if (property.ConstValue is not null)
            {
                taken.Add(property.Name + "Value");
            }
        }

        if (type.AdditionalProperties is PropertySpec extras)
        {
            taken.Add(extras.Name);
        }

        var companions = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var backingFields = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (PropertySpec property in tracked)
        {
            string companion = property.Name + "Specified";
            for (int n = 2; taken.Contains(companion); n++)
            {
                companion = property.Name + "Specified" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(companion);
            companions.Add(property.Name, companion);
            backingFields.Add(CSharp.Local(property.Name));
        }

        // The bits' fields are _specified, _specified1, ...; a backing field (_name of Name) never has a second '_', so
        // one added on a clash (a member named Specified) cannot clash again.
        string field = "_specified";
        while (Clashes(field, FieldsFor(tracked.Count), backingFields))
        {
            field += "_";
        }

        return new Presence(tracked, companions, field);
    }

    private static bool Clashes(string field, int count, HashSet<string> backingFields)
    {
        for (int i = 0; i < count; i++)
        {
            if (backingFields.Contains(FieldName(field, i)))
            {
                return true;
            }
        }

        return false;
    }

    private static string FieldName(string field, int index) => index == 0 ? field : field + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The name of the <paramref name="index"/>th field of bits.</summary>
    public string Field(int index) => FieldName(FieldBase, index);

    /// <summary>True when the member tracks its presence.</summary>
    public bool Tracks(PropertySpec property) => _bitByMember.ContainsKey(property.Name);

    /// <summary>The public member that says whether the member was set (<c>NameSpecified</c>), or null when it does not track it.</summary>
    public string? Companion(string memberName) => _companionByMember.TryGetValue(memberName, out string? companion) ? companion : null;

    /// <summary>The field of bits that holds the member's bit.</summary>
    public string FieldOf(PropertySpec property) => Field(_bitByMember[property.Name] / 32);

    /// <summary>
    /// The rules with "is present" and "is absent" of a tracked member asked of its <c>NameSpecified</c>, not of its value:
    /// a member set to null is written, so for JSON Schema (<c>required</c>, <c>dependentRequired</c>) it is present.
    /// </summary>
    public EquatableArray<RuleSpec> Rewrite(EquatableArray<RuleSpec> rules) =>
        rules.IsEmpty ? rules : rules.Select(r => r with { Condition = Rewrite(r.Condition), Then = Rewrite(r.Then), Else = Rewrite(r.Else) }).ToEquatableArray();

    private ConditionSpec Rewrite(ConditionSpec condition) => condition.Kind switch
    {
        ConditionKind.Present or ConditionKind.Absent when condition.Member is string member && Companion(member) is string companion =>
            new ConditionSpec(ConditionKind.Equals, companion, condition.Kind == ConditionKind.Present ? "true" : "false", OperandKind: ValueKind.Boolean),
        _ when !condition.Parts.IsEmpty => condition with { Parts = condition.Parts.Select(Rewrite).ToEquatableArray() },
        _ => condition,
    };

    /// <summary>The member's bit in its field: <c>1u &lt;&lt; 3</c>.</summary>
    public string Bit(PropertySpec property) => "1u << " + (_bitByMember[property.Name] % 32).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
