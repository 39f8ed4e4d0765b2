using System.Globalization;
using System.Text;

namespace SchemaBind.Generator.Emitting;

/// <summary>Literals, type names and XML doc text for generated C#.</summary>
internal static class CSharp
{
    // Aliases that every generated file declares (TypeEmitter.File). An alias qualifier (`SB::`) is looked up
    // among aliases only, so no type or namespace of the user's, whatever its name, can hide these; they spare
    // about 6% of a large API's generated text against `global::SchemaBind.Runtime.` written in full.
    // `SBG::` is the runtime's SchemaBind.Runtime.GeneratedCode: the helpers only generated code calls.
    public const string RuntimeAlias = "SB";
    public const string GeneratedRuntimeAlias = "SBG";
    public const string JsonAlias = "STJ";
    public const string Runtime = RuntimeAlias + "::";
    public const string GeneratedRuntime = GeneratedRuntimeAlias + "::";
    public const string Json = JsonAlias + "::";
    public static readonly string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"SchemaBind\", \"" + ThisAssembly.Version + "\")]";

    public static string String(string value)
    {
        int first = 0;
        while (first < value.Length && (IsPlainAscii(value[first]) || StringEscape(value[first]) is null))
        {
            first++;
        }

        if (first == value.Length)
        {
            return "\"" + value + "\"";
        }

        // The one escaper of string literals is the writer's (SourceWriter.AppendStringLiteral).
        var literal = new SourceWriter();
        literal.AppendStringLiteral(value);
        return literal.ToString();
    }

