using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>Builds URL paths from parameter values that generated clients receive.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public static class UriPath
{
    /// <summary>
    /// Escapes a value for use as one path segment. "." and ".." are refused: <see cref="Uri"/>
    /// would collapse them and the request would reach another endpoint.
    /// </summary>
    /// <param name="value">The parameter value.</param>
    /// <param name="parameterName">The parameter's name, for the exception (by default the argument's expression).</param>
    /// <returns>The escaped segment.</returns>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The value is empty, "." or "..".</exception>
    public static string Segment(string value, [CallerArgumentExpression(nameof(value))] string parameterName = "")
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.Length == 0 || value == "." || value == "..")
        {
            throw new ArgumentException("A path parameter cannot be empty, \".\" or \"..\".", parameterName);
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>
    /// An integer as one path segment, in the invariant culture whatever the user's: with it, every hole of a
    /// generated path is a string, and the path is a plain concatenation.
    /// </summary>
    /// <param name="value">The parameter value.</param>
    /// <returns>The segment.</returns>
    public static string Segment(long value) => value.ToString(CultureInfo.InvariantCulture);
}
