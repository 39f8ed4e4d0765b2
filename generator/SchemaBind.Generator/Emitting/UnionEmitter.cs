namespace SchemaBind.Generator.Emitting;

/// <summary>Emits a discriminated union (<c>oneOf</c> with a discriminator): an abstract record, its cases, and the case for values the schema does not know.</summary>
internal static class UnionEmitter
{
    public static void Emit(SourceWriter w, UnionSpec union, string documentClass)
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
        w.Line(TypeEmitter.ConverterAttribute(name));
        w.OpenBlock($"public abstract partial record {name} : {TypeEmitter.RecordBase(union, name)}, {TypeEmitter.Models(union, name)}");
        w.Line("/// <summary>Only the generated cases derive from this class.</summary>");
        w.OpenBlock($"private protected {name}()");
        w.CloseBlock();
        w.Line();
        w.Line($"/// <summary>The <c>{CSharp.Xml(union.DiscriminatorJsonName)}</c> that identifies the case.</summary>");
        w.Line($"public abstract string {union.DiscriminatorPropertyName} {{ get; }}");
        w.Line();
        // Validate(), Validate(context) (abstract: each case has its own), FromJson, ToJson and ToString are the base record's.
        TypeEmitter.EmitJsonSchemaMembers(w, union, documentClass, caseOfUnion: false);
        w.Line("/// <inheritdoc/>");
        w.OpenBlock($"public static {name} ReadJson(ref {CSharp.Json}Utf8JsonReader reader)");
        w.Line($"{CSharp.GeneratedRuntime}JsonRead.StartObject(ref reader, {CSharp.Quote(name)});");
        // The value is matched as characters on the stack (a switch on a span): a string is made only for an unknown case.
        w.OpenBlock($"return {CSharp.GeneratedRuntime}JsonRead.PeekDiscriminator(reader, {CSharp.QuoteUtf8(union.DiscriminatorJsonName)}, stackalloc char[64], {CSharp.Quote(name)}) switch");
        foreach (UnionCaseSpec unionCase in union.Cases)
        {
            w.Line($"{CSharp.Quote(unionCase.Value)} => {unionCase.TypeName}.ReadJson(ref reader),");
        }

        w.Line($"var other => {unknown}.ReadJson(ref reader, other.ToString()),");
        w.CloseBlock(";");
        w.CloseBlock();
        w.Line();
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
        w.Line($"internal static {unknown} ReadJson(ref {CSharp.Json}Utf8JsonReader reader, string discriminator) => new(discriminator, {CSharp.GeneratedRuntime}JsonRead.Element(ref reader));");
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
}
