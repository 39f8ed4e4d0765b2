using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using SchemaBind.Generator.Model;
using SchemaBind.Runtime.Internal;

namespace SchemaBind.Generator.Emitting;

/// <summary>Emits generated types: each type with its serialization and its validator.</summary>
internal static class TypeEmitter
{
    /// <summary>A file with the given types, in their order.</summary>
    public static SourceText Emit(string @namespace, EquatableArray<TypeSpec> types, string documentClass) => File(@namespace, w =>
    {
        for (int i = 0; i < types.Count; i++)
        {
            if (i > 0)
            {
                w.Line();
            }

            EmitType(w, types[i], documentClass, @namespace);
        }
    });

    private static void EmitType(SourceWriter w, TypeSpec type, string documentClass, string @namespace)
    {
        switch (type)
        {
            case ObjectSpec obj:
                // A property named like the document class would be found in JsonSchema's initializer.
                string document = HasMember(obj, documentClass) ? "global::" + @namespace + "." + documentClass : documentClass;
                Presence? presence = Presence.Of(obj);
                EmitObject(w, QualifiedTypes(obj, @namespace, presence), document, presence);
                break;
            case EnumSpec enumSpec: EmitEnum(w, enumSpec); break;
            case UnionSpec union: EmitUnion(w, union, documentClass); break;
            case ChoiceSpec choice: EmitChoice(w, choice, documentClass); break;
        }
    }

    /// <summary>The static class that embeds the schema document and builds its JSON validator.</summary>
    public static SourceText EmitSchemaDocument(string @namespace, SchemaDocumentSpec document) => File(@namespace, w =>
    {
        string validator = CSharp.Runtime + "JsonSchemaValidator";
        w.Line("/// <summary>The schema document this code was generated from, for validating JSON against any of its schemas.</summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.OpenBlock($"public static partial class {document.ClassName}");
        // UTF-8 bytes, not a string constant: string constants share a 16 MB heap in the assembly
        // (CS8103), which a large API description (10 MB of JSON at 5,000 operations) would overflow.
        w.Line("/// <summary>The document as UTF-8 JSON, as in the schema file without insignificant whitespace; of an OpenAPI document, without the operations and examples, which JSON validation does not read.</summary>");
        w.JsonLiteralLine("public static global::System.ReadOnlySpan<byte> Utf8Json => ", document.Json, "u8;");
        w.Line();
        w.Line($"private static {validator}? s_document;");
        w.Line();
        w.Line($"/// <summary>A validator for the whole document{(document.AssertFormat ? ", with <c>format</c> asserted" : string.Empty)}; built on first use and shared.</summary>");
        w.Line($"public static {validator} Document => s_document ??= Create(new {CSharp.Runtime}JsonSchemaOptions {{ AssertFormat = {(document.AssertFormat ? "true" : "false")} }});");
        w.Line();
        w.Line("/// <summary>Builds a new validator for the document with other options (a resolver for referenced documents, format assertion).</summary>");
        w.Line("/// <param name=\"options\">The options.</param>");
        w.Line("/// <returns>The validator.</returns>");
        if (document.BaseUri is null)
        {
            w.Line($"public static {validator} Create({CSharp.Runtime}JsonSchemaOptions options) => {validator}.Create(Utf8Json, options);");
        }
        else
        {
            w.Line($"public static {validator} Create({CSharp.Runtime}JsonSchemaOptions options) => {validator}.Create(Utf8Json, Linked(options));");
            w.Line();
            EmitLinkedOptions(w, document);
        }

        w.CloseBlock();
    });

    /// <summary>
    /// The options of a document that refers to other schema files: a base URI under which its relative
    /// references reach the other files' embedded documents, and a resolver that serves them.
    /// </summary>
    private static void EmitLinkedOptions(SourceWriter w, SchemaDocumentSpec document)
    {
        string options = CSharp.Runtime + "JsonSchemaOptions";
        w.Line("/// <summary>The options with this document's base URI and a resolver for the project's other schema documents, which its references reach.</summary>");
        w.OpenBlock($"private static {options} Linked({options} options)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(options);");
        w.Line($"global::System.Func<global::System.Uri, {CSharp.Json}JsonElement?>? next = options.DocumentResolver;");
        w.OpenBlock($"return new {options}");
        w.Line("AssertFormat = options.AssertFormat,");
        w.LiteralLine("BaseUri = options.BaseUri ?? new global::System.Uri(", document.BaseUri!, "),");
        w.OpenBlock("DocumentResolver = uri => uri.AbsoluteUri switch");
        foreach (LinkedDocument link in document.Links)
        {
            w.LiteralLine(string.Empty, link.Uri, " => " + CSharp.Runtime + "JsonSchemaValidator.ReadDocument(" + link.DocumentClass + ".Utf8Json),");
        }

        w.Line("_ => next?.Invoke(uri),");
        w.CloseBlock(",");
        w.CloseBlock(";");
        w.CloseBlock();
    }

    /// <summary>The JSON validator of a named type: its subschema of the embedded document.</summary>
    private static void EmitJsonSchemaMembers(SourceWriter w, TypeSpec type, string documentClass, string hide)
    {
        if (!HasSchema(type))
        {
            return; // inline schemas of operations have no stable pointer into the document
        }

        string validator = CSharp.Runtime + "JsonSchemaValidator";
        w.Line($"private static {validator}? s_jsonSchema;");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public static {hide}{validator} JsonSchema => s_jsonSchema ??= {documentClass}.Document.Subschema({CSharp.Quote(type.SchemaPointer)});");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public static {hide}global::System.Collections.Generic.IReadOnlyList<{CSharp.Runtime}ValidationError> ValidateJson({CSharp.Json}JsonElement json) => JsonSchema.Validate(json);");
        w.Line();
    }

    /// <summary>Whether the type's schema has a stable place in the embedded document (inline schemas of operations have none).</summary>
    private static bool HasSchema(TypeSpec type) => !type.SchemaPointer.StartsWith("#/paths/", System.StringComparison.Ordinal);

    /// <summary>
    /// The runtime interfaces of a generated type: they declare its JSON and validation members once, with their docs,
    /// which the generated members inherit (<c>inheritdoc</c>) instead of repeating them in every type.
    /// </summary>
    private static string Models(TypeSpec type, string name) =>
        CSharp.Runtime + "IJsonModel<" + name + ">" + (HasSchema(type) ? ", " + CSharp.Runtime + "IJsonSchemaModel<" + name + ">" : string.Empty);

    public static SourceText File(string @namespace, System.Action<SourceWriter> body)
    {
        SourceWriter w = SourceWriter.ForFile();
        w.Line("// <auto-generated/>");
        w.Line("// Generated by SchemaBind from a schema file. Edit the schema, not this file.");
        w.Line("#nullable enable");
        w.Line();
        w.Line($"using {CSharp.RuntimeAlias} = global::SchemaBind.Runtime;");
        w.Line($"using {CSharp.JsonAlias} = global::System.Text.Json;");
        w.Line();
        w.Line($"namespace {@namespace};");
        w.Line();
        body(w);
        return w.ToSourceTextAndFree();
    }

    // ------------------------------------------------------------------ objects

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

