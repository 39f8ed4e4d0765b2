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

        // One pass over the headers as received (NonValidated: no parsing, no allocation) rather than a lookup by name
        // for each of the three, which checks the name and searches the headers three times, on every response.
        long? limitValue = null, remainingValue = null, resetValue = null;
        foreach (KeyValuePair<string, HeaderStringValues> header in headers.NonValidated)
        {
            string name = header.Key;
            if (name.Length < LimitHeaderName.Length || !name.StartsWith("X-Rate-Limit-", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (name.Equals(LimitHeaderName, StringComparison.OrdinalIgnoreCase))
            {
                limitValue = FirstInteger(header.Value);
            }
            else if (name.Equals(RemainingHeaderName, StringComparison.OrdinalIgnoreCase))
            {
                remainingValue = FirstInteger(header.Value);
            }
            else if (name.Equals(ResetHeaderName, StringComparison.OrdinalIgnoreCase))
            {
                resetValue = FirstInteger(header.Value);
            }
        }

        int? limit = limitValue is long l && l <= int.MaxValue ? (int)l : null;
        int? remaining = remainingValue is long r && r <= int.MaxValue ? (int)r : null;
        DateTimeOffset? reset = null;
        if (resetValue is long seconds && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            reset = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return new RateLimitInfo(limit, remaining, reset);
    }

    private static long? FirstInteger(HeaderStringValues values)
    {
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
