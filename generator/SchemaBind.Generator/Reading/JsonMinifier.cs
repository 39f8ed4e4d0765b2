namespace SchemaBind.Generator.Reading;

/// <summary>Removes the whitespace between the tokens of JSON text that has already parsed.</summary>
internal static class JsonMinifier
{
    /// <summary>
    /// The same JSON value, without insignificant whitespace. Only meant for text the parser
    /// accepted: strings are copied as they are, escapes included; nothing else is checked.
    /// </summary>
    public static string Minify(string json)
    {
        char[] buffer = new char[json.Length];
        int length = 0;
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                buffer[length++] = c;
                if (c == '\\' && i + 1 < json.Length)
                {
                    buffer[length++] = json[++i];
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                buffer[length++] = c;
            }
            else if (c is not (' ' or '\t' or '\n' or '\r' or '\uFEFF'))
            {
                buffer[length++] = c;
            }
        }

        return new string(buffer, 0, length);
    }
}
