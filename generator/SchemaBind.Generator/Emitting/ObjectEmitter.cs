using SchemaBind.Runtime.Internal;

namespace SchemaBind.Generator.Emitting;

/// <summary>
/// Emits a record: its members, equality, validation and JSON reading and writing. One instance per type holds what its
/// members share (the writer, the type, its presence bits and the regex fields its checks name) instead of each method
/// taking them again.
/// </summary>
internal sealed class ObjectEmitter
{
    private readonly SourceWriter _w;
    private readonly ObjectSpec _type;
    private readonly string _documentClass;
    private readonly Presence? _presence;

    /// <summary>The distinct patterns the checks use, in order: written as the type's <c>s_pattern{i}</c> fields.</summary>
    private readonly List<string> _patterns = new List<string>();

    private ObjectEmitter(SourceWriter w, ObjectSpec type, string documentClass, Presence? presence)
    {
        _w = w;
        _type = type;
        _documentClass = documentClass;
        _presence = presence;
    }

    /// <summary>Writes the record of <paramref name="type"/>.</summary>
    public static void Emit(SourceWriter w, ObjectSpec type, string documentClass, string @namespace)
    {
        // A property named like the document class would be found in JsonSchema's initializer.
        string document = HasMember(type, documentClass) ? "global::" + @namespace + "." + documentClass : documentClass;
        Presence? presence = Presence.Of(type);
        new ObjectEmitter(w, QualifiedTypes(type, @namespace, presence), document, presence).EmitRecord();
    }

    /// <summary>The object with the types its members name written in full where a member of it hides them (see <see cref="CSharp.Qualified"/>).</summary>
    private static ObjectSpec QualifiedTypes(ObjectSpec type, string @namespace, Presence? presence)
    {
        // One set per thread, refilled type after type: most types hide nothing, and cost no allocation here.
        HashSet<string> hiding = t_hiding ??= new HashSet<string>(System.StringComparer.Ordinal);
        hiding.Clear();
        foreach (PropertySpec property in type.Properties)
        {
            CSharp.AddHiding(hiding, property.Name, property.ConstValue is null ? property.Value : null);
            if (property.ConstValue is not null)
            {
                hiding.Add(property.Name + "Value");
            }
        }

        if (type.AdditionalProperties is PropertySpec extras)
        {
            hiding.Add(extras.Name);
        }

        if (presence is not null)
        {
            foreach (PropertySpec property in presence.Tracked)
            {
                hiding.Add(presence.Companion(property.Name)!);
            }
        }

        bool hidden = type.AdditionalProperties is PropertySpec additional && CSharp.IsHidden(additional.Value, hiding);
        foreach (PropertySpec property in type.Properties)
        {
            hidden |= CSharp.IsHidden(property.Value, hiding);
        }

        if (!hidden)
        {
            return type;
        }

        return type with
        {
            Properties = type.Properties.Select(p => p with { Value = CSharp.Qualified(p.Value, hiding, @namespace) }).ToEquatableArray(),
            AdditionalProperties = type.AdditionalProperties is PropertySpec a ? a with { Value = CSharp.Qualified(a.Value, hiding, @namespace) } : null,
        };
    }

    [System.ThreadStatic]
    private static HashSet<string>? t_hiding;

    private static bool HasMember(ObjectSpec type, string name)
    {
        foreach (PropertySpec property in type.Properties)
        {
            if (property.Name == name)
            {
                return true;
            }
        }

        return type.AdditionalProperties?.Name == name;
    }

