using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace SchemaBind.Runtime;

/// <summary>
/// The base of every failure of an API call: thrown as itself (or a status-specific subclass) when the API answers
/// with a status code outside 2xx, and as <see cref="ApiTimeoutException"/> or <see cref="ApiConnectionException"/>
/// when no response arrived. The message reads like
/// <c>POST /workspaces/a/projects/b/pipelines/1/actions returned 400 (Bad Request): name is required</c>.
/// </summary>
/// <remarks>
/// One <c>catch (ApiException)</c> catches every way a call can fail; the caller's own cancellation still throws
/// <see cref="OperationCanceledException"/>. No credential ever appears in the message, the path or the error messages.
/// </remarks>
public class ApiException : Exception
{
    private const string NoMessage = "The API request failed.";

    /// <summary>Creates an exception for a request that failed with a non-2xx status.</summary>
    /// <param name="statusCode">The status code of the response.</param>
    /// <param name="method">The HTTP method of the request, e.g. <c>POST</c>.</param>
    /// <param name="path">The request path without base address and query.</param>
    /// <param name="errorMessages">The messages found in the response body.</param>
    /// <param name="responseBody">The raw response body (truncated), or <see langword="null"/>.</param>
    /// <param name="rateLimit">The rate-limit figures of the response.</param>
    public ApiException(
        HttpStatusCode statusCode,
        string method,
        string path,
        IReadOnlyList<string> errorMessages,
        string? responseBody,
        RateLimitInfo rateLimit)
        : this(statusCode, method, path, errorMessages, responseBody, rateLimit, null, null)
    {
    }

    /// <summary>Creates an exception with a message of its own; for derived exceptions.</summary>
    /// <param name="statusCode">The status code of the response.</param>
    /// <param name="method">The HTTP method of the request, e.g. <c>POST</c>.</param>
    /// <param name="path">The request path without base address and query.</param>
    /// <param name="errorMessages">The messages describing the failure.</param>
    /// <param name="responseBody">The raw response body (truncated), or <see langword="null"/>.</param>
    /// <param name="rateLimit">The rate-limit figures of the response.</param>
    /// <param name="message">The exception message, or <see langword="null"/> for the standard one.</param>
    /// <param name="innerException">The exception that caused this one, or <see langword="null"/>.</param>
    protected ApiException(
        HttpStatusCode statusCode,
        string method,
        string path,
        IReadOnlyList<string> errorMessages,
        string? responseBody,
        RateLimitInfo rateLimit,
        string? message,
        Exception? innerException)
        : base(message ?? FormatMessage(statusCode, method, path, errorMessages), innerException)
    {
        StatusCode = statusCode;
        Method = method ?? string.Empty;
        Path = path ?? string.Empty;
        ErrorMessages = errorMessages ?? [];
        ResponseBody = responseBody;
        RateLimit = rateLimit;
    }

    /// <summary>Creates an exception for a call that got no response; for <see cref="ApiTimeoutException"/> and <see cref="ApiConnectionException"/>.</summary>
    /// <param name="method">The HTTP method of the request, e.g. <c>POST</c>.</param>
    /// <param name="path">The request path without base address and query.</param>
    /// <param name="attempts">How many times the request was sent.</param>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused this one, or <see langword="null"/>.</param>
    private protected ApiException(string method, string path, int attempts, string message, Exception? innerException)
        : base(message, innerException)
    {
        Method = method ?? string.Empty;
        Path = path ?? string.Empty;
        ErrorMessages = [];
        Attempts = attempts;
    }

    /// <summary>Creates an exception with a generic message; prefer the constructors that describe the response.</summary>
    public ApiException()
        : this(NoMessage)
    {
    }

