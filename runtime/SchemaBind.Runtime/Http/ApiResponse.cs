using System;
using System.Net;
using System.Net.Http.Headers;

namespace SchemaBind.Runtime;

/// <summary>A successful response with a body of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The type of the response body.</typeparam>
public sealed class ApiResponse<T>
{
    /// <summary>Creates a response.</summary>
    /// <param name="value">The body read from the response.</param>
    /// <param name="statusCode">The status code.</param>
    /// <param name="rateLimit">The rate-limit figures of the response.</param>
    /// <param name="headers">The response headers.</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    public ApiResponse(T value, HttpStatusCode statusCode, RateLimitInfo rateLimit, HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Value = value;
        StatusCode = statusCode;
        RateLimit = rateLimit;
        Headers = headers;
    }

    /// <summary>The body read from the response.</summary>
    public T Value { get; }

    /// <summary>The status code (always 2xx).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The rate-limit figures of the response.</summary>
    public RateLimitInfo RateLimit { get; }

    /// <summary>The response headers.</summary>
    public HttpResponseHeaders Headers { get; }
}

/// <summary>A successful response whose body is not read (for example a 204).</summary>
public sealed class ApiResponse
{
    /// <summary>Creates a response.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="rateLimit">The rate-limit figures of the response.</param>
    /// <param name="headers">The response headers.</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    public ApiResponse(HttpStatusCode statusCode, RateLimitInfo rateLimit, HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        StatusCode = statusCode;
        RateLimit = rateLimit;
        Headers = headers;
    }

    /// <summary>The status code (always 2xx).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The rate-limit figures of the response.</summary>
    public RateLimitInfo RateLimit { get; }

    /// <summary>The response headers.</summary>
    public HttpResponseHeaders Headers { get; }
}
