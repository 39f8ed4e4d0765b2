namespace SchemaBind.Generator.Text;

/// <summary>
/// The thread's char array for making one short string at a time (a name, a local): the chars are written here and
/// copied once into the string, so a name costs one string, not a char array too. Whoever takes it makes its string
/// before anything else on the thread takes it again.
/// </summary>
internal static class ScratchChars
{
    [ThreadStatic]
    private static char[]? t_chars;

    /// <summary>The thread's array, at least <paramref name="length"/> chars long; its content is left over from the last use.</summary>
    public static char[] Take(int length) =>
        t_chars is { } chars && chars.Length >= length ? chars : (t_chars = new char[length + 32]);
}