    /// <summary>How <paramref name="c"/> is written inside a C# string literal, or null when it is written as it is.</summary>
    public static string? StringEscape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\0' => "\\0",
        _ when NeedsUnicodeEscape(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Appends <paramref name="c"/>, or its \uXXXX escape when it is a control or line-breaking character.</summary>
    private static void AppendVisible(StringBuilder builder, char c)
    {
        if (NeedsUnicodeEscape(c))
        {
            builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Append(c);
        }
    }

    /// <summary>Printable ASCII other than a quote or a backslash: written as it is in a string literal.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static bool IsPlainAscii(char c) => c >= ' ' && c < '\u007f' && c != '"' && c != '\\';

    /// <summary>A control or line-breaking character, written as its \uXXXX escape.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool NeedsUnicodeEscape(char c) => c < 0x20 || c == '\u2028' || c == '\u2029' || c == '\u0085';

    /// <summary>The local variable for a member: "Name" → "_name".</summary>
    public static string Local(string memberName) => new(LocalChars(memberName), 0, memberName.Length + 1);

    /// <summary>
    /// The rule of <see cref="Local"/> and <see cref="LocalOf"/>, stated once: '_', then the member's name with its first
    /// letter in lower case, written into the thread's scratch chars (the first <c>memberName.Length + 1</c> of them).
    /// </summary>
    internal static char[] LocalChars(string memberName)
    {
        char[] local = Text.ScratchChars.Take(memberName.Length + 1);
        local[0] = '_';
        local[1] = char.ToLowerInvariant(memberName[0]);
        memberName.CopyTo(1, local, 2, memberName.Length - 1);
        return local;
    }

    /// <summary>A UTF-8 literal ("name"u8) for property names the serializer compares and writes.</summary>
    public static string Utf8(string value) => String(value) + "u8";

    /// <summary><see cref="String"/> for a line's interpolation hole: written escaped into the line, with no string made.</summary>
    public static SourceWriter.Quoted Quote(string value) => new(value, utf8: false);

    /// <summary><see cref="Utf8"/> for a line's interpolation hole: written escaped into the line, with no string made.</summary>
    public static SourceWriter.Quoted QuoteUtf8(string value) => new(value, utf8: true);

    /// <summary>Text for the inside of a string literal in a line's interpolation hole: written escaped, with no string made.</summary>
    public static SourceWriter.Escaped Escape(string text) => new(text);

    /// <summary><see cref="Local"/> for a line's interpolation hole: written into the line, with no string made.</summary>
    public static SourceWriter.LocalName LocalOf(string memberName) => new(memberName);

    /// <summary>The C# type of a value; <paramref name="nullable"/> adds '?' (for optional members).</summary>
    public static string TypeOf(ValueSpec value, bool nullable) => value.Kind switch
    {
        // Both spellings of each keyword type are constants: asked for on every member, they allocate nothing.
        ValueKind.String => nullable ? "string?" : "string",
        ValueKind.Int32 => nullable ? "int?" : "int",
        ValueKind.Int64 => nullable ? "long?" : "long",
        ValueKind.Double => nullable ? "double?" : "double",
        ValueKind.Decimal => nullable ? "decimal?" : "decimal",
        ValueKind.Boolean => nullable ? "bool?" : "bool",
        ValueKind.DateTime => nullable ? "global::System.DateTimeOffset?" : "global::System.DateTimeOffset",
        ValueKind.Date => nullable ? "global::System.DateOnly?" : "global::System.DateOnly",
        ValueKind.Uuid => nullable ? "global::System.Guid?" : "global::System.Guid",
        ValueKind.Uri => nullable ? "global::System.Uri?" : "global::System.Uri",
        ValueKind.Bytes => nullable ? "byte[]?" : "byte[]",
        ValueKind.Object or ValueKind.Enum when !nullable => value.TypeName!,
        ValueKind.Array or ValueKind.Map or ValueKind.Object or ValueKind.Enum => TypeName(value, nullable).ToString(),
        _ => nullable ? Json + "JsonElement?" : Json + "JsonElement",
    };

    /// <summary>
    /// <paramref name="value"/> with each generated type it names that a member of the enclosing type hides
    /// written in full: a record with a property <c>ByNWeekday</c> of type <c>IReadOnlyList&lt;ByNWeekday&gt;</c>
    /// reads its items with <c>global::N.ByNWeekday.ReadJson</c>, since a bare <c>ByNWeekday.ReadJson</c> would
    /// find the property (CS0120). An enum is named in code by its helper (<c>StatusJson</c>) too.
    /// </summary>
    /// <param name="hiding">The enclosing type's member names that hide a type of the same name.</param>
    public static ValueSpec Qualified(ValueSpec value, HashSet<string> hiding, string @namespace)
    {
        ValueSpec? items = value.Items is null ? null : Qualified(value.Items, hiding, @namespace);
        string? typeName = value.TypeName;
        if (typeName is not null && IsHiddenName(value, typeName, hiding))
        {
            typeName = "global::" + @namespace + "." + typeName;
        }

        return ReferenceEquals(items, value.Items) && ReferenceEquals(typeName, value.TypeName) ? value : value with { TypeName = typeName, Items = items };
    }

    /// <summary>Whether <see cref="Qualified"/> changes <paramref name="value"/>.</summary>
    public static bool IsHidden(ValueSpec value, HashSet<string> hiding) =>
        (value.TypeName is string typeName && IsHiddenName(value, typeName, hiding))
        || (value.Items is not null && IsHidden(value.Items, hiding));

    /// <summary>Code names an object type in expressions by its name (<c>T.ReadJson</c>), an enum by its helper's (<c>TJson.ReadJson</c>).</summary>
    private static bool IsHiddenName(ValueSpec value, string typeName, HashSet<string> hiding) =>
        hiding.Contains(value.Kind == ValueKind.Enum ? typeName + "Json" : typeName);

    /// <summary>
    /// Adds to <paramref name="hiding"/> a member <paramref name="name"/> of type <paramref name="value"/> unless C#'s
    /// "Color Color" rule lets the name mean both (a member whose type is the generated record of its own name).
    /// </summary>
    public static void AddHiding(HashSet<string> hiding, string name, ValueSpec? value)
    {
        if (value is null || value.Kind != ValueKind.Object || value.TypeName != name)
        {
            hiding.Add(name);
        }
    }

    /// <summary><see cref="TypeOf"/> for a line's interpolation hole: written into the line, with no string made.</summary>
    public static SourceWriter.TypeName TypeName(ValueSpec value, bool nullable) => new(value, nullable);

    /// <summary>Writes <see cref="TypeOf"/> of <paramref name="value"/>, part by part.</summary>
    public static void WriteType(SourceWriter writer, ValueSpec value, bool nullable)
    {
        switch (value.Kind)
        {
            case ValueKind.Array or ValueKind.Map:
                writer.Append(value.Kind == ValueKind.Array ? ListOf : MapOf);
                WriteType(writer, value.Items!, value.Items!.Nullable);
                writer.Append(nullable ? ">?" : ">");
                break;
            case ValueKind.Object or ValueKind.Enum:
                writer.Append(value.TypeName!);
                if (nullable)
                {
                    writer.Append('?');
                }

                break;
            default:
                writer.Append(TypeOf(value, nullable)); // a keyword type: a constant
                break;
        }
    }

    /// <summary>
    /// <see cref="TypeOf"/> as a <c>cref</c> names it: braces around type arguments, and '?' only on a value type
    /// (a cref names <c>Nullable&lt;T&gt;</c>, but has no nullable reference types).
    /// </summary>
    public static string CrefTypeOf(ValueSpec value, bool nullable) => value.Kind switch
    {
        ValueKind.Array => "global::System.Collections.Generic.IReadOnlyList{" + CrefTypeOf(value.Items!, value.Items!.Nullable) + "}",
        ValueKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary{string, " + CrefTypeOf(value.Items!, value.Items!.Nullable) + "}",
        _ => TypeOf(value, nullable && value.IsValueType),
    };

    private const string ListOf = "global::System.Collections.Generic.IReadOnlyList<";

    private const string MapOf = "global::System.Collections.Generic.IReadOnlyDictionary<string, ";

    /// <summary>
    /// Validation attributes (DataAnnotations' Range, SchemaBind's trim-safe length and pattern
    /// attributes, all ValidationAttribute) that state a value's constraints on
    /// the member, so ASP.NET and options validation understand them and the SchemaBind analyzer can
    /// report a constant that can never be valid. Validation itself is done by the generated code.
    /// </summary>
    public static System.Collections.Generic.IReadOnlyList<string> ConstraintAttributes(ValueSpec value, bool nonEmpty = false)
    {
        if (!nonEmpty && value.Constraints.IsEmpty)
        {
            return Array.Empty<string>(); // most members: no list to make
        }

        const string DataAnnotations = "global::System.ComponentModel.DataAnnotations.";
        var attributes = new System.Collections.Generic.List<string>();
        ConstraintSpec c = value.Constraints;
        switch (value.Kind)
        {
            case ValueKind.String:
            case ValueKind.Array:
                int? min = value.Kind == ValueKind.String ? c.MinLength : c.MinItems;
                int? max = value.Kind == ValueKind.String ? c.MaxLength : c.MaxItems;
                if (nonEmpty && (min is null || min < 1))
                {
                    min = 1;
                }

                if (min is int minimum)
                {
                    attributes.Add("[" + Runtime + "SchemaMinLength(" + minimum.ToString(CultureInfo.InvariantCulture) + ")]");
                }

                if (max is int maximum)
                {
                    attributes.Add("[" + Runtime + "SchemaMaxLength(" + maximum.ToString(CultureInfo.InvariantCulture) + ")]");
                }

                if (value.Kind == ValueKind.String && c.Pattern is not null)
                {
                    attributes.Add("[" + Runtime + "SchemaPattern(" + String(c.Pattern) + ")]");
                }

                break;
            case ValueKind.Int32:
            case ValueKind.Int64:
            case ValueKind.Double:
            case ValueKind.Decimal:
                string? lower = c.ExclusiveMinimum ?? c.Minimum;
                string? upper = c.ExclusiveMaximum ?? c.Maximum;
                if (lower is null && upper is null)
                {
                    break;
                }

                var arguments = new System.Collections.Generic.List<string>
                {
                    lower is null ? "double.MinValue" : DoubleLiteral(lower),
                    upper is null ? "double.MaxValue" : DoubleLiteral(upper),
                };
                if (c.ExclusiveMinimum is not null)
                {
                    arguments.Add("MinimumIsExclusive = true");
                }

                if (c.ExclusiveMaximum is not null)
                {
                    arguments.Add("MaximumIsExclusive = true");
                }

                attributes.Add("[" + DataAnnotations + "Range(" + string.Join(", ", arguments) + ")]");
                break;
        }

        return attributes;
    }

    /// <summary>A number of the schema as a double literal; one beyond double's range (1e400) is an infinity, which compares the same.</summary>
    public static string DoubleLiteral(string raw)
    {
        double value = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsPositiveInfinity(value) ? "double.PositiveInfinity"
            : double.IsNegativeInfinity(value) ? "double.NegativeInfinity"
            : raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0 ? raw + "d" : raw;
    }

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string Xml(string text)
    {
        if (!NeedsXmlEscape(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\uFFFE' or '\uFFFF':
                    // Not characters in XML 1.0 (CS1570): shown as their escapes, as control characters are.
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                case >= '\uD800' and <= '\uDFFF':
                    // A surrogate pair is one character; a lone surrogate is none, and is shown as its escape.
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }

                    break;
                default:
                    // A line break would end the /// comment: control characters are shown escaped.
                    AppendVisible(builder, c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether <see cref="Xml"/> changes <paramref name="text"/>: an XML special char or one that needs a \uXXXX escape.</summary>
    /// <remarks>
    /// Two searches the runtime vectorizes (a set of ASCII chars, and three others) instead of a loop
    /// over the chars: descriptions are most of what is escaped, and they are long.
    /// </remarks>
    private static bool NeedsXmlEscape(string text) =>
        text.AsSpan().IndexOfAny(s_xmlEscapedAscii.AsSpan()) >= 0
        || text.AsSpan().IndexOfAny('\u0085', '\u2028', '\u2029') >= 0
        || (HasCharAbove(text, '\uD7FF') && !IsValidXmlAbove(text));

    /// <summary>Whether a char of <paramref name="text"/> is above <paramref name="limit"/> (most descriptions have none).</summary>
    private static bool HasCharAbove(string text, char limit)
    {
        foreach (char c in text)
        {
            if (c > limit)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>No U+FFFE, U+FFFF or lone surrogate: the chars above U+D7FF are all XML 1.0 characters.</summary>
    private static bool IsValidXmlAbove(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\uFFFE' or '\uFFFF' || char.IsLowSurrogate(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    /// <summary>The ASCII chars <see cref="Xml"/> escapes: the XML specials and the control chars (see <see cref="NeedsUnicodeEscape"/>).</summary>
    private static readonly char[] s_xmlEscapedAscii = CreateXmlEscapedAscii();

    private static char[] CreateXmlEscapedAscii()
    {
        var chars = new char[0x20 + 3];
        for (int c = 0; c < 0x20; c++)
        {
            chars[c] = (char)c;
        }

        chars[0x20] = '&';
        chars[0x21] = '<';
        chars[0x22] = '>';
        return chars;
    }

    private static readonly char[] s_lineBreaks = { '\r', '\n' };

    /// <summary>Writes a &lt;summary&gt; (or other tag) from schema text, one /// line per source line.</summary>
    public static void DocComment(SourceWriter writer, string tag, string? text, string fallback, string attributes = "")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            // The fallback is XML already (it may hold <c> and <see/>); only schema text is escaped.
            writer.Line($"/// <{tag}{attributes}>{fallback}</{tag}>");
            return;
        }

        string trimmed = text!.Trim();
        if (trimmed.IndexOfAny(s_lineBreaks) < 0)
        {
            writer.Line($"/// <{tag}{attributes}>{Xml(trimmed)}</{tag}>");
            return;
        }

        string[] lines = trimmed.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        if (lines.Length == 1)
        {
            writer.Line($"/// <{tag}{attributes}>{Xml(lines[0].Trim())}</{tag}>");
            return;
        }

        writer.Line($"/// <{tag}{attributes}>");
        foreach (string line in lines)
        {
            writer.Line(line.Trim().Length == 0 ? "/// <para/>" : "/// " + Xml(line.Trim()));
        }

        writer.Line($"/// </{tag}>");
    }

    /// <summary>A numeric literal as written in the schema, typed for the value it is compared with.</summary>
    public static string Number(string raw, ValueKind kind) =>
        kind == ValueKind.Decimal ? raw + "m"
        : kind == ValueKind.Double && raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0 ? raw + "d"
        : raw.IndexOfAny(new[] { 'e', 'E' }) >= 0 && kind != ValueKind.Double ? raw + "d"
        : raw;

    /// <summary>The runtime's text form of a formatted string value (for length and pattern checks and URLs).</summary>
    public static string FormattedText(string expression) => GeneratedRuntime + "SchemaFormats.ToText(" + expression + ")";
}
