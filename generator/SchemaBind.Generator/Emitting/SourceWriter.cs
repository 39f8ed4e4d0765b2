using System;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SchemaBind.Generator.Emitting;

/// <summary>An indented text writer over a <see cref="StringBuilder"/>; generated code is plain text.</summary>
internal sealed class SourceWriter
{
    /// <summary>From this length (in chars) on, Roslyn keeps a source text in chunks (its large object heap limit).</summary>
    private const int LargeTextChars = 40 * 1024;

    /// <summary>Builders up to this capacity (in chars) are kept for the next file of the thread.</summary>
    private const int MaxCachedCapacity = 1024 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_cached;

    private readonly StringBuilder _builder;
    private int _indent;

    public SourceWriter()
        : this(new StringBuilder(256))
    {
    }

    private SourceWriter(StringBuilder builder) => _builder = builder;

    /// <summary>
    /// A writer over this thread's cached builder, for a whole generated file; finish with
    /// <see cref="ToSourceTextAndFree"/>. A large API emits thousands of files: reusing one builder
    /// avoids allocating (and collecting) their text twice.
    /// </summary>
    public static SourceWriter ForFile()
    {
        StringBuilder? builder = t_cached;
        t_cached = null;
        return new SourceWriter(builder ?? new StringBuilder(16 * 1024));
    }

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
    }

    /// <summary>A line made of <paramref name="prefix"/>, <paramref name="value"/> as a C# string literal, and <paramref name="suffix"/>.</summary>
    public void LiteralLine(string prefix, string value, string suffix)
    {
        _builder.Append(' ', _indent * 4);
        _builder.Append(prefix);
        CSharp.AppendString(_builder, value);
        _builder.Append(suffix).Append('\n');
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
        Line("}" + suffix);
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    public override string ToString() => _builder.ToString();

    /// <summary>
    /// The text, as UTF-8 source; the builder goes back to the thread's cache and this writer must not
    /// be used again. A large file is copied into the source text in chunks, never as one string: a
    /// string that size would go on the large object heap, whose allocations cost full collections.
    /// </summary>
    public SourceText ToSourceTextAndFree()
    {
        SourceText text = _builder.Length < LargeTextChars
            ? SourceText.From(_builder.ToString(), Encoding.UTF8)
            : SourceText.From(new BuilderReader(_builder), _builder.Length, Encoding.UTF8);
        if (_builder.Capacity <= MaxCachedCapacity)
        {
            _builder.Clear();
            t_cached = _builder;
        }

        return text;
    }

    /// <summary>Reads a builder's text from start to end without making a string of it.</summary>
    private sealed class BuilderReader : TextReader
    {
        private readonly StringBuilder _builder;
        private int _position;

        public BuilderReader(StringBuilder builder) => _builder = builder;

        public override int Peek() => _position < _builder.Length ? _builder[_position] : -1;

        public override int Read() => _position < _builder.Length ? _builder[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            int read = Math.Min(count, _builder.Length - _position);
            if (read <= 0)
            {
                return 0;
            }

            _builder.CopyTo(_position, buffer, index, read);
            _position += read;
            return read;
        }

        public override string ReadToEnd()
        {
            string rest = _builder.ToString(_position, _builder.Length - _position);
            _position = _builder.Length;
            return rest;
        }
    }
}
