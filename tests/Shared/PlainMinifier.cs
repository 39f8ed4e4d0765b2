namespace SchemaBind.Tests.Shared;

/// <summary>
/// The reference for the embedded schema document, written the plainest way: one char at a time,
/// whitespace outside strings goes and strings stay as written, escapes included. Linked into the test
/// projects that check the generator's minified document against it.
/// </summary>
internal static class PlainMinifier
{
    public static string Minify(string json)
    {
        var builder = new System.Text.StringBuilder();
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                builder.Append(c);
                if (c == '\\')
                {
                    builder.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                builder.Append(c);
            }
            else if (c is not (' ' or '\t' or '\n' or '\r' or '\uFEFF'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
