namespace SchemaBind.Generator.Reading;

/// <summary>The segments of a JSON Pointer (RFC 6901): a name with <c>~</c> written <c>~0</c> and <c>/</c> written <c>~1</c>.</summary>
internal static class JsonPointer
{
    /// <summary>A name as one segment of a pointer.</summary>
    public static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");

    /// <summary>One segment of a pointer as the name it stands for.</summary>
    public static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    /// <summary>The name the last segment of <paramref name="pointer"/> stands for.</summary>
    public static string LastSegment(string pointer)
    {
        int slash = pointer.LastIndexOf('/');
        return Unescape(slash >= 0 ? pointer.Substring(slash + 1) : pointer);
    }
}
