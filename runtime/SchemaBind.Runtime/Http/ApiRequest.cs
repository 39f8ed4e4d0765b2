using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// The parts of a request beyond its method and path, for operations that have them: header and cookie
/// parameters and a JSON or form body. Generated clients create one per call; an
/// operation without any of these never creates one. A <see langword="null"/> value leaves its parameter out.
/// </summary>
/// <remarks>
/// Header and cookie values are checked before anything is sent: a value with a control character (CR, LF, NUL...)
/// is an <see cref="ArgumentException"/> that names the parameter, never the value, so a value cannot add headers.
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public sealed partial class ApiRequest
{
    private List<KeyValuePair<string, string>>? _headers;
    private StringBuilder? _cookies;
    private StringBuilder? _form;

    /// <summary>The header parameters added, in order (a list header is one entry, its items joined with commas).</summary>
    internal List<KeyValuePair<string, string>>? Headers => _headers;

    /// <summary>The <c>Cookie</c> header built from the cookie parameters, or <see langword="null"/> when there is none.</summary>
    internal string? Cookie => _cookies?.ToString();

    /// <summary>
    /// The operation's security alternatives (OpenAPI <c>security</c>), when it has API key or basic schemes; the transport
    /// applies the first alternative the <see cref="ApiClientOptions"/> have credentials for. <see langword="null"/>:
    /// only the bearer token, if any, is sent.
    /// </summary>
    public IReadOnlyList<ApiSecurityRequirement>? Security { get; set; }

    /// <summary>The serialized body, or <see langword="null"/> when the request has none.</summary>
    internal byte[]? Body { get; private set; }

    /// <summary>The body's <c>Content-Type</c>.</summary>
    internal string? ContentType { get; private set; }

    /// <summary>Adds a header parameter, unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The header name as in the API description.</param>
    /// <param name="value">The value, sent as it is.</param>
    /// <exception cref="ArgumentException">The value has a control character.</exception>
    public void AddHeader(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is null)
        {
            return;
        }

        CheckHeaderValue(name, value, "header");
        (_headers ??= new List<KeyValuePair<string, string>>(2)).Add(new KeyValuePair<string, string>(name, value));
    }

    /// <summary>Adds an integer header parameter.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddHeader(string name, long? value) => AddHeader(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number header parameter (shortest round-trip form).</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddHeader(string name, double? value) => AddHeader(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a decimal header parameter, as written.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddHeader(string name, decimal? value) => AddHeader(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean header parameter as <c>true</c> or <c>false</c>.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddHeader(string name, bool? value) => AddHeader(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>
    /// Adds one item of a list header parameter (<c>style: simple</c>): the items of one name are joined with commas.
    /// </summary>
    /// <param name="name">The header name.</param>
    /// <param name="item">The item.</param>
    /// <exception cref="ArgumentException">The item has a control character.</exception>
    public void AddHeaderItem(string name, string item)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(item);
        CheckHeaderValue(name, item, "header");
        List<KeyValuePair<string, string>> headers = _headers ??= new List<KeyValuePair<string, string>>(2);
        if (headers.Count > 0 && string.Equals(headers[^1].Key, name, StringComparison.Ordinal))
        {
            headers[^1] = new KeyValuePair<string, string>(name, headers[^1].Value + "," + item);
        }
        else
        {
            headers.Add(new KeyValuePair<string, string>(name, item));
        }
    }

    /// <summary>Adds one integer item of a list header parameter.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="item">The item.</param>
    public void AddHeaderItem(string name, long item) => AddHeaderItem(name, item.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds one number item of a list header parameter.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="item">The item.</param>
    public void AddHeaderItem(string name, double item) => AddHeaderItem(name, item.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds one decimal item of a list header parameter.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="item">The item.</param>
    public void AddHeaderItem(string name, decimal item) => AddHeaderItem(name, item.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds one boolean item of a list header parameter.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="item">The item.</param>
    public void AddHeaderItem(string name, bool item) => AddHeaderItem(name, item ? "true" : "false");

    /// <summary>
    /// Adds a cookie parameter (<c>style: form</c>) to the <c>Cookie</c> header, its value percent-encoded,
    /// unless <paramref name="value"/> is <see langword="null"/>.
    /// </summary>
    /// <param name="name">The cookie name as in the API description.</param>
    /// <param name="value">The value.</param>
    public void AddCookie(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is null)
        {
            return;
        }

        CheckHeaderValue(name, name, "cookie");
        _cookies ??= new StringBuilder();
        _cookies.Append(_cookies.Length == 0 ? string.Empty : "; ").Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    /// <summary>Adds an integer cookie parameter.</summary>
    /// <param name="name">The cookie name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddCookie(string name, long? value) => AddCookie(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number cookie parameter.</summary>
    /// <param name="name">The cookie name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddCookie(string name, double? value) => AddCookie(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a decimal cookie parameter.</summary>
    /// <param name="name">The cookie name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddCookie(string name, decimal? value) => AddCookie(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean cookie parameter.</summary>
    /// <param name="name">The cookie name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddCookie(string name, bool? value) => AddCookie(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>
    /// Adds an array cookie parameter (<c>style: form</c>): exploded, one <c>name=item</c> cookie per item; else one
    /// cookie with the items joined by commas. Each item is percent-encoded; <see langword="null"/> adds nothing.
    /// </summary>
    /// <param name="name">The cookie name.</param>
    /// <param name="explode">Whether each item is a cookie of its own.</param>
    /// <param name="items">The items as text.</param>
    public void AddCookieArray(string name, bool explode, IEnumerable<string?>? items)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (items is null)
        {
            return;
        }

        StringBuilder? joined = null;
        foreach (string? item in items)
        {
            if (item is null)
            {
                continue;
            }

            if (explode)
            {
                AddCookie(name, item);
            }
            else
            {
                (joined is null ? joined = new StringBuilder() : joined.Append(',')).Append(Uri.EscapeDataString(item));
            }
        }

        if (joined is not null)
        {
            AppendCookie(name, joined.ToString());
        }
    }

    /// <summary>
    /// Adds an object cookie parameter (<c>style: form</c>): exploded, one cookie per member; else one cookie
    /// <c>name=member,value,...</c>. Values are percent-encoded; <see langword="null"/> members are left out.
    /// </summary>
    /// <param name="name">The cookie name.</param>
    /// <param name="explode">Whether each member is a cookie of its own.</param>
    /// <param name="members">The members (JSON name, value as text), or <see langword="null"/> to add nothing.</param>
    public void AddCookieObject(string name, bool explode, IEnumerable<KeyValuePair<string, string?>>? members)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (members is null)
        {
            return;
        }

        StringBuilder? joined = null;
        foreach (KeyValuePair<string, string?> member in members)
        {
            if (member.Value is null)
            {
                continue;
            }

            if (explode)
            {
                AddCookie(member.Key, member.Value);
            }
            else
            {
                (joined is null ? joined = new StringBuilder() : joined.Append(',')).Append(Uri.EscapeDataString(member.Key)).Append(',').Append(Uri.EscapeDataString(member.Value));
            }
        }

        if (joined is not null)
        {
            AppendCookie(name, joined.ToString());
        }
    }

    private void AppendCookie(string name, string encoded)
    {
        CheckHeaderValue(name, name, "cookie");
        _cookies ??= new StringBuilder();
        _cookies.Append(_cookies.Length == 0 ? string.Empty : "; ").Append(name).Append('=').Append(encoded);
    }

    /// <summary>Sets a JSON body.</summary>
    /// <typeparam name="T">The type of the body.</typeparam>
    /// <param name="body">The body.</param>
    /// <param name="writeBody">Writes <paramref name="body"/> as one JSON value.</param>
    public void SetJsonBody<T>(T body, Action<Utf8JsonWriter, T> writeBody)
    {
        ArgumentNullException.ThrowIfNull(writeBody);
        Body = ApiTransport.SerializeBody(body, writeBody);
        ContentType = "application/json; charset=utf-8";
    }

    /// <summary>
    /// Sets a JSON body sent with the media type the API description declares, such as
    /// <c>application/merge-patch+json</c> or a vendor <c>+json</c> type, exactly as given.
    /// </summary>
    /// <typeparam name="T">The type of the body.</typeparam>
    /// <param name="body">The body.</param>
    /// <param name="writeBody">Writes <paramref name="body"/> as one JSON value (UTF-8).</param>
    /// <param name="contentType">The <c>Content-Type</c> to send.</param>
    public void SetJsonBody<T>(T body, Action<Utf8JsonWriter, T> writeBody, string contentType)
    {
        ArgumentNullException.ThrowIfNull(writeBody);
        ArgumentNullException.ThrowIfNull(contentType);
        Body = ApiTransport.SerializeBody(body, writeBody);
        ContentType = contentType;
    }

    /// <summary>
    /// Adds a field of an <c>application/x-www-form-urlencoded</c> body (UTF-8, percent-encoded, spaces as <c>+</c>),
    /// unless <paramref name="value"/> is <see langword="null"/>. Adding the same name again repeats it, as arrays are sent.
    /// </summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    public void AddFormField(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        _form ??= new StringBuilder();
        ContentType = "application/x-www-form-urlencoded";
        if (value is null)
        {
            return;
        }

        _form.Append(_form.Length == 0 ? string.Empty : "&").Append(FormEncode(name)).Append('=').Append(FormEncode(value));
    }

    /// <summary>Adds an integer form field.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddFormField(string name, long? value) => AddFormField(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number form field.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddFormField(string name, double? value) => AddFormField(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a decimal form field.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddFormField(string name, decimal? value) => AddFormField(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean form field.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddFormField(string name, bool? value) => AddFormField(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>The body to send: the JSON body, or the form fields encoded.</summary>
    internal byte[]? BodyBytes() => Body ?? (_form is null ? null : Encoding.UTF8.GetBytes(_form.ToString()));

    private static string FormEncode(string text) => Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal);

    private static void CheckHeaderValue(string name, string value, string kind)
    {
        foreach (char c in value)
        {
            if (c < ' ' && c != '\t' || c == '\u007F')
            {
                // The message names the parameter, never the value (it may be a secret).
                throw new ArgumentException($"The {kind} parameter '{name}' has a control character (CR, LF or another), which an HTTP header cannot carry.", nameof(value));
            }
        }
    }
}
