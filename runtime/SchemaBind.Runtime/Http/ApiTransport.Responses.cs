using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace SchemaBind.Runtime.GeneratedCode;

// Responses that are not one JSON value: text, binary (a stream the caller owns), and streamed items (NDJSON, SSE).
public sealed partial class ApiTransport
{
    /// <summary>Reads a response body in its own way; it may keep the response's content beyond the call.</summary>
    private delegate ValueTask<T> RawReadHandler<T>(HttpResponseMessage response, ReadContext context, CancellationToken cancellationToken);

    /// <summary>What a reader needs to report a body it cannot read.</summary>
    private readonly record struct ReadContext(HttpMethod Method, string DisplayPath, HttpStatusCode StatusCode, RateLimitInfo RateLimit, string[]? Secrets, long MaxBodySize, int Attempt);

    /// <summary>Sends a request (see <see cref="ApiRequest"/>) and reads a text response body (<c>text/plain</c>...), decoded by its charset (UTF-8 by default).</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="request">The headers, cookies, body and <c>Accept</c> media type.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ApiException">The response status is not 2xx (a derived type for 400, 401, 403, 404, 409, 429 and 5xx).</exception>
    /// <exception cref="ApiResponseTooLargeException">The response body is larger than <see cref="ApiClientOptions.MaxResponseBodySize"/>.</exception>
    /// <exception cref="ApiTimeoutException">An attempt took longer than <see cref="ApiClientOptions.Timeout"/> or <see cref="HttpClient.Timeout"/> (after the retries allowed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="HttpRequestException">The connection failed (after the retries allowed).</exception>
    public async Task<ApiResponse<string>> SendForTextAsync(HttpMethod method, string path, ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        BuildUri(path);

        Result<string> result = await SendCoreAsync<string>(method, null, path, request.BodyBytes(), null, cancellationToken, request, ReadTextAsync).ConfigureAwait(false);
        return new ApiResponse<string>(result.Value, result.StatusCode, result.RateLimit, result.Headers);
    }

    /// <summary>
    /// Sends a request (see <see cref="ApiRequest"/>) and returns the binary response body as a stream the caller owns
    /// and disposes; it is not buffered.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="request">The headers, cookies, body and <c>Accept</c> media type.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; its value must be disposed.</returns>
    /// <exception cref="ApiException">The response status is not 2xx (a derived type for 400, 401, 403, 404, 409, 429 and 5xx).</exception>
    /// <exception cref="ApiTimeoutException">An attempt took longer than <see cref="ApiClientOptions.Timeout"/> or <see cref="HttpClient.Timeout"/> (after the retries allowed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="HttpRequestException">The connection failed (after the retries allowed).</exception>
    public async Task<ApiResponse<ApiFileResponse>> SendForFileAsync(HttpMethod method, string path, ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        BuildUri(path);

        Result<ApiFileResponse> result = await SendCoreAsync<ApiFileResponse>(method, null, path, request.BodyBytes(), null, cancellationToken, request, static async (response, _, token) =>
        {
            HttpContent content = Detach(response);
            Stream stream = await content.ReadAsStreamAsync(token).ConfigureAwait(false);
            return new ApiFileResponse(content, stream);
        }).ConfigureAwait(false);
        return new ApiResponse<ApiFileResponse>(result.Value, result.StatusCode, result.RateLimit, result.Headers);
    }

    /// <summary>
    /// Sends a request (see <see cref="ApiRequest"/>) when enumerated, and yields the items of a streamed response
    /// (NDJSON or server-sent events) as they arrive. Each enumeration sends the request again.
    /// </summary>
    /// <typeparam name="T">The type of an item.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="request">The headers, cookies, body and <c>Accept</c> media type.</param>
    /// <param name="format">How the body separates its items.</param>
    /// <param name="readItem">Reads one item.</param>
    /// <param name="cancellationToken">Cancels the request and the reading of the stream.</param>
    /// <returns>The items.</returns>
    /// <exception cref="ApiException">The response status is not 2xx (a derived type for 400, 401, 403, 404, 409, 429 and 5xx).</exception>
    /// <exception cref="ApiResponseFormatException">An item is not JSON or not the expected shape.</exception>
    /// <exception cref="ApiResponseTooLargeException">One item is larger than <see cref="ApiClientOptions.MaxResponseBodySize"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async IAsyncEnumerable<T> SendForStreamAsync<T>(
        HttpMethod method,
        string path,
        ApiRequest request,
        ApiStreamFormat format,
        JsonReadHandler<T> readItem,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(readItem);
        BuildUri(path);

        HttpResponseMessage? kept = null;
        ReadContext context = default;
        Result<HttpContent> result = await SendCoreAsync<HttpContent>(method, null, path, request.BodyBytes(), null, cancellationToken, request, (response, readContext, _) =>
        {
            kept = response;
            context = readContext;
            return new ValueTask<HttpContent>(Detach(response));
        }).ConfigureAwait(false);