    private static void EmitObject(SourceWriter w, ObjectSpec type, string documentClass, Presence? presence)
    {
        UnionMembership? union = type.Union;
        string name = type.Name;
        var patterns = new List<string>();

        // [Obsolete] members warn where users' code uses them; the type's own code (reading, writing,
        // comparing and validating every member) is kept quiet, in this file only. CS9042: a member that is
        // both required and deprecated is what the schema says, so users are told when they set it.
        bool deprecated = type.Properties.Any(static p => p.Deprecated && p.ConstValue is null);
        if (deprecated)
        {
            w.Line("#pragma warning disable CS0618, CS9042 // the schema deprecates members this type's own code still reads and writes");
        }

        CSharp.DocComment(w, "summary", type.Description, "The " + CSharp.Xml(name) + " schema.");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line(ConverterAttribute(name));
        w.OpenBlock($"public sealed partial record {name} : {(union is null ? string.Empty : union.BaseTypeName + ", ")}{Models(type, name)}");
        if (presence is not null)
        {
            w.Line("// Which members that may be null were set or read (their ...Specified): those are written, null too.");
            for (int i = 0; i < presence.FieldCount; i++)
            {
                w.Line($"private uint {presence.Field(i)};");
            }

            w.Line();
        }


        // Properties. The discriminator (and any other const) is not settable: it is always right.
        bool first = true;
        foreach (PropertySpec property in type.Properties)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            if (property.ConstValue is not null)
            {
                bool isDiscriminator = union is not null && property.JsonName == union.DiscriminatorJsonName;
                w.Line($"/// <summary>The value of <c>{CSharp.Xml(property.JsonName)}</c> for this type: always <c>{CSharp.Xml(property.ConstValue)}</c>.</summary>");
                w.Line($"public const string {property.Name}Value = {CSharp.Quote(property.ConstValue)};");
                w.Line();
                CSharp.DocComment(w, "summary", property.Description, "Always <c>" + CSharp.Xml(property.ConstValue) + "</c>; set automatically.");
                w.Line($"public {(isDiscriminator ? "override " : string.Empty)}string {property.Name} => {property.Name}Value;");
                continue;
            }

            if (string.IsNullOrWhiteSpace(property.Description))
            {
                w.Line($"/// <summary>The <c>{CSharp.Xml(property.JsonName)}</c> property.</summary>");
            }
            else
            {
                CSharp.DocComment(w, "summary", property.Description, string.Empty);
            }

            if (property.Deprecated)
            {
                w.Line($"[global::System.Obsolete({CSharp.Quote("The schema marks '" + property.JsonName + "' as deprecated.")})]");
            }

            foreach (string attribute in CSharp.ConstraintAttributes(property.Value))
            {
                w.Line(attribute);
            }

            if (presence is not null && presence.Tracks(property))
            {
                EmitTrackedProperty(w, property, presence);
                continue;
            }

            w.Line($"public {(property.Required ? "required " : string.Empty)}{CSharp.TypeName(property.Value, property.Value.Nullable || !property.Required)} {property.Name} {{ get; init; }}");
        }

        if (type.AdditionalProperties is PropertySpec extras)
        {
            if (!type.Properties.IsEmpty)
            {
                w.Line();
            }

            w.Line("/// <summary>The members the schema does not declare (<c>additionalProperties</c>), by name, in the order they were read; written after the declared ones.</summary>");
            w.Line($"public {CSharp.TypeName(extras.Value, nullable: true)} {extras.Name} {{ get; init; }}");
        }

        if (!type.Properties.IsEmpty || type.AdditionalProperties is not null)
        {
            w.Line();
        }

        EmitEquality(w, type, presence);
        EmitObjectValidation(w, type, patterns, presence);
        w.Line();
        EmitJsonSchemaMembers(w, type, documentClass, union is null ? string.Empty : "new ");
        EmitObjectSerialization(w, type, presence);

        if (patterns.Count > 0)
        {
            w.Line();
            EmitPatternFields(w, patterns);
        }

