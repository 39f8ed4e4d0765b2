using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using SchemaBind.Generator.Model;
using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Emitting;

/// <summary>
/// An indented text writer; generated code is plain text. The text is written into one reused chunk of
/// <see cref="ChunkSize"/> chars; each full chunk is kept one byte per char (Latin-1) when all its chars
/// fit in a byte, which generated C# almost always does, and as chars otherwise. The kept chunks become
/// the file's <see cref="SourceText"/> as they are: a file is never copied whole, nor held as one string
/// (a large one would go on the large object heap, whose allocations cost full collections), and the
/// text the compiler holds is half the size of UTF-16.
/// </summary>
internal sealed class SourceWriter
{
    /// <summary>Chars per chunk (16 KB): small enough that cutting a file's last chunk to size costs little.</summary>
    internal const int ChunkSize = 1 << ChunkBits;

    internal const int ChunkBits = 13;

    /// <summary>Four spaces as one 64-bit value, how indentation is written.</summary>
    private const ulong FourSpaces = 0x0020_0020_0020_0020;

    /// <summary>Indentation up to 16 levels, copied rather than written space by space.</summary>
    private const string Spaces = "                                                                ";

    /// <summary>The chunk a file was written in (its text was packed out of it), kept for the next file of the thread.</summary>
    [ThreadStatic]
    private static char[]? t_scratch;

    /// <summary>The full chunks, packed (see <see cref="Latin1.Pack"/>), of <see cref="ChunkSize"/> chars each.</summary>
    private readonly List<PackedChunk> _full = new();
    private char[] _chunk;
    private int _used;
    private int _indent;

    public SourceWriter()
        : this(new char[256])
    {
    }

    private SourceWriter(char[] chunk) => _chunk = chunk;

    /// <summary>The number of chars written.</summary>
    public int Length => (_full.Count << ChunkBits) + _used;

    /// <summary>
    /// A writer for a whole generated file; finish with <see cref="ToSourceTextAndFree"/>.
    /// </summary>
    public static SourceWriter ForFile()
    {
        char[]? chunk = t_scratch;
        t_scratch = null;
        return new SourceWriter(chunk ?? new char[ChunkSize]);
    }

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
            string name = value.MemberName;
            _writer.Append('_');
            _writer.Append(char.ToLowerInvariant(name[0]));
            _writer.Append(name, 1, name.Length - 1);
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
    /// copied in blocks, unless the text has a char C# reads as a line break (see
    /// <see cref="MinifiedJson.FitsRawLiteral"/>); then it is a quoted literal with escapes.
    /// </summary>
    public void JsonLiteralLine(string prefix, MinifiedJson json, string suffix)
    {
        Append(' ', _indent * 4);
        Append(prefix);
        if (json.FitsRawLiteral)
        {
            Append("\"\"\"");
            foreach (PackedChunk chunk in json.Chunks)
            {
                AppendPacked(chunk);
            }

            Append("\"\"\"");
        }
        else
        {
            AppendStringLiteral(json.ToString());
        }

        Append(suffix);
        Append('\n');
    }

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

    public void Append(char c)
    {
        if (_used == _chunk.Length)
        {
            Grow();
        }

        _chunk[_used++] = c;
    }

    public void Append(char c, int count)
    {
        if (c == ' ' && count <= Spaces.Length)
        {
            // Indentation: straight into the chunk when it has room (almost always), four chars at a time.
            if (count <= _chunk.Length - _used)
            {
                if ((count & 3) == 0)
                {
                    System.Span<ulong> quads = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ulong>(new System.Span<char>(_chunk, _used, count));
                    for (int i = 0; i < quads.Length; i++)
                    {
                        quads[i] = FourSpaces;
                    }
                }
                else
                {
                    Spaces.CopyTo(0, _chunk, _used, count);
                }

                _used += count;
            }
            else
            {
                Append(Spaces, 0, count);
            }

            return;
        }

        while (count > 0)
        {
            int n = Math.Min(count, Room());
            for (int i = 0; i < n; i++)
            {
                _chunk[_used + i] = c;
            }

            _used += n;
            count -= n;
        }
    }

    public void Append(string text)
    {
        if (text.Length <= _chunk.Length - _used)
        {
            text.CopyTo(0, _chunk, _used, text.Length); // the common case: it fits in the chunk
            _used += text.Length;
            return;
        }

        Append(text, 0, text.Length);
    }

    public void Append(string text, int start, int count)
    {
        while (count > 0)
        {
            int n = Math.Min(count, Room());
            text.CopyTo(start, _chunk, _used, n);
            _used += n;
            start += n;
            count -= n;
        }
    }

    /// <summary>Appends a chunk of text made by <see cref="Latin1.Pack"/>.</summary>
    private void AppendPacked(PackedChunk chunk)
    {
        for (int start = 0; start < chunk.Length;)
        {
            int n = Math.Min(chunk.Length - start, Room());
            chunk.CopyTo(start, _chunk, _used, n);
            _used += n;
            start += n;
        }
    }

    /// <summary>The free chars of the chunk being written, after a new one is started when it is full.</summary>
    private int Room()
    {
        if (_used == _chunk.Length)
        {
            Grow();
        }

        return _chunk.Length - _used;
    }

    private void Grow()
    {
        if (_chunk.Length < ChunkSize)
        {
            // A writer for a fragment starts small and doubles up to a chunk.
            char[] larger = new char[Math.Min(_chunk.Length * 2, ChunkSize)];
            Array.Copy(_chunk, larger, _used);
            _chunk = larger;
            return;
        }

        _full.Add(Latin1.Pack(_chunk, _used));
        _used = 0;
    }

    public override string ToString()
    {
        var builder = new StringBuilder(Length);
        foreach (PackedChunk chunk in _full)
        {
            builder.Append(chunk.ToString());
        }

        return builder.Append(_chunk, 0, _used).ToString();
    }

    /// <summary>The text, as UTF-8 source, in the writer's packed chunks (the last one cut to size); this writer must not be used again.</summary>
    public SourceText ToSourceTextAndFree()
    {
        var chunks = new PackedChunk[_full.Count + 1];
        _full.CopyTo(chunks);
        chunks[_full.Count] = Latin1.Pack(_chunk, _used);
        if (_chunk.Length == ChunkSize)
        {
            t_scratch = _chunk;
        }

        return new ChunkedText(chunks, Length);
    }

    /// <summary>A source text held in the writer's packed chunks (each <see cref="ChunkSize"/> chars but the last).</summary>
    private sealed class ChunkedText : SourceText
    {
        private readonly PackedChunk[] _chunks;
        private readonly int _length;

        public ChunkedText(PackedChunk[] chunks, int length)
        {
            _chunks = chunks;
            _length = length;
        }

        public override Encoding Encoding => Encoding.UTF8;

        public override int Length => _length;

        public override char this[int position]
        {
            get
            {
                if ((uint)position >= (uint)_length)
                {
                    throw new ArgumentOutOfRangeException(nameof(position));
                }

                return _chunks[position >> ChunkBits][position & (ChunkSize - 1)];
            }
        }

        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (sourceIndex < 0 || count < 0 || sourceIndex > _length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(sourceIndex));
            }

            while (count > 0)
            {
                PackedChunk chunk = _chunks[sourceIndex >> ChunkBits];
                int offset = sourceIndex & (ChunkSize - 1);
                int n = Math.Min(count, chunk.Length - offset);
                chunk.CopyTo(offset, destination, destinationIndex, n);
                sourceIndex += n;
                destinationIndex += n;
                count -= n;
            }
        }
    }
}
