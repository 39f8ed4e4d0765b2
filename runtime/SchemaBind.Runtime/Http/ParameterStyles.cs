using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>How a parameter is serialized: OpenAPI's <c>style</c> (RFC 6570 expansions and OpenAPI's own query forms).</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public enum ParameterStyle
{
    /// <summary><c>simple</c> (path, header): <c>blue,black</c>; an object <c>R,100,G,200</c>, or <c>R=100,G=200</c> exploded.</summary>
    Simple,

    /// <summary><c>label</c> (path): <c>.blue.black</c> exploded, else <c>.blue,black</c>.</summary>
    Label,

    /// <summary><c>matrix</c> (path): <c>;color=blue;color=black</c> exploded, else <c>;color=blue,black</c>.</summary>
    Matrix,

    /// <summary><c>form</c> (query, cookie): <c>color=blue&amp;color=black</c> exploded, else <c>color=blue,black</c>.</summary>
    Form,

    /// <summary><c>spaceDelimited</c> (query): <c>color=blue%20black</c>.</summary>
    SpaceDelimited,

    /// <summary><c>pipeDelimited</c> (query): <c>color=blue%7Cblack</c>.</summary>
    PipeDelimited,

    /// <summary><c>deepObject</c> (query, objects): <c>color%5BR%5D=100&amp;color%5BG%5D=200</c>.</summary>
    DeepObject,
}

/// <summary>
/// Parameter values as text: numbers and booleans invariant (<c>1.5</c>, <c>true</c>), <see langword="null"/> for an absent value.
/// Generated clients call it for the items of array parameters and the members of object parameters.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public static class ParameterText
{
    /// <summary>The text itself.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public static string? Of(string? value) => value;

    /// <summary>An integer in invariant digits.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public static string? Of(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number in its shortest round-trip form.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public static string? Of(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A decimal as written (<c>1.50</c> stays <c>1.50</c>).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public static string? Of(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>true</c> or <c>false</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public static string? Of(bool? value) => value is null ? null : value.Value ? "true" : "false";
}

