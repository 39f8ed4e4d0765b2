using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SchemaBind.Runtime;

/// <summary>
/// The OAuth 2.0 client credentials grant (RFC 6749 §4.4), for security schemes of type <c>oauth2</c> with a
/// <c>clientCredentials</c> flow: the client asks the flow's <c>tokenUrl</c> for an access token with the client id
/// and secret, keeps it, and asks again shortly before it expires. Concurrent requests that need a new token wait for
/// one token request. Set it on <see cref="ApiClientOptions.OAuth2ClientCredentials"/>; other flows and OpenID Connect
/// use <see cref="ApiClientOptions.AccessTokenProvider"/>, which wins when both are set.
/// </summary>
/// <remarks>
/// The secret and the tokens are never printed: <see cref="ToString"/> shows <c>***</c>, and a failed token request's
/// exception names the token endpoint, its status and the OAuth error code, never the credentials.
/// One instance keeps its tokens for every client that uses it (share the options of a client registration).
/// </remarks>
public sealed class OAuth2ClientCredentials
{
    private readonly ConcurrentDictionary<string, TokenSlot> _tokens = new(StringComparer.Ordinal);

    /// <summary>The client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>The client secret. It is never printed.</summary>
    public required string ClientSecret { get; init; }

    /// <summary>
    /// The token endpoint; <see langword="null"/> (the default) uses the <c>tokenUrl</c> of the document's flow, relative
    /// to the client's base address when the document gives a relative one.
    /// </summary>
    public Uri? TokenUrl { get; init; }

    /// <summary>
    /// The scopes to ask for; <see langword="null"/> (the default) asks for the scopes the operation's security
    /// requirement lists (none: no <c>scope</c> parameter).
    /// </summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>
    /// How long before its expiry a token is replaced (default 60 s; a token that lives shorter than twice this is
    /// replaced at half its life). A token response without <c>expires_in</c> is kept for 5 minutes.
    /// </summary>
    public TimeSpan RefreshBeforeExpiry { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Sends the client id and secret in the form body (<c>client_secret_post</c>) instead of an HTTP basic
    /// <c>Authorization</c> header (<c>client_secret_basic</c>, the default that RFC 6749 asks every server to accept).
    /// </summary>
    public bool SendCredentialsInBody { get; init; }

    /// <summary>Describes the credentials without the secret.</summary>
    /// <returns><c>OAuth2ClientCredentials { ClientId = ..., ClientSecret = *** }</c>.</returns>
    public override string ToString() =>
        $"OAuth2ClientCredentials {{ ClientId = {ClientId}, ClientSecret = ***, TokenUrl = {(TokenUrl is null ? "(document)" : UriDisplay.WithoutSecrets(TokenUrl))} }}";

    /// <summary>A valid token for the endpoint and scopes: the one kept while it is fresh, else a new one (one request for all callers).</summary>
    internal async ValueTask<string> GetTokenAsync(HttpClient http, Uri tokenUrl, IReadOnlyList<string> scopes, TimeProvider clock, CancellationToken cancellationToken)
    {
        string scope = string.Join(' ', Scopes ?? scopes);
        TokenSlot slot = _tokens.GetOrAdd(tokenUrl.AbsoluteUri + " " + scope, static _ => new TokenSlot());
        if (slot.Current is { } fresh && clock.GetUtcNow() < fresh.RefreshAt)
        {
            return fresh.Token;
        }

        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have fetched it while this one waited.
            if (slot.Current is { } fetched && clock.GetUtcNow() < fetched.RefreshAt)
            {
                return fetched.Token;
            }

            DateTimeOffset asked = clock.GetUtcNow();
            (string token, TimeSpan? lifetime) = await RequestTokenAsync(http, tokenUrl, scope, cancellationToken).ConfigureAwait(false);
            TimeSpan life = lifetime ?? TimeSpan.FromMinutes(5);
            TimeSpan margin = life < RefreshBeforeExpiry + RefreshBeforeExpiry ? life / 2 : RefreshBeforeExpiry;
            slot.Current = new CachedToken(token, asked + life - margin);
            return token;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private async ValueTask<(string Token, TimeSpan? Lifetime)> RequestTokenAsync(HttpClient http, Uri tokenUrl, string scope, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (scope.Length > 0)
        {
            form.Add(new("scope", scope));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl);
        if (SendCredentialsInBody)
        {
            form.Add(new("client_id", ClientId));
            form.Add(new("client_secret", ClientSecret));
        }
        else
        {
            // RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined and base64-encoded.
            string pair = FormEncode(ClientId) + ":" + FormEncode(ClientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        string endpoint = UriDisplay.WithoutSecrets(tokenUrl);
        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string? error = null;
        string? token = null;
        TimeSpan? lifetime = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                JsonElement root = document.RootElement;
                error = root.TryGetProperty("error", out JsonElement code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
                token = root.TryGetProperty("access_token", out JsonElement accessToken) && accessToken.ValueKind == JsonValueKind.String ? accessToken.GetString() : null;
                if (root.TryGetProperty("expires_in", out JsonElement expiresIn))
                {
                    double seconds = expiresIn.ValueKind switch
                    {
                        JsonValueKind.Number => expiresIn.GetDouble(),
                        JsonValueKind.String when double.TryParse(expiresIn.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double text) => text,
                        _ => double.NaN,
                    };
                    lifetime = seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(seconds) : null;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: reported below without the body, which may hold a token.
        }

        if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(token))
        {
            // The OAuth error code (RFC 6749 §5.2: invalid_client, invalid_scope...) is no secret; the body and credentials may be.
            string why = !response.IsSuccessStatusCode
                ? $"answered {(int)response.StatusCode} {response.ReasonPhrase}" + (IsErrorCode(error) ? $" ({error})" : string.Empty)
                : "answered without an access_token";
            throw new ApiException($"The OAuth 2.0 token endpoint {endpoint} {why}; no access token for the client credentials of '{ClientId}'.");
        }

        foreach (char c in token)
        {
            if (c is < '!' or > '~')
            {
                throw new ApiException($"The OAuth 2.0 token endpoint {endpoint} answered with an access token that an HTTP header cannot carry.");
            }
        }

        return (token, lifetime);
    }

    /// <summary>An OAuth error code as RFC 6749 §5.2 defines its characters (printable ASCII but quote and backslash).</summary>
    private static bool IsErrorCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= 64 && code.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0 && code.AsSpan().IndexOfAny('"', '\\') < 0;

    private static string FormEncode(string text) => Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal);

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt);

    private sealed class TokenSlot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        private CachedToken? _current;

        public CachedToken? Current
        {
            get => Volatile.Read(ref _current);
            set => Volatile.Write(ref _current, value);
        }
    }
}