    private void EmitRecord()
    {
        UnionMembership? union = _type.Union;
        string name = _type.Name;

        // [Obsolete] members warn where users' code uses them; the type's own code (reading, writing,
        // comparing and validating every member) is kept quiet, in this file only. CS9042: a member that is
        // both required and deprecated is what the schema says, so users are told when they set it.
        bool deprecated = _type.Properties.Any(static p => p.Deprecated && p.ConstValue is null);
        if (deprecated)
        {
            _w.Line("#pragma warning disable CS0618, CS9042 // the schema deprecates members this type's own code still reads and writes");
        }

        CSharp.DocComment(_w, "summary", _type.Description, "The " + CSharp.Xml(name) + " schema.");
        _w.Line(CSharp.GeneratedCodeAttribute);
        _w.Line(TypeEmitter.ConverterAttribute(name));
        // A record that reads itself in a constructor (see EmitReading) declares its parameterless constructor as an empty
        // primary constructor: that constructor, implicit before, stays, with no docs of its own to write.
        string primary = ReadsInConstructor ? "()" : string.Empty;
        // A union's case derives from the union; any other record from the runtime's base record, which holds the members
        // every record has the same (TypeEmitter.RecordBase).
        _w.OpenBlock($"public sealed partial record {name}{primary} : {union?.BaseTypeName ?? TypeEmitter.RecordBase(_type, name)}, {TypeEmitter.Models(_type, name)}");
        if (_presence is not null)
        {
            _w.Line("// Which members that may be null were set or read (their ...Specified): those are written, null too.");
            for (int i = 0; i < _presence.FieldCount; i++)
            {
                _w.Line($"private uint {_presence.Field(i)};");
            }

            _w.Line();
        }


        // Properties. The discriminator (and any other const) is not settable: it is always right.
        bool first = true;
        foreach (PropertySpec property in _type.Properties)
        {
            if (!first)
            {
                _w.Line();
            }

            first = false;
            if (property.ConstValue is not null)
            {
                bool isDiscriminator = union is not null && property.JsonName == union.DiscriminatorJsonName;
                _w.Line($"/// <summary>The value of <c>{CSharp.Xml(property.JsonName)}</c> for this type: always <c>{CSharp.Xml(property.ConstValue)}</c>.</summary>");
                _w.Line($"public const string {property.Name}Value = {CSharp.Quote(property.ConstValue)};");
                _w.Line();
                CSharp.DocComment(_w, "summary", property.Description, "Always <c>" + CSharp.Xml(property.ConstValue) + "</c>; set automatically.");
                _w.Line($"public {(isDiscriminator ? "override " : string.Empty)}string {property.Name} => {property.Name}Value;");
                continue;
            }

            if (string.IsNullOrWhiteSpace(property.Description))
            {
                _w.Line($"/// <summary>The <c>{CSharp.Xml(property.JsonName)}</c> property.</summary>");
            }
            else
            {
                CSharp.DocComment(_w, "summary", property.Description, string.Empty);
            }

            if (property.Deprecated)
            {
                _w.Line($"[global::System.Obsolete({CSharp.Quote("The schema marks '" + property.JsonName + "' as deprecated.")})]");
            }

            foreach (string attribute in CSharp.ConstraintAttributes(property.Value))
            {
                _w.Line(attribute);
            }

            if (_presence is not null && _presence.Tracks(property))
            {
                EmitTrackedProperty(property, _presence);
                continue;
            }

            _w.Line($"public {(property.Required ? "required " : string.Empty)}{CSharp.TypeName(property.Value, property.Value.Nullable || !property.Required)} {property.Name} {{ get; init; }}");
        }

        if (_type.AdditionalProperties is PropertySpec extras)
        {
            if (!_type.Properties.IsEmpty)
            {
                _w.Line();
            }

            _w.Line("/// <summary>The members the schema does not declare (<c>additionalProperties</c>), by name, in the order they were read; written after the declared ones.</summary>");
            _w.Line($"public {CSharp.TypeName(extras.Value, nullable: true)} {extras.Name} {{ get; init; }}");
        }

        if (!_type.Properties.IsEmpty || _type.AdditionalProperties is not null)
        {
            _w.Line();
        }

        EmitEquality();
        EmitValidation();
        _w.Line();
        TypeEmitter.EmitJsonSchemaMembers(_w, _type, _documentClass, caseOfUnion: union is not null);
        EmitSerialization();

        if (_patterns.Count > 0)
        {
            _w.Line();
            TypeEmitter.EmitPatternFields(_w, _patterns);
        }

        _w.CloseBlock();
        if (deprecated)
        {
            _w.Line("#pragma warning restore CS0618, CS9042");
        }
    }