/// <summary>
/// Serializes array and object parameters in the OpenAPI styles (the table of the Parameter Object's <c>style</c>),
/// percent-encoding each name and value: the delimiters the style adds are the only characters left as they are.
/// A <see langword="null"/> item or member is left out, as RFC 6570 leaves out undefined values.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public static class ParameterStyles
{
    /// <summary>A scalar path parameter in <paramref name="style"/>: <c>blue</c>, <c>.blue</c> or <c>;color=blue</c>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="style"><see cref="ParameterStyle.Simple"/>, <see cref="ParameterStyle.Label"/> or <see cref="ParameterStyle.Matrix"/>.</param>
    /// <param name="value">The value as text.</param>
    /// <param name="parameterName">The method parameter, for the exception.</param>
    /// <returns>The path text, escaped.</returns>
    /// <exception cref="ArgumentException">A simple value that is empty, "." or "..", or a label value that expands to "." or "..".</exception>
    public static string PathValue(string name, ParameterStyle style, string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        return style switch
        {
            ParameterStyle.Label => NoDotSegment("." + Uri.EscapeDataString(value), parameterName),
            ParameterStyle.Matrix => ";" + Uri.EscapeDataString(name) + (value.Length == 0 ? string.Empty : "=" + Uri.EscapeDataString(value)),
            _ => UriPath.Segment(value, parameterName),
        };
    }

    /// <summary>An array path parameter: <c>blue,black</c>, <c>.blue.black</c>, <c>;color=blue;color=black</c> and their unexploded forms.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="style"><see cref="ParameterStyle.Simple"/>, <see cref="ParameterStyle.Label"/> or <see cref="ParameterStyle.Matrix"/>.</param>
    /// <param name="explode">Whether each item is its own expansion.</param>
    /// <param name="items">The items as text.</param>
    /// <param name="parameterName">The method parameter, for the exception.</param>
    /// <returns>The path text, escaped.</returns>
    /// <exception cref="ArgumentException">A simple or label array with nothing to send (the path segment would vanish), or one that expands to "." or "..".</exception>
    public static string PathArray(string name, ParameterStyle style, bool explode, IEnumerable<string?> items, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(items, parameterName);
        var builder = new StringBuilder();
        string escapedName = Uri.EscapeDataString(name);
        bool first = true;
        foreach (string? item in items)
        {
            if (item is null)
            {
                continue;
            }

            switch (style)
            {
                case ParameterStyle.Label:
                    builder.Append(first || explode ? '.' : ',');
                    break;
                case ParameterStyle.Matrix when explode:
                    builder.Append(';').Append(escapedName).Append('=');
                    break;
                case ParameterStyle.Matrix:
                    builder.Append(first ? ";" + escapedName + "=" : ",");
                    break;
                default:
                    builder.Append(first ? string.Empty : ",");
                    break;
            }

            builder.Append(Uri.EscapeDataString(item));
            first = false;
        }

        return Finish(builder, name, style, first, parameterName);
    }

    /// <summary>An object path parameter: <c>R,100,G,200</c>, <c>.R=100.G=200</c>, <c>;R=100;G=200</c> and the other forms.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="style"><see cref="ParameterStyle.Simple"/>, <see cref="ParameterStyle.Label"/> or <see cref="ParameterStyle.Matrix"/>.</param>
    /// <param name="explode">Whether each member is its own <c>name=value</c> expansion.</param>
    /// <param name="members">The members (JSON name, value as text).</param>
    /// <param name="parameterName">The method parameter, for the exception.</param>
    /// <returns>The path text, escaped.</returns>
    /// <exception cref="ArgumentException">A simple or label object with nothing to send.</exception>
    public static string PathObject(string name, ParameterStyle style, bool explode, IEnumerable<KeyValuePair<string, string?>> members, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(members, parameterName);
        var builder = new StringBuilder();
        bool first = true;
        foreach (KeyValuePair<string, string?> member in members)
        {
            if (member.Value is null)
            {
                continue;
            }

            char separator = style switch
            {
                ParameterStyle.Label => explode || first ? '.' : ',',
                ParameterStyle.Matrix => explode || first ? ';' : ',',
                _ => ',',
            };
            if (!first || style != ParameterStyle.Simple)
            {
                builder.Append(separator);
            }

            if (first && style == ParameterStyle.Matrix && !explode)
            {
                builder.Append(Uri.EscapeDataString(name)).Append('=');
            }

            builder.Append(Uri.EscapeDataString(member.Key)).Append(explode ? '=' : ',').Append(Uri.EscapeDataString(member.Value));
            first = false;
        }

        return Finish(builder, name, style, first, parameterName);
    }

    /// <summary>An object header parameter (<c>style: simple</c>): <c>R,100,G,200</c>, or <c>R=100,G=200</c> exploded.</summary>
    /// <param name="explode">Whether each member is sent as <c>name=value</c>.</param>
    /// <param name="members">The members (JSON name, value as text), or <see langword="null"/> to leave the header out.</param>
    /// <returns>The header value, or <see langword="null"/> when there is nothing to send.</returns>
    public static string? HeaderObject(bool explode, IEnumerable<KeyValuePair<string, string?>>? members)
    {
        if (members is null)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (KeyValuePair<string, string?> member in members)
        {
            if (member.Value is not null)
            {
                builder.Append(builder.Length == 0 ? string.Empty : ",").Append(member.Key).Append(explode ? '=' : ',').Append(member.Value);
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    private static string Finish(StringBuilder builder, string name, ParameterStyle style, bool empty, string parameterName)
    {
        if (empty)
        {
            // RFC 6570: an empty list expands to the style's prefix alone: ";color" for matrix; "." for label and
            // nothing for simple, which the URI would drop or which would join two segments, so they are refused.
            return style == ParameterStyle.Matrix
                ? ";" + Uri.EscapeDataString(name)
                : throw new ArgumentException("A path parameter cannot be empty.", parameterName);
        }

        return NoDotSegment(builder.ToString(), parameterName);
    }

    /// <summary>Refuses "." and "..": <see cref="Uri"/> would remove them and the request would reach another endpoint.</summary>
    private static string NoDotSegment(string text, string parameterName) => text is "." or ".."
        ? throw new ArgumentException("A path parameter cannot be \".\" or \"..\" (or a label value that expands to them).", parameterName)
        : text;

    /// <summary>
    /// Escapes a query value; with <c>allowReserved</c>, RFC 3986's reserved characters and percent-encoded triples pass
    /// unchanged, except those a query of <c>name=value</c> pairs cannot carry as they are (<c>#</c>, <c>&amp;</c>,
    /// <c>=</c>, <c>+</c>, <c>[</c>, <c>]</c>), as OpenAPI 3.1.1 asks.
    /// </summary>
    internal static string EscapeQuery(string value, bool allowReserved)
    {
        if (!allowReserved)
        {
            return Uri.EscapeDataString(value);
        }

        var builder = new StringBuilder(value.Length);
        int start = 0;
        for (int i = 0; i <= value.Length; i++)
        {
            bool keep = i < value.Length && (
                value[i] is ':' or '/' or '?' or '@' or '!' or '$' or '\'' or '(' or ')' or '*' or ',' or ';'
                || (value[i] == '%' && i + 2 < value.Length && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2])));
            if (i == value.Length || keep)
            {
                builder.Append(Uri.EscapeDataString(value.Substring(start, i - start)));
                if (keep)
                {
                    builder.Append(value[i]);
                }

                start = i + 1;
            }
        }

        return builder.ToString();
    }
}
