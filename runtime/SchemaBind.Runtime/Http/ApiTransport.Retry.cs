using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;

namespace SchemaBind.Runtime.GeneratedCode;

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

    // A timer source whose attempt ended without its timer firing or the caller canceling, reset for the next attempt
    // (CancellationTokenSource.TryReset): most calls then allocate no source and no timer of their own.
    private CancellationTokenSource? _spareTimeoutSource;

    /// <summary>
    /// The source of one attempt's token, canceled when <paramref name="cancellationToken"/> is, and after
    /// <paramref name="timeout"/> once its timer is started (<see cref="AttemptTimeout.Start"/>); <see langword="null"/>
    /// when the timeout is infinite. Give it back with <see cref="ReturnTimeoutSource"/>.
    /// </summary>
    private CancellationTokenSource? RentTimeoutSource(TimeSpan timeout, CancellationToken cancellationToken, out CancellationTokenRegistration link)
    {
        link = default;
        if (timeout == System.Threading.Timeout.InfiniteTimeSpan || timeout.TotalMilliseconds >= int.MaxValue)
        {
            return null;
        }

        CancellationTokenSource source = Interlocked.Exchange(ref _spareTimeoutSource, null) ?? new CancellationTokenSource();
        if (cancellationToken.CanBeCanceled)
        {
            // What CreateLinkedTokenSource does, on a source that can be reused. Runs at once if already canceled.
            link = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source);
        }

        return source;
    }

    /// <summary>
    /// The timeout of one attempt, whose timer starts only when the attempt has to wait: an operation that completes
    /// at once (a handler that answers synchronously, a body already buffered) needs no timer, and setting and stopping
    /// one is most of what a timeout costs such a call. Started, the timer runs for what is left of the attempt's time
    /// counted from its start, so the time spent before the first wait counts too.
    /// </summary>
    private readonly struct AttemptTimeout(CancellationTokenSource? source, TimeSpan timeout, long started)
    {
        /// <summary>Starts the timer (again: the same deadline) before the attempt waits for an operation that is not complete.</summary>
        public void Start()
        {
            if (source is null)
            {
                return;
            }

            TimeSpan left = timeout - System.Diagnostics.Stopwatch.GetElapsedTime(started);
            source.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Ends an attempt's timer. The source is kept for the next attempt when nothing canceled it and
    /// <paramref name="reusable"/> (no response content that may still hold its token outlives the attempt); else disposed.
    /// </summary>
    private void ReturnTimeoutSource(CancellationTokenSource? source, CancellationTokenRegistration link, bool reusable)
    {
        if (source is null)
        {
            return;
        }

        // Waits for the caller's cancellation callback if it is running, so that TryReset sees its outcome.
        link.Dispose();

        // TryReset stops the timer and drops every registration on the token; it fails once the source was canceled.
        if (reusable && source.TryReset() && Interlocked.CompareExchange(ref _spareTimeoutSource, source, null) is null)
        {
            return;
        }

        source.Dispose();
    }
}
