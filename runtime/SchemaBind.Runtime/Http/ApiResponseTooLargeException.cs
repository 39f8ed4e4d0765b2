using System;
using System.Net;

namespace SchemaBind.Runtime;

/// <summary>
/// Thrown when a response body is larger than <see cref="ApiClientOptions.MaxResponseBodySize"/>. The body is not
/// read beyond the limit: when <c>Content-Length</c> announces a larger body nothing of it is read.
/// </summary>
public sealed class ApiResponseTooLargeException : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The status code of the response.</param>
    /// <param name="method">The HTTP method of the request.</param>
    /// <param name="path">The request path without base address and query.</param>
    /// <param name="maxSize">The limit in bytes.</param>
    /// <param name="contentLength">The announced <c>Content-Length</c>, or <see langword="null"/> when the body had none.</param>
    /// <param name="rateLimit">The rate-limit figures of the response.</param>
    public ApiResponseTooLargeException(HttpStatusCode statusCode, string method, string path, long maxSize, long? contentLength, RateLimitInfo rateLimit)
        : base(
            statusCode,
            method,
            path,
            [contentLength is long length ? $"the body of {length} bytes is larger than the limit of {maxSize} bytes" : $"the body is larger than the limit of {maxSize} bytes"],
            null,
            rateLimit,
            $"{method} {path} returned {StatusText(statusCode)} with a body larger than the limit of {maxSize} bytes"
                + (contentLength is long announced ? $" (Content-Length: {announced})" : string.Empty)
                + "; see ApiClientOptions.MaxResponseBodySize.",
            null)
    {
        MaxSize = maxSize;
        ContentLength = contentLength;
    }

    /// <summary>Creates an exception with a generic message.</summary>
    public ApiResponseTooLargeException()
        : this("The API response body is larger than the limit.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">The exception message.</param>
    public ApiResponseTooLargeException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public ApiResponseTooLargeException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The limit in bytes (<see cref="ApiClientOptions.MaxResponseBodySize"/>).</summary>
    public long MaxSize { get; }

    /// <summary>The announced <c>Content-Length</c>, or <see langword="null"/> when the body had none.</summary>
    public long? ContentLength { get; }
}
