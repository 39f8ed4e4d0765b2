using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SchemaBind.Runtime.GeneratedCode;

// The calls of operations whose API description declares error bodies: the same as their SendAsync counterparts, and
// on an error status the body is also read as the declared type (ApiException.Error). The success path is unchanged.
public sealed partial class ApiTransport
{
    /// <summary>Sends a request with a JSON body and reads a JSON response body; an error body is read as <paramref name="errors"/> declares.</summary>
    /// <typeparam name="TRequest">The type of the request body.</typeparam>
    /// <typeparam name="TResponse">The type of the response body.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="body">The request body.</param>
    /// <param name="writeBody">Writes <paramref name="body"/> as one JSON value.</param>
    /// <param name="readResponse">Reads the response body.</param>
    /// <param name="errors">The types of the error bodies, by status.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ApiException">The response status is not 2xx (a derived type for 400, 401, 403, 404, 409, 429 and 5xx); <see cref="ApiException.Error"/> holds the typed error body.</exception>
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
        ApiErrorBodies errors,
        CancellationToken cancellationToken) =>
        SendJsonAsync(method, path, body, writeBody, readResponse, errors ?? throw new ArgumentNullException(nameof(errors)), cancellationToken);

    /// <summary>Sends a request without a body and reads a JSON response body; an error body is read as <paramref name="errors"/> declares.</summary>
    /// <typeparam name="TResponse">The type of the response body.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="readResponse">Reads the response body.</param>
    /// <param name="errors">The types of the error bodies, by status.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ApiException">The response status is not 2xx (a derived type for 400, 401, 403, 404, 409, 429 and 5xx); <see cref="ApiException.Error"/> holds the typed error body.</exception>
    /// <exception cref="ApiResponseFormatException">The response body is empty, not JSON (by content type or content), or not the expected shape.</exception>
    /// <exception cref="ApiResponseTooLargeException">The response body is larger than <see cref="ApiClientOptions.MaxResponseBodySize"/>.</exception>
    /// <exception cref="ApiTimeoutException">An attempt took longer than <see cref="ApiClientOptions.Timeout"/> or <see cref="HttpClient.Timeout"/> (after the retries allowed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="ApiConnectionException">The connection failed (after the retries allowed).</exception>
    public Task<ApiResponse<TResponse>> SendAsync<TResponse>(
        HttpMethod method,
        string path,
        JsonReadHandler<TResponse> readResponse,
        ApiErrorBodies errors,
        CancellationToken cancellationToken) =>
        SendEmptyAsync(method, path, readResponse, errors ?? throw new ArgumentNullException(nameof(errors)), cancellationToken);

    /// <summary>Sends a request with a JSON body; the response body is not read, an error body is read as <paramref name="errors"/> declares.</summary>
    /// <typeparam name="TRequest">The type of the request body.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="body">The request body.</param>
    /// <param name="writeBody">Writes <paramref name="body"/> as one JSON value.</param>
    /// <param name="errors">The types of the error bodies, by status.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ApiException">The response status is not 2xx (a derived type for 400, 401, 403, 404, 409, 429 and 5xx); <see cref="ApiException.Error"/> holds the typed error body.</exception>
    /// <exception cref="ApiTimeoutException">An attempt took longer than <see cref="ApiClientOptions.Timeout"/> or <see cref="HttpClient.Timeout"/> (after the retries allowed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="ApiConnectionException">The connection failed (after the retries allowed).</exception>
    public Task<ApiResponse> SendAsync<TRequest>(
        HttpMethod method,
        string path,
        TRequest body,
        Action<Utf8JsonWriter, TRequest> writeBody,
        ApiErrorBodies errors,
        CancellationToken cancellationToken) =>
        SendJsonAsync(method, path, body, writeBody, errors ?? throw new ArgumentNullException(nameof(errors)), cancellationToken);

    /// <summary>Sends a request without a body; the response body is not read, an error body is read as <paramref name="errors"/> declares.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="errors">The types of the error bodies, by status.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ApiException">The response status is not 2xx (a derived type for 400, 401, 403, 404, 409, 429 and 5xx); <see cref="ApiException.Error"/> holds the typed error body.</exception>
    /// <exception cref="ApiTimeoutException">An attempt took longer than <see cref="ApiClientOptions.Timeout"/> or <see cref="HttpClient.Timeout"/> (after the retries allowed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="ApiConnectionException">The connection failed (after the retries allowed).</exception>
    public Task<ApiResponse> SendAsync(HttpMethod method, string path, ApiErrorBodies errors, CancellationToken cancellationToken) =>
        SendEmptyAsync(method, path, errors ?? throw new ArgumentNullException(nameof(errors)), cancellationToken);

    /// <summary>
    /// The body of an error response read as the declared type, or <see langword="null"/>; a body whose content type says
    /// it is not JSON is not read. <paramref name="text"/> is the body as read for the message, secrets already masked.
    /// </summary>
    private static object? ReadErrorBody(ApiErrorBodies? errors, HttpResponseMessage response, string? text)
    {
        if (errors is null)
        {
            return null;
        }

        string? contentType = RawContentType(response.Content);
        if (contentType is not null && MediaTypeOf(contentType) is { IsEmpty: false } mediaType && !IsJsonMediaType(mediaType))
        {
            return null;
        }

        return errors.Read((int)response.StatusCode, text);
    }
}