    /// <summary>
    /// A member that may be null and is optional (see <see cref="Presence"/>): its getter reads a backing field, its
    /// <c>init</c> accessor also sets the member's bit, and <c>NameSpecified</c> reads the bit. The caller has written the
    /// member's docs and attributes; the companion gets the member's <c>[Obsolete]</c> too.
    /// </summary>
    private void EmitTrackedProperty(PropertySpec property, Presence presence)
    {
        string field = Local(property);
        string bits = presence.FieldOf(property);
        string bit = presence.Bit(property);
        _w.OpenBlock($"public {CSharp.TypeName(property.Value, nullable: true)} {property.Name}");
        _w.Line($"get => {field};");
        _w.OpenBlock("init");
        _w.Line($"{field} = value;");
        _w.Line($"{bits} |= {bit};");
        _w.CloseBlock();
        _w.CloseBlock();
        _w.Line();
        _w.Line($"private {CSharp.TypeName(property.Value, nullable: true)} {field};");
        _w.Line();
        _w.Line($"/// <summary>Whether <see cref=\"{property.Name}\"/> was set or read, to null too: then it is written, else left out.</summary>");
        if (property.Deprecated)
        {
            _w.Line($"[global::System.Obsolete({CSharp.Quote("The schema marks '" + property.JsonName + "' as deprecated.")})]");
        }

        _w.Line($"public bool {presence.Companion(property.Name)} => ({bits} & ({bit})) != 0;");
    }

    /// <summary>
    /// Records compare list and dictionary members by reference, and a Uri by an Equals that ignores its fragment; when a type has them, Equals and GetHashCode
    /// are written out so that two values with equal items are equal, as users of records expect.
    /// </summary>
    private void EmitEquality()
    {
        List<PropertySpec> members = _type.Properties.Where(static p => p.ConstValue is null).ToList();
        if (_type.AdditionalProperties is PropertySpec extras)
        {
            members.Add(extras);
        }

        if (!members.Any(static p => p.Value.Kind is ValueKind.Array or ValueKind.Map or ValueKind.Bytes or ValueKind.Uri))
        {
            return;
        }

        _w.Line("/// <summary>True when <paramref name=\"other\"/> has equal members: lists and dictionaries item by item, URIs and byte strings by their JSON text.</summary>");
        _w.OpenBlock($"public bool Equals({_type.Name}? other)");
        _w.OpenBlock("if (other is null)");
        _w.Line("return false;");
        _w.CloseBlock();
        _w.Line();
        _w.Line($"return ReferenceEquals(this, other) || ({(_type.Union is null ? "EqualityContract == other.EqualityContract" : "base.Equals(other)")}");
        _w.Indent();
        foreach (PropertySpec p in members)
        {
            switch (p.Value.Kind)
            {
                case ValueKind.Array or ValueKind.Bytes:
                    _w.Line($"&& {CSharp.GeneratedRuntime}SchemaEquality.SequenceEqual({p.Name}, other.{p.Name})");
                    break;
                case ValueKind.Map:
                    _w.Line($"&& {CSharp.GeneratedRuntime}SchemaEquality.DictionaryEqual({p.Name}, other.{p.Name})");
                    break;
                case ValueKind.Uri:
                    _w.Line($"&& {CSharp.GeneratedRuntime}SchemaEquality.UriEqual({p.Name}, other.{p.Name})");
                    break;
                case ValueKind.Double or ValueKind.Json:
                    // double: == says NaN differs from itself, Equals does not. JsonElement has no ==.
                    _w.Line($"&& global::System.Collections.Generic.EqualityComparer<{CSharp.TypeName(p.Value, p.Value.Nullable || !p.Required)}>.Default.Equals({p.Name}, other.{p.Name})");
                    break;
                default:
                    // Strings (ordinal), integers, booleans, enums, dates, GUIDs and generated records: == is their Equals.
                    _w.Line($"&& {p.Name} == other.{p.Name}");
                    break;
            }
        }

        for (int i = 0; i < (_presence?.FieldCount ?? 0); i++)
        {
            // Which members were set: "name": null and no "name" are different values.
            _w.Line($"&& {_presence!.Field(i)} == other.{_presence.Field(i)}");
        }

        _w.Line(");");
        _w.Unindent();
        _w.CloseBlock();
        _w.Line();
        _w.Line($"/// <summary>A hash code consistent with <see cref=\"Equals({_type.Name})\"/>.</summary>");
        _w.OpenBlock("public override int GetHashCode()");
        var values = new List<string> { "EqualityContract" };
        foreach (PropertySpec p in members)
        {
            string? hash = p.Value.Kind switch
            {
                ValueKind.Array or ValueKind.Bytes => "SequenceHashCode",
                ValueKind.Map => "DictionaryHashCode",
                ValueKind.Uri => "UriHashCode",
                _ => null,
            };
            values.Add(hash is null ? p.Name : $"{CSharp.GeneratedRuntime}SchemaEquality.{hash}({p.Name})");
        }

        for (int i = 0; i < (_presence?.FieldCount ?? 0); i++)
        {
            values.Add(_presence!.Field(i));
        }

        // HashCode.Combine takes eight values in one call (a call a member cost the user's build an invocation each);
        // more are combined eight at a time.
        const string combine = "global::System.HashCode.Combine(";
        if (values.Count <= 8)
        {
            _w.Line("return " + combine + string.Join(", ", values) + ");");
        }
        else
        {
            _w.Line("var hash = new global::System.HashCode();");
            for (int start = 0; start < values.Count; start += 8)
            {
                List<string> chunk = values.Skip(start).Take(8).ToList();
                _w.Line(chunk.Count == 1 ? $"hash.Add({chunk[0]});" : $"hash.Add({combine}{string.Join(", ", chunk)}));");
            }

            _w.Line("return hash.ToHashCode();");
        }

        _w.CloseBlock();
        _w.Line();
    }

