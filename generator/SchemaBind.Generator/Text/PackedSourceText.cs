using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SchemaBind.Generator.Text;

/// <summary>A source text held in the packed chunks of a <see cref="PackedText"/>: a generated file is never copied whole.</summary>
internal sealed class PackedSourceText : SourceText
{
    private readonly PackedText _text;

    public PackedSourceText(PackedText text) => _text = text;

    public override Encoding Encoding => Encoding.UTF8;

    public override int Length => _text.Length;

    public override char this[int position]
    {
        get
        {
            if ((uint)position >= (uint)_text.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(position));
            }

            return _text[position];
        }
    }

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        if (sourceIndex < 0 || count < 0 || sourceIndex > _text.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceIndex));
        }

        _text.CopyTo(sourceIndex, destination, destinationIndex, count);
    }
}
