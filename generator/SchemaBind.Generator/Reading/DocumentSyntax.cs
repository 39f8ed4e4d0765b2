namespace SchemaBind.Generator.Reading;

/// <summary>The syntax a schema file is written in: it decides which reader turns its text into a node tree.</summary>
internal enum DocumentSyntax
{
    Json,
    Yaml,
}

internal static class DocumentSyntaxes
{
    /// <summary>
    /// By extension (<c>.json</c> is JSON, <c>.yaml</c> and <c>.yml</c> are YAML), else by content: a document
    /// whose first significant char is <c>{</c> or <c>[</c> is JSON, any other is YAML.
    /// </summary>
    public static DocumentSyntax Of(string path, string text)
    {
        string extension = System.IO.Path.GetExtension(path);
        if (string.Equals(extension, ".json", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentSyntax.Json;
        }

        if (string.Equals(extension, ".yaml", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".yml", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentSyntax.Yaml;
        }

        foreach (char c in text)
        {
            if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
            {
                continue;
            }

            return c is '{' or '[' ? DocumentSyntax.Json : DocumentSyntax.Yaml;
        }

        return DocumentSyntax.Yaml;
    }
}
