using SchemaBind.Runtime.Internal;

namespace SchemaBind.Generator.Emitting;

/// <summary>
/// The code that reads, writes and validates one value, shared by objects, arrays and the client.
/// </summary>
internal static class ValueCode
{
    /// <summary>An expression that reads the value the reader (<paramref name="reader"/>) is on.</summary>
    public static string Read(ValueSpec value, string reader) => ReadOf(value, reader).ToString();

    /// <summary><see cref="Read"/> for a line's interpolation hole: written straight into the line, with no string made.</summary>
    public static SourceWriter.ReadExpression ReadOf(ValueSpec value, string reader) => new(value, reader);

    /// <summary>Writes the expression of <see cref="Read"/>; <paramref name="depth"/> names the readers of nested lambdas.</summary>
    public static void WriteRead(SourceWriter w, ValueSpec value, string reader, int depth = 0)
    {
        string? method = value.Kind switch
        {
            ValueKind.String => "String",
            ValueKind.Int32 => "Int32",
            ValueKind.Int64 => "Int64",
            ValueKind.Double => "Double",
            ValueKind.Decimal => "Decimal",
            ValueKind.DateTime => "DateTime",
            ValueKind.Date => "Date",
            ValueKind.Uuid => "Uuid",
            ValueKind.Uri => "Uri",
            ValueKind.Bytes => "Bytes",
            ValueKind.Boolean => "Boolean",
            ValueKind.Array => "Array",
            ValueKind.Map => "Map",
            _ => null,
        };
        switch (value.Kind)
        {
            case ValueKind.Object:
            case ValueKind.Enum:
                if (value.Nullable)
                {
                    w.Append("(");
                    w.Append(reader);
                    w.Append(".TokenType == " + CSharp.Json + "JsonTokenType.Null ? null : ");
                }

                w.Append(ReaderOf(value));
                w.Append(".ReadJson(ref ");
                w.Append(reader);
                w.Append(value.Nullable ? "))" : ")");
                return;
            case ValueKind.Json:
                w.Append(CSharp.GeneratedRuntime + "JsonRead.Element(ref ");
                w.Append(reader);
                w.Append(")");
                return;
        }

        w.Append(CSharp.GeneratedRuntime + "JsonRead.");
        w.Append(method!);
        if (value.Nullable)
        {
            w.Append("OrNull");
        }

        w.Append("(ref ");
        w.Append(reader);
        if (value.Kind is ValueKind.Array or ValueKind.Map)
        {
            string item = "r" + (depth + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            w.Append(", static (ref " + CSharp.Json + "Utf8JsonReader ");
            w.Append(item);
            w.Append(") => ");
            WriteRead(w, value.Items!, item, depth + 1);
        }

        w.Append(")");
    }

    /// <summary>
    /// Emits the writing of a member named <paramref name="jsonName"/>: a string, enum, number or boolean
    /// with its name in one call (Utf8JsonWriter.WriteString and its kin, the named forms of the calls
    /// <see cref="Write"/> makes), anything else as its name and then <see cref="Write"/>.
    /// </summary>
    public static void WriteNamed(SourceWriter w, ValueSpec value, string jsonName, string expression, string redact)
    {
        if (NamedCall(value, jsonName, expression) is string call)
        {
            w.Line(call);
            return;
        }

        w.Line($"writer.WritePropertyName({CSharp.QuoteUtf8(jsonName)});");
        Write(w, value, expression, redact);
    }

    /// <summary>
    /// The one statement that writes the property <paramref name="jsonName"/> with the non-null value
    /// <paramref name="expression"/>, for scalars (name and value in one writer call); null for other values.
    /// </summary>
    public static string? NamedCall(ValueSpec value, string jsonName, string expression)
    {
        SourceWriter.Quoted name = CSharp.QuoteUtf8(jsonName);
        return value.Kind switch
        {
            ValueKind.String => $"writer.WriteString({name}, {expression});",
            ValueKind.Enum => $"writer.WriteString({name}, {ReaderOf(value)}.ToWireName({expression}));",
            ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Decimal => $"writer.WriteNumber({name}, {expression});",
            ValueKind.Boolean => $"writer.WriteBoolean({name}, {expression});",
            _ when value.IsFormattedString => $"{CSharp.GeneratedRuntime}SchemaFormats.Write(writer, {name}, {expression});",
            _ => null,
        };
    }

    /// <summary>Writes the non-null value <paramref name="expression"/> (the property name is already written).</summary>
    /// <param name="redact">An expression: true when sensitive values are to be written as "***".</param>
    public static void Write(SourceWriter w, ValueSpec value, string expression, string redact, int depth = 0)
    {
        switch (value.Kind)
        {
            case ValueKind.String:
                w.Line($"writer.WriteStringValue({expression});");
                break;
            case ValueKind.Int32:
            case ValueKind.Int64:
            case ValueKind.Double:
            case ValueKind.Decimal:
                w.Line($"writer.WriteNumberValue({expression});");
                break;
            case ValueKind.DateTime:
            case ValueKind.Date:
            case ValueKind.Uuid:
            case ValueKind.Uri:
            case ValueKind.Bytes:
                w.Line($"{CSharp.GeneratedRuntime}SchemaFormats.Write(writer, {expression});");
                break;
            case ValueKind.Boolean:
                w.Line($"writer.WriteBooleanValue({expression});");
                break;
            case ValueKind.Enum:
                w.Line($"writer.WriteStringValue({ReaderOf(value)}.ToWireName({expression}));");
                break;
            case ValueKind.Object:
                w.Line($"{value.TypeName}.WriteJson(writer, {expression}{(redact == "false" ? string.Empty : ", " + redact)});");
                break;
            case ValueKind.Array:
                string item = "item" + depth;
                w.Line("writer.WriteStartArray();");
                w.OpenBlock($"foreach ({CSharp.TypeName(value.Items!, value.Items!.Nullable)} {item} in {expression})");
                if (value.Items!.Nullable || !value.Items.IsValueType)
                {
                    w.OpenBlock($"if ({item} is null)");
                    w.Line("writer.WriteNullValue();");
                    w.CloseBlock();
                    w.OpenBlock("else");
                    Write(w, NonNull(value.Items), value.Items.IsValueType ? item + ".Value" : item, redact, depth + 1);
                    w.CloseBlock();
                }
                else
                {
                    Write(w, value.Items, item, redact, depth + 1);
                }

                w.CloseBlock();
                w.Line("writer.WriteEndArray();");
                break;
            case ValueKind.Map:
                w.Line("writer.WriteStartObject();");
                WriteEntries(w, value.Items!, expression, redact, depth);
                w.Line("writer.WriteEndObject();");
                break;
            default:
                w.Line($"{expression}.WriteTo(writer);");
                break;
        }
    }

    /// <summary>Writes each entry of the dictionary <paramref name="expression"/> as a member of the object being written.</summary>
    /// <param name="skippedKeys">A pattern (<c>"a" or "b"</c>) of keys not to write, or null.</param>
    public static void WriteEntries(SourceWriter w, ValueSpec itemValue, string expression, string redact, int depth, string? skippedKeys = null)
    {
        string entry = "entry" + depth;
        w.OpenBlock($"foreach (global::System.Collections.Generic.KeyValuePair<string, {CSharp.TypeName(itemValue, itemValue.Nullable)}> {entry} in {expression})");
        if (skippedKeys is not null)
        {
            w.OpenBlock($"if ({entry}.Key is {skippedKeys})");
            w.Line("continue;");
            w.CloseBlock();
            w.Line();
        }

        w.Line($"writer.WritePropertyName({entry}.Key);");
        if (itemValue.Nullable || !itemValue.IsValueType)
        {
            w.OpenBlock($"if ({entry}.Value is null)");
            w.Line("writer.WriteNullValue();");
            w.CloseBlock();
            w.OpenBlock("else");
            Write(w, NonNull(itemValue), entry + ".Value" + (itemValue.IsValueType ? ".Value" : string.Empty), redact, depth + 1);
            w.CloseBlock();
        }
        else
        {
            Write(w, itemValue, entry + ".Value", redact, depth + 1);
        }

        w.CloseBlock();
    }

    /// <summary>The value, not nullable: itself when it is not (a record's <c>with</c> would copy it anyway).</summary>
    public static ValueSpec NonNull(ValueSpec value) => value.Nullable ? value with { Nullable = false } : value;

    /// <summary>True when validating a non-null value of this shape can find an error.</summary>
    public static bool NeedsValidation(ValueSpec value) => value.Kind switch
    {
        ValueKind.Object or ValueKind.Enum => true,
        ValueKind.Array => !value.Constraints.IsEmpty || NeedsValidation(value.Items!) || (!value.Items!.Nullable && !value.Items.IsValueType),
        ValueKind.Map => NeedsValidation(value.Items!) || (!value.Items!.Nullable && !value.Items.IsValueType),
        ValueKind.Json => false,
        _ => !value.Constraints.IsEmpty,
    };

    /// <summary>
    /// Emits the checks of a non-null value <paramref name="expression"/>, with the validation
    /// context already at its location. Patterns are registered in <paramref name="patterns"/>.
    /// </summary>
    /// <param name="error">Makes the statement that reports an error from (keyword, message); by default it adds the error to <c>context</c>.</param>
    public static void Validate(SourceWriter w, ValueSpec value, string expression, List<string> patterns, int depth = 0, System.Action<SourceWriter, string, string>? error = null)
    {
        bool contextErrors = error is null;
        error ??= AddError;
        ConstraintSpec c = value.Constraints;
        if (value.IsFormattedString)
        {
            // minLength, maxLength and pattern apply to the text that is sent.
            // A block of its own, so that two such values in one method never clash.
            string text = "text" + depth;
            w.OpenBlock(string.Empty);
            w.Line($"string {text} = {CSharp.FormattedText(expression)};");
            Validate(w, value with { Kind = ValueKind.String }, text, patterns, depth, error);
            w.CloseBlock();
            return;
        }

        switch (value.Kind)
        {
            case ValueKind.String:
                if (c.MinLength is not null || c.MaxLength is not null)
                {
                    string length = "length" + depth;
                    w.Line($"int {length} = {CSharp.GeneratedRuntime}SchemaText.CodePointLength({expression});");
                    if (c.MinLength is int min)
                    {
                        AddErrorIf(w, error, length + " < " + min, "minLength", ValidationMessages.Count("minLength", Invariant(min)));
                    }

                    if (c.MaxLength is int max)
                    {
                        AddErrorIf(w, error, length + " > " + max, "maxLength", ValidationMessages.Count("maxLength", Invariant(max)));
                    }
                }

                if (c.Pattern is not null)
                {
                    AddErrorIf(w, error, "!" + PatternField(c.Pattern, patterns) + ".IsMatch(" + expression + ")", "pattern", ValidationMessages.Pattern(c.Pattern));
                }

                break;
            case ValueKind.Int32:
            case ValueKind.Int64:
                // Exact for any bound written (1.5, 1e20, 9223372036854776000): see IntegerBounds.
                EmitIntegerBound(w, error, expression, value.Kind, c.Minimum, "minimum", lower: true, exclusive: false);
                EmitIntegerBound(w, error, expression, value.Kind, c.ExclusiveMinimum, "exclusiveMinimum", lower: true, exclusive: true);
                EmitIntegerBound(w, error, expression, value.Kind, c.Maximum, "maximum", lower: false, exclusive: false);
                EmitIntegerBound(w, error, expression, value.Kind, c.ExclusiveMaximum, "exclusiveMaximum", lower: false, exclusive: true);
                EmitMultipleOf(w, error, expression, value, c);
                break;
            case ValueKind.Double:
            case ValueKind.Decimal:
                if (c.Minimum is not null)
                {
                    AddErrorIf(w, error, NumberComparison(expression, " < ", c.Minimum, value.Kind), "minimum", ValidationMessages.Bound("minimum", c.Minimum));
                }

                if (c.ExclusiveMinimum is not null)
                {
                    AddErrorIf(w, error, NumberComparison(expression, " <= ", c.ExclusiveMinimum, value.Kind), "exclusiveMinimum", ValidationMessages.Bound("exclusiveMinimum", c.ExclusiveMinimum));
                }

                if (c.Maximum is not null)
                {
                    AddErrorIf(w, error, NumberComparison(expression, " > ", c.Maximum, value.Kind), "maximum", ValidationMessages.Bound("maximum", c.Maximum));
                }

                if (c.ExclusiveMaximum is not null)
                {
                    AddErrorIf(w, error, NumberComparison(expression, " >= ", c.ExclusiveMaximum, value.Kind), "exclusiveMaximum", ValidationMessages.Bound("exclusiveMaximum", c.ExclusiveMaximum));
                }

                EmitMultipleOf(w, error, expression, value, c);
                break;
            case ValueKind.Enum:
                AddErrorIf(w, error, "!" + ReaderOf(value) + ".IsDefined(" + expression + ")", "enum", ValidationMessages.Enum);
                break;
            case ValueKind.Object:
                w.Line($"{expression}.Validate(context);");
                break;
            case ValueKind.Array:
                if (c.MinItems is int minItems)
                {
                    AddErrorIf(w, error, expression + ".Count < " + minItems, "minItems", ValidationMessages.Count("minItems", Invariant(minItems)));
                }

                if (c.MaxItems is int maxItems)
                {
                    AddErrorIf(w, error, expression + ".Count > " + maxItems, "maxItems", ValidationMessages.Count("maxItems", Invariant(maxItems)));
                }

                ValueSpec items = value.Items!;
                bool checkNull = !items.Nullable && !items.IsValueType;
                if (checkNull && contextErrors && (items.Kind == ValueKind.Object || !NeedsValidation(items)))
                {
                    // The common lists (of generated types, of values with no checks) in one runtime call, not a loop.
                    string check = items.Kind == ValueKind.Object ? "Models" : "NotNull";
                    w.Line($"{CSharp.GeneratedRuntime}ItemChecks.{check}(context, {expression});");
                }
                else if (NeedsValidation(items) || checkNull)
                {
                    string i = "i" + depth;
                    string item = "item" + depth;
                    w.OpenBlock($"for (int {i} = 0; {i} < {expression}.Count; {i}++)");
                    w.Line($"context.Push({i});");
                    w.Line($"{CSharp.TypeName(items, items.Nullable)} {item} = {expression}[{i}];");
                    if (checkNull)
                    {
                        w.OpenBlock($"if ({item} is null)");
                        error(w, "type", ValidationMessages.NotNull);
                        w.CloseBlock();
                        if (NeedsValidation(items))
                        {
                            w.OpenBlock("else");
                            Validate(w, items, item, patterns, depth + 1, error);
                            w.CloseBlock();
                        }
                    }
                    else if (items.Nullable)
                    {
                        w.OpenBlock($"if ({item} is {{ }} {item}Value)");
                        Validate(w, NonNull(items), item + "Value", patterns, depth + 1, error);
                        w.CloseBlock();
                    }
                    else
                    {
                        Validate(w, items, item, patterns, depth + 1, error);
                    }

                    w.Line("context.Pop();");
                    w.CloseBlock();
                }

                break;
            case ValueKind.Map:
                ValidateEntries(w, value.Items!, expression, patterns, depth, error);
                break;
        }
    }

    /// <summary>Emits the checks of each value of the dictionary <paramref name="expression"/>, at the location of its key.</summary>
    public static void ValidateEntries(SourceWriter w, ValueSpec itemValue, string expression, List<string> patterns, int depth, System.Action<SourceWriter, string, string>? error = null)
    {
        error ??= AddError;
        bool checkNull = !itemValue.Nullable && !itemValue.IsValueType;
        if (!NeedsValidation(itemValue) && !checkNull)
        {
            return;
        }

        string entry = "entry" + depth;
        string item = "item" + depth;
        w.OpenBlock($"foreach (global::System.Collections.Generic.KeyValuePair<string, {CSharp.TypeName(itemValue, itemValue.Nullable)}> {entry} in {expression})");
        w.Line($"context.Push({entry}.Key);");
        if (checkNull)
        {
            w.OpenBlock($"if ({entry}.Value is not {{ }} {item})");
            error(w, "type", ValidationMessages.NotNull);
            w.CloseBlock();
            if (NeedsValidation(itemValue))
            {
                w.OpenBlock("else");
                Validate(w, itemValue, item, patterns, depth + 1, error);
                w.CloseBlock();
            }
        }
        else if (itemValue.Nullable)
        {
            w.OpenBlock($"if ({entry}.Value is {{ }} {item})");
            Validate(w, NonNull(itemValue), item, patterns, depth + 1, error);
            w.CloseBlock();
        }
        else
        {
            Validate(w, itemValue, entry + ".Value", patterns, depth + 1, error);
        }

        w.Line("context.Pop();");
        w.CloseBlock();
    }

    /// <summary>The static class or type that reads and writes a named value.</summary>
    public static string ReaderOf(ValueSpec value) => value.Kind == ValueKind.Enum ? value.TypeName + "Json" : value.TypeName!;

    /// <summary>The check of one bound of an integer (none where every value of its type meets it).</summary>
    private static void EmitIntegerBound(SourceWriter w, System.Action<SourceWriter, string, string> error, string expression, ValueKind kind, string? bound, string keyword, bool lower, bool exclusive)
    {
        if (bound is not null && !IntegerBounds.AlwaysHolds(bound, kind, lower, exclusive))
        {
            AddErrorIf(w, error, IntegerBounds.BrokenCondition(expression, bound, kind, lower, exclusive), keyword, ValidationMessages.Bound(keyword, bound));
        }
    }

    /// <summary>
    /// A comparison of a double or decimal value with a bound as written in the schema. A bound beyond the range
    /// of decimal is compared with the value as a double, and one beyond the range of double (1e400) as an
    /// infinity: the answer is the same for every value the type holds, and the literal compiles.
    /// </summary>
    private static string NumberComparison(string expression, string comparison, string bound, ValueKind kind)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (kind == ValueKind.Decimal && decimal.TryParse(bound, System.Globalization.NumberStyles.Float, invariant, out _))
        {
            return expression + comparison + CSharp.Number(bound, kind);
        }

        string left = kind == ValueKind.Decimal ? "(double)" + expression : expression;
        string right = CSharp.DoubleLiteral(bound);
        return left + comparison + right;
    }

