using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;

namespace SchemaBind.Runtime;

// The retry policy of the transport loop (SendCoreAsync): which requests may be sent again, on which statuses,
// after how long (exponential back-off with jitter, or the wait the server asks for), and the timer of each attempt.
public sealed partial class ApiTransport
{
    /// <summary>
    /// Whether a failed attempt may be followed by another: the method is idempotent (or the options allow
    /// retrying any method), and the body, if any, can be sent again.
    /// </summary>
    private static bool MayRetry(HttpMethod method, ApiRetryOptions retry, ApiRequest? parts) =>
        (IsIdempotent(method) || retry.RetryNonIdempotent) && CanResendBody(parts);

    private static bool IsIdempotent(HttpMethod method)
        => method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

    private static bool IsTransientStatus(int status) => status is 429 or 502 or 503 or 504;

    /// <summary>Exponential back-off with jitter: a random delay between half and all of <c>BaseDelay * 2^(attempt-1)</c>, capped at <c>MaxDelay</c>.</summary>
    internal static TimeSpan Backoff(ApiRetryOptions retry, int attempt)
    {
        double baseMs = Math.Max(0, retry.BaseDelay.TotalMilliseconds);
        double capMs = Math.Max(0, retry.MaxDelay.TotalMilliseconds);
        double exponential = Math.Min(capMs, baseMs * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromMilliseconds(exponential * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }

    /// <summary>
    /// The wait the server asked for: <c>Retry-After</c> as seconds or an HTTP date, else (on 429 and 503)
    /// <c>X-Rate-Limit-Reset</c> as Unix epoch seconds. A time in the past gives zero.
    /// </summary>
    internal static TimeSpan? ServerDelay(HttpResponseMessage response, RateLimitInfo rateLimit, TimeProvider clock)
    {
        RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        if (rateLimit.Reset is DateTimeOffset reset && response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        {
            TimeSpan wait = reset - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }


    private static CancellationTokenSource? CreateTimeoutSource(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout == System.Threading.Timeout.InfiniteTimeSpan || timeout.TotalMilliseconds >= int.MaxValue)
        {
            return null;
        }

        if (timeout < TimeSpan.Zero)
        {
            timeout = TimeSpan.Zero;
        }

        if (!cancellationToken.CanBeCanceled)
        {
            return new CancellationTokenSource(timeout);
        }

        CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        linked.CancelAfter(timeout);
        return linked;
    }
}
