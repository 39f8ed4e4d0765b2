using System;
using System.Globalization;
using System.Text;

namespace SchemaBind.Runtime;

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

    /// <summary>The query string with its leading <c>?</c>, or an empty string when no parameter was added.</summary>
    /// <returns>The query string.</returns>
    public override readonly string ToString() => _builder?.ToString() ?? string.Empty;
}