    /// <summary>Creates an exception with the given message; prefer the constructors that describe the response.</summary>
    /// <param name="message">The exception message.</param>
    public ApiException(string? message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception with the given message and cause; prefer the constructors that describe the response.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public ApiException(string? message, Exception? innerException)
        : base(message ?? NoMessage, innerException)
    {
        Method = string.Empty;
        Path = string.Empty;
        ErrorMessages = [];
    }

    /// <summary>The status code of the response; 0 when no response arrived (a timeout or a connection failure).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The HTTP method of the request, e.g. <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The request path without base address and without query string; it never includes credentials.</summary>
    public string Path { get; }

    /// <summary>
    /// The messages found in the response body: the <c>message</c> of each entry of
    /// <c>{"errors":[{"message":"..."}]}</c>, the <c>title</c>/<c>detail</c> of RFC 9457 problem details,
    /// or else the trimmed raw text (at most about 1000 characters) as one message. Empty when the body was empty.
    /// </summary>
    public IReadOnlyList<string> ErrorMessages { get; }

    /// <summary>The raw response body, truncated to 4096 characters; <see langword="null"/> when there was none.</summary>
    public string? ResponseBody { get; }

    /// <summary>The rate-limit figures of the response.</summary>
    public RateLimitInfo RateLimit { get; }

    /// <summary>
    /// How long the server asked the caller to wait (<c>Retry-After</c>, or <c>X-Rate-Limit-Reset</c> on a 429 or 503),
    /// or <see langword="null"/> when it did not say.
    /// </summary>
    public TimeSpan? RetryAfter { get; internal set; }

    /// <summary>How many times the request was sent, retries included (0 when unknown).</summary>
    public int Attempts { get; internal set; }

    /// <summary>
    /// The response body read as the type the API description declares for this status (the exact status, else its
    /// <c>4XX</c>/<c>5XX</c> range, else <c>default</c>); <see langword="null"/> when the description declares none, or when
    /// the body is empty, not JSON or not that shape. The generated method's documentation says which type comes with
    /// which status; <see cref="TryGetError{TError}"/> reads it typed.
    /// </summary>
    /// <remarks>Secrets the request sent are replaced with <c>***</c> in the body before it is read.</remarks>
    public object? Error { get; internal set; }

    /// <summary>
    /// Gets <see cref="Error"/> as <typeparamref name="TError"/>:
    /// <c>catch (ApiNotFoundException ex) when (ex.TryGetError(out ErrorResponse? error))</c>.
    /// </summary>
    /// <typeparam name="TError">The type the API description declares for the error body.</typeparam>
    /// <param name="error">The error body, or <see langword="default"/> when there is none of that type.</param>
    /// <returns><see langword="true"/> when the body was read as <typeparamref name="TError"/>.</returns>
    public bool TryGetError<TError>([NotNullWhen(true)] out TError? error)
    {
        if (Error is TError value)
        {
            error = value;
            return true;
        }

        error = default;
        return false;
    }

    /// <summary>
    /// Creates the exception type that matches the status: <see cref="ApiBadRequestException"/> (400),
    /// <see cref="ApiUnauthorizedException"/> (401), <see cref="ApiForbiddenException"/> (403),
    /// <see cref="ApiNotFoundException"/> (404), <see cref="ApiConflictException"/> (409),
    /// <see cref="ApiRateLimitException"/> (429), <see cref="ApiServerException"/> (5xx), else <see cref="ApiException"/>.
    /// </summary>
    /// <param name="statusCode">The status code of the response.</param>
    /// <param name="method">The HTTP method of the request, e.g. <c>POST</c>.</param>
    /// <param name="path">The request path without base address and query.</param>
    /// <param name="errorMessages">The messages found in the response body.</param>
    /// <param name="responseBody">The raw response body (truncated), or <see langword="null"/>.</param>
    /// <param name="rateLimit">The rate-limit figures of the response.</param>
    /// <returns>The exception; it is not thrown.</returns>
    public static ApiException Create(
        HttpStatusCode statusCode,
        string method,
        string path,
        IReadOnlyList<string> errorMessages,
        string? responseBody,
        RateLimitInfo rateLimit) => (int)statusCode switch
    {
        400 => new ApiBadRequestException(method, path, errorMessages, responseBody, rateLimit),
        401 => new ApiUnauthorizedException(method, path, errorMessages, responseBody, rateLimit),
        403 => new ApiForbiddenException(method, path, errorMessages, responseBody, rateLimit),
        404 => new ApiNotFoundException(method, path, errorMessages, responseBody, rateLimit),
        409 => new ApiConflictException(method, path, errorMessages, responseBody, rateLimit),
        429 => new ApiRateLimitException(method, path, errorMessages, responseBody, rateLimit),
        >= 500 and <= 599 => new ApiServerException(statusCode, method, path, errorMessages, responseBody, rateLimit),
        _ => new ApiException(statusCode, method, path, errorMessages, responseBody, rateLimit),
    };

    /// <summary>Formats the standard message: <c>METHOD /path returned 400 (Bad Request): first; second</c>.</summary>
    internal static string FormatMessage(HttpStatusCode statusCode, string? method, string? path, IReadOnlyList<string>? errorMessages)
    {
        string text = $"{method} {path} returned {StatusText(statusCode)}";
        return errorMessages is { Count: > 0 } ? $"{text}: {string.Join("; ", errorMessages)}" : text;
    }

    /// <summary>Formats a status code as <c>400 (Bad Request)</c>, or just <c>499</c> when it has no standard reason phrase.</summary>
    internal static string StatusText(HttpStatusCode statusCode)
    {
        int code = (int)statusCode;
        string? phrase = HttpReasonPhrases.Get(code);
        return phrase is null ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{code} ({phrase})";
    }
}