        using HttpContent content = result.Value;
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var lines = new LineReader(stream, context);
            try
            {
                var data = new ArrayBufferWriter<byte>(256);
                while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                {
                    if (format == ApiStreamFormat.JsonLines)
                    {
                        if (!IsBlank(line.Span))
                        {
                            yield return ParseItem(line, kept!, context, readItem);
                        }

                        continue;
                    }

                    // Server-sent events: a blank line ends an event; "data" lines add to it; other fields are read past.
                    if (line.Length == 0)
                    {
                        if (data.WrittenCount > 0)
                        {
                            T item = ParseItem(data.WrittenMemory, kept!, context, readItem);
                            data.Clear();
                            yield return item;
                        }

                        continue;
                    }

                    if (DataField(line) is { } value)
                    {
                        if (data.WrittenCount > 0)
                        {
                            data.Write("\n"u8);
                        }

                        if (data.WrittenCount + value.Length > context.MaxBodySize)
                        {
                            throw new ApiResponseTooLargeException(result.StatusCode, method.Method, context.DisplayPath, context.MaxBodySize, null, context.RateLimit) { Attempts = context.Attempt };
                        }

                        data.Write(value.Span);
                    }
                }

                // An event not ended by a blank line when the stream ends is dropped, as the SSE standard says.
            }
            finally
            {
                lines.Dispose();
            }
        }
    }

    /// <summary>The value of a <c>data</c> field (one leading space removed), or <see langword="null"/> for any other line.</summary>
    private static ReadOnlyMemory<byte>? DataField(ReadOnlyMemory<byte> line)
    {
        ReadOnlySpan<byte> span = line.Span;
        if (span.SequenceEqual("data"u8))
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (!span.StartsWith("data:"u8))
        {
            return null;
        }

        int start = span.Length > 5 && span[5] == (byte)' ' ? 6 : 5;
        return line[start..];
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t"u8).IsEmpty;

    private static T ParseItem<T>(ReadOnlyMemory<byte> item, HttpResponseMessage response, ReadContext context, JsonReadHandler<T> readItem) =>
        ParseValue(item.Span, response, context.Method, context.DisplayPath, readItem, context.RateLimit, context.Secrets, context.Attempt);

    /// <summary>Takes the content out of the response, so that disposing the response leaves it open for the caller.</summary>
    private static HttpContent Detach(HttpResponseMessage response)
    {
        HttpContent content = response.Content;
        response.Content = new ByteArrayContent([]);
        return content;
    }

    private static async ValueTask<string> ReadTextAsync(HttpResponseMessage response, ReadContext context, CancellationToken cancellationToken)
    {
        HttpContent content = response.Content;
        long? contentLength = content.Headers.ContentLength;
        if (contentLength > context.MaxBodySize)
        {
            throw new ApiResponseTooLargeException(response.StatusCode, context.Method.Method, context.DisplayPath, context.MaxBodySize, contentLength, context.RateLimit) { Attempts = context.Attempt };
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(contentLength ?? 4096, 1024 * 1024) + 1);
        using (Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        {
            while (true)
            {
                int read = await stream.ReadAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > context.MaxBodySize)
                {
                    throw new ApiResponseTooLargeException(response.StatusCode, context.Method.Method, context.DisplayPath, context.MaxBodySize, contentLength, context.RateLimit) { Attempts = context.Attempt };
                }
            }
        }

        return Decode(buffer.WrittenSpan, content.Headers.ContentType?.CharSet);
    }

    /// <summary>
    /// Reads lines (ended by LF, CRLF or CR) from a stream as they arrive, into one pooled buffer; a line longer than
    /// <see cref="ApiClientOptions.MaxResponseBodySize"/> is an <see cref="ApiResponseTooLargeException"/>.
    /// </summary>
    private sealed class LineReader(Stream stream, ReadContext context) : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        private int _start;
        private int _end;
        private bool _endOfStream;
        private bool _skipLineFeed;

        /// <summary>The next line without its end, valid until the next call; <see langword="null"/> at the end of the stream.</summary>
        public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
        {
            int scanned = 0;
            while (true)
            {
                if (_skipLineFeed && _start < _end)
                {
                    if (_buffer[_start] == (byte)'\n')
                    {
                        _start++;
                    }

                    _skipLineFeed = false;
                }

                int at = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOfAny((byte)'\n', (byte)'\r');
                if (at >= 0)
                {
                    int lineEnd = _start + scanned + at;
                    var line = new ReadOnlyMemory<byte>(_buffer, _start, lineEnd - _start);
                    _skipLineFeed = _buffer[lineEnd] == (byte)'\r';
                    _start = lineEnd + 1;
                    return line;
                }

                scanned = _end - _start;
                if (_endOfStream)
                {
                    if (_start == _end)
                    {
                        return null;
                    }

                    var last = new ReadOnlyMemory<byte>(_buffer, _start, _end - _start);
                    _start = _end;
                    return last;
                }

                if (scanned > context.MaxBodySize)
                {
                    throw new ApiResponseTooLargeException(context.StatusCode, context.Method.Method, context.DisplayPath, context.MaxBodySize, null, context.RateLimit) { Attempts = context.Attempt };
                }

                // Room for more: move the partial line to the front, or grow.
                if (_start > 0)
                {
                    _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                    _end -= _start;
                    _start = 0;
                }

                if (_end == _buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                    _buffer.AsSpan(0, _end).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
                    _buffer = larger;
                }

                int read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    _endOfStream = true;
                }

                _end += read;
            }
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = [];
        }
    }
}