    private void EmitValidation()
    {
        // Validate() is the base record's (it rents a context and calls this).
        _w.Line("/// <inheritdoc/>");
        _w.OpenBlock("public override void Validate(" + CSharp.Runtime + "ValidationContext context)");

        _w.Line("global::System.ArgumentNullException.ThrowIfNull(context);");
        if (_type.ValidatesJson)
        {
            _w.Line("int errorsBefore = context.ErrorCount;");
        }

        foreach (PropertySpec property in _type.Properties)
        {
            if (property.ConstValue is not null)
            {
                continue;
            }

            ValueSpec value = property.Value;
            bool mayBeNull = value.Nullable || !property.Required;
            if (property.Required && !value.Nullable && !value.IsValueType)
            {
                // 'required' makes the compiler demand a value, but null! still gets through.
                if (!ValueCode.NeedsValidation(value))
                {
                    _w.Line($"context.Required({property.Name}, {CSharp.Quote(property.JsonName)});");
                    continue;
                }

                if (IsModel(value))
                {
                    _w.Line($"context.RequiredMember({property.Name}, {CSharp.Quote(property.JsonName)});");
                    continue;
                }

                _w.OpenBlock($"if ({property.Name} is null)");
                _w.Line($"context.AddError(\"required\", {CSharp.Quote(ValidationMessages.Required(property.JsonName))});");
                _w.CloseBlock();
                if (ValueCode.NeedsValidation(value))
                {
                    _w.OpenBlock("else");
                    EmitPropertyChecks(property, property.Name);
                    _w.CloseBlock();
                }

                continue;
            }

            if (!ValueCode.NeedsValidation(value))
            {
                continue;
            }

            if (mayBeNull && IsModel(value))
            {
                _w.Line($"context.Member({property.Name}, {CSharp.Quote(property.JsonName)});");
            }
            else if (mayBeNull)
            {
                string local = Local(property);
                _w.OpenBlock($"if ({property.Name} is {{ }} {local})");
                EmitPropertyChecks(property, local);
                _w.CloseBlock();
            }
            else
            {
                EmitPropertyChecks(property, property.Name);
            }
        }

        if (_type.AdditionalProperties is PropertySpec extras && ValueCode.NeedsValidation(extras.Value))
        {
            _w.OpenBlock("if (" + extras.Name + " is { } " + Local(extras) + ")");
            ValueCode.ValidateEntries(_w, extras.Value.Items!, Local(extras), _patterns, 0);
            _w.CloseBlock();
        }

        RuleCode.Emit(_w, _presence is null ? _type.Rules : _presence.Rewrite(_type.Rules), _patterns);
        if (_type.ValidatesJson)
        {
            // Keywords the typed checks above cannot express (allOf, if/then, dependentRequired, ...)
            // are checked on the JSON form of this value, with the same error model.
            _w.Line(CSharp.GeneratedRuntime + "JsonValidation.AddErrors(context, errorsBefore, JsonSchema, this, WriteJson);");
        }

        _w.CloseBlock();
    }

