using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// Sends the requests of a generated client over an <see cref="HttpClient"/>: composes the URL, writes the
/// JSON body, adds the bearer token, reads the JSON response and turns failures into <see cref="ApiException"/>.
/// </summary>
/// <remarks>
/// <para>
/// Idempotent requests are retried on 429, 502, 503, 504, connection failures and timeouts, as
/// <see cref="ApiClientOptions.Retry"/> says; <c>POST</c> and <c>PATCH</c> are sent once unless
/// <see cref="ApiRetryOptions.RetryNonIdempotent"/> is set. Each attempt has <see cref="ApiClientOptions.Timeout"/>
/// for connecting, sending and reading the whole body; the caller's token cancels at any point, including the
/// wait between attempts. Response bodies stream into a pooled buffer bounded by
/// <see cref="ApiClientOptions.MaxResponseBodySize"/>; request bodies are serialized once (so a retry can resend them)
/// and sent with a <c>Content-Length</c>.
/// </para>
/// <para>
/// The access token is read once per call and never appears in an exception, a log line or a <c>ToString()</c>.
/// A plain <c>http://</c> base address is refused for hosts other than loopback unless
/// <see cref="ApiClientOptions.AllowInsecureHttp"/> is set.
/// </para>
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public sealed partial class ApiTransport
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    // The same depth limit as JsonRead.Parse, so a body the generated types can parse is accepted here too.
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    private static readonly ApiRetryOptions DefaultRetry = new();
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);
    private const long DefaultMaxResponseBodySize = 16 * 1024 * 1024;

    private readonly HttpClient _httpClient;
    private readonly ApiClientOptions? _options;

    // Scheme, authority and path of the base address, without a trailing slash (and without user info, query or fragment).
    private readonly string _baseUrl;

    /// <summary>Creates a transport.</summary>
    /// <param name="httpClient">The client that sends the requests. The transport does not dispose it.</param>
    /// <param name="options">The options (base address, credentials), or <see langword="null"/> for none.</param>
    /// <param name="defaultBaseAddress">The schema's default server, used when neither <paramref name="options"/> nor <paramref name="httpClient"/> has a base address.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="defaultBaseAddress"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The base address chosen is not an absolute http or https URI, or is plain http to a host that is not loopback without <see cref="ApiClientOptions.AllowInsecureHttp"/>.</exception>
    public ApiTransport(HttpClient httpClient, ApiClientOptions? options, Uri defaultBaseAddress)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(defaultBaseAddress);

        _httpClient = httpClient;
        _options = options;
        BaseAddress = options?.BaseAddress ?? httpClient.BaseAddress ?? defaultBaseAddress;
        if (!BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps))
        {
            string source = options?.BaseAddress is not null ? "ApiClientOptions.BaseAddress"
                : httpClient.BaseAddress is not null ? "HttpClient.BaseAddress"
                : "the default base address";
            throw new ArgumentException(
                $"The base address must be an absolute http or https URI; {source} is not. Set ApiClientOptions.BaseAddress to the server's address.",
                options?.BaseAddress is not null ? nameof(options) : httpClient.BaseAddress is not null ? nameof(httpClient) : nameof(defaultBaseAddress));
        }

        if (BaseAddress.Scheme == Uri.UriSchemeHttp && !BaseAddress.IsLoopback && options?.AllowInsecureHttp != true)
        {
            throw new ArgumentException(
                $"The base address {UriDisplay.WithoutSecrets(BaseAddress)} uses plain http to a host that is not loopback: the access token would cross the network in clear text. Use https, or set ApiClientOptions.AllowInsecureHttp = true if this is intended.",
                options?.BaseAddress is not null ? nameof(options) : httpClient.BaseAddress is not null ? nameof(httpClient) : nameof(defaultBaseAddress));
        }

        _baseUrl = BaseAddress.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
    }

    /// <summary>
    /// The base address requests are sent to: <see cref="ApiClientOptions.BaseAddress"/>, else
    /// <see cref="HttpClient.BaseAddress"/>, else the schema's default server.
    /// </summary>
    public Uri BaseAddress { get; }

    /// <summary>Sends a request with a JSON body and reads a JSON response body.</summary>
    /// <typeparam name="TRequest">The type of the request body.</typeparam>
    /// <typeparam name="TResponse">The type of the response body.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="body">The request body.</param>
    /// <param name="writeBody">Writes <paramref name="body"/> as one JSON value.</param>
    /// <param name="readResponse">Reads the response body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ApiException">The response status is not 2xx (a derived type for 400, 401, 403, 404, 409, 429 and 5xx).</exception>
    /// <exception cref="ApiResponseFormatException">The response body is empty, not JSON (by content type or content), or not the expected shape.</exception>
    /// <exception cref="ApiResponseTooLargeException">The response body is larger than <see cref="ApiClientOptions.MaxResponseBodySize"/>.</exception>
    /// <exception cref="ApiTimeoutException">An attempt took longer than <see cref="ApiClientOptions.Timeout"/> or <see cref="HttpClient.Timeout"/> (after the retries allowed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="ApiConnectionException">The connection failed (after the retries allowed).</exception>
    public Task<ApiResponse<TResponse>> SendAsync<TRequest, TResponse>(
        HttpMethod method,
        string path,
        TRequest body,
        Action<Utf8JsonWriter, TRequest> writeBody,
        JsonReadHandler<TResponse> readResponse,
        CancellationToken cancellationToken) =>
        SendJsonAsync(method, path, body, writeBody, readResponse, null, cancellationToken);

    // The calls with and without declared error bodies (ApiTransport.Errors.cs) share these four.
    private async Task<ApiResponse<TResponse>> SendJsonAsync<TRequest, TResponse>(
        HttpMethod method,
        string path,
        TRequest body,
        Action<Utf8JsonWriter, TRequest> writeBody,
        JsonReadHandler<TResponse> readResponse,
        ApiErrorBodies? errors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        Uri uri = BuildUri(path);
        ArgumentNullException.ThrowIfNull(writeBody);
        ArgumentNullException.ThrowIfNull(readResponse);

        Result<TResponse> result = await SendCoreAsync(method, uri, path, SerializeBody(body, writeBody), readResponse, cancellationToken, errors: errors).ConfigureAwait(false);
        return new ApiResponse<TResponse>(result.Value, result.StatusCode, result.RateLimit, result.Headers);
    }

    /// <summary>Sends a request without a body and reads a JSON response body.</summary>
    /// <typeparam name="TResponse">The type of the response body.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="readResponse">Reads the response body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ApiException">The response status is not 2xx (a derived type for 400, 401, 403, 404, 409, 429 and 5xx).</exception>
    /// <exception cref="ApiResponseFormatException">The response body is empty, not JSON (by content type or content), or not the expected shape.</exception>
    /// <exception cref="ApiResponseTooLargeException">The response body is larger than <see cref="ApiClientOptions.MaxResponseBodySize"/>.</exception>
    /// <exception cref="ApiTimeoutException">An attempt took longer than <see cref="ApiClientOptions.Timeout"/> or <see cref="HttpClient.Timeout"/> (after the retries allowed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="ApiConnectionException">The connection failed (after the retries allowed).</exception>
    public Task<ApiResponse<TResponse>> SendAsync<TResponse>(
        HttpMethod method,
        string path,
        JsonReadHandler<TResponse> readResponse,
        CancellationToken cancellationToken) =>
        SendEmptyAsync(method, path, readResponse, null, cancellationToken);

    private async Task<ApiResponse<TResponse>> SendEmptyAsync<TResponse>(
        HttpMethod method,
        string path,
        JsonReadHandler<TResponse> readResponse,
        ApiErrorBodies? errors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        Uri uri = BuildUri(path);
        ArgumentNullException.ThrowIfNull(readResponse);

        Result<TResponse> result = await SendCoreAsync(method, uri, path, null, readResponse, cancellationToken, errors: errors).ConfigureAwait(false);
        return new ApiResponse<TResponse>(result.Value, result.StatusCode, result.RateLimit, result.Headers);
    }

    /// <summary>Sends a request with a JSON body; the response body is not read.</summary>
    /// <typeparam name="TRequest">The type of the request body.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="body">The request body.</param>
    /// <param name="writeBody">Writes <paramref name="body"/> as one JSON value.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ApiException">The response status is not 2xx (a derived type for 400, 401, 403, 404, 409, 429 and 5xx).</exception>
    /// <exception cref="ApiTimeoutException">An attempt took longer than <see cref="ApiClientOptions.Timeout"/> or <see cref="HttpClient.Timeout"/> (after the retries allowed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="ApiConnectionException">The connection failed (after the retries allowed).</exception>
    public Task<ApiResponse> SendAsync<TRequest>(
        HttpMethod method,
        string path,
        TRequest body,
        Action<Utf8JsonWriter, TRequest> writeBody,
        CancellationToken cancellationToken) =>
        SendJsonAsync(method, path, body, writeBody, null, cancellationToken);

    private async Task<ApiResponse> SendJsonAsync<TRequest>(
        HttpMethod method,
        string path,
        TRequest body,
        Action<Utf8JsonWriter, TRequest> writeBody,
        ApiErrorBodies? errors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        Uri uri = BuildUri(path);
        ArgumentNullException.ThrowIfNull(writeBody);

        Result<object?> result = await SendCoreAsync<object?>(method, uri, path, SerializeBody(body, writeBody), null, cancellationToken, errors: errors).ConfigureAwait(false);
        return new ApiResponse(result.StatusCode, result.RateLimit, result.Headers);
    }

    /// <summary>Sends a request without a body; the response body is not read.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ApiException">The response status is not 2xx (a derived type for 400, 401, 403, 404, 409, 429 and 5xx).</exception>
    /// <exception cref="ApiTimeoutException">An attempt took longer than <see cref="ApiClientOptions.Timeout"/> or <see cref="HttpClient.Timeout"/> (after the retries allowed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="ApiConnectionException">The connection failed (after the retries allowed).</exception>
    public Task<ApiResponse> SendAsync(HttpMethod method, string path, CancellationToken cancellationToken) =>
        SendEmptyAsync(method, path, null, cancellationToken);

    private async Task<ApiResponse> SendEmptyAsync(HttpMethod method, string path, ApiErrorBodies? errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        Uri uri = BuildUri(path);

        Result<object?> result = await SendCoreAsync<object?>(method, uri, path, null, null, cancellationToken, errors: errors).ConfigureAwait(false);
        return new ApiResponse(result.StatusCode, result.RateLimit, result.Headers);
    }

    /// <summary>
    /// Sends a request with header or cookie parameters, a JSON or form body, (see <see cref="ApiRequest"/>), and reads a JSON response body.
    /// </summary>
    /// <typeparam name="TResponse">The type of the response body.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="request">The headers, cookies and body.</param>
    /// <param name="readResponse">Reads the response body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ApiException">The response status is not 2xx (a derived type for 400, 401, 403, 404, 409, 429 and 5xx).</exception>
    /// <exception cref="ApiResponseFormatException">The response body is empty, not JSON (by content type or content), or not the expected shape.</exception>
    /// <exception cref="ApiResponseTooLargeException">The response body is larger than <see cref="ApiClientOptions.MaxResponseBodySize"/>.</exception>
    /// <exception cref="ApiTimeoutException">An attempt took longer than <see cref="ApiClientOptions.Timeout"/> or <see cref="HttpClient.Timeout"/> (after the retries allowed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="ApiConnectionException">The connection failed (after the retries allowed).</exception>
    public async Task<ApiResponse<TResponse>> SendAsync<TResponse>(
        HttpMethod method,
        string path,
        ApiRequest request,
        JsonReadHandler<TResponse> readResponse,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(readResponse);
        BuildUri(path);

        Result<TResponse> result = await SendCoreAsync(method, null, path, request.BodyBytes(), readResponse, cancellationToken, request).ConfigureAwait(false);
        return new ApiResponse<TResponse>(result.Value, result.StatusCode, result.RateLimit, result.Headers);
    }

    /// <summary>
    /// Sends a request with header or cookie parameters, a JSON or form body, (see <see cref="ApiRequest"/>); the response body is not read.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="request">The headers, cookies and body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ApiException">The response status is not 2xx (a derived type for 400, 401, 403, 404, 409, 429 and 5xx).</exception>
    /// <exception cref="ApiTimeoutException">An attempt took longer than <see cref="ApiClientOptions.Timeout"/> or <see cref="HttpClient.Timeout"/> (after the retries allowed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="ApiConnectionException">The connection failed (after the retries allowed).</exception>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        BuildUri(path);

        Result<object?> result = await SendCoreAsync<object?>(method, null, path, request.BodyBytes(), null, cancellationToken, request).ConfigureAwait(false);
        return new ApiResponse(result.StatusCode, result.RateLimit, result.Headers);
    }

    private Uri BuildUri(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException("The request path must start with '/'.", nameof(path));
        }

        return new Uri(_baseUrl + path, UriKind.Absolute);
    }

    private async ValueTask<Result<T>> SendCoreAsync<T>(
        HttpMethod method,
        Uri? uri,
        string path,
        byte[]? body,
        JsonReadHandler<T>? readResponse,
        CancellationToken cancellationToken,
        ApiRequest? parts = null,
        RawReadHandler<T>? readRaw = null,
        ApiErrorBodies? errors = null)
    {
        ApiClientOptions? options = _options;
        ApiRetryOptions retry = options?.Retry ?? DefaultRetry;
        TimeSpan timeout = options?.Timeout ?? DefaultTimeout;
        long maxBodySize = options?.MaxResponseBodySize ?? DefaultMaxResponseBodySize;
        ILogger logger = options?.Logger ?? NullLogger.Instance;
        TimeProvider clock = options?.TimeProvider ?? TimeProvider.System;
        int maxAttempts = Math.Max(1, retry.MaxAttempts);
        bool mayRetry = MayRetry(method, retry, parts);
        string displayPath = DisplayPath(path);

        cancellationToken.ThrowIfCancellationRequested();
        string? token = await GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);

        // The credentials of the first alternative the options can meet (API keys, basic), resolved once per call.
        AppliedCredentials credentials = default;
        if (parts?.Security is { } security)
        {
            credentials = ApplySecurity(security, options, token is not null);
            if (credentials.TokenFrom is { } tokenScheme && token is null)
            {
                token = await GetClientCredentialsTokenAsync(tokenScheme, options!, cancellationToken).ConfigureAwait(false);
            }

            if (credentials.Met && !credentials.Bearer)
            {
                token = null; // the chosen alternative does not use the access token
            }

            if (credentials.Query is not null)
            {
                path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + credentials.Query;
                uri = null;
            }
        }

        uri ??= BuildUri(path);
        string[]? secrets = credentials.Secrets;
        string? authorization = null;
        if (token is not null)
        {
            BearerCache bearer = Bearer(token);
            authorization = bearer.Header;
            secrets = secrets is null ? bearer.Secrets : [token, .. secrets];
        }

        // When HttpClient.Timeout is not longer than the attempt's, HttpClient's own timer already cuts the sending at the
        // same time (its TimeoutException is an ApiTimeoutException below): the send then gets the caller's token, and
        // HttpClient links one token instead of two. The attempt's token still watches the body, which HttpClient's
        // timer does not cover (ResponseHeadersRead).
        TimeSpan clientTimeout = _httpClient.Timeout;
        bool clientTimesSending = clientTimeout != System.Threading.Timeout.InfiniteTimeSpan && timeout >= clientTimeout;

        for (int attempt = 1; ; attempt++)
        {
            TimeSpan delay;
            string reason;
            bool lastAttempt = attempt >= maxAttempts;

            // One timer per attempt covers connecting, sending and reading the body; it starts when the attempt first waits.
            CancellationTokenSource? timeoutSource = RentTimeoutSource(timeout, cancellationToken, out CancellationTokenRegistration callerLink);
            CancellationToken attemptToken = timeoutSource?.Token ?? cancellationToken;
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            var attemptTimeout = new AttemptTimeout(timeoutSource, timeout, started);

            try
            {
                TransportLog.Sending(logger, method.Method, displayPath, attempt);
                using var request = new HttpRequestMessage(method, uri) { Content = CreateContent(body, parts) };

                if (parts is not null)
                {
                    AddParts(request, parts, credentials);
                }

                // Pre-validated constant and token (CheckedToken checks its characters): no header parsing per request.
                request.Headers.TryAddWithoutValidation("Accept", parts?.Accept ?? "application/json");
                if (authorization is not null)
                {
                    request.Headers.TryAddWithoutValidation("Authorization", authorization);
                }

                Task<HttpResponseMessage> sending = _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, clientTimesSending ? cancellationToken : attemptToken);
                if (!sending.IsCompleted && !clientTimesSending)
                {
                    attemptTimeout.Start();
                }

                using HttpResponseMessage response = await sending.ConfigureAwait(false);

                RateLimitInfo rateLimit = RateLimitInfo.FromHeaders(response.Headers);
                int status = (int)response.StatusCode;
                if (logger.IsEnabled(LogLevel.Information))
                {
                    TransportLog.Received(logger, method.Method, displayPath, status, TransportLog.ElapsedSince(started), attempt);
                }

                if (!response.IsSuccessStatusCode)
                {
                    TimeSpan? serverDelay = ServerDelay(response, rateLimit, clock);
                    if (IsTransientStatus(status) && !lastAttempt)
                    {
                        reason = "status " + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        if (!mayRetry)
                        {
                            TransportLog.NotRetriedNonIdempotent(logger, method.Method, displayPath, reason);
                        }
                        else if (serverDelay is null || serverDelay.Value <= retry.MaxDelay)
                        {
                            delay = serverDelay ?? Backoff(retry, attempt);
                            TransportLog.Retrying(logger, method.Method, displayPath, delay.TotalMilliseconds, reason, attempt, maxAttempts);
                            goto Retry;
                        }
                    }

                    attemptTimeout.Start();
                    string? text = await TryReadErrorTextAsync(response.Content, attemptToken).ConfigureAwait(false);
                    text = ErrorBody.Redact(text, secrets);
                    ApiException error = ApiException.Create(
                        response.StatusCode,
                        method.Method,
                        displayPath,
                        ErrorBody.Redact(ErrorBody.ParseMessages(text), secrets),
                        string.IsNullOrEmpty(text) ? null : ErrorBody.Truncate(text, ErrorBody.MaxResponseBodyLength),
                        rateLimit);
                    error.RetryAfter = serverDelay;
                    error.Attempts = attempt;
                    error.Error = ReadErrorBody(errors ?? parts?.Errors, response, text);
                    TransportLog.Failed(logger, method.Method, displayPath, attempt, "status " + status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    throw error;
                }

                if (readRaw is not null)
                {
                    attemptTimeout.Start(); // what it reads (a stream it hands out) is not watched here
                    T raw = await readRaw(response, new ReadContext(method, displayPath, response.StatusCode, rateLimit, secrets, maxBodySize, attempt), attemptToken).ConfigureAwait(false);
                    return new Result<T>(raw, response.StatusCode, rateLimit, response.Headers);
                }

                if (readResponse is null)
                {
                    return new Result<T>(default!, response.StatusCode, rateLimit, response.Headers);
                }

                T value = await ReadValueAsync(response, method, displayPath, readResponse, rateLimit, secrets, maxBodySize, attempt, attemptToken, attemptTimeout).ConfigureAwait(false);
                return new Result<T>(value, response.StatusCode, rateLimit, response.Headers);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested
                && (timeoutSource?.IsCancellationRequested == true || ex.InnerException is TimeoutException))
            {
                // Our timer, or HttpClient.Timeout (a TaskCanceledException around a TimeoutException); not the caller.
                TimeSpan allowed = timeoutSource?.IsCancellationRequested == true ? timeout : _httpClient.Timeout;
                reason = "a timeout";
                if (lastAttempt || !mayRetry)
                {
                    TransportLog.Failed(logger, method.Method, displayPath, attempt, reason);
                    throw new ApiTimeoutException(method.Method, displayPath, allowed, attempt, ex);
                }

                delay = Backoff(retry, attempt);
                TransportLog.Retrying(logger, method.Method, displayPath, delay.TotalMilliseconds, reason, attempt, maxAttempts);
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
            {
                // Canceled by the caller through the linked timeout token: report the caller's token.
                throw new OperationCanceledException(ex.Message, ex, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                // The connection failed: refused, reset, or closed in the middle of the response body.
                reason = "a connection failure";
                if (lastAttempt || !mayRetry)
                {
                    TransportLog.Failed(logger, method.Method, displayPath, attempt, reason);
                    // Say which call failed; the inner exception keeps the details (it never holds the token).
                    throw ex is HttpRequestException request
                        ? new ApiConnectionException(method.Method, displayPath, attempt, request.HttpRequestError, $"{method.Method} {displayPath} failed after {attempt} attempt(s): {request.Message}", request)
                        : new ApiConnectionException(
                            method.Method,
                            displayPath,
                            attempt,
                            (ex as HttpIOException)?.HttpRequestError ?? HttpRequestError.Unknown,
                            $"{method.Method} {displayPath} failed after {attempt} attempt(s): the connection failed while reading the response body ({ex.Message})",
                            ex);
                }

                delay = Backoff(retry, attempt);
                TransportLog.Retrying(logger, method.Method, displayPath, delay.TotalMilliseconds, reason, attempt, maxAttempts);
            }
            finally
            {
                // A raw reader may hand out content that still holds the attempt's token: its source is not reused.
                ReturnTimeoutSource(timeoutSource, callerLink, reusable: readRaw is null);
            }

        Retry:
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The header and cookie parameters of a request, and the credentials of its security schemes beyond the bearer token.</summary>
    private static void AddParts(HttpRequestMessage request, ApiRequest parts, AppliedCredentials credentials)
    {
        // The values were checked when they were added (ApiRequest rejects control characters).
        if (parts.Headers is { } headers)
        {
            foreach (KeyValuePair<string, string> header in headers)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (credentials.Headers is { } credentialHeaders)
        {
            foreach (KeyValuePair<string, string> header in credentialHeaders)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        string? cookie = parts.Cookie;
        if (credentials.Cookie is not null)
        {
            cookie = cookie is null ? credentials.Cookie : cookie + "; " + credentials.Cookie;
        }

        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }
    }

    /// <summary>
    /// Chooses the first alternative whose schemes all have credentials in the options (an empty alternative always
    /// has) and returns what it adds to the request. When none has, nothing is added but the access token, if any,
    /// and the server answers 401.
    /// </summary>
    private static AppliedCredentials ApplySecurity(IReadOnlyList<ApiSecurityRequirement> alternatives, ApiClientOptions? options, bool hasToken)
    {
        foreach (ApiSecurityRequirement alternative in alternatives)
        {
            bool met = true;
            foreach (ApiSecurityScheme scheme in alternative.Schemes)
            {
                met &= scheme.Kind switch
                {
                    ApiSecuritySchemeKind.ApiKey => options?.GetApiKey(scheme.Name) is not null,
                    ApiSecuritySchemeKind.Basic => options?.BasicUserName is not null,
                    _ => hasToken || (scheme.TokenUrl is not null && options?.OAuth2ClientCredentials is not null),
                };
            }

            if (!met)
            {
                continue;
            }

            AppliedCredentials applied = default;
            applied.Met = true;
            var secrets = new List<string>(2);
            foreach (ApiSecurityScheme scheme in alternative.Schemes)
            {
                if (scheme.Kind == ApiSecuritySchemeKind.Bearer)
                {
                    applied.Bearer = true;
                    if (!hasToken && scheme.TokenUrl is not null)
                    {
                        applied.TokenFrom = scheme;
                    }
                }
                else if (scheme.Kind == ApiSecuritySchemeKind.Basic)
                {
                    string password = options!.BasicPassword ?? string.Empty;
                    string pair = options.BasicUserName + ":" + password;
                    CheckCredential(pair, "BasicUserName and BasicPassword");
                    string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
                    (applied.Headers ??= new List<KeyValuePair<string, string>>(1)).Add(new KeyValuePair<string, string>("Authorization", "Basic " + encoded));
                    secrets.Add(encoded);
                    if (password.Length > 0)
                    {
                        secrets.Add(password);
                    }
                }
                else
                {
                    string key = options!.GetApiKey(scheme.Name)!;
                    CheckCredential(key, "the API key of '" + scheme.Name + "'");
                    secrets.Add(key);
                    string escaped = Uri.EscapeDataString(key);
                    if (!string.Equals(escaped, key, StringComparison.Ordinal))
                    {
                        secrets.Add(escaped);
                    }

                    string name = scheme.ParameterName!;
                    switch (scheme.Location)
                    {
                        case ApiKeyLocation.Query:
                            applied.Query = (applied.Query is null ? string.Empty : applied.Query + "&") + Uri.EscapeDataString(name) + "=" + escaped;
                            break;
                        case ApiKeyLocation.Cookie:
                            applied.Cookie = (applied.Cookie is null ? string.Empty : applied.Cookie + "; ") + name + "=" + escaped;
                            break;
                        default:
                            (applied.Headers ??= new List<KeyValuePair<string, string>>(1)).Add(new KeyValuePair<string, string>(name, key));
                            break;
                    }
                }
            }

            applied.Secrets = secrets.Count == 0 ? null : secrets.ToArray();
            return applied;
        }

        return default;
    }

    private static void CheckCredential(string value, string what)
    {
        foreach (char c in value)
        {
            if (c < ' ' || c == '\u007F')
            {
                // The message must not echo the credential.
                throw new InvalidOperationException($"The credential ({what}) contains a control character, which an HTTP request cannot carry.");
            }
        }
    }

    /// <summary>What the chosen security alternative adds to a request, and the secrets to keep out of messages.</summary>
    private struct AppliedCredentials
    {
        public bool Met;
        public bool Bearer;
        public List<KeyValuePair<string, string>>? Headers;
        public string? Query;
        public string? Cookie;
        public string[]? Secrets;

        /// <summary>The OAuth 2.0 client credentials scheme whose token endpoint supplies the bearer token.</summary>
        public ApiSecurityScheme? TokenFrom;
    }

    /// <summary>A token of the client credentials grant for <paramref name="scheme"/>, its token URL resolved against the base address.</summary>
    private ValueTask<string> GetClientCredentialsTokenAsync(ApiSecurityScheme scheme, ApiClientOptions options, CancellationToken cancellationToken)
    {
        OAuth2ClientCredentials credentials = options.OAuth2ClientCredentials!;
        Uri tokenUrl = credentials.TokenUrl ?? new Uri(BaseAddress, scheme.TokenUrl!);
        if (tokenUrl.Scheme != Uri.UriSchemeHttps && !(tokenUrl.Scheme == Uri.UriSchemeHttp && (tokenUrl.IsLoopback || options.AllowInsecureHttp)))
        {
            // The client secret would cross the network in clear text.
            throw new InvalidOperationException($"The OAuth 2.0 token URL {UriDisplay.WithoutSecrets(tokenUrl)} of '{scheme.Name}' is neither https nor plain http to a loopback host: the client secret would cross the network in clear text. Use https, or set ApiClientOptions.AllowInsecureHttp = true if this is intended.");
        }

        return credentials.GetTokenAsync(_httpClient, tokenUrl, scheme.Scopes, options.TimeProvider ?? TimeProvider.System, cancellationToken);
    }

    // The last token, its header value and the secrets it makes: a token that does not change is not concatenated
    // again, nor put in a new array, per request.
    private sealed class BearerCache(string token)
    {
        public string Token { get; } = token;

        public string Header { get; } = "Bearer " + token;

        public string[] Secrets { get; } = [token];
    }

    private BearerCache? _bearer;

    private BearerCache Bearer(string token)
    {
        BearerCache? cached = _bearer;
        if (cached is not null && string.Equals(cached.Token, token, StringComparison.Ordinal))
        {
            return cached;
        }

        cached = new BearerCache(token);
        _bearer = cached;
        return cached;
    }

    private static async ValueTask<T> ReadValueAsync<T>(
        HttpResponseMessage response,
        HttpMethod method,
        string displayPath,
        JsonReadHandler<T> readResponse,
        RateLimitInfo rateLimit,
        string[]? secrets,
        long maxBodySize,
        int attempt,
        CancellationToken cancellationToken,
        AttemptTimeout timeout = default)
    {
        HttpContent content = response.Content;
        long? contentLength = content.Headers.ContentLength;
        if (contentLength > maxBodySize)
        {
            throw new ApiResponseTooLargeException(response.StatusCode, method.Method, displayPath, maxBodySize, contentLength, rateLimit) { Attempts = attempt };
        }

        string? contentType = RawContentType(content);
        if (contentType is not null && MediaTypeOf(contentType) is { IsEmpty: false } mediaTypeSpan && !IsJsonMediaType(mediaTypeSpan))
        {
            string mediaType = mediaTypeSpan.ToString();
            timeout.Start();
            string? text = ErrorBody.Redact(await TryReadErrorTextAsync(content, cancellationToken).ConfigureAwait(false), secrets);
            throw new ApiResponseFormatException(
                response.StatusCode,
                method.Method,
                displayPath,
                $"the content type is {ErrorBody.Truncate(mediaType, 100)}, not JSON",
                string.IsNullOrEmpty(text) ? null : ErrorBody.Truncate(text, ErrorBody.MaxResponseBodyLength),
                rateLimit,
                null) { Attempts = attempt };
        }

        // The body streams from the network into one pooled buffer, never past the limit.
        int initial = (int)Math.Min(contentLength is long announced ? announced + 1 : 16 * 1024, Math.Min(maxBodySize + 1, Array.MaxLength));
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 256));
        int total = 0;
        try
        {
            Task<Stream> opening = content.ReadAsStreamAsync(cancellationToken);
            if (!opening.IsCompleted)
            {
                timeout.Start();
            }

            using (Stream stream = await opening.ConfigureAwait(false))
            {
                while (true)
                {
                    if (total == buffer.Length)
                    {
                        if (total > maxBodySize)
                        {
                            break;
                        }

                        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                        buffer.AsSpan(0, total).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                        buffer = larger;
                    }

                    ValueTask<int> reading = stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
                    if (!reading.IsCompleted)
                    {
                        timeout.Start();
                    }

                    int read = await reading.ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    total += read;
                    if (total > maxBodySize)
                    {
                        break;
                    }
                }
            }

            if (total > maxBodySize)
            {
                throw new ApiResponseTooLargeException(response.StatusCode, method.Method, displayPath, maxBodySize, contentLength, rateLimit) { Attempts = attempt };
            }

            return ParseValue(buffer.AsSpan(0, total), response, method, displayPath, readResponse, rateLimit, secrets, attempt);
        }
        finally
        {
            buffer.AsSpan(0, Math.Min(total, buffer.Length)).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static T ParseValue<T>(
        ReadOnlySpan<byte> body,
        HttpResponseMessage response,
        HttpMethod method,
        string displayPath,
        JsonReadHandler<T> readResponse,
        RateLimitInfo rateLimit,
        string[]? secrets,
        int attempt)
    {
        string? problem;
        Exception? inner;
        try
        {
            if (TryReadValue(body, readResponse, out T value, out problem))
            {
                return value;
            }

            inner = null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            problem = "the body is not valid JSON or not the expected shape: " + ex.Message;
            inner = WithoutSecret(ex, secrets);
        }

        string bodyText = Decode(body[..Math.Min(body.Length, ErrorBody.MaxResponseBodyLength * 4)], response.Content.Headers.ContentType?.CharSet);
        throw new ApiResponseFormatException(
            response.StatusCode,
            method.Method,
            displayPath,
            ErrorBody.Redact(problem, secrets)!,
            bodyText.Length == 0 ? null : ErrorBody.Truncate(ErrorBody.Redact(bodyText, secrets)!, ErrorBody.MaxResponseBodyLength),
            rateLimit,
            inner) { Attempts = attempt };
    }

    /// <summary>The raw <c>Content-Type</c> value, read without parsing the header into objects; <see langword="null"/> when absent.</summary>
    private static string? RawContentType(HttpContent content)
    {
        if (content.Headers.NonValidated.TryGetValues("Content-Type", out HeaderStringValues values))
        {
            foreach (string value in values)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The media type of a <c>Content-Type</c> value, without parameters; empty when there is none.</summary>
    private static ReadOnlySpan<char> MediaTypeOf(string contentType)
    {
        ReadOnlySpan<char> value = contentType;
        int semicolon = value.IndexOf(';');
        return (semicolon < 0 ? value : value[..semicolon]).Trim();
    }

    private static bool IsJsonMediaType(ReadOnlySpan<char> mediaType)
        => mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static bool TryReadValue<T>(ReadOnlySpan<byte> body, JsonReadHandler<T> readResponse, out T value, out string? problem)
    {
        ReadOnlySpan<byte> json = body;
        if (json.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }

        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            value = default!;
            problem = "the body is empty, but a JSON value was expected";
            return false;
        }

        var reader = new Utf8JsonReader(json, ReaderOptions);
        reader.Read();
        value = readResponse(ref reader);

        // The handler ends on the value's last token; anything after it (other than whitespace) is an error.
        if (reader.Read())
        {
            problem = "the body has content after the JSON value";
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>
    /// Returns <paramref name="exception"/>, or a copy with the token masked when its text contains the token
    /// (the reader quotes invalid literals, so a server that echoes the token could otherwise leak it).
    /// </summary>
    private static Exception WithoutSecret(Exception exception, string[]? secrets)
    {
        string text = exception.ToString();
        if (secrets is null || !Array.Exists(secrets, s => text.Contains(s, StringComparison.Ordinal)))
        {
            return exception;
        }

        string message = ErrorBody.Redact(exception.Message, secrets)!;
        return exception switch
        {
            JsonException json => new JsonException(message, ErrorBody.Redact(json.Path, secrets), json.LineNumber, json.BytePositionInLine),
            FormatException => new FormatException(message),
            _ => new InvalidOperationException(message),
        };
    }

    private ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_options is null)
        {
            return default;
        }

        // A fixed token (the common case) needs no state machine.
        Func<CancellationToken, ValueTask<string?>>? provider = _options.AccessTokenProvider;
        return provider is null ? new ValueTask<string?>(CheckedToken(_options.AccessToken)) : FromProviderAsync(provider, cancellationToken);

        async ValueTask<string?> FromProviderAsync(Func<CancellationToken, ValueTask<string?>> provider, CancellationToken cancellationToken) =>
            CheckedToken(await provider(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The token trimmed, or <see langword="null"/> when empty.</summary>
    /// <exception cref="InvalidOperationException">The token has a character an HTTP header cannot carry.</exception>
    private string? CheckedToken(string? token)
    {
        token = token?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        if (_bearer is { } cached && ReferenceEquals(cached.Token, token))
        {
            return token; // the same string as the last request's, whose characters were checked then
        }

        foreach (char c in token)
        {
            if (c is < '!' or > '~')
            {
                // The message must not echo the token.
                throw new InvalidOperationException(
                    "The access token contains characters that are not allowed in an HTTP header (only visible ASCII characters are allowed).");
            }
        }

        return token;
    }

    private static string DisplayPath(string path)
    {
        int end = path.AsSpan().IndexOfAny('?', '#');
        return end < 0 ? path : path[..end];
    }

    private static async Task<string?> TryReadErrorTextAsync(HttpContent content, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ErrorBody.MaxBytesRead);
        try
        {
            int total = 0;
            try
            {
                using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                int read;
                while (total < ErrorBody.MaxBytesRead
                    && (read = await stream.ReadAsync(buffer.AsMemory(total, ErrorBody.MaxBytesRead - total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                // The status code is what matters; a body cut short still yields what arrived.
            }

            return Decode(buffer.AsSpan(0, total), content.Headers.ContentType?.CharSet);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes, string? charset)
    {
        Encoding encoding = Encoding.UTF8;
        if (!string.IsNullOrWhiteSpace(charset))
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim().Trim('"'));
            }
            catch (ArgumentException)
            {
                // Unknown charset: UTF-8 is the best guess for an HTTP API.
            }
        }

        if (encoding is UTF8Encoding && bytes.StartsWith(Utf8Bom))
        {
            bytes = bytes[Utf8Bom.Length..];
        }

        return encoding.GetString(bytes);
    }

    private readonly record struct Result<T>(T Value, HttpStatusCode StatusCode, RateLimitInfo RateLimit, HttpResponseHeaders Headers);
}
