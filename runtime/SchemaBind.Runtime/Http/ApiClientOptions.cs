using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.Logging;
using System.Threading.Tasks;

namespace SchemaBind.Runtime;

/// <summary>Options for a generated API client: the server address and the credentials.</summary>
/// <remarks>
/// <para>
/// <see cref="ToString"/> never prints the access token. The options are read on every request, so a
/// changed <see cref="AccessToken"/> applies to the next request.
/// </para>
/// <para>
/// What a generated client does with them: idempotent requests are retried as <see cref="Retry"/> says (429, 502,
/// 503, 504, connection failures and timeouts, honouring <c>Retry-After</c>); a <c>POST</c> or <c>PATCH</c> is never
/// sent twice unless <see cref="ApiRetryOptions.RetryNonIdempotent"/> is set. Each attempt has <see cref="Timeout"/>;
/// the caller's cancellation token cancels at any point, the wait between attempts included. A request body is
/// serialized once (a retry sends the same bytes) with a <c>Content-Length</c>; a response body is read into a pooled
/// buffer of at most <see cref="MaxResponseBodySize"/>. Every failure is an <see cref="ApiException"/>, the caller's
/// own cancellation excepted (<see cref="OperationCanceledException"/>).
/// </para>
/// </remarks>
public sealed class ApiClientOptions
{
    /// <summary>
    /// The base address of the API, which overrides the schema's default server and the
    /// <see cref="System.Net.Http.HttpClient.BaseAddress"/>. It may include a path, e.g. <c>https://host/api</c>.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The bearer token sent in the <c>Authorization</c> header. It is never printed.</summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// A callback that supplies the bearer token for each request. When set, it wins over
    /// <see cref="AccessToken"/>. Returning <see langword="null"/> or an empty string sends no
    /// <c>Authorization</c> header.
    /// </summary>
    public Func<CancellationToken, ValueTask<string?>>? AccessTokenProvider { get; set; }

    /// <summary>
    /// The client id and secret for OAuth 2.0 schemes with a client credentials flow: the client asks the flow's token
    /// endpoint for a bearer token and keeps it until shortly before it expires. <see cref="AccessTokenProvider"/> and
    /// <see cref="AccessToken"/> win when set (they serve every other flow and OpenID Connect). The secret is never printed.
    /// </summary>
    public OAuth2ClientCredentials? OAuth2ClientCredentials { get; set; }

    /// <summary>
    /// The API key sent for any <c>apiKey</c> security scheme that has no entry in <see cref="ApiKeys"/>. It is never printed.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// API keys by security scheme name (the keys of <c>components/securitySchemes</c>), for APIs with more than one
    /// <c>apiKey</c> scheme. An entry wins over <see cref="ApiKey"/>. The keys are never printed.
    /// </summary>
    public IDictionary<string, string> ApiKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The user name for HTTP <c>basic</c> security schemes; <see langword="null"/> sends no basic credentials.</summary>
    public string? BasicUserName { get; set; }

    /// <summary>The password for HTTP <c>basic</c> security schemes. It is never printed.</summary>
    public string? BasicPassword { get; set; }

    /// <summary>
    /// The retry policy of the transport (default: 3 attempts for idempotent requests, never for <c>POST</c>/<c>PATCH</c>).
    /// Set <see cref="ApiRetryOptions.None"/> when the <see cref="System.Net.Http.HttpClient"/> has a resilience handler that retries.
    /// </summary>
    public ApiRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// The time one attempt may take: connecting, sending, and reading the whole response body (default 100 s, like
    /// <see cref="System.Net.Http.HttpClient.Timeout"/>, which still applies too). <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// turns it off. An attempt that runs out of time throws <see cref="ApiTimeoutException"/> (after retries, for idempotent requests).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The largest response body that is read, in bytes (default 16 MiB). A larger body is refused with
    /// <see cref="ApiResponseTooLargeException"/>: at once when <c>Content-Length</c> says so, else as soon as the limit is passed.
    /// </summary>
    public long MaxResponseBodySize { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Allows a plain <c>http://</c> base address for a host that is not loopback. Off by default, so that a bearer
    /// token never crosses the network in clear text by mistake; <c>http://localhost</c> and <c>http://127.0.0.1</c> are always allowed.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Receives one line per request sent, response received and retry (method, path without query, status, timing).
    /// Tokens, query strings, headers and bodies are never logged. <see langword="null"/> logs nothing.
    /// </summary>
    public ILogger? Logger { get; set; }

    /// <summary>The clock and timers for retry back-off and <c>Retry-After</c> dates; <see cref="System.TimeProvider.System"/> when <see langword="null"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>The API key for the security scheme <paramref name="scheme"/>: its entry in <see cref="ApiKeys"/>, else <see cref="ApiKey"/>.</summary>
    internal string? GetApiKey(string scheme)
    {
        string? key = ApiKeys.TryGetValue(scheme, out string? own) ? own : ApiKey;
        return string.IsNullOrEmpty(key) ? null : key;
    }

    /// <summary>
    /// Describes the options. The base address is shown without user information or query; the
    /// access token, API keys and basic password are shown only as <c>***</c>, or <c>(none)</c> when there is none.
    /// </summary>
    /// <returns>A description that contains no secret.</returns>
    public override string ToString()
    {
        string baseAddress = BaseAddress is null ? "(default)" : UriDisplay.WithoutSecrets(BaseAddress);
        string token = string.IsNullOrEmpty(AccessToken) ? "(none)" : "***";
        string provider = AccessTokenProvider is null ? "(none)" : "(set)";
        string apiKey = string.IsNullOrEmpty(ApiKey) ? "(none)" : "***";
        string apiKeys = ApiKeys.Count == 0 ? "(none)" : "{ " + string.Join(", ", ApiKeys.Keys.Order(StringComparer.Ordinal).Select(static k => k + " = ***")) + " }";
        string basic = BasicUserName is null ? "(none)" : BasicUserName + ":***";
        string oauth2 = OAuth2ClientCredentials is null ? "(none)" : OAuth2ClientCredentials.ClientId + ":***";
        return $"ApiClientOptions {{ BaseAddress = {baseAddress}, AccessToken = {token}, AccessTokenProvider = {provider}, ApiKey = {apiKey}, ApiKeys = {apiKeys}, Basic = {basic}, OAuth2ClientCredentials = {oauth2} }}";
    }
}

/// <summary>Prints URIs without the parts that may carry credentials.</summary>
internal static class UriDisplay
{
    /// <summary>Returns scheme, host, port and path of an absolute URI (no user information, query or fragment).</summary>
    public static string WithoutSecrets(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            string text = uri.OriginalString;
            int cut = text.AsSpan().IndexOfAny('?', '#');
            return cut < 0 ? text : text[..cut];
        }

        return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }
}
