using System;
using System.Net;

namespace SchemaBind.Runtime;

/// <summary>
/// Thrown when a 2xx response body is not valid JSON, is not the expected shape, or is empty when a body
/// was expected. The <see cref="Exception.InnerException"/> keeps the <see cref="System.Text.Json.JsonException"/>
/// when there was one.
/// </summary>
public sealed class ApiResponseFormatException : ApiException
{
    /// <summary>Creates an exception for a 2xx response whose body could not be read.</summary>
    /// <param name="statusCode">The status code of the response.</param>
    /// <param name="method">The HTTP method of the request, e.g. <c>GET</c>.</param>
    /// <param name="path">The request path without base address and query.</param>
    /// <param name="problem">What was wrong with the body, e.g. <c>the body is empty</c>.</param>
    /// <param name="responseBody">The raw response body (truncated), or <see langword="null"/>.</param>
    /// <param name="rateLimit">The rate-limit figures of the response.</param>
    /// <param name="innerException">The exception raised while reading the body, or <see langword="null"/>.</param>
    public ApiResponseFormatException(
        HttpStatusCode statusCode,
        string method,
        string path,
        string problem,
        string? responseBody,
        RateLimitInfo rateLimit,
        Exception? innerException)
        : base(
            statusCode,
            method,
            path,
            [problem],
            responseBody,
            rateLimit,
            $"{method} {path} returned {StatusText(statusCode)} but the response body could not be read: {problem}",
            innerException)
    {
    }

    /// <summary>Creates an exception with a generic message; prefer the constructor that describes the response.</summary>
    public ApiResponseFormatException()
        : this("The API response body could not be read.")
    {
    }

    /// <summary>Creates an exception with the given message; prefer the constructor that describes the response.</summary>
    /// <param name="message">The exception message.</param>
    public ApiResponseFormatException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause; prefer the constructor that describes the response.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public ApiResponseFormatException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
