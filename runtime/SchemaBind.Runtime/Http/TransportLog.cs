using System;
using Microsoft.Extensions.Logging;

namespace SchemaBind.Runtime;

/// <summary>
/// The transport's log lines (source-generated, no boxing or formatting when the level is off). They carry the
/// method, the path without its query string, the status and timings: never a token, a header, a query or a body.
/// </summary>
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 1, EventName = "RequestSending", Level = LogLevel.Debug,
        Message = "Sending {Method} {Path} (attempt {Attempt})")]
    public static partial void Sending(ILogger logger, string method, string path, int attempt);

    [LoggerMessage(EventId = 2, EventName = "ResponseReceived", Level = LogLevel.Information,
        Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds} ms (attempt {Attempt})")]
    public static partial void Received(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds, int attempt);

    [LoggerMessage(EventId = 3, EventName = "RequestRetrying", Level = LogLevel.Warning,
        Message = "Retrying {Method} {Path} in {DelayMilliseconds} ms after {Reason} (attempt {Attempt} of {MaxAttempts} failed)")]
    public static partial void Retrying(ILogger logger, string method, string path, double delayMilliseconds, string reason, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 4, EventName = "RequestFailed", Level = LogLevel.Warning,
        Message = "{Method} {Path} failed after {Attempts} attempt(s): {Reason}")]
    public static partial void Failed(ILogger logger, string method, string path, int attempts, string reason);

    [LoggerMessage(EventId = 5, EventName = "RetryNotAllowed", Level = LogLevel.Debug,
        Message = "{Method} {Path} is not retried after {Reason}: the method is not idempotent (see ApiRetryOptions.RetryNonIdempotent)")]
    public static partial void NotRetriedNonIdempotent(ILogger logger, string method, string path, string reason);

    /// <summary>Milliseconds since <paramref name="startTimestamp"/> (a <see cref="System.Diagnostics.Stopwatch"/> timestamp), rounded to 0.1 ms.</summary>
    public static double ElapsedSince(long startTimestamp)
        => Math.Round(System.Diagnostics.Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, 1);
}
