using System;
using System.Net.Http;

namespace SchemaBind.Runtime;

/// <summary>
/// Thrown when the connection failed (refused, reset, or closed in the middle of the response body) and no
/// retry was allowed or left. The message says which call failed:
/// <c>GET /pets failed after 3 attempt(s): Connection refused (127.0.0.1:5000)</c>.
/// </summary>
/// <remarks>
/// It derives from <see cref="ApiException"/>, like every failure of a call, with no response (status 0). The inner
/// exception is what <see cref="HttpClient"/> threw (an <see cref="HttpRequestException"/> or an
/// <see cref="System.IO.IOException"/>); it never holds a credential.
/// </remarks>
public sealed class ApiConnectionException : ApiException
{
    /// <summary>Creates the exception for a call whose connection failed.</summary>
    /// <param name="method">The HTTP method of the request.</param>
    /// <param name="path">The request path without base address and query.</param>
    /// <param name="attempts">How many times the request was sent.</param>
    /// <param name="error">What kind of failure it was.</param>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception <see cref="HttpClient"/> threw.</param>
    public ApiConnectionException(string method, string path, int attempts, HttpRequestError error, string message, Exception? innerException)
        : base(method, path, attempts, message, innerException)
    {
        HttpRequestError = error;
    }

    /// <summary>Creates an exception with a generic message.</summary>
    public ApiConnectionException()
        : this("The connection to the API failed.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">The exception message.</param>
    public ApiConnectionException(string? message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public ApiConnectionException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What kind of connection failure it was (name resolution, refused, reset, ...), as <see cref="HttpClient"/> reported it.</summary>
    public HttpRequestError HttpRequestError { get; }
}
