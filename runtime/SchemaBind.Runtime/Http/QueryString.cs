using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// Builds the query string of a request from the values of query parameters; a
/// <see langword="null"/> value leaves its parameter out. Names and values are escaped.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public struct QueryString
{
    private StringBuilder? _builder;

    /// <summary>Adds <c>name=value</c> unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The parameter name as in the API description.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is null)
        {
            return;
        }

        _builder ??= new StringBuilder();
        _builder.Append(_builder.Length == 0 ? '?' : '&')
            .Append(Uri.EscapeDataString(name))
            .Append('=')
            .Append(Uri.EscapeDataString(value));
    }

    /// <summary>Adds an integer parameter.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number parameter (shortest round-trip form).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void Add(string name, double? value) => Add(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a decimal number parameter, as written (<c>1.50</c> stays <c>1.50</c>).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void Add(string name, decimal? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean parameter as <c>true</c> or <c>false</c>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>
    /// Adds <c>name=value</c> unless <paramref name="value"/> is <see langword="null"/>; with <paramref name="allowReserved"/>
    /// (OpenAPI <c>allowReserved</c>), reserved characters such as <c>/</c> and <c>:</c> are sent as they are.
    /// </summary>
    /// <param name="name">The parameter name as in the API description.</param>
    /// <param name="value">The value.</param>
    /// <param name="allowReserved">Whether RFC 3986 reserved characters are left unescaped.</param>
    public void Add(string name, string? value, bool allowReserved)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is not null)
        {
            Append(Uri.EscapeDataString(name), ParameterStyles.EscapeQuery(value, allowReserved));
        }
    }

    /// <summary>
    /// Adds an array parameter in <paramref name="style"/>: exploded, one <c>name=item</c> pair per item; else one pair
    /// with the items joined by <c>,</c> (form), <c>%20</c> (spaceDelimited) or <c>%7C</c> (pipeDelimited). Nothing is
    /// added for <see langword="null"/> or an empty array; <see langword="null"/> items are left out.
    /// </summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="style"><see cref="ParameterStyle.Form"/>, <see cref="ParameterStyle.SpaceDelimited"/> or <see cref="ParameterStyle.PipeDelimited"/>.</param>
    /// <param name="explode">Whether each item is a pair of its own.</param>
    /// <param name="allowReserved">Whether RFC 3986 reserved characters are left unescaped.</param>
    /// <param name="items">The items as text.</param>
    public void AddArray(string name, ParameterStyle style, bool explode, bool allowReserved, IEnumerable<string?>? items)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (items is null)
        {
            return;
        }

        string escapedName = Uri.EscapeDataString(name);
        StringBuilder? joined = null;
        foreach (string? item in items)
        {
            if (item is null)
            {
                continue;
            }

            string escaped = ParameterStyles.EscapeQuery(item, allowReserved);
            if (explode)
            {
                Append(escapedName, escaped);
            }
            else
            {
                (joined is null ? joined = new StringBuilder() : joined.Append(Delimiter(style))).Append(escaped);
            }
        }

        if (joined is not null)
        {
            Append(escapedName, joined.ToString());
        }
    }

    /// <summary>
    /// Adds an object parameter in <paramref name="style"/>: form exploded, one <c>member=value</c> pair per member; form,
    /// spaceDelimited or pipeDelimited unexploded, <c>name=member,value,...</c> with the style's delimiter; deepObject,
    /// <c>name[member]=value</c> (brackets percent-encoded). <see langword="null"/> members are left out.
    /// </summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="style">The style.</param>
    /// <param name="explode">Whether each member is a pair of its own (form).</param>
    /// <param name="allowReserved">Whether RFC 3986 reserved characters are left unescaped in values.</param>
    /// <param name="members">The members (JSON name, value as text), or <see langword="null"/> to add nothing.</param>
    public void AddObject(string name, ParameterStyle style, bool explode, bool allowReserved, IEnumerable<KeyValuePair<string, string?>>? members)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (members is null)
        {
            return;
        }

        string escapedName = Uri.EscapeDataString(name);
        StringBuilder? joined = null;
        foreach (KeyValuePair<string, string?> member in members)
        {
            if (member.Value is null)
            {
                continue;
            }

            string key = Uri.EscapeDataString(member.Key);
            string value = ParameterStyles.EscapeQuery(member.Value, allowReserved);
            if (style == ParameterStyle.DeepObject)
            {
                Append(escapedName + "%5B" + key + "%5D", value);
            }
            else if (explode)
            {
                Append(key, value);
            }
            else
            {
                string delimiter = Delimiter(style);
                (joined is null ? joined = new StringBuilder() : joined.Append(delimiter)).Append(key).Append(delimiter).Append(value);
            }
        }

        if (joined is not null)
        {
            Append(escapedName, joined.ToString());
        }
    }

    private static string Delimiter(ParameterStyle style) => style switch
    {
        ParameterStyle.SpaceDelimited => "%20",
        ParameterStyle.PipeDelimited => "%7C",
        _ => ",",
    };

    private void Append(string escapedName, string escapedValue)
    {
        _builder ??= new StringBuilder();
        _builder.Append(_builder.Length == 0 ? '?' : '&').Append(escapedName).Append('=').Append(escapedValue);
    }

    /// <summary>The query string with its leading <c>?</c>, or an empty string when no parameter was added.</summary>
    /// <returns>The query string.</returns>
    public override readonly string ToString() => _builder?.ToString() ?? string.Empty;
}