    /// <summary>The check of <c>multipleOf</c> on a number.</summary>
    private static void EmitMultipleOf(SourceWriter w, System.Action<SourceWriter, string, string> error, string expression, ValueSpec value, ConstraintSpec c)
    {
        if (c.MultipleOf is not null)
        {
            // Exact: integers by an integer divide as integers, anything else as decimal.
            bool integral = value.Kind != ValueKind.Decimal
                && long.TryParse(c.MultipleOf, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
            string remainder = integral
                ? expression + " % " + c.MultipleOf + " != 0"
                : (value.Kind == ValueKind.Decimal ? expression : "(decimal)" + expression) + " % " + c.MultipleOf + "m != 0m";
            AddErrorIf(w, error, remainder, "multipleOf", ValidationMessages.Bound("multipleOf", c.MultipleOf));
        }
    }

    private static void AddErrorIf(SourceWriter w, System.Action<SourceWriter, string, string> error, string condition, string keyword, string message)
    {
        w.OpenBlock($"if ({condition})");
        error(w, keyword, message);
        w.CloseBlock();
    }

    /// <summary>The line that reports a failed check to the validation context (the default of Validate's <c>error</c>).</summary>
    private static void AddError(SourceWriter w, string keyword, string message) =>
        w.Line($"context.AddError({CSharp.Quote(keyword)}, {CSharp.Quote(message)});");

    /// <summary>The static Regex field of a pattern (<c>s_pattern0</c>, ...), registered once per type in <paramref name="patterns"/>.</summary>
    public static string PatternField(string pattern, List<string> patterns)
    {
        int index = patterns.IndexOf(pattern);
        if (index < 0)
        {
            index = patterns.Count;
            patterns.Add(pattern);
        }

        return "s_pattern" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Invariant(int count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
