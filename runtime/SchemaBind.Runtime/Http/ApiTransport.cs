using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SchemaBind.Runtime;

/// <summary>
/// Sends the requests of a generated client over an <see cref="HttpClient"/>: composes the URL, writes the
/// JSON body, adds the bearer token, reads the JSON response and turns failures into <see cref="ApiException"/>.
/// </summary>
/// <remarks>
/// Each call sends its request exactly once (no retries). The access token is read for every request and
/// never appears in an exception, a message or a <c>ToString()</c>.
/// </remarks>
public sealed class ApiTransport
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    // The same depth limit as JsonRead.Parse, so a body the generated types can parse is accepted here too.
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    private readonly HttpClient _httpClient;
    private readonly ApiClientOptions? _options;

    // Scheme, authority and path of the base address, without a trailing slash (and without user info, query or fragment).
    private readonly string _baseUrl;

    /// <summary>Creates a transport.</summary>
    /// <param name="httpClient">The client that sends the requests. The transport does not dispose it.</param>
    /// <param name="options">The options (base address, credentials), or <see langword="null"/> for none.</param>
    /// <param name="defaultBaseAddress">The schema's default server, used when neither <paramref name="options"/> nor <paramref name="httpClient"/> has a base address.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="defaultBaseAddress"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The base address chosen is not an absolute http or https URI.</exception>
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
    /// <exception cref="ApiException">The response status is not 2xx.</exception>
    /// <exception cref="ApiResponseFormatException">The response body is empty, not JSON, or not the expected shape.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled (or the client timed out).</exception>
    /// <exception cref="HttpRequestException">The request could not be sent.</exception>
    public async Task<ApiResponse<TResponse>> SendAsync<TRequest, TResponse>(
        HttpMethod method,
        string path,
        TRequest body,
        Action<Utf8JsonWriter, TRequest> writeBody,
        JsonReadHandler<TResponse> readResponse,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        Uri uri = BuildUri(path);
        ArgumentNullException.ThrowIfNull(writeBody);
        ArgumentNullException.ThrowIfNull(readResponse);

        Result<TResponse> result = await SendCoreAsync(method, uri, path, CreateJsonContent(body, writeBody), readResponse, cancellationToken).ConfigureAwait(false);
        return new ApiResponse<TResponse>(result.Value, result.StatusCode, result.RateLimit, result.Headers);
    }

    /// <summary>Sends a request without a body and reads a JSON response body.</summary>
    /// <typeparam name="TResponse">The type of the response body.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="readResponse">Reads the response body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ApiException">The response status is not 2xx.</exception>
    /// <exception cref="ApiResponseFormatException">The response body is empty, not JSON, or not the expected shape.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled (or the client timed out).</exception>
    /// <exception cref="HttpRequestException">The request could not be sent.</exception>
    public async Task<ApiResponse<TResponse>> SendAsync<TResponse>(
        HttpMethod method,
        string path,
        JsonReadHandler<TResponse> readResponse,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        Uri uri = BuildUri(path);
        ArgumentNullException.ThrowIfNull(readResponse);

        Result<TResponse> result = await SendCoreAsync(method, uri, path, null, readResponse, cancellationToken).ConfigureAwait(false);
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
    /// <exception cref="ApiException">The response status is not 2xx.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled (or the client timed out).</exception>
    /// <exception cref="HttpRequestException">The request could not be sent.</exception>
    public async Task<ApiResponse> SendAsync<TRequest>(
        HttpMethod method,
        string path,
        TRequest body,
        Action<Utf8JsonWriter, TRequest> writeBody,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        Uri uri = BuildUri(path);
        ArgumentNullException.ThrowIfNull(writeBody);

        Result<object?> result = await SendCoreAsync<object?>(method, uri, path, CreateJsonContent(body, writeBody), null, cancellationToken).ConfigureAwait(false);
        return new ApiResponse(result.StatusCode, result.RateLimit, result.Headers);
    }

    /// <summary>Sends a request without a body; the response body is not read.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ApiException">The response status is not 2xx.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled (or the client timed out).</exception>
    /// <exception cref="HttpRequestException">The request could not be sent.</exception>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        Uri uri = BuildUri(path);

        Result<object?> result = await SendCoreAsync<object?>(method, uri, path, null, null, cancellationToken).ConfigureAwait(false);
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

    private async Task<Result<T>> SendCoreAsync<T>(
        HttpMethod method,
        Uri uri,
        string path,
        HttpContent? content,
        JsonReadHandler<T>? readResponse,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        string? token = await GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using HttpResponseMessage response = await _httpClient
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);

        RateLimitInfo rateLimit = RateLimitInfo.FromHeaders(response.Headers);
        string displayPath = DisplayPath(path);

        if (!response.IsSuccessStatusCode)
        {
            string? text = await TryReadErrorTextAsync(response.Content, cancellationToken).ConfigureAwait(false);
            text = ErrorBody.Redact(text, token);
            throw new ApiException(
                response.StatusCode,
                method.Method,
                displayPath,
                ErrorBody.ParseMessages(text),
                string.IsNullOrEmpty(text) ? null : ErrorBody.Truncate(text, ErrorBody.MaxResponseBodyLength),
                rateLimit);
        }

        if (readResponse is null)
        {
            return new Result<T>(default!, response.StatusCode, rateLimit, response.Headers);
        }

        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string? problem;
        Exception? inner;
        try
        {
            if (TryReadValue(body, readResponse, out T value, out problem))
            {
                return new Result<T>(value, response.StatusCode, rateLimit, response.Headers);
            }

            inner = null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            problem = "the body is not valid JSON or not the expected shape: " + ex.Message;
            inner = WithoutSecret(ex, token);
        }

        string bodyText = Decode(body.AsSpan(0, Math.Min(body.Length, ErrorBody.MaxResponseBodyLength * 4)), response.Content.Headers.ContentType?.CharSet);
        throw new ApiResponseFormatException(
            response.StatusCode,
            method.Method,
            displayPath,
            ErrorBody.Redact(problem, token)!,
            bodyText.Length == 0 ? null : ErrorBody.Truncate(ErrorBody.Redact(bodyText, token)!, ErrorBody.MaxResponseBodyLength),
            rateLimit,
            inner);
    }

    private static bool TryReadValue<T>(byte[] body, JsonReadHandler<T> readResponse, out T value, out string? problem)
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
    private static Exception WithoutSecret(Exception exception, string? token)
    {
        if (string.IsNullOrEmpty(token) || !exception.ToString().Contains(token, StringComparison.Ordinal))
        {
            return exception;
        }

        string message = ErrorBody.Redact(exception.Message, token)!;
        return exception switch
        {
            JsonException json => new JsonException(message, ErrorBody.Redact(json.Path, token), json.LineNumber, json.BytePositionInLine),
            FormatException => new FormatException(message),
            _ => new InvalidOperationException(message),
        };
    }

    private async ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_options is null)
        {
            return null;
        }

        Func<CancellationToken, ValueTask<string?>>? provider = _options.AccessTokenProvider;
        string? token = provider is not null
            ? await provider(cancellationToken).ConfigureAwait(false)
            : _options.AccessToken;

        token = token?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            return null;
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

    private static ReadOnlyMemoryContent CreateJsonContent<TRequest>(TRequest body, Action<Utf8JsonWriter, TRequest> writeBody)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writeBody(writer, body);
            writer.Flush();
            if (writer.CurrentDepth != 0 || writer.BytesCommitted == 0)
            {
                throw new InvalidOperationException("The request body writer did not write one complete JSON value.");
            }
        }

        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        content.Headers.ContentLength = buffer.WrittenCount;
        return content;
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
