using System;

namespace SchemaBind.Runtime;

/// <summary>
/// The transport's built-in retry policy: bounded attempts with exponential back-off and jitter, on
/// <c>429</c>, <c>502</c>, <c>503</c>, <c>504</c>, connection failures and timeouts, honouring <c>Retry-After</c>
/// (seconds or an HTTP date) and <c>X-Rate-Limit-Reset</c> (Unix epoch seconds).
/// </summary>
/// <remarks>
/// <para>
/// Only idempotent requests (<c>GET</c>, <c>HEAD</c>, <c>OPTIONS</c>, <c>PUT</c>, <c>DELETE</c>, <c>TRACE</c>) are
/// retried. <c>POST</c> and <c>PATCH</c> are sent once unless <see cref="RetryNonIdempotent"/> is set: sending
/// "create an action" twice may create two actions.
/// </para>
/// <para>
/// When the <see cref="System.Net.Http.HttpClient"/> already retries (for example with
/// <c>AddStandardResilienceHandler()</c> of Microsoft.Extensions.Http.Resilience), turn this policy off with
/// <see cref="None"/> (or <see cref="MaxAttempts"/> = 1), or every failure is retried by both.
/// </para>
/// </remarks>
public sealed class ApiRetryOptions
{
    /// <summary>Sends every request once: no retries. Use it when a resilience handler of the <see cref="System.Net.Http.HttpClient"/> retries.</summary>
    public static ApiRetryOptions None => new() { MaxAttempts = 1 };

    /// <summary>The most times a request is sent, the first one included (default 3). 1 turns retries off.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The back-off before the first retry (default 500 ms); it doubles for each further retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest wait before a retry (default 30 s). Back-off is capped at it. When the server asks for a longer
    /// wait (<c>Retry-After</c>, <c>X-Rate-Limit-Reset</c>), the request is not retried: the error is thrown at once with
    /// <see cref="ApiException.RetryAfter"/> set, so the caller decides.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries <c>POST</c> and <c>PATCH</c> (and any other non-idempotent method) too. Off by default: only set it
    /// when the server de-duplicates the request (for example with an idempotency key).
    /// </summary>
    public bool RetryNonIdempotent { get; set; }

    /// <summary>Describes the policy.</summary>
    /// <returns>A description.</returns>
    public override string ToString()
        => $"ApiRetryOptions {{ MaxAttempts = {MaxAttempts}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, RetryNonIdempotent = {RetryNonIdempotent} }}";
}
