using Microsoft.CodeAnalysis.Text;

namespace SchemaBind.Generator.Emitting;

/// <summary>
/// Emits the files of generated types and the embedded schema document. Each kind of type has its emitter
/// (<see cref="ObjectEmitter"/>, <see cref="UnionEmitter"/>, <see cref="ChoiceEmitter"/>, <see cref="EnumEmitter"/>); the members
/// that several kinds write the same way (parsing, validation entry points, the JSON Schema accessors) are here.
/// </summary>
internal static class TypeEmitter
{
    /// <summary>A file with the given types, in their order.</summary>
    public static SourceText Emit(string @namespace, EquatableArray<TypeSpec> types, string documentClass, bool nullableWarnings = false) => File(@namespace, nullableWarnings, w =>
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
            case ObjectSpec obj: ObjectEmitter.Emit(w, obj, documentClass, @namespace); break;
            case EnumSpec enumSpec: EnumEmitter.Emit(w, enumSpec); break;
            case UnionSpec union: UnionEmitter.Emit(w, union, documentClass); break;
            case ChoiceSpec choice: ChoiceEmitter.Emit(w, choice, documentClass); break;
        }
    }

    /// <summary>The static class that embeds the schema document and builds its JSON validator.</summary>
    public static SourceText EmitSchemaDocument(string @namespace, SchemaDocumentSpec document, bool nullableWarnings = false) => File(@namespace, nullableWarnings, w =>
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

    /// <summary>
    /// The JSON validator of a named type: its subschema of the embedded document. <c>ValidateJson</c>, which uses it, is
    /// the base record's (<see cref="RecordBase"/>); a union's case, whose base is the union, hides the union's with its own.
    /// </summary>
    internal static void EmitJsonSchemaMembers(SourceWriter w, TypeSpec type, string documentClass, bool caseOfUnion)
    {
        if (!HasSchema(type))
        {
            return; // inline schemas of operations have no stable pointer into the document
        }

        string hide = caseOfUnion ? "new " : string.Empty;
        string validator = CSharp.Runtime + "JsonSchemaValidator";
        w.Line($"private static {validator}? s_jsonSchema;");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public static {hide}{validator} JsonSchema => s_jsonSchema ??= {documentClass}.Document.Subschema({CSharp.Quote(type.SchemaPointer)});");
        w.Line();
        if (caseOfUnion)
        {
            w.Line("/// <inheritdoc/>");
            w.Line($"public static new global::System.Collections.Generic.IReadOnlyList<{CSharp.Runtime}ValidationError> ValidateJson({CSharp.Json}JsonElement json) => JsonSchema.Validate(json);");
            w.Line();
        }
    }

    /// <summary>Whether the type's schema has a stable place in the embedded document (inline schemas of operations have none).</summary>
    internal static bool HasSchema(TypeSpec type) => !type.SchemaPointer.StartsWith("#/paths/", System.StringComparison.Ordinal);

    /// <summary>
    /// The runtime's base record of a generated object, union or choice: it declares once the members that are the same in
    /// every type (FromJson, the two-argument WriteJson, ToJson, Validate(), ToString and, with a schema, ValidateJson),
    /// built on the ones the type declares itself (ReadJson, the three-argument WriteJson, Validate(context), JsonSchema).
    /// </summary>
    internal static string RecordBase(TypeSpec type, string name) =>
        CSharp.Runtime + (HasSchema(type) ? "JsonSchemaRecord<" : "JsonRecord<") + name + ">";

    /// <summary>
    /// The runtime interfaces of a generated type: they declare its JSON and validation members once, with their docs,
    /// which the generated members inherit (<c>inheritdoc</c>) instead of repeating them in every type.
    /// </summary>
    internal static string Models(TypeSpec type, string name) =>
        CSharp.Runtime + "IJsonModel<" + name + ">" + (HasSchema(type) ? ", " + CSharp.Runtime + "IJsonSchemaModel<" + name + ">" : string.Empty);

    /// <summary>A generated file: the header every file has (written here only), the aliases, the namespace, then <paramref name="body"/>.</summary>
    /// <param name="nullableWarnings">
    /// The project's <c>SchemaBindNullableWarnings</c>. False (the default): <c>#nullable enable annotations</c> and
    /// <c>#nullable disable warnings</c>, as System.Text.Json's generator writes its output: the types keep every
    /// annotation users see, and the compiler skips the nullable analysis of the generated bodies, about a fifth of
    /// its work on them (docs/performance.md). True: <c>#nullable enable</c>, so that nullable mistakes of the
    /// generator are warnings; <c>schemabind check</c> and the tests compile the output this way.
    /// </param>
    public static SourceText File(string @namespace, bool nullableWarnings, System.Action<SourceWriter> body)
    {
        SourceWriter w = SourceWriter.ForFile();
        // Analyzers skip the file; the compiler's own warnings (CS0618 and the like) still apply to it.
        w.Line("// <auto-generated/>");
        w.Line("// Generated by SchemaBind from a schema file. Edit the schema, not this file.");
        if (nullableWarnings)
        {
            w.Line("#nullable enable");
        }
        else
        {
            w.Line("#nullable enable annotations");
            w.Line("#nullable disable warnings");
        }

        w.Line();
        w.Line($"using {CSharp.RuntimeAlias} = global::SchemaBind.Runtime;");
        w.Line($"using {CSharp.GeneratedRuntimeAlias} = global::SchemaBind.Runtime.GeneratedCode;");
        w.Line($"using {CSharp.JsonAlias} = global::System.Text.Json;");
        w.Line();
        w.Line($"namespace {@namespace};");
        w.Line();
        body(w);
        return w.ToSourceTextAndFree();
    }

    // ------------------------------------------------------------------ members several kinds share

    /// <summary>One Regex per distinct pattern of a type. JSON Schema patterns are not anchored: IsMatch searches.</summary>
    internal static void EmitPatternFields(SourceWriter w, List<string> patterns)
    {
        for (int i = 0; i < patterns.Count; i++)
        {
            w.Line("private static readonly global::System.Text.RegularExpressions.Regex s_pattern" + i
                + " = " + CSharp.GeneratedRuntime + "SchemaRegex.Create(" + CSharp.String(patterns[i]) + ");");
        }
    }

    internal static void EmitWriteJsonOverload(SourceWriter w, string name)
    {
        w.Line("/// <inheritdoc/>");
        w.Line($"public static void WriteJson({CSharp.Json}Utf8JsonWriter writer, {name} value) => WriteJson(writer, value, redact: false);");
        w.Line();
    }

    internal static void EmitParseMethods(SourceWriter w, string name, string hide)
    {
        w.Line("/// <inheritdoc/>");
        w.Line($"public static {hide}{name} FromJson(string json) => {CSharp.GeneratedRuntime}JsonRead.Parse(json, ReadJson);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public static {hide}{name} FromJson(global::System.ReadOnlySpan<byte> utf8Json) => {CSharp.GeneratedRuntime}JsonRead.Parse(utf8Json, ReadJson);");
        w.Line();
    }

    /// <summary>Lets System.Text.Json read and write the type with its generated code, without reflection: the runtime's one converter, which calls the type's <c>ReadJson</c> and <c>WriteJson</c>.</summary>
    internal static string ConverterAttribute(string name) =>
        $"[{CSharp.Json}Serialization.JsonConverter(typeof({CSharp.GeneratedRuntime}GeneratedJsonConverter<{name}>))]";
}