    /// <summary>A generated type (object, union or choice): its own <c>Validate</c> is all there is to check.</summary>
    private static bool IsModel(ValueSpec value) => value.Kind == ValueKind.Object;

    private void EmitPropertyChecks(PropertySpec property, string expression)
    {
        ValueSpec value = ValueCode.NonNull(property.Value);
        if (value.Kind == ValueKind.Enum && !value.IsFormattedString)
        {
            // One call: the location pushed, the check, the location popped.
            _w.Line($"{CSharp.GeneratedRuntime}MemberChecks.Enum(context, {ValueCode.ReaderOf(value)}.IsDefined({expression}), {CSharp.Quote(property.JsonName)});");
            return;
        }

        _w.Line($"context.Push({CSharp.Quote(property.JsonName)});");
        ValueCode.Validate(_w, ValueCode.NonNull(property.Value), expression, _patterns);
        _w.Line("context.Pop();");
    }

    private void EmitSerialization()
    {
        string name = _type.Name;
        bool member = _type.Union is not null;
        string hide = member ? "new " : string.Empty;

        // FromJson, the two-argument WriteJson, ToJson and ToString are the base record's; a union's case declares its own
        // FromJson and WriteJson (of its own type, beside the union's).
        if (member)
        {
            TypeEmitter.EmitParseMethods(_w, name, hide);
        }

        List<PropertySpec> readable = _type.Properties.Where(static p => p.ConstValue is null).ToList();
        PropertySpec? extras = _type.AdditionalProperties;
        EmitReading(readable, extras, hide);

        // WriteJson
        if (member)
        {
            TypeEmitter.EmitWriteJsonOverload(_w, name);
        }

        _w.Line("/// <inheritdoc/>");
        _w.OpenBlock($"public static void WriteJson({CSharp.Json}Utf8JsonWriter writer, {name} value, bool redact)");
        // One call checks both arguments (ArgumentNullException, as before) and writes the '{'.
        _w.Line($"{CSharp.GeneratedRuntime}JsonWrite.StartObject(writer, value);");

        // The discriminator goes first: readers that buffer less (and people) find it at once.
        foreach (PropertySpec property in _type.Properties.Where(static p => p.ConstValue is not null))
        {
            _w.Line($"writer.WriteString({CSharp.QuoteUtf8(property.JsonName)}, {property.Name}Value);");
        }

        foreach (PropertySpec property in readable)
        {
            bool mayBeNull = property.Value.Nullable || !property.Required;
            if (!mayBeNull)
            {
                WriteProperty(property, property.Value, "value." + property.Name);
                continue;
            }

            string? specified = _presence?.Companion(property.Name);
            if ((property.Required || specified is not null) && property.Value.Kind == ValueKind.String && !property.Sensitive)
            {
                // Utf8JsonWriter.WriteString writes a null string as null, as a required member that may be null is written,
                // and an optional one that was set to null.
                if (specified is not null)
                {
                    _w.OpenBlock($"if (value.{specified})");
                    WriteProperty(property, property.Value, "value." + property.Name);
                    _w.CloseBlock();
                }
                else
                {
                    WriteProperty(property, property.Value, "value." + property.Name);
                }

                continue;
            }

            string local = Local(property);
            if (specified is null && !property.Required && !property.Sensitive
                && ValueCode.NamedCall(ValueCode.NonNull(property.Value), property.JsonName, local) is string call)
            {
                // Optional, left out when null: one line.
                _w.Line($"if (value.{property.Name} is {{ }} {local}) {call}");
                continue;
            }

            _w.OpenBlock($"if (value.{property.Name} is {{ }} {local})");
            WriteProperty(property, ValueCode.NonNull(property.Value), local);
            _w.CloseBlock();
            if (specified is not null)
            {
                // Optional and nullable: null is written when it was set (or read), and the member left out when not.
                _w.OpenBlock($"else if (value.{specified})");
                _w.Line($"writer.WriteNull({CSharp.QuoteUtf8(property.JsonName)});");
                _w.CloseBlock();
            }
            else if (property.Required)
            {
                // Required but nullable: the property must be present, so null is written.
                _w.OpenBlock("else");
                _w.Line($"writer.WriteNull({CSharp.QuoteUtf8(property.JsonName)});");
                _w.CloseBlock();
            }
        }

        if (extras is not null)
        {
            // Declared members are written above from their own properties, never twice.
            string declared = string.Join(" or ", _type.Properties.Select(static p => CSharp.String(p.JsonName)));
            _w.OpenBlock($"if (value.{extras.Name} is {{ }} {LocalOf(extras)})");
            ValueCode.WriteEntries(_w, extras.Value.Items!, Local(extras), "redact", 0, declared.Length == 0 ? null : declared);
            _w.CloseBlock();
        }

        _w.Line("writer.WriteEndObject();");
        _w.CloseBlock();

        if (member)
        {
            _w.Line();
            _w.Line("/// <inheritdoc/>");
            _w.Line($"private protected override void WriteJsonCore({CSharp.Json}Utf8JsonWriter writer, bool redact) => WriteJson(writer, this, redact);");
        }
    }

