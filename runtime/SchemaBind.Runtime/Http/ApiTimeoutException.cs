using System;

namespace SchemaBind.Runtime;

/// <summary>
/// Thrown when a request did not complete within <see cref="ApiClientOptions.Timeout"/> (or
/// <see cref="System.Net.Http.HttpClient.Timeout"/>): connecting, sending or reading the response took too long.
/// </summary>
/// <remarks>
/// It derives from <see cref="ApiException"/>, like every failure of a call, with no response (status 0); its inner
/// exception is the cancellation the timeout raised. It is not an <see cref="OperationCanceledException"/>, so a
/// <c>catch (OperationCanceledException)</c> meant for the caller's own cancellation never swallows a timeout, and a
/// timeout is never mistaken for a cancellation. The caller's <see cref="System.Threading.CancellationToken"/> still
/// throws <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class ApiTimeoutException : ApiException
{
    /// <summary>Creates the exception for a request that timed out.</summary>
    /// <param name="method">The HTTP method of the request.</param>
    /// <param name="path">The request path without base address and query.</param>
    /// <param name="timeout">The time allowed for one attempt.</param>
    /// <param name="attempts">How many times the request was sent.</param>
    /// <param name="innerException">The cancellation raised by the timeout, or <see langword="null"/>.</param>
    public ApiTimeoutException(string method, string path, TimeSpan timeout, int attempts, Exception? innerException)
        : base(method, path, attempts, $"{method} {path} timed out after {FormatTimeout(timeout)}{(attempts > 1 ? $" ({attempts} attempts)" : string.Empty)}.", innerException)
    {
        Timeout = timeout;
    }

    /// <summary>Creates an exception with a generic message.</summary>
    public ApiTimeoutException()
        : this("The API request timed out.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">The exception message.</param>
    public ApiTimeoutException(string? message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public ApiTimeoutException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The time allowed for one attempt.</summary>
    public TimeSpan Timeout { get; }

    private static string FormatTimeout(TimeSpan timeout)
        => timeout.TotalSeconds >= 1
            ? timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s"
            : timeout.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " ms";
}
