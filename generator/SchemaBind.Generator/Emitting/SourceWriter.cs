using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using SchemaBind.Generator.Text;

namespace SchemaBind.Generator.Emitting;

/// <summary>
/// An indented writer of C# text, on the <see cref="TextBuilder"/> that keeps a file in packed chunks: C# lines,
/// blocks, string literals and the emitters' interpolated fragments are written here; the chunks are the builder's.
/// </summary>
internal sealed class SourceWriter : TextBuilder
{
    private int _indent;

    public SourceWriter()
        : this(new char[256])
    {
    }

    private SourceWriter(char[] chunk)
        : base(chunk)
    {
    }

    /// <summary>
    /// A writer for a whole generated file; finish with <see cref="ToSourceTextAndFree"/>.
    /// </summary>
    public static SourceWriter ForFile() => new(TakeScratch());

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            Append(' ', _indent * 4);
            Append(text);
        }

        Append('\n');
    }

    /// <summary>
    /// A line written as it is interpolated: <c>w.Line($"public {type} {name};")</c> puts its parts
    /// straight into the file, with no string for the line nor for its parts.
    /// </summary>
    public void Line([InterpolatedStringHandlerArgument("")] ref LineHandler line) => Append('\n');

    /// <summary>A block's header line, written as it is interpolated (see <see cref="Line(ref LineHandler)"/>), then its opening brace.</summary>
    public void OpenBlock([InterpolatedStringHandlerArgument("")] ref LineHandler header)
    {
        if (header.Written)
        {
            Append('\n');
        }

        Line("{");
        _indent++;
    }

    /// <summary>Writes an interpolated line's parts; the indentation goes before the first non-empty one, as for <see cref="Line(string)"/>.</summary>
    [InterpolatedStringHandler]
    public struct LineHandler
    {
        private readonly SourceWriter _writer;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _ = literalLength;
            _ = formattedCount;
            _writer = writer;
            Written = false;
        }

        /// <summary>Whether the line has any text (an empty line gets no indentation).</summary>
        public bool Written { get; private set; }

        public void AppendLiteral(string value) => AppendFormatted(value);

        public void AppendFormatted(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            Start();
            _writer.Append(value!);
        }

        public void AppendFormatted(char value)
        {
            Start();
            _writer.Append(value);
        }

        public void AppendFormatted(int value) => AppendFormatted(value.ToString(CultureInfo.InvariantCulture));

        public void AppendFormatted(Quoted value)
        {
            Start();
            _writer.AppendStringLiteral(value.Text);
            if (value.Utf8)
            {
                _writer.Append("u8");
            }
        }

        public void AppendFormatted(Escaped value)
        {
            Start();
            _writer.AppendEscaped(value.Text, 0, value.Text.Length);
        }

        public void AppendFormatted(TypeName value)
        {
            Start();
            CSharp.WriteType(_writer, value.Value, value.Nullable);
        }

        public void AppendFormatted(ReadExpression value)
        {
            Start();
            ValueCode.WriteRead(_writer, value.Value, value.Reader);
        }

        public void AppendFormatted(LocalName value)
        {
            Start();
            char[] local = CSharp.LocalChars(value.MemberName);
            for (int i = 0; i <= value.MemberName.Length; i++)
            {
                _writer.Append(local[i]);
            }
        }

        private void Start()
        {
            if (!Written)
            {
                _writer.Append(' ', _writer._indent * 4);
                Written = true;
            }
        }
    }

    /// <summary>A text written as a C# string literal (see <see cref="CSharp.Quote"/>); as a string, the same literal.</summary>
    public readonly struct Quoted
    {
        public Quoted(string text, bool utf8)
        {
            Text = text;
            Utf8 = utf8;
        }

        public string Text { get; }

        public bool Utf8 { get; }

        public override string ToString() => Utf8 ? CSharp.Utf8(Text) : CSharp.String(Text);
    }

    /// <summary>A text written escaped for the inside of a C# string literal (see <see cref="CSharp.Escape"/>), without quotes.</summary>
    public readonly struct Escaped
    {
        public Escaped(string text) => Text = text;

        public string Text { get; }

        public override string ToString()
        {
            string literal = CSharp.String(Text);
            return literal.Substring(1, literal.Length - 2);
        }
    }

    /// <summary>The C# type of a value (see <see cref="CSharp.TypeOf"/>); as a string, the same type.</summary>
    public readonly struct TypeName
    {
        public TypeName(ValueSpec value, bool nullable)
        {
            Value = value;
            Nullable = nullable;
        }

        public ValueSpec Value { get; }

        public bool Nullable { get; }

        public override string ToString()
        {
            var fragment = new SourceWriter();
            CSharp.WriteType(fragment, Value, Nullable);
            return fragment.ToString();
        }
    }

    /// <summary>The expression that reads a value (see <see cref="ValueCode.ReadOf"/>); as a string, the same expression.</summary>
    public readonly struct ReadExpression
    {
        public ReadExpression(ValueSpec value, string reader)
        {
            Value = value;
            Reader = reader;
        }

        public ValueSpec Value { get; }

        public string Reader { get; }

        public override string ToString()
        {
            var fragment = new SourceWriter();
            ValueCode.WriteRead(fragment, Value, Reader);
            return fragment.ToString();
        }
    }

    /// <summary>A member's local variable (see <see cref="CSharp.LocalOf"/>); as a string, the same name.</summary>
    public readonly struct LocalName
    {
        public LocalName(string memberName) => MemberName = memberName;

        public string MemberName { get; }

        public override string ToString() => CSharp.Local(MemberName);
    }

    /// <summary>A line made of <paramref name="prefix"/>, <paramref name="value"/> as a C# string literal, and <paramref name="suffix"/>.</summary>
    public void LiteralLine(string prefix, string value, string suffix)
    {
        Append(' ', _indent * 4);
        Append(prefix);
        AppendStringLiteral(value);
        Append(suffix);
        Append('\n');
    }

    public void OpenBlock(string header)
    {
        if (header.Length > 0)
        {
            Line(header);
        }

        Line("{");
        _indent++;
    }

    public void CloseBlock(string suffix = "")
    {
        _indent--;
        Append(' ', _indent * 4);
        Append('}');
        Append(suffix);
        Append('\n');
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    /// <summary>
    /// A line made of <paramref name="prefix"/>, the JSON text <paramref name="json"/> as a C# string literal,
    /// and <paramref name="suffix"/>. The literal is a raw one (<c>"""…"""</c>) that holds the text as it is,
    /// copied in blocks, unless the text has a char C# reads as a line break (see <see cref="FitsRawLiteral"/>);
    /// then it is a quoted literal with escapes.
    /// </summary>
    public void JsonLiteralLine(string prefix, PackedText json, string suffix)
    {
        Append(' ', _indent * 4);
        Append(prefix);
        if (FitsRawLiteral(json))
        {
            Append("\"\"\"");
            Append(json);
            Append("\"\"\"");
        }
        else
        {
            AppendStringLiteral(json.ToString());
        }

        Append(suffix);
        Append('\n');
    }

    /// <summary>
    /// Whether minified JSON can be written as it is between the quotes of a single-line raw string literal
    /// (<c>"""…"""</c>): it does not begin or end with a quote, and has no char that C# reads as a line break. Valid
    /// minified JSON never has three quotes in a row (a string's quotes are escaped, and tokens are separated by
    /// <c>:</c> or <c>,</c>), nor a line feed or carriage return.
    /// </summary>
    internal static bool FitsRawLiteral(PackedText json) =>
        json.Length > 0 && json[0] != '"' && json[json.Length - 1] != '"' && !json.ContainsAny('\u0085', '\u2028', '\u2029');

    /// <summary>Appends <paramref name="value"/> as a C# string literal, quotes included.</summary>
    public void AppendStringLiteral(string value)
    {
        Append('"');
        AppendEscaped(value, 0, value.Length);
        Append('"');
    }

    /// <summary>Appends part of <paramref name="value"/> escaped for the inside of a C# string literal.</summary>
    private void AppendEscaped(string value, int start, int length)
    {
        int end = start + length;
        int run = start;
        for (int i = start; i < end; i++)
        {
            char c = value[i];
            if (CSharp.IsPlainAscii(c))
            {
                continue;
            }

            if (CSharp.StringEscape(c) is string escape)
            {
                Append(value, run, i - run);
                Append(escape);
                run = i + 1;
            }
        }

        Append(value, run, end - run);
    }
}
