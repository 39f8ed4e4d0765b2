using System.Collections.Generic;
using System.Net;

namespace SchemaBind.Runtime;

// One exception type per status a caller commonly handles differently, so that `catch (ApiNotFoundException)`
// replaces `catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)`. All derive from ApiException.

/// <summary>Thrown for a <c>400 Bad Request</c>: the server refused the request as invalid; <see cref="ApiException.ErrorMessages"/> says why.</summary>
public sealed class ApiBadRequestException : ApiException
{
    /// <summary>Creates the exception for a 400 response.</summary>
    /// <param name="method">The HTTP method of the request, e.g. <c>POST</c>.</param>
    /// <param name="path">The request path without base address and query.</param>
    /// <param name="errorMessages">The messages found in the response body.</param>
    /// <param name="responseBody">The raw response body (truncated), or <see langword="null"/>.</param>
    /// <param name="rateLimit">The rate-limit figures of the response.</param>
    public ApiBadRequestException(string method, string path, IReadOnlyList<string> errorMessages, string? responseBody, RateLimitInfo rateLimit)
        : base((HttpStatusCode)400, method, path, errorMessages, responseBody, rateLimit)
    {
    }
}

/// <summary>Thrown for a <c>401 Unauthorized</c>: the token is missing, wrong or expired.</summary>
public sealed class ApiUnauthorizedException : ApiException
{
    /// <summary>Creates the exception for a 401 response.</summary>
    /// <param name="method">The HTTP method of the request, e.g. <c>POST</c>.</param>
    /// <param name="path">The request path without base address and query.</param>
    /// <param name="errorMessages">The messages found in the response body.</param>
    /// <param name="responseBody">The raw response body (truncated), or <see langword="null"/>.</param>
    /// <param name="rateLimit">The rate-limit figures of the response.</param>
    public ApiUnauthorizedException(string method, string path, IReadOnlyList<string> errorMessages, string? responseBody, RateLimitInfo rateLimit)
        : base((HttpStatusCode)401, method, path, errorMessages, responseBody, rateLimit)
    {
    }
}

/// <summary>Thrown for a <c>403 Forbidden</c>: the token lacks a scope or the caller has no access to the resource.</summary>
public sealed class ApiForbiddenException : ApiException
{
    /// <summary>Creates the exception for a 403 response.</summary>
    /// <param name="method">The HTTP method of the request, e.g. <c>POST</c>.</param>
    /// <param name="path">The request path without base address and query.</param>
    /// <param name="errorMessages">The messages found in the response body.</param>
    /// <param name="responseBody">The raw response body (truncated), or <see langword="null"/>.</param>
    /// <param name="rateLimit">The rate-limit figures of the response.</param>
    public ApiForbiddenException(string method, string path, IReadOnlyList<string> errorMessages, string? responseBody, RateLimitInfo rateLimit)
        : base((HttpStatusCode)403, method, path, errorMessages, responseBody, rateLimit)
    {
    }
}

/// <summary>Thrown for a <c>404 Not Found</c>.</summary>
public sealed class ApiNotFoundException : ApiException
{
    /// <summary>Creates the exception for a 404 response.</summary>
    /// <param name="method">The HTTP method of the request, e.g. <c>POST</c>.</param>
    /// <param name="path">The request path without base address and query.</param>
    /// <param name="errorMessages">The messages found in the response body.</param>
    /// <param name="responseBody">The raw response body (truncated), or <see langword="null"/>.</param>
    /// <param name="rateLimit">The rate-limit figures of the response.</param>
    public ApiNotFoundException(string method, string path, IReadOnlyList<string> errorMessages, string? responseBody, RateLimitInfo rateLimit)
        : base((HttpStatusCode)404, method, path, errorMessages, responseBody, rateLimit)
    {
    }
}

/// <summary>Thrown for a <c>409 Conflict</c>: the request conflicts with the resource's current state.</summary>
public sealed class ApiConflictException : ApiException
{
    /// <summary>Creates the exception for a 409 response.</summary>
    /// <param name="method">The HTTP method of the request, e.g. <c>POST</c>.</param>
    /// <param name="path">The request path without base address and query.</param>
    /// <param name="errorMessages">The messages found in the response body.</param>
    /// <param name="responseBody">The raw response body (truncated), or <see langword="null"/>.</param>
    /// <param name="rateLimit">The rate-limit figures of the response.</param>
    public ApiConflictException(string method, string path, IReadOnlyList<string> errorMessages, string? responseBody, RateLimitInfo rateLimit)
        : base((HttpStatusCode)409, method, path, errorMessages, responseBody, rateLimit)
    {
    }
}

/// <summary>Thrown for a <c>429 Too Many Requests</c> that was not retried, or still failed after the retries; <see cref="ApiException.RetryAfter"/> and <see cref="ApiException.RateLimit"/> say when to try again.</summary>
public sealed class ApiRateLimitException : ApiException
{
    /// <summary>Creates the exception for a 429 response.</summary>
    /// <param name="method">The HTTP method of the request, e.g. <c>POST</c>.</param>
    /// <param name="path">The request path without base address and query.</param>
    /// <param name="errorMessages">The messages found in the response body.</param>
    /// <param name="responseBody">The raw response body (truncated), or <see langword="null"/>.</param>
    /// <param name="rateLimit">The rate-limit figures of the response.</param>
    public ApiRateLimitException(string method, string path, IReadOnlyList<string> errorMessages, string? responseBody, RateLimitInfo rateLimit)
        : base((HttpStatusCode)429, method, path, errorMessages, responseBody, rateLimit)
    {
    }
}

/// <summary>Thrown for a <c>5xx</c> status: the server failed. <c>502</c>, <c>503</c> and <c>504</c> are retried first for idempotent requests.</summary>
public sealed class ApiServerException : ApiException
{
    /// <summary>Creates the exception for a 5xx response.</summary>
    /// <param name="statusCode">The status code of the response (500–599).</param>
    /// <param name="method">The HTTP method of the request, e.g. <c>POST</c>.</param>
    /// <param name="path">The request path without base address and query.</param>
    /// <param name="errorMessages">The messages found in the response body.</param>
    /// <param name="responseBody">The raw response body (truncated), or <see langword="null"/>.</param>
    /// <param name="rateLimit">The rate-limit figures of the response.</param>
    public ApiServerException(HttpStatusCode statusCode, string method, string path, IReadOnlyList<string> errorMessages, string? responseBody, RateLimitInfo rateLimit)
        : base(statusCode, method, path, errorMessages, responseBody, rateLimit)
    {
    }
}