    /// <summary>True when the record has members to read: then it reads itself in a constructor (see <see cref="EmitReading"/>).</summary>
    private bool ReadsInConstructor => _type.AdditionalProperties is not null || _type.Properties.Any(static p => p.ConstValue is null);

    /// <summary>
    /// Writes <c>ReadJson</c>. A record with members to read reads itself in a private constructor, where its
    /// <c>init</c> members are assigned as they are read: one line a member, no locals and no object initializer, and only
    /// the members read go through their <c>init</c> accessors (so their presence bits come out right by themselves).
    /// Any constructor would hide the implicit parameterless one, so the record declares it as its empty primary
    /// constructor, which the reading one calls.
    /// </summary>
    private void EmitReading(List<PropertySpec> readable, PropertySpec? extras, string hide)
    {
        string name = _type.Name;
        List<PropertySpec> constants = _type.Properties.Where(static p => p.ConstValue is not null).ToList();
        bool constructs = ReadsInConstructor;
        if (constructs)
        {
            _w.Line("/// <inheritdoc/>");
            _w.Line($"public static {hide}{name} ReadJson(ref {CSharp.Json}Utf8JsonReader reader) => new(ref reader);");
            _w.Line();
            if (NotNullRequired(readable))
            {
                _w.Line("#pragma warning disable CS8618 // the bits JsonRead.Required checks cover them; reading never gives null for them");
            }

            if (readable.Any(static p => p.Required))
            {
                _w.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
            }

            _w.OpenBlock($"private {name}(ref {CSharp.Json}Utf8JsonReader reader) : this()");
        }
        else
        {
            _w.Line("/// <inheritdoc/>");
            _w.OpenBlock($"public static {hide}{name} ReadJson(ref {CSharp.Json}Utf8JsonReader reader)");
        }

        _w.Line($"{CSharp.GeneratedRuntime}JsonRead.StartObject(ref reader, {CSharp.Quote(name)});");
        foreach (PropertySpec property in constants)
        {
            _w.Line($"string? {LocalOf(property)} = null;");
        }

        // Every required member has a bit in seen (seen1, ... past 32 of them), set where it is read, so that one call
        // after the loop checks them all.
        int marked = readable.Count(IsMarked);
        for (int i = 0; i < (marked + 31) / 32; i++)
        {
            _w.Line($"uint {Seen(i)} = 0;");
        }

        if (extras is not null)
        {
            _w.Line($"global::System.Collections.Generic.Dictionary<string, {CSharp.TypeName(extras.Value.Items!, extras.Value.Items!.Nullable)}>? {LocalOf(extras)} = null;");
        }

        _w.OpenBlock($"while (reader.Read() && reader.TokenType == {CSharp.Json}JsonTokenType.PropertyName)");
        string keyword = "if";
        // One line a member: JsonRead.Property compares the name and, when it matches, moves to the value (and sets the
        // member's bit in seen).
        foreach (PropertySpec property in constants)
        {
            // A union case's discriminator, read on every polymorphic read, is compared where it stands (no new string);
            // other consts keep the shorter plain read.
            string read = IsDiscriminator(property)
                ? $"Const(ref reader, {property.Name}Value)"
                : "String(ref reader)";
            _w.Line($"{keyword} ({PropertyIs(property)}) {LocalOf(property)} = {CSharp.GeneratedRuntime}JsonRead.{read};");
            keyword = "else if";
        }

        int bit = 0;
        foreach (PropertySpec property in readable)
        {
            string condition = !IsMarked(property)
                ? PropertyIs(property)
                : CSharp.GeneratedRuntime + "JsonRead.Property(ref reader, " + CSharp.QuoteUtf8(property.JsonName) + ", ref " + Seen(bit / 32) + ", " + Bit(bit++) + ")";
            _w.Line($"{keyword} ({condition}) {property.Name} = {ValueCode.ReadOf(property.Value, "reader")};");
            keyword = "else if";
        }

        string otherwise = readable.Count + constants.Count > 0 ? "else " : string.Empty;
        if (extras is not null)
        {
            if (otherwise.Length > 0)
            {
                _w.OpenBlock("else");
            }

            _w.Line("string name = reader.GetString()!;");
            _w.Line("reader.Read();");
            _w.Line($"({LocalOf(extras)} ??= new global::System.Collections.Generic.Dictionary<string, {CSharp.TypeName(extras.Value.Items!, extras.Value.Items!.Nullable)}>(global::System.StringComparer.Ordinal))[name] = {ValueCode.ReadOf(extras.Value.Items!, "reader")};");
            if (otherwise.Length > 0)
            {
                _w.CloseBlock();
            }
        }
        else
        {
            // On a property name, Skip moves to the value and skips it.
            _w.Line(otherwise + "reader.Skip();");
        }

        _w.CloseBlock();

        // A const (the discriminator of a union case above all) must have its one value; the
        // discriminator must also be present, so a case read on its own cannot be another case.
        foreach (PropertySpec property in constants)
        {
            string condition = IsDiscriminator(property)
                ? Local(property) + " != " + property.Name + "Value"
                : Local(property) + " is not null && " + Local(property) + " != " + property.Name + "Value";
            _w.Line();
            _w.OpenBlock($"if ({condition})");
            _w.Line($"throw {CSharp.GeneratedRuntime}JsonRead.WrongConst({CSharp.Quote(name)}, {CSharp.Quote(property.JsonName)}, {property.Name}Value, {LocalOf(property)});");
            _w.CloseBlock();
        }

        if (!constructs)
        {
            _w.Line();
            _w.Line($"return new {name}();");
            _w.CloseBlock();
            _w.Line();
            return;
        }

        // The first required member not read is an error, in the order of the members: the lowest bit not set. One call
        // for 32 members (a call a member cost the user's build an invocation each); a name with a comma, which the
        // call's list of names cannot hold, has its word checked a member at a time.
        List<PropertySpec> required = readable.Where(IsMarked).ToList();
        if (required.Count > 0)
        {
            _w.Line();
        }

        for (int start = 0; start < required.Count; start += 32)
        {
            List<PropertySpec> word = required.Skip(start).Take(32).ToList();
            string seen = Seen(start / 32);
            if (word.Exists(static p => p.JsonName.IndexOf(',') >= 0))
            {
                for (int i = 0; i < word.Count; i++)
                {
                    _w.Line($"{CSharp.GeneratedRuntime}JsonRead.Required<{name}>({seen}, {Bit(i)}, {CSharp.Quote(word[i].JsonName)});");
                }

                continue;
            }

            uint mask = word.Count == 32 ? uint.MaxValue : (1u << word.Count) - 1;
            string names = string.Join(",", word.Select(static p => p.JsonName));
            _w.Line($"{CSharp.GeneratedRuntime}JsonRead.Required<{name}>({seen}, 0x{mask.ToString("X", System.Globalization.CultureInfo.InvariantCulture)}u, {CSharp.Quote(names)});");
        }

        if (extras is not null)
        {
            _w.Line();
            _w.Line($"{extras.Name} = {LocalOf(extras)};");
        }

        _w.CloseBlock();
        if (NotNullRequired(readable))
        {
            _w.Line("#pragma warning restore CS8618");
        }

        _w.Line();
    }

