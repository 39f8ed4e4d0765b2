using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http.Headers;

namespace SchemaBind.Runtime;

/// <summary>The rate-limit figures a response carried.</summary>
/// <param name="Limit">The request limit of the current window (<c>X-Rate-Limit-Limit</c>), or <see langword="null"/> when absent or unparsable.</param>
/// <param name="Remaining">The requests left in the current window (<c>X-Rate-Limit-Remaining</c>), or <see langword="null"/> when absent or unparsable.</param>
/// <param name="Reset">When the window resets (<c>X-Rate-Limit-Reset</c>, Unix epoch seconds), or <see langword="null"/> when absent or unparsable.</param>
public readonly record struct RateLimitInfo(int? Limit, int? Remaining, DateTimeOffset? Reset)
{
    /// <summary>The name of the header that carries the request limit.</summary>
    public const string LimitHeaderName = "X-Rate-Limit-Limit";

    /// <summary>The name of the header that carries the remaining requests.</summary>
    public const string RemainingHeaderName = "X-Rate-Limit-Remaining";

    /// <summary>The name of the header that carries the reset time in Unix epoch seconds.</summary>
    public const string ResetHeaderName = "X-Rate-Limit-Reset";

    /// <summary>
    /// Reads <c>X-Rate-Limit-Limit</c>, <c>X-Rate-Limit-Remaining</c> and <c>X-Rate-Limit-Reset</c>
    /// (Unix epoch seconds). A header that is missing or not a non-negative integer gives <see langword="null"/>.
    /// </summary>
    /// <param name="headers">The response headers.</param>
    /// <returns>The figures found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    public static RateLimitInfo FromHeaders(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);

        int? limit = ReadInteger(headers, LimitHeaderName) is long l && l <= int.MaxValue ? (int)l : null;
        int? remaining = ReadInteger(headers, RemainingHeaderName) is long r && r <= int.MaxValue ? (int)r : null;
        DateTimeOffset? reset = null;
        if (ReadInteger(headers, ResetHeaderName) is long seconds
            && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            reset = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return new RateLimitInfo(limit, remaining, reset);
    }

    private static long? ReadInteger(HttpResponseHeaders headers, string name)
    {
        // NonValidated: no parsing or allocation for headers that are absent (the common case) or present.
        if (!headers.NonValidated.TryGetValues(name, out HeaderStringValues values))
        {
            return null;
        }

        foreach (string value in values)
        {
            // Only the first value counts; a repeated header is not trusted beyond it.
            return long.TryParse(value.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long parsed)
                ? parsed
                : null;
        }

        return null;
    }
}
