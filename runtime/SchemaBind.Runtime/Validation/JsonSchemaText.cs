namespace SchemaBind.Runtime.Internal;

/// <summary>
/// String measures as JSON Schema defines them. This file is compiled into both the runtime and the
/// generator, so that generated validators and the generator's checks count alike.
/// </summary>
internal static class JsonSchemaText
{
    /// <summary>Length in Unicode code points: a surrogate pair counts once.</summary>
    public static int CodePointLength(string value)
    {
        int count = value.Length;
        for (int i = 0; i + 1 < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }
}
