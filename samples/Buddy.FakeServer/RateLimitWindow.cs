using System;
using System.Threading;

namespace Buddy.FakeServer;

/// <summary>The rate-limit figures reported with one response.</summary>
internal readonly record struct RateLimitState(int Limit, int Remaining, long ResetUnixSeconds, bool Exceeded);

/// <summary>A fixed one-hour window of <c>limit</c> requests, like Buddy's <c>X-Rate-Limit-*</c> headers describe.</summary>
internal sealed class RateLimitWindow(int limit, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly Lock _lock = new();
    private DateTimeOffset _reset = time.GetUtcNow() + Window;
    private int _used;

    /// <summary>Counts one request and returns the figures to report with its response.</summary>
    public RateLimitState Consume()
    {
        lock (_lock)
        {
            DateTimeOffset now = time.GetUtcNow();
            if (now >= _reset)
            {
                _reset = now + Window;
                _used = 0;
            }

            _used++;
            return new RateLimitState(limit, Math.Max(0, limit - _used), _reset.ToUnixTimeSeconds(), _used > limit);
        }
    }
}
