using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SchemaBind.Runtime.GeneratedCode;

// Operations whose success statuses declare different bodies: the status of the response chooses how its body is read
// (ApiSuccessBodies), into the operation's generated result type.
public sealed partial class ApiTransport
{
    /// <summary>
    /// Sends a request (see <see cref="ApiRequest"/>, which may carry a JSON body) and reads the response body as
    /// its status declares, into the operation's result type.
    /// </summary>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, starting with <c>/</c>, relative to <see cref="BaseAddress"/>; it may include a query string.</param>
    /// <param name="request">The headers, cookies, body and error bodies.</param>
    /// <param name="bodies">How the body of each success status becomes the result.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ApiException">The response status is not 2xx (a derived type for 400, 401, 403, 404, 409, 429 and 5xx).</exception>
    /// <exception cref="ApiResponseFormatException">The response body is empty, not JSON (by content type or content), or not the expected shape.</exception>
    /// <exception cref="ApiResponseTooLargeException">The response body is larger than <see cref="ApiClientOptions.MaxResponseBodySize"/>.</exception>
    /// <exception cref="ApiTimeoutException">An attempt took longer than <see cref="ApiClientOptions.Timeout"/> or <see cref="HttpClient.Timeout"/> (after the retries allowed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="ApiConnectionException">The connection failed (after the retries allowed).</exception>
    public async Task<ApiResponse<TResult>> SendForResultAsync<TResult>(
        HttpMethod method,
        string path,
        ApiRequest request,
        ApiSuccessBodies<TResult> bodies,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(bodies);
        BuildUri(path);

        Result<TResult> result = await SendCoreAsync<TResult>(method, null, path, request.BodyBytes(), null, cancellationToken, request, (response, context, token) =>
        {
            (JsonReadHandler<TResult>? read, Func<TResult>? create) = bodies.Find((int)response.StatusCode);
            return read is null
                ? new ValueTask<TResult>(create!())
                : ReadValueAsync(response, context.Method, context.DisplayPath, read, context.RateLimit, context.Secrets, context.MaxBodySize, context.Attempt, token);
        }).ConfigureAwait(false);
        return new ApiResponse<TResult>(result.Value, result.StatusCode, result.RateLimit, result.Headers);
    }
}