        w.CloseBlock();
        if (deprecated)
        {
            w.Line("#pragma warning restore CS0618, CS9042");
        }
    }

    /// <summary>
    /// A member that may be null and is optional (see <see cref="Presence"/>): its getter reads a backing field, its
    /// <c>init</c> accessor also sets the member's bit, and <c>NameSpecified</c> reads the bit. The caller has written the
    /// member's docs and attributes; the companion gets the member's <c>[Obsolete]</c> too.
    /// </summary>
    private static void EmitTrackedProperty(SourceWriter w, PropertySpec property, Presence presence)
    {
        string field = Local(property);
        string bits = presence.FieldOf(property);
        string bit = presence.Bit(property);
        w.OpenBlock($"public {CSharp.TypeName(property.Value, nullable: true)} {property.Name}");
        w.Line($"get => {field};");
        w.OpenBlock("init");
        w.Line($"{field} = value;");
        w.Line($"{bits} |= {bit};");
        w.CloseBlock();
        w.CloseBlock();
        w.Line();
        w.Line($"private {CSharp.TypeName(property.Value, nullable: true)} {field};");
        w.Line();
        w.Line($"/// <summary>Whether <see cref=\"{property.Name}\"/> was set or read, to null too: then it is written, else left out.</summary>");
        if (property.Deprecated)
        {
            w.Line($"[global::System.Obsolete({CSharp.Quote("The schema marks '" + property.JsonName + "' as deprecated.")})]");
        }

        w.Line($"public bool {presence.Companion(property.Name)} => ({bits} & ({bit})) != 0;");
    }

    /// <summary>One Regex per distinct pattern of a type. JSON Schema patterns are not anchored: IsMatch searches.</summary>
    public static void EmitPatternFields(SourceWriter w, List<string> patterns)
    {
        for (int i = 0; i < patterns.Count; i++)
        {
            w.Line("private static readonly global::System.Text.RegularExpressions.Regex s_pattern" + i
                + " = " + CSharp.Runtime + "SchemaRegex.Create(" + CSharp.String(patterns[i]) + ");");
        }
    }

    /// <summary>
    /// Records compare list and dictionary members by reference, and a Uri by an Equals that ignores its fragment; when a type has them, Equals and GetHashCode
    /// are written out so that two values with equal items are equal, as users of records expect.
    /// </summary>
    private static void EmitEquality(SourceWriter w, ObjectSpec type, Presence? presence)
    {
        List<PropertySpec> members = type.Properties.Where(static p => p.ConstValue is null).ToList();
        if (type.AdditionalProperties is PropertySpec extras)
        {
            members.Add(extras);
        }

        if (!members.Any(static p => p.Value.Kind is ValueKind.Array or ValueKind.Map or ValueKind.Bytes or ValueKind.Uri))
        {
            return;
        }

        w.Line("/// <summary>True when <paramref name=\"other\"/> has equal members: lists and dictionaries item by item, URIs and byte strings by their JSON text.</summary>");
        w.OpenBlock($"public bool Equals({type.Name}? other)");
        w.OpenBlock("if (other is null)");
        w.Line("return false;");
        w.CloseBlock();
        w.Line();
        w.Line($"return ReferenceEquals(this, other) || ({(type.Union is null ? "EqualityContract == other.EqualityContract" : "base.Equals(other)")}");
        w.Indent();
        foreach (PropertySpec p in members)
        {
            switch (p.Value.Kind)
            {
                case ValueKind.Array or ValueKind.Bytes:
                    w.Line($"&& {CSharp.Runtime}SchemaEquality.SequenceEqual({p.Name}, other.{p.Name})");
                    break;
                case ValueKind.Map:
                    w.Line($"&& {CSharp.Runtime}SchemaEquality.DictionaryEqual({p.Name}, other.{p.Name})");
                    break;
                case ValueKind.Uri:
                    w.Line($"&& {CSharp.Runtime}SchemaEquality.UriEqual({p.Name}, other.{p.Name})");
                    break;
                case ValueKind.Double or ValueKind.Json:
                    // double: == says NaN differs from itself, Equals does not. JsonElement has no ==.
                    w.Line($"&& global::System.Collections.Generic.EqualityComparer<{CSharp.TypeName(p.Value, p.Value.Nullable || !p.Required)}>.Default.Equals({p.Name}, other.{p.Name})");
                    break;
                default:
                    // Strings (ordinal), integers, booleans, enums, dates, GUIDs and generated records: == is their Equals.
                    w.Line($"&& {p.Name} == other.{p.Name}");
                    break;
            }
        }

        for (int i = 0; i < (presence?.FieldCount ?? 0); i++)
        {
            // Which members were set: "name": null and no "name" are different values.
            w.Line($"&& {presence!.Field(i)} == other.{presence.Field(i)}");
        }

        w.Line(");");
        w.Unindent();
        w.CloseBlock();
        w.Line();
        w.Line($"/// <summary>A hash code consistent with <see cref=\"Equals({type.Name})\"/>.</summary>");
        w.OpenBlock("public override int GetHashCode()");
        w.Line("var hash = new global::System.HashCode();");
        w.Line("hash.Add(EqualityContract);");
        foreach (PropertySpec p in members)
        {
            string? hash = p.Value.Kind switch
            {
                ValueKind.Array or ValueKind.Bytes => "SequenceHashCode",
                ValueKind.Map => "DictionaryHashCode",
                ValueKind.Uri => "UriHashCode",
                _ => null,
            };
            if (hash is null)
            {
                w.Line($"hash.Add({p.Name});");
            }
            else
            {
                w.Line($"hash.Add({CSharp.Runtime}SchemaEquality.{hash}({p.Name}));");
            }
        }

        for (int i = 0; i < (presence?.FieldCount ?? 0); i++)
        {
            w.Line($"hash.Add({presence!.Field(i)});");
        }

        w.Line("return hash.ToHashCode();");
        w.CloseBlock();
        w.Line();
    }

    /// <summary>Validate(), and the documented signature of Validate(context) (its body is the caller's).</summary>
    private static void EmitValidateMethods(SourceWriter w, string contextOverloadSignature)
    {
        w.Line("/// <inheritdoc/>");
        w.OpenBlock($"public global::System.Collections.Generic.IReadOnlyList<{CSharp.Runtime}ValidationError> Validate()");
        // A rented context: validating a valid value allocates nothing.
        w.Line($"var context = {CSharp.Runtime}ValidationContext.Rent();");
        w.Line("Validate(context);");
        w.Line($"return {CSharp.Runtime}ValidationContext.Return(context);");
        w.CloseBlock();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(contextOverloadSignature);
    }

    private static void EmitObjectValidation(SourceWriter w, ObjectSpec type, List<string> patterns, Presence? presence)
    {
        if (type.Union is null)
        {
            EmitValidateMethods(w, "public void Validate(" + CSharp.Runtime + "ValidationContext context)");
            w.OpenBlock(string.Empty);
        }
        else
        {
            w.Line("/// <inheritdoc/>");
            w.OpenBlock("public override void Validate(" + CSharp.Runtime + "ValidationContext context)");
        }

        w.Line("global::System.ArgumentNullException.ThrowIfNull(context);");
        if (type.ValidatesJson)
        {
            w.Line("int errorsBefore = context.ErrorCount;");
        }

        foreach (PropertySpec property in type.Properties)
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
                    w.Line($"context.Required({property.Name}, {CSharp.Quote(property.JsonName)});");
                    continue;
                }

                if (IsModel(value))
                {
                    w.Line($"context.RequiredMember({property.Name}, {CSharp.Quote(property.JsonName)});");
                    continue;
                }

                w.OpenBlock($"if ({property.Name} is null)");
                w.Line($"context.AddError(\"required\", {CSharp.Quote(ValidationMessages.Required(property.JsonName))});");
                w.CloseBlock();
                if (ValueCode.NeedsValidation(value))
                {
                    w.OpenBlock("else");
                    EmitPropertyChecks(w, property, property.Name, patterns);
                    w.CloseBlock();
                }

                continue;
            }

            if (!ValueCode.NeedsValidation(value))
            {
                continue;
            }

            if (mayBeNull && IsModel(value))
            {
                w.Line($"context.Member({property.Name}, {CSharp.Quote(property.JsonName)});");
            }
            else if (mayBeNull)
            {
                string local = Local(property);
                w.OpenBlock($"if ({property.Name} is {{ }} {local})");
                EmitPropertyChecks(w, property, local, patterns);
                w.CloseBlock();
            }
            else
            {
                EmitPropertyChecks(w, property, property.Name, patterns);
            }
        }

        if (type.AdditionalProperties is PropertySpec extras && ValueCode.NeedsValidation(extras.Value))
        {
            w.OpenBlock("if (" + extras.Name + " is { } " + Local(extras) + ")");
            ValueCode.ValidateEntries(w, extras.Value.Items!, Local(extras), patterns, 0);
            w.CloseBlock();
        }

        RuleCode.Emit(w, presence is null ? type.Rules : presence.Rewrite(type.Rules), patterns);
        if (type.ValidatesJson)
        {
            // Keywords the typed checks above cannot express (allOf, if/then, dependentRequired, ...)
            // are checked on the JSON form of this value, with the same error model.
            w.Line(CSharp.Runtime + "JsonValidation.AddErrors(context, errorsBefore, JsonSchema, this, WriteJson);");
        }

        w.CloseBlock();
    }

    /// <summary>A generated type (object, union or choice): its own <c>Validate</c> is all there is to check.</summary>
    private static bool IsModel(ValueSpec value) => value.Kind == ValueKind.Object;

    private static void EmitPropertyChecks(SourceWriter w, PropertySpec property, string expression, List<string> patterns)
    {
        w.Line($"context.Push({CSharp.Quote(property.JsonName)});");
        ValueCode.Validate(w, ValueCode.NonNull(property.Value), expression, patterns);
        w.Line("context.Pop();");
    }

    private static void EmitObjectSerialization(SourceWriter w, ObjectSpec type, Presence? presence)
    {
        string name = type.Name;
        bool member = type.Union is not null;
        string hide = member ? "new " : string.Empty;

        EmitParseMethods(w, name, hide);

        if (!member)
        {
            w.Line("/// <inheritdoc/>");
            w.Line($"public string ToJson() => {CSharp.Runtime}JsonRead.Serialize(this, WriteJson);");
            w.Line();
        }

        // ReadJson
        w.Line("/// <inheritdoc/>");
        w.OpenBlock($"public static {hide}{name} ReadJson(ref {CSharp.Json}Utf8JsonReader reader)");
        w.Line($"{CSharp.Runtime}JsonRead.StartObject(ref reader, {CSharp.Quote(name)});");
        List<PropertySpec> readable = type.Properties.Where(static p => p.ConstValue is null).ToList();
        List<PropertySpec> constants = type.Properties.Where(static p => p.ConstValue is not null).ToList();
        foreach (PropertySpec property in constants)
        {
            w.Line($"string? {LocalOf(property)} = null;");
        }

        foreach (PropertySpec property in readable)
        {
            w.Line($"{CSharp.TypeName(property.Value, true)} {LocalOf(property)} = default;");
            if (property.Required && (property.Value.Nullable || property.Value.Kind == ValueKind.Json))
            {
                w.Line($"bool {LocalOf(property)}Seen = false;");
            }
        }

        for (int i = 0; i < (presence?.FieldCount ?? 0); i++)
        {
            w.Line($"uint {Presence.ReadLocal(i)} = 0;");
        }

        PropertySpec? extras = type.AdditionalProperties;
        if (extras is not null)
        {
            w.Line($"global::System.Collections.Generic.Dictionary<string, {CSharp.TypeName(extras.Value.Items!, extras.Value.Items!.Nullable)}>? {LocalOf(extras)} = null;");
        }

        w.OpenBlock($"while (reader.Read() && reader.TokenType == {CSharp.Json}JsonTokenType.PropertyName)");
        string keyword = "if";
        // One line a member: JsonRead.Property compares the name and, when it matches, moves to the value.
        foreach (PropertySpec property in constants)
        {
            w.Line($"{keyword} ({PropertyIs(property)}) {LocalOf(property)} = {CSharp.Runtime}JsonRead.String(ref reader);");
            keyword = "else if";
        }

        foreach (PropertySpec property in readable)
        {
            string read = $"{LocalOf(property)} = {ValueCode.ReadOf(property.Value, "reader")};";
            string? mark = null;
            if (property.Required && (property.Value.Nullable || property.Value.Kind == ValueKind.Json))
            {
                mark = $"{LocalOf(property)}Seen = true;";
            }
            else if (presence is not null && presence.Tracks(property))
            {
                mark = $"{presence.ReadLocalOf(property)} |= {presence.Bit(property)};";
            }

            if (mark is null)
            {
                w.Line($"{keyword} ({PropertyIs(property)}) {read}");
            }
            else
            {
                w.OpenBlock($"{keyword} ({PropertyIs(property)})");
                w.Line(read);
                w.Line(mark);
                w.CloseBlock();
            }

            keyword = "else if";
        }

        string otherwise = readable.Count + constants.Count > 0 ? "else " : string.Empty;
        if (extras is not null)
        {
            if (otherwise.Length > 0)
            {
                w.OpenBlock("else");
            }

            w.Line("string name = reader.GetString()!;");
            w.Line("reader.Read();");
            w.Line($"({LocalOf(extras)} ??= new global::System.Collections.Generic.Dictionary<string, {CSharp.TypeName(extras.Value.Items!, extras.Value.Items!.Nullable)}>(global::System.StringComparer.Ordinal))[name] = {ValueCode.ReadOf(extras.Value.Items!, "reader")};");
            if (otherwise.Length > 0)
            {
                w.CloseBlock();
            }
        }
        else
        {
            // On a property name, Skip moves to the value and skips it.
            w.Line(otherwise + "reader.Skip();");
        }

        w.CloseBlock();
        w.Line();

        // A const (the discriminator of a union case above all) must have its one value; the
        // discriminator must also be present, so a case read on its own cannot be another case.
        foreach (PropertySpec property in constants)
        {
            bool discriminator = type.Union is not null && property.JsonName == type.Union.DiscriminatorJsonName;
            string condition = discriminator
                ? Local(property) + " != " + property.Name + "Value"
                : Local(property) + " is not null && " + Local(property) + " != " + property.Name + "Value";
            w.OpenBlock($"if ({condition})");
            w.Line($"throw {CSharp.Runtime}JsonRead.WrongConst({CSharp.Quote(name)}, {CSharp.Quote(property.JsonName)}, {property.Name}Value, {LocalOf(property)});");
            w.CloseBlock();
            w.Line();
        }
        if (readable.Count == 0 && extras is null)
        {
            w.Line($"return new {name}();");
        }
        else
        {
            w.Line($"return new {name}");
            w.Line("{");
            w.Indent();
            // A required member that was not read throws where it is set, in the order of the members: a value
            // type's local is unwrapped by `??`, a member that may be null (or any JSON) is told by its flag.
            foreach (PropertySpec property in readable)
            {
                if (!property.Required)
                {
                    w.Line($"{property.Name} = {LocalOf(property)},");
                }
                else if (property.Value.Nullable || property.Value.Kind == ValueKind.Json)
                {
                    string unwrap = property.Value.Kind == ValueKind.Json && !property.Value.Nullable ? ".GetValueOrDefault()" : string.Empty;
                    w.Line($"{property.Name} = {LocalOf(property)}Seen ? {LocalOf(property)}{unwrap} : throw {CSharp.Runtime}JsonRead.MissingProperty<{name}>({CSharp.Quote(property.JsonName)}),");
                }
                else
                {
                    w.Line($"{property.Name} = {LocalOf(property)} ?? throw {CSharp.Runtime}JsonRead.MissingProperty<{name}>({CSharp.Quote(property.JsonName)}),");
                }
            }

            if (extras is not null)
            {
                w.Line($"{extras.Name} = {LocalOf(extras)},");
            }

            // Last: the members' init accessors above set every bit; only the members read stay set.
            for (int i = 0; i < (presence?.FieldCount ?? 0); i++)
            {
                w.Line($"{presence!.Field(i)} = {Presence.ReadLocal(i)},");
            }

            w.Unindent();
            w.Line("};");
        }

        w.CloseBlock();
        w.Line();

        // WriteJson
        EmitWriteJsonOverload(w, name);
        w.Line("/// <inheritdoc/>");
        w.OpenBlock($"public static void WriteJson({CSharp.Json}Utf8JsonWriter writer, {name} value, bool redact)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        w.Line("writer.WriteStartObject();");

        // The discriminator goes first: readers that buffer less (and people) find it at once.
        foreach (PropertySpec property in type.Properties.Where(static p => p.ConstValue is not null))
        {
            w.Line($"writer.WriteString({CSharp.QuoteUtf8(property.JsonName)}, {property.Name}Value);");
        }

        foreach (PropertySpec property in readable)
        {
            bool mayBeNull = property.Value.Nullable || !property.Required;
            if (!mayBeNull)
            {
                WriteProperty(w, property, property.Value, "value." + property.Name);
                continue;
            }

            string? specified = presence?.Companion(property.Name);
            if ((property.Required || specified is not null) && property.Value.Kind == ValueKind.String && !property.Sensitive)
            {
                // Utf8JsonWriter.WriteString writes a null string as null, as a required member that may be null is written,
                // and an optional one that was set to null.
                if (specified is not null)
                {
                    w.OpenBlock($"if (value.{specified})");
                    WriteProperty(w, property, property.Value, "value." + property.Name);
                    w.CloseBlock();
                }
                else
                {
                    WriteProperty(w, property, property.Value, "value." + property.Name);
                }

                continue;
            }

            string local = Local(property);
            if (specified is null && !property.Required && !property.Sensitive
                && ValueCode.NamedCall(ValueCode.NonNull(property.Value), property.JsonName, local) is string call)
            {
                // Optional, left out when null: one line.
                w.Line($"if (value.{property.Name} is {{ }} {local}) {call}");
                continue;
            }

            w.OpenBlock($"if (value.{property.Name} is {{ }} {local})");
            WriteProperty(w, property, ValueCode.NonNull(property.Value), local);
            w.CloseBlock();
            if (specified is not null)
            {
                // Optional and nullable: null is written when it was set (or read), and the member left out when not.
                w.OpenBlock($"else if (value.{specified})");
                w.Line($"writer.WriteNull({CSharp.QuoteUtf8(property.JsonName)});");
                w.CloseBlock();
            }
            else if (property.Required)
            {
                // Required but nullable: the property must be present, so null is written.
                w.OpenBlock("else");
                w.Line($"writer.WriteNull({CSharp.QuoteUtf8(property.JsonName)});");
                w.CloseBlock();
            }
        }

        if (extras is not null)
        {
            // Declared members are written above from their own properties, never twice.
            string declared = string.Join(" or ", type.Properties.Select(static p => CSharp.String(p.JsonName)));
            w.OpenBlock($"if (value.{extras.Name} is {{ }} {LocalOf(extras)})");
            ValueCode.WriteEntries(w, extras.Value.Items!, Local(extras), "redact", 0, declared.Length == 0 ? null : declared);
            w.CloseBlock();
        }

        w.Line("writer.WriteEndObject();");
        w.CloseBlock();

        if (member)
        {
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line($"private protected override void WriteJsonCore({CSharp.Json}Utf8JsonWriter writer, bool redact) => WriteJson(writer, this, redact);");
        }
        else
        {
            w.Line();
            EmitToString(w);
        }

    }

    private static void WriteProperty(SourceWriter w, PropertySpec property, ValueSpec value, string expression)
    {
        if (property.Sensitive)
        {
            w.OpenBlock("if (redact)");
            w.Line($"writer.WriteString({CSharp.QuoteUtf8(property.JsonName)}, \"***\"u8);");
            w.CloseBlock();
            w.OpenBlock("else");
        }

        ValueCode.WriteNamed(w, value, property.JsonName, expression, "redact");
        if (property.Sensitive)
        {
            w.CloseBlock();
        }
    }

    private static void EmitWriteJsonOverload(SourceWriter w, string name)
    {
        w.Line("/// <inheritdoc/>");
        w.Line($"public static void WriteJson({CSharp.Json}Utf8JsonWriter writer, {name} value) => WriteJson(writer, value, redact: false);");
        w.Line();
    }

    private static void EmitToString(SourceWriter w)
    {
        w.Line("/// <summary>The value as JSON, with sensitive values (<c>writeOnly</c>, <c>format: password</c>) shown as <c>\"***\"</c>.</summary>");
        w.Line($"public sealed override string ToString() => {CSharp.Runtime}JsonRead.Serialize(this, static (writer, value) => WriteJson(writer, value, redact: true));");
    }

    private static void EmitParseMethods(SourceWriter w, string name, string hide)
    {
        w.Line("/// <inheritdoc/>");
        w.Line($"public static {hide}{name} FromJson(string json) => {CSharp.Runtime}JsonRead.Parse(json, ReadJson);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public static {hide}{name} FromJson(global::System.ReadOnlySpan<byte> utf8Json) => {CSharp.Runtime}JsonRead.Parse(utf8Json, ReadJson);");
        w.Line();
    }

    /// <summary>Lets System.Text.Json read and write the type with its generated code, without reflection: the runtime's one converter, which calls the type's <c>ReadJson</c> and <c>WriteJson</c>.</summary>
    private static string ConverterAttribute(string name) =>
        $"[{CSharp.Json}Serialization.JsonConverter(typeof({CSharp.Runtime}GeneratedJsonConverter<{name}>))]";

    private static string Local(PropertySpec property) => CSharp.Local(property.Name);

    /// <summary>The condition of a member's reading branch: the reader is on its name (and then moves to its value).</summary>
    private static string PropertyIs(PropertySpec property) =>
        CSharp.Runtime + "JsonRead.Property(ref reader, " + CSharp.QuoteUtf8(property.JsonName) + ")";

    private static SourceWriter.LocalName LocalOf(PropertySpec property) => CSharp.LocalOf(property.Name);

    // ------------------------------------------------------------------ unions

    private static void EmitUnion(SourceWriter w, UnionSpec union, string documentClass)
    {
        string name = union.Name;
        CSharp.DocComment(w, "summary", union.Description, "The " + CSharp.Xml(name) + " schema.");
        w.Line("/// <remarks>");
        string unknown = union.UnknownCaseName;
        w.Line($"/// One of: {string.Join(", ", union.Cases.Select(static c => "<see cref=\"" + c.TypeName + "\"/>"))},");
        w.Line($"/// told apart by <c>{CSharp.Xml(union.DiscriminatorJsonName)}</c>, which each case sets itself; or <see cref=\"{unknown}\"/>");
        w.Line($"/// when a server sends a <c>{CSharp.Xml(union.DiscriminatorJsonName)}</c> the schema does not list.");
        w.Line("/// </remarks>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line(ConverterAttribute(name));
        w.OpenBlock($"public abstract partial record {name} : {Models(union, name)}");
        w.Line("/// <summary>Only the generated cases derive from this class.</summary>");
        w.OpenBlock($"private protected {name}()");
        w.CloseBlock();
        w.Line();
        w.Line($"/// <summary>The <c>{CSharp.Xml(union.DiscriminatorJsonName)}</c> that identifies the case.</summary>");
        w.Line($"public abstract string {union.DiscriminatorPropertyName} {{ get; }}");
        w.Line();
        EmitValidateMethods(w, "public abstract void Validate(" + CSharp.Runtime + "ValidationContext context);");
        w.Line();
        EmitJsonSchemaMembers(w, union, documentClass, string.Empty);
        w.Line("/// <inheritdoc/>");
        w.Line($"public string ToJson() => {CSharp.Runtime}JsonRead.Serialize(this, WriteJson);");
        w.Line();
        EmitParseMethods(w, name, string.Empty);

        w.Line("/// <inheritdoc/>");
        w.OpenBlock($"public static {name} ReadJson(ref {CSharp.Json}Utf8JsonReader reader)");
        w.Line($"{CSharp.Runtime}JsonRead.StartObject(ref reader, {CSharp.Quote(name)});");
        w.Line($"string? discriminator = {CSharp.Runtime}JsonRead.PeekDiscriminator(reader, {CSharp.QuoteUtf8(union.DiscriminatorJsonName)});");
        w.OpenBlock("return discriminator switch");
        foreach (UnionCaseSpec unionCase in union.Cases)
        {
            w.Line($"{CSharp.Quote(unionCase.Value)} => {unionCase.TypeName}.ReadJson(ref reader),");
        }

        w.Line($"null => throw {CSharp.Runtime}JsonRead.UnknownDiscriminator({CSharp.Quote(name)}, {CSharp.Quote(union.DiscriminatorJsonName)}, discriminator),");
        w.Line($"_ => {unknown}.ReadJson(ref reader, discriminator),");
        w.CloseBlock(";");
        w.CloseBlock();
        w.Line();
        EmitWriteJsonOverload(w, name);
        w.Line("/// <inheritdoc/>");
        w.OpenBlock($"public static void WriteJson({CSharp.Json}Utf8JsonWriter writer, {name} value, bool redact)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        w.Line("value.WriteJsonCore(writer, redact);");
        w.CloseBlock();
        w.Line();
        w.Line("/// <summary>Writes this case as JSON.</summary>");
        w.Line("/// <param name=\"writer\">The writer.</param>");
        w.Line("/// <param name=\"redact\">True to write sensitive values as <c>\"***\"</c>.</param>");
        w.Line($"private protected abstract void WriteJsonCore({CSharp.Json}Utf8JsonWriter writer, bool redact);");
        w.Line();
        EmitToString(w);
        w.Line();
        EmitUnknownCase(w, union, unknown);
        w.CloseBlock();
    }

    /// <summary>
    /// A server may know more cases than the schema (Buddy has hundreds of action types): such a value
    /// is read as this case, which keeps the discriminator and the whole JSON object and writes it
    /// back unchanged. It is not valid to send: the schema has no case for it.
    /// </summary>
    private static void EmitUnknownCase(SourceWriter w, UnionSpec union, string unknown)
    {
        string name = union.Name;
        string discriminator = union.DiscriminatorPropertyName;
        string element = CSharp.Json + "JsonElement";
        w.Line($"/// <summary>A <see cref=\"{name}\"/> whose <c>{CSharp.Xml(union.DiscriminatorJsonName)}</c> the schema does not list, kept as the JSON that was read.</summary>");
        w.Line($"/// <remarks>It is written back exactly as read; <see cref=\"Validate({CSharp.Runtime}ValidationContext)\"/> reports it, since the schema has no case for it.</remarks>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.OpenBlock($"public sealed partial record {unknown} : {name}");
        w.Line($"/// <summary>Creates the case from a JSON object that has a string <c>{CSharp.Xml(union.DiscriminatorJsonName)}</c>.</summary>");
        w.Line("/// <param name=\"json\">The JSON object; it is copied.</param>");
        w.Line($"/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"json\"/> is not an object with a string <c>{CSharp.Xml(union.DiscriminatorJsonName)}</c>.</exception>");
        w.OpenBlock($"public {unknown}({element} json)");
        w.OpenBlock($"if (json.ValueKind != {CSharp.Json}JsonValueKind.Object || !json.TryGetProperty({CSharp.QuoteUtf8(union.DiscriminatorJsonName)}, out {element} value) || value.ValueKind != {CSharp.Json}JsonValueKind.String)");
        w.Line($"throw new global::System.ArgumentException({CSharp.Quote("The JSON of a " + name + " must be an object with a string '" + union.DiscriminatorJsonName + "'.")}, nameof(json));");
        w.CloseBlock();
        w.Line();
        w.Line($"{discriminator} = value.GetString()!;");
        w.Line("Json = json.Clone();");
        w.CloseBlock();
        w.Line();
        w.OpenBlock($"private {unknown}(string discriminator, {element} json)");
        w.Line($"{discriminator} = discriminator;");
        w.Line("Json = json;");
        w.CloseBlock();
        w.Line();
        w.Line($"/// <summary>The <c>{CSharp.Xml(union.DiscriminatorJsonName)}</c> that the schema does not list.</summary>");
        w.Line($"public override string {discriminator} {{ get; }}");
        w.Line();
        w.Line($"/// <summary>The whole JSON object as it was read, <c>{CSharp.Xml(union.DiscriminatorJsonName)}</c> included.</summary>");
        w.Line($"public {element} Json {{ get; }}");
        w.Line();
        w.Line("/// <summary>True when <paramref name=\"other\"/> has the same JSON (compared as JSON values, not as text).</summary>");
        w.Line("/// <param name=\"other\">The value to compare with.</param>");
        w.Line("/// <returns>Whether the values are equal.</returns>");
        w.Line($"public bool Equals({unknown}? other) => other is not null && (ReferenceEquals(this, other) || ({discriminator} == other.{discriminator} && {element}.DeepEquals(Json, other.Json)));");
        w.Line();
        w.Line($"/// <summary>A hash code consistent with <see cref=\"Equals({unknown})\"/>.</summary>");
        w.Line("/// <returns>The hash code.</returns>");
        w.Line($"public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode({discriminator});");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.OpenBlock($"public override void Validate({CSharp.Runtime}ValidationContext context)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(context);");
        w.Line($"context.AddError(\"oneOf\", \"'\" + {discriminator} + {CSharp.Quote("' is not a " + union.DiscriminatorJsonName + " of " + name + " that the schema lists.")});");
        w.CloseBlock();
        w.Line();
        w.Line("/// <summary>Reads the object the reader is on, whose discriminator is <paramref name=\"discriminator\"/>.</summary>");
        w.Line("/// <param name=\"reader\">The reader; left on the object's last token.</param>");
        w.Line("/// <param name=\"discriminator\">The discriminator, already read.</param>");
        w.Line("/// <returns>The case.</returns>");
        w.Line($"internal static {unknown} ReadJson(ref {CSharp.Json}Utf8JsonReader reader, string discriminator) => new(discriminator, {CSharp.Runtime}JsonRead.Element(ref reader));");
        w.Line();
        w.Line("/// <summary>Writes the JSON as it was read; redacted, every value but the discriminator is <c>\"***\"</c> (which of them are secret is not known).</summary>");
        w.Line("/// <param name=\"writer\">The writer.</param>");
        w.Line("/// <param name=\"redact\">True to hide the values, for logs.</param>");
        w.OpenBlock($"private protected override void WriteJsonCore({CSharp.Json}Utf8JsonWriter writer, bool redact)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        w.OpenBlock("if (!redact)");
        w.Line("Json.WriteTo(writer);");
        w.Line("return;");
        w.CloseBlock();
        w.Line();
        w.Line("writer.WriteStartObject();");
        w.OpenBlock($"foreach ({CSharp.Json}JsonProperty property in Json.EnumerateObject())");
        w.OpenBlock($"if (property.NameEquals({CSharp.QuoteUtf8(union.DiscriminatorJsonName)}))");
        w.Line("property.WriteTo(writer);");
        w.CloseBlock();
        w.OpenBlock("else");
        w.Line("writer.WriteString(property.Name, \"***\"u8);");
        w.CloseBlock();
        w.CloseBlock();
        w.Line();
        w.Line("writer.WriteEndObject();");
        w.CloseBlock();
        w.CloseBlock();
    }

    // ------------------------------------------------------------------ choices (oneOf/anyOf without a discriminator)

    private static void EmitChoice(SourceWriter w, ChoiceSpec choice, string documentClass)
    {
        string name = choice.Name;
        bool hasSchema = HasSchema(choice);
        var patterns = new List<string>();
        string CaseType(ChoiceCaseSpec c) => CSharp.TypeOf(c.Value, nullable: false);
        string Parameter(ChoiceCaseSpec c) => "on" + c.Name;

        CSharp.DocComment(w, "summary", choice.Description, "The " + CSharp.Xml(name) + " schema.");
        w.Line("/// <remarks>");
        w.Line("/// " + (choice.Keyword == "oneOf" ? "Exactly one" : "At least one") + " of (<c>" + choice.Keyword + "</c>): "
            + string.Join(", ", choice.Cases.Select(static c => "<see cref=\"" + c.Name + "Case\"/>")) + ".");
        w.Line($"/// JSON is read as the {(choice.Keyword == "oneOf" ? "only alternative" : "first alternative")} whose schema it matches; use <see cref=\"Match\"/> or <see cref=\"Switch\"/> to handle every case.");
        w.Line("/// </remarks>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line(ConverterAttribute(name));
        w.OpenBlock($"public abstract partial record {name} : {Models(choice, name)}");
        w.Line("/// <summary>Only the generated cases derive from this class.</summary>");
        w.OpenBlock($"private protected {name}()");
        w.CloseBlock();
        w.Line();

        foreach (ChoiceCaseSpec c in choice.Cases)
        {
            string type = CaseType(c);
            string shown = c.Value.Kind is ValueKind.Object or ValueKind.Enum
                ? "<see cref=\"" + c.Value.TypeName + "\"/>"
                : "<c>" + CSharp.Xml(type.Replace("global::", string.Empty)) + "</c>";
            w.Line($"/// <summary>The alternative <c>{CSharp.Xml(choice.Keyword)}[{c.Index}]</c>: a {shown}.</summary>");
            w.OpenBlock($"public sealed record {c.Name}Case : {name}");
            w.Line("/// <summary>Makes the case from its value.</summary>");
            w.Line("/// <param name=\"value\">The value.</param>");
            w.OpenBlock($"public {c.Name}Case({type} value)");
            if (!c.Value.IsValueType)
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
            }

            w.Line("Value = value;");
            w.CloseBlock();
            w.Line();
            w.Line("/// <summary>The value.</summary>");
            w.Line($"public {type} Value {{ get; }}");
            EmitCaseEquality(w, c);
            w.CloseBlock();
            w.Line();
        }

        foreach (ChoiceCaseSpec c in choice.Cases.Where(static c => c.ImplicitConversion))
        {
            w.Line("/// <summary>Wraps <paramref name=\"value\"/> in its case.</summary>");
            w.Line("/// <param name=\"value\">The value.</param>");
            w.Line($"public static implicit operator {name}({CaseType(c)} value) => new {c.Name}Case(value);");
            w.Line();
        }

        // Match and Switch: one handler per case, so adding an alternative to the schema breaks every caller that misses it.
        w.Line("/// <summary>Returns the result of the handler for this value's case.</summary>");
        w.Line("/// <typeparam name=\"TResult\">The type of the result.</typeparam>");
        foreach (ChoiceCaseSpec c in choice.Cases)
        {
            w.Line($"/// <param name=\"{Parameter(c)}\">Handles a <see cref=\"{c.Name}Case\"/>.</param>");
        }

        w.Line("/// <returns>The handler's result.</returns>");
        w.OpenBlock($"public TResult Match<TResult>({string.Join(", ", choice.Cases.Select(c => "global::System.Func<" + CaseType(c) + ", TResult> " + Parameter(c)))})");
        foreach (ChoiceCaseSpec c in choice.Cases)
        {
            w.Line($"global::System.ArgumentNullException.ThrowIfNull({Parameter(c)});");
        }

        w.OpenBlock("return this switch");
        foreach (ChoiceCaseSpec c in choice.Cases)
        {
            w.Line($"{c.Name}Case value => {Parameter(c)}(value.Value),");
        }

        w.Line($"_ => throw new global::System.InvalidOperationException(\"Not a case of {name}.\"),");
        w.CloseBlock(";");
        w.CloseBlock();
        w.Line();
        w.Line("/// <summary>Runs the handler for this value's case.</summary>");
        foreach (ChoiceCaseSpec c in choice.Cases)
        {
            w.Line($"/// <param name=\"{Parameter(c)}\">Handles a <see cref=\"{c.Name}Case\"/>.</param>");
        }

        w.OpenBlock($"public void Switch({string.Join(", ", choice.Cases.Select(c => "global::System.Action<" + CaseType(c) + "> " + Parameter(c)))})");
        foreach (ChoiceCaseSpec c in choice.Cases)
        {
            w.Line($"global::System.ArgumentNullException.ThrowIfNull({Parameter(c)});");
        }

        w.OpenBlock("switch (this)");
        foreach (ChoiceCaseSpec c in choice.Cases)
        {
            w.Line($"case {c.Name}Case value:");
            w.Indent();
            w.Line($"{Parameter(c)}(value.Value);");
            w.Line("break;");
            w.Unindent();
        }

        w.CloseBlock();
        w.CloseBlock();
        w.Line();

        // Validation: each case's typed checks, then the whole schema on the JSON form (which also
        // tells when a value matches more alternatives of a oneOf than its own).
        EmitValidateMethods(w, "public void Validate(" + CSharp.Runtime + "ValidationContext context)");
        w.OpenBlock(string.Empty);
        w.Line("global::System.ArgumentNullException.ThrowIfNull(context);");
        if (hasSchema)
        {
            w.Line("int errorsBefore = context.ErrorCount;");
        }

        List<ChoiceCaseSpec> checkedCases = choice.Cases.Where(static c => ValueCode.NeedsValidation(c.Value)).ToList();
        if (checkedCases.Count > 0)
        {
            w.OpenBlock("switch (this)");
            foreach (ChoiceCaseSpec c in checkedCases)
            {
                w.Line($"case {c.Name}Case {LocalOf(c)}:");
                w.OpenBlock(string.Empty);
                ValueCode.Validate(w, c.Value, Local(c) + ".Value", patterns);
                w.Line("break;");
                w.CloseBlock();
            }

            w.CloseBlock();
        }

        if (hasSchema)
        {
            // A case with errors of its own also fails the union's oneOf/anyOf on the JSON form: that
            // would say the same thing twice, so the JSON form is checked only for a case valid by itself.
            w.OpenBlock("if (context.ErrorCount == errorsBefore)");
            w.Line($"{CSharp.Runtime}JsonValidation.AddErrors(context, errorsBefore, JsonSchema, this, WriteJson);");
            w.CloseBlock();
        }

        w.CloseBlock();
        w.Line();

        if (hasSchema)
        {
            EmitJsonSchemaMembers(w, choice, documentClass, string.Empty);
        }

        w.Line("/// <inheritdoc/>");
        w.Line($"public string ToJson() => {CSharp.Runtime}JsonRead.Serialize(this, WriteJson);");
        w.Line();
        EmitParseMethods(w, name, string.Empty);

        // ReadJson: parse once, then test the alternatives.
        w.Line("/// <inheritdoc/>");
        w.OpenBlock($"public static {name} ReadJson(ref {CSharp.Json}Utf8JsonReader reader)");
        w.Line($"{CSharp.Json}JsonElement json = {CSharp.Runtime}JsonRead.Element(ref reader);");
        string ReadCase(ChoiceCaseSpec c) => "new " + c.Name + "Case(" + CSharp.Runtime + "JsonRead.FromElement(json, static (ref " + CSharp.Json + "Utf8JsonReader r) => " + ValueCode.Read(c.Value, "r") + "))";
        if (!hasSchema)
        {
            // No pointer into the document for inline schemas of operations: the first case that reads.
            foreach (ChoiceCaseSpec c in choice.Cases)
            {
                w.OpenBlock("try");
                w.Line($"return {ReadCase(c)};");
                w.CloseBlock();
                w.OpenBlock($"catch ({CSharp.Json}JsonException)");
                w.CloseBlock();
                w.Line();
            }

            w.Line($"throw {CSharp.Runtime}JsonRead.NoUnionCase({CSharp.Quote(name)}, {CSharp.Quote(choice.Keyword)}, 0);");
        }
        else if (choice.Keyword == "anyOf")
        {
            foreach (ChoiceCaseSpec c in choice.Cases)
            {
                w.OpenBlock($"if (Alternative({c.Index}).IsValid(json))");
                w.Line($"return {ReadCase(c)};");
                w.CloseBlock();
                w.Line();
            }

            w.Line($"throw {CSharp.Runtime}JsonRead.NoUnionCase({CSharp.Quote(name)}, \"anyOf\", 0);");
        }
        else
        {
            w.Line("int matches = 0;");
            w.Line($"{name}? found = null;");
            foreach (ChoiceCaseSpec c in choice.Cases)
            {
                w.OpenBlock($"if (Alternative({c.Index}).IsValid(json) && ++matches == 1)");
                w.Line($"found = {ReadCase(c)};");
                w.CloseBlock();
                w.Line();
            }

            // The null alternative, if any, is read by the caller; a oneOf counts it too.
            w.Line($"return matches == 1 ? found! : throw {CSharp.Runtime}JsonRead.NoUnionCase({CSharp.Quote(name)}, \"oneOf\", matches);");
        }

        w.CloseBlock();
        w.Line();
        if (hasSchema)
        {
            int size = choice.Cases.Max(static c => c.Index) + 1;
            string validator = CSharp.Runtime + "JsonSchemaValidator";
            w.Line($"private static readonly {validator}?[] s_alternatives = new {validator}?[{size}];");
            w.Line();
            w.Line($"/// <summary>The schema of the alternative at <paramref name=\"index\"/> in <c>{choice.Keyword}</c>, built on first use.</summary>");
            w.Line("private static " + validator + " Alternative(int index) => s_alternatives[index] ??= "
                + documentClass + ".Document.Subschema(" + CSharp.String(choice.SchemaPointer + "/" + choice.Keyword + "/") + " + index.ToString(global::System.Globalization.CultureInfo.InvariantCulture));");
            w.Line();
        }

        EmitWriteJsonOverload(w, name);
        w.Line("/// <inheritdoc/>");
        w.OpenBlock($"public static void WriteJson({CSharp.Json}Utf8JsonWriter writer, {name} value, bool redact)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        w.OpenBlock("switch (value)");
        foreach (ChoiceCaseSpec c in choice.Cases)
        {
            w.Line($"case {c.Name}Case {LocalOf(c)}:");
            w.OpenBlock(string.Empty);
            ValueCode.Write(w, c.Value, Local(c) + ".Value", "redact");
            w.Line("break;");
            w.CloseBlock();
        }

        w.Line("default:");
        w.Indent();
        w.Line($"throw new global::System.InvalidOperationException(\"Not a case of {name}.\");");
        w.Unindent();
        w.CloseBlock();
        w.CloseBlock();
        w.Line();
        EmitToString(w);

        if (patterns.Count > 0)
        {
            w.Line();
            EmitPatternFields(w, patterns);
        }

        w.CloseBlock();
    }

    /// <summary>Lists, dictionaries, byte strings, URIs and free-form JSON compare by value, as in the generated records.</summary>
    private static void EmitCaseEquality(SourceWriter w, ChoiceCaseSpec c)
    {
        (string equal, string hash) = c.Value.Kind switch
        {
            ValueKind.Array or ValueKind.Bytes => (CSharp.Runtime + "SchemaEquality.SequenceEqual(Value, other.Value)", CSharp.Runtime + "SchemaEquality.SequenceHashCode(Value)"),
            ValueKind.Uri => (CSharp.Runtime + "SchemaEquality.UriEqual(Value, other.Value)", CSharp.Runtime + "SchemaEquality.UriHashCode(Value)"),
            ValueKind.Map => (CSharp.Runtime + "SchemaEquality.DictionaryEqual(Value, other.Value)", CSharp.Runtime + "SchemaEquality.DictionaryHashCode(Value)"),
            ValueKind.Json => (CSharp.Json + "JsonElement.DeepEquals(Value, other.Value)", "(int)Value.ValueKind"),
            _ => (string.Empty, string.Empty),
        };
        if (equal.Length == 0)
        {
            return;
        }

        w.Line();
        w.Line("/// <summary>True when <paramref name=\"other\"/> holds an equal value, compared item by item.</summary>");
        w.Line("/// <param name=\"other\">The case to compare with.</param>");
        w.Line("/// <returns>Whether the cases are equal.</returns>");
        w.Line($"public bool Equals({c.Name}Case? other) => other is not null && {equal};");
        w.Line();
        w.Line($"/// <summary>A hash code consistent with <see cref=\"Equals({c.Name}Case)\"/>.</summary>");
        w.Line("/// <returns>The hash code.</returns>");
        w.Line($"public override int GetHashCode() => {hash};");
    }

    private static string Local(ChoiceCaseSpec c) => CSharp.Local(c.Name);

    private static SourceWriter.LocalName LocalOf(ChoiceCaseSpec c) => CSharp.LocalOf(c.Name);

    // ------------------------------------------------------------------ enums

    /// <summary>
    /// An enum and its helper class. The helper's members are one-line calls to the runtime's
    /// <c>EnumWireNames</c> table of the enum's wire names (the members are numbered 0, 1, 2... in the schema's
    /// order): a large API has thousands of enums, and a switch per member and method was most of their code.
    /// Their docs are the runtime's (<c>inheritdoc</c>).
    /// </summary>
    private static void EmitEnum(SourceWriter w, EnumSpec type)
    {
        string name = type.Name;
        string helper = name + "Json";
        string table = CSharp.Runtime + "EnumWireNames{TEnum}";
        CSharp.DocComment(w, "summary", type.Description, "The " + CSharp.Xml(name) + " schema.");
        w.Line($"/// <remarks>Written by the schema's names, and a name the schema does not list is kept: see <see cref=\"{helper}\"/>.</remarks>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"[{CSharp.Json}Serialization.JsonConverter(typeof({helper}.Converter))]");
        w.OpenBlock($"public enum {name}");
        foreach (EnumMemberSpec member in type.Members)
        {
            w.Line($"/// <summary><c>{CSharp.Xml(member.WireName)}</c></summary>");
            w.Line($"{member.Name},");
        }

        w.CloseBlock();
        w.Line();
        w.Line($"/// <summary>Converts <see cref=\"{name}\"/> to and from its wire names; a name the schema does not list is read as a negative value that keeps it (<see cref=\"IsDefined\"/> is false for it).</summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.OpenBlock($"public static class {helper}");
        int length = 0;
        foreach (EnumMemberSpec member in type.Members)
        {
            length += member.WireName.Length + 4;
        }

        if (type.Members.Count <= 8 && length <= 80)
        {
            w.Line($"private static readonly {CSharp.Runtime}EnumWireNames<{name}> s_names = new({CSharp.Quote(name)}, [{string.Join(", ", type.Members.Select(static m => CSharp.String(m.WireName)))}]);");
        }
        else
        {
            w.Line($"private static readonly {CSharp.Runtime}EnumWireNames<{name}> s_names = new(");
            w.Indent();
            w.Line($"{CSharp.Quote(name)},");
            w.Line("[");
            w.Indent();
            foreach (EnumMemberSpec member in type.Members)
            {
                w.Line($"{CSharp.Quote(member.WireName)},");
            }

            w.Unindent();
            w.Line("]);");
            w.Unindent();
        }

        w.Line();
        w.Line($"/// <inheritdoc cref=\"{table}.ToWireName\"/>");
        w.Line($"public static string ToWireName(this {name} value) => s_names.ToWireName(value);");
        w.Line();
        w.Line($"/// <inheritdoc cref=\"{table}.FromWireName\"/>");
        w.Line($"public static {name} FromWireName(string wireName) => s_names.FromWireName(wireName);");
        w.Line();
        w.Line($"/// <inheritdoc cref=\"{table}.TryParse\"/>");
        w.Line($"public static bool TryParse(string? wireName, out {name} value) => s_names.TryParse(wireName, out value);");
        w.Line();
        w.Line($"/// <inheritdoc cref=\"{table}.IsDefined\"/>");
        w.Line($"public static bool IsDefined({name} value) => s_names.IsDefined(value);");
        w.Line();
        w.Line($"/// <inheritdoc cref=\"{table}.Read\"/>");
        w.Line($"public static {name} ReadJson(ref {CSharp.Json}Utf8JsonReader reader) => s_names.Read(ref reader);");
        w.Line();
        w.Line($"/// <summary>Lets System.Text.Json read and write <see cref=\"{name}\"/> by its wire names, without reflection.</summary>");
        w.Line($"public sealed class Converter() : {CSharp.Runtime}EnumWireNameConverter<{name}>(s_names);");
        w.CloseBlock();
    }
}
