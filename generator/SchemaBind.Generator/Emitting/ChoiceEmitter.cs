namespace SchemaBind.Generator.Emitting;

/// <summary>Emits a choice (<c>oneOf</c>/<c>anyOf</c> without a discriminator): a record with one case per alternative, told apart by the JSON it reads.</summary>
internal static class ChoiceEmitter
{
    public static void Emit(SourceWriter w, ChoiceSpec choice, string documentClass)
    {
        string name = choice.Name;
        bool hasSchema = TypeEmitter.HasSchema(choice);
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
        w.Line(TypeEmitter.ConverterAttribute(name));
        w.OpenBlock($"public abstract partial record {name} : {TypeEmitter.RecordBase(choice, name)}, {TypeEmitter.Models(choice, name)}");
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
        // Validate(), FromJson, ToJson, the two-argument WriteJson and ToString are the base record's.
        w.Line("/// <inheritdoc/>");
        w.OpenBlock("public override void Validate(" + CSharp.Runtime + "ValidationContext context)");
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
            w.Line($"{CSharp.GeneratedRuntime}JsonValidation.AddErrors(context, errorsBefore, JsonSchema, this, WriteJson);");
            w.CloseBlock();
        }

        w.CloseBlock();
        w.Line();

        if (hasSchema)
        {
            TypeEmitter.EmitJsonSchemaMembers(w, choice, documentClass, caseOfUnion: false);
        }


        // ReadJson: parse once, then test the alternatives.
        w.Line("/// <inheritdoc/>");
        w.OpenBlock($"public static {name} ReadJson(ref {CSharp.Json}Utf8JsonReader reader)");
        w.Line($"{CSharp.Json}JsonElement json = {CSharp.GeneratedRuntime}JsonRead.Element(ref reader);");
        string ReadCase(ChoiceCaseSpec c) => "new " + c.Name + "Case(" + CSharp.GeneratedRuntime + "JsonRead.FromElement(json, static (ref " + CSharp.Json + "Utf8JsonReader r) => " + ValueCode.Read(c.Value, "r") + "))";
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

            w.Line($"throw {CSharp.GeneratedRuntime}JsonRead.NoUnionCase({CSharp.Quote(name)}, {CSharp.Quote(choice.Keyword)}, 0);");
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

            w.Line($"throw {CSharp.GeneratedRuntime}JsonRead.NoUnionCase({CSharp.Quote(name)}, \"anyOf\", 0);");
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
            w.Line($"return matches == 1 ? found! : throw {CSharp.GeneratedRuntime}JsonRead.NoUnionCase({CSharp.Quote(name)}, \"oneOf\", matches);");
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

        if (patterns.Count > 0)
        {
            w.Line();
            TypeEmitter.EmitPatternFields(w, patterns);
        }

        w.CloseBlock();
    }

    /// <summary>Lists, dictionaries, byte strings, URIs and free-form JSON compare by value, as in the generated records.</summary>
    private static void EmitCaseEquality(SourceWriter w, ChoiceCaseSpec c)
    {
        (string equal, string hash) = c.Value.Kind switch
        {
            ValueKind.Array or ValueKind.Bytes => (CSharp.GeneratedRuntime + "SchemaEquality.SequenceEqual(Value, other.Value)", CSharp.GeneratedRuntime + "SchemaEquality.SequenceHashCode(Value)"),
            ValueKind.Uri => (CSharp.GeneratedRuntime + "SchemaEquality.UriEqual(Value, other.Value)", CSharp.GeneratedRuntime + "SchemaEquality.UriHashCode(Value)"),
            ValueKind.Map => (CSharp.GeneratedRuntime + "SchemaEquality.DictionaryEqual(Value, other.Value)", CSharp.GeneratedRuntime + "SchemaEquality.DictionaryHashCode(Value)"),
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
}
