using System;
using System.Collections.Generic;
using System.Linq;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>String measures with JSON Schema semantics, used by generated validators.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public static class SchemaText
{
    /// <summary>
    /// The length of a string as JSON Schema counts it: in Unicode code points, so a character
    /// outside the Basic Multilingual Plane (a surrogate pair) counts once.
    /// </summary>
    public static int CodePointLength(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Internal.JsonSchemaText.CodePointLength(value);
    }
}
