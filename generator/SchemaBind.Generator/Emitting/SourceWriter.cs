using System.Text;

namespace SchemaBind.Generator.Emitting;

/// <summary>An indented text writer over a <see cref="StringBuilder"/>; generated code is plain text.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new(4096);
    private int _indent;

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
}
