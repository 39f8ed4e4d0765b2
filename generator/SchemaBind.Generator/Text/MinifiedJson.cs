namespace SchemaBind.Generator.Text;

/// <summary>
/// A document's JSON text without insignificant whitespace, written by the parser as it reads the document (see
/// <see cref="Reading.JsonTextParser.Parse(string, MinifiedJson, System.Threading.CancellationToken)"/>) or by
/// <see cref="Reading.JsonTreeWriter"/> from a tree. A builder: the finished text is <see cref="Text"/>, an immutable
/// value compared by content, so reformatting the schema file does not change it.
/// </summary>
internal sealed class MinifiedJson : TextBuilder
{
    /// <summary>A builder that takes the thread's chunk when first written to.</summary>
    public MinifiedJson()
        : base(Array.Empty<char>())
    {
    }

    /// <summary>The finished text, once <see cref="Complete"/> was called; else null.</summary>
    public PackedText? Text { get; private set; }

    /// <summary>Ends the text (see <see cref="TextBuilder.ToPackedText"/>) and returns it; calling it again returns the same text.</summary>
    internal PackedText Complete() => Text ??= ToPackedText();
}
