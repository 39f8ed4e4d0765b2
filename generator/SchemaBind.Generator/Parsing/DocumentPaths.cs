using System.Globalization;
using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Parsing;

/// <summary>
/// Where a <c>$ref</c> leads: the file paths of the root, its parts (<see cref="DocumentBundler"/>) and the project's
/// other schema files (<see cref="ExternalReferences"/>), as pure string operations (the generator never reads the
/// file system), and the node a fragment names in a tree.
/// </summary>
internal static class DocumentPaths
{
    /// <summary>The path's folder with its trailing '/', or empty for a bare file name.</summary>
    public static string DirectoryOf(string path)
    {
        string normalized = path.Replace('\\', '/');
        int slash = normalized.LastIndexOf('/');
        return slash < 0 ? string.Empty : normalized.Substring(0, slash + 1);
    }

    /// <summary>A relative path from <paramref name="directory"/>; an absolute one as it is.</summary>
    public static string Combine(string directory, string relative) =>
        relative.StartsWith("/", StringComparison.Ordinal) || (relative.Length > 1 && relative[1] == ':') ? relative : directory + relative;

    /// <summary>'/' separators, no "." or ".." segments; a pure string operation (no file system).</summary>
    public static string Normalize(string path)
    {
        var segments = new List<string>();
        string[] parts = path.Replace('\\', '/').Split('/');
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part == "." || (part.Length == 0 && i > 0 && i < parts.Length - 1))
            {
                continue;
            }

            if (part == ".." && segments.Count > 0 && segments[segments.Count - 1] is not ("" or ".."))
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(part);
        }

        return string.Join("/", segments);
    }

    /// <summary>The node a JSON Pointer fragment (<c>#</c> or <c>#/a/b</c>) names under <paramref name="root"/>, or null.</summary>
    public static JsonNode? Walk(JsonNode root, string fragment)
    {
        JsonNode current = root;
        if (fragment.Length <= 1)
        {
            return current;
        }

        if (!fragment.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (string rawSegment in fragment.Substring(2).Split('/'))
        {
            string segment = JsonPointer.Unescape(Uri.UnescapeDataString(rawSegment));
            switch (current)
            {
                case JsonObject obj when obj.Get(segment) is JsonNode next:
                    current = next;
                    break;
                case JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < array.Items.Length:
                    current = array.Items[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }
}
