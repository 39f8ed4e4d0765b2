using System;
using System.Text.RegularExpressions;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// Regular expressions with JSON Schema's meaning (ECMA-262, not anchored unless the pattern says
/// so) on .NET's engine. Generated validators and the JSON validator build patterns here.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public static class SchemaRegex
{
    /// <summary>
    /// Builds the regex for a JSON Schema <c>pattern</c>. .NET's ECMAScript mode is used when it can
    /// read the pattern (so <c>\d</c>, <c>\w</c> and <c>\s</c> are ASCII); <c>$</c> matches only at the
    /// very end, as in ECMA-262 (not before a final newline); a character outside the Basic
    /// Multilingual Plane counts as one character for quantifiers.
    /// </summary>
    /// <param name="pattern">The pattern as written in the schema.</param>
    /// <returns>The compiled regex.</returns>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public static Regex Create(string pattern) => Create(pattern, RegexOptions.None);

    /// <summary>Builds the regex for a pattern with more options (the JSON validator adds <see cref="RegexOptions.Compiled"/>).</summary>
    internal static Regex Create(string pattern, RegexOptions options)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Internal.SchemaPattern.Create(pattern, options);
    }
}
