using System;
using System.Text;

namespace SchemaBind.Generator.Emitting;

/// <summary>An indented text writer over a <see cref="StringBuilder"/>; generated code is plain text.</summary>
internal sealed class SourceWriter
{
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
    /// <see cref="ToStringAndFree"/>. A large API emits thousands of files: reusing one builder
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

    /// <summary>The text; the builder goes back to the thread's cache and this writer must not be used again.</summary>
    public string ToStringAndFree()
    {
        string text = _builder.ToString();
        if (_builder.Capacity <= MaxCachedCapacity)
        {
            _builder.Clear();
            t_cached = _builder;
        }

        return text;
    }
}
