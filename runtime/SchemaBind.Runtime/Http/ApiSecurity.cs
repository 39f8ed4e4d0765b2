using System;
using System.Collections.Generic;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>How a security scheme puts its credential in a request.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // named by generated clients, not by users
public enum ApiSecuritySchemeKind
{
    /// <summary>An access token in <c>Authorization: Bearer</c> (HTTP bearer, OAuth 2.0, OpenID Connect): <see cref="ApiClientOptions.AccessToken"/>.</summary>
    Bearer,

    /// <summary>An API key in a header, query parameter or cookie: <see cref="ApiClientOptions.ApiKeys"/> or <see cref="ApiClientOptions.ApiKey"/>.</summary>
    ApiKey,

    /// <summary>HTTP basic (RFC 7617, UTF-8): <see cref="ApiClientOptions.BasicUserName"/> and <see cref="ApiClientOptions.BasicPassword"/>.</summary>
    Basic,
}

/// <summary>Where an API key goes.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // named by generated clients, not by users
public enum ApiKeyLocation
{
    /// <summary>A request header.</summary>
    Header,

    /// <summary>A query parameter.</summary>
    Query,

    /// <summary>A cookie.</summary>
    Cookie,
}

/// <summary>A security scheme of the API description (an entry of <c>components/securitySchemes</c>).</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // named by generated clients, not by users
public sealed class ApiSecurityScheme
{
    private static readonly string[] NoScopes = [];

    private ApiSecurityScheme(string name, ApiSecuritySchemeKind kind, string? parameterName, ApiKeyLocation location, string? tokenUrl = null, string[]? scopes = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Kind = kind;
        ParameterName = parameterName;
        Location = location;
        TokenUrl = tokenUrl;
        Scopes = scopes ?? NoScopes;
    }

    /// <summary>
    /// The <c>tokenUrl</c> of an OAuth 2.0 scheme's client credentials flow (absolute, or relative to the base address);
    /// <see langword="null"/> for other schemes.
    /// </summary>
    public string? TokenUrl { get; }

    /// <summary>The scopes the operation's requirement lists for this scheme (OAuth 2.0, OpenID Connect).</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>The scheme's name in <c>components/securitySchemes</c>.</summary>
    public string Name { get; }

    /// <summary>The kind of credential.</summary>
    public ApiSecuritySchemeKind Kind { get; }

    /// <summary>The header, query parameter or cookie name of an API key; <see langword="null"/> for other kinds.</summary>
    public string? ParameterName { get; }

    /// <summary>Where an API key goes.</summary>
    public ApiKeyLocation Location { get; }

    /// <summary>A bearer scheme (HTTP bearer, OAuth 2.0 or OpenID Connect).</summary>
    /// <param name="name">The scheme's name.</param>
    /// <returns>The scheme.</returns>
    public static ApiSecurityScheme Bearer(string name) => new(name, ApiSecuritySchemeKind.Bearer, null, ApiKeyLocation.Header);

    /// <summary>
    /// An OAuth 2.0 scheme with a client credentials flow: a bearer token from <see cref="ApiClientOptions.AccessTokenProvider"/>
    /// or <see cref="ApiClientOptions.AccessToken"/>, else one asked of <paramref name="tokenUrl"/> with
    /// <see cref="ApiClientOptions.OAuth2ClientCredentials"/>.
    /// </summary>
    /// <param name="name">The scheme's name.</param>
    /// <param name="tokenUrl">The flow's <c>tokenUrl</c>.</param>
    /// <param name="scopes">The scopes the operation's requirement lists.</param>
    /// <returns>The scheme.</returns>
    public static ApiSecurityScheme OAuth2ClientCredentials(string name, string tokenUrl, params string[] scopes)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenUrl);
        ArgumentNullException.ThrowIfNull(scopes);
        return new(name, ApiSecuritySchemeKind.Bearer, null, ApiKeyLocation.Header, tokenUrl, (string[])scopes.Clone());
    }

    /// <summary>An HTTP basic scheme.</summary>
    /// <param name="name">The scheme's name.</param>
    /// <returns>The scheme.</returns>
    public static ApiSecurityScheme Basic(string name) => new(name, ApiSecuritySchemeKind.Basic, null, ApiKeyLocation.Header);

    /// <summary>An API key scheme.</summary>
    /// <param name="name">The scheme's name.</param>
    /// <param name="parameterName">The header, query parameter or cookie name.</param>
    /// <param name="location">Where the key goes.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameterName"/> is empty or has a control character.</exception>
    public static ApiSecurityScheme ApiKey(string name, string parameterName, ApiKeyLocation location)
    {
        ArgumentException.ThrowIfNullOrEmpty(parameterName);
        foreach (char c in parameterName)
        {
            if (c <= ' ' || c == '\u007F')
            {
                throw new ArgumentException("The API key parameter name has a space or control character.", nameof(parameterName));
            }
        }

        return new ApiSecurityScheme(name, ApiSecuritySchemeKind.ApiKey, parameterName, location);
    }

    /// <inheritdoc/>
    public override string ToString() => Kind == ApiSecuritySchemeKind.ApiKey ? $"{Name} (API key in {Location} '{ParameterName}')"
        : TokenUrl is not null ? $"{Name} (OAuth 2.0 client credentials at {TokenUrl})" : $"{Name} ({Kind})";
}

/// <summary>
/// One alternative of an operation's <c>security</c>: every scheme in it applies together. An alternative without
/// schemes (<c>{}</c>) means the operation may be called anonymously.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // named by generated clients, not by users
public sealed class ApiSecurityRequirement
{
    private readonly ApiSecurityScheme[] _schemes;

    /// <summary>Creates an alternative.</summary>
    /// <param name="schemes">The schemes that apply together; none for anonymous access.</param>
    public ApiSecurityRequirement(params ApiSecurityScheme[] schemes)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        _schemes = (ApiSecurityScheme[])schemes.Clone();
    }

    /// <summary>The schemes that apply together.</summary>
    public IReadOnlyList<ApiSecurityScheme> Schemes => _schemes;

    /// <inheritdoc/>
    public override string ToString() => _schemes.Length == 0 ? "{}" : "{ " + string.Join(", ", (IEnumerable<ApiSecurityScheme>)_schemes) + " }";
}