    /// <summary>
    /// Whether a required member may not be null and is a reference: the compiler's nullable analysis (on with
    /// <c>SchemaBindNullableWarnings</c>) cannot tell that the bits JsonRead.Required checks cover it.
    /// </summary>
    private static bool NotNullRequired(List<PropertySpec> readable) =>
        readable.Exists(static p => p.Required && !p.Value.Nullable && !p.Value.IsValueType);

    /// <summary>Whether the member is the discriminator of the union this type is a case of.</summary>
    private bool IsDiscriminator(PropertySpec property) => _type.Union is not null && property.JsonName == _type.Union.DiscriminatorJsonName;

    /// <summary>A required member: it has a bit in seen, set where it is read.</summary>
    private static bool IsMarked(PropertySpec property) => property.Required;

    /// <summary>The local of the reading constructor that holds the bits of required members 32 * index to 32 * index + 31.</summary>
    private static string Seen(int index) => index == 0 ? "seen" : "seen" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The bit of the <paramref name="index"/>th marked member (<see cref="IsMarked"/>) in its local (0 to 31).</summary>
    private static string Bit(int index) => (index % 32).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void WriteProperty(PropertySpec property, ValueSpec value, string expression)
    {
        if (property.Sensitive)
        {
            _w.OpenBlock("if (redact)");
            _w.Line($"writer.WriteString({CSharp.QuoteUtf8(property.JsonName)}, \"***\"u8);");
            _w.CloseBlock();
            _w.OpenBlock("else");
        }

        ValueCode.WriteNamed(_w, value, property.JsonName, expression, "redact");
        if (property.Sensitive)
        {
            _w.CloseBlock();
        }
    }

    private static string Local(PropertySpec property) => CSharp.Local(property.Name);

    /// <summary>The condition of a member's reading branch: the reader is on its name (and then moves to its value).</summary>
    private static string PropertyIs(PropertySpec property) =>
        CSharp.GeneratedRuntime + "JsonRead.Property(ref reader, " + CSharp.QuoteUtf8(property.JsonName) + ")";

    private static SourceWriter.LocalName LocalOf(PropertySpec property) => CSharp.LocalOf(property.Name);
}
