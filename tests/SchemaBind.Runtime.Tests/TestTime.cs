using System.Collections.Concurrent;

namespace SchemaBind.Runtime.Tests;

/// <summary>
/// A clock fixed at <see cref="Now"/> whose timers fire at once and record the delay asked for, so retry tests
/// check the exact back-off without sleeping.
/// </summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<TimeSpan> Delays => _delays.ToArray();

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _delays.Enqueue(dueTime);
        var timer = new InstantTimer();
        ThreadPool.QueueUserWorkItem(_ => { if (!timer.Disposed) callback(state); });
        return timer;
    }

    private sealed class InstantTimer : ITimer
    {
        public volatile bool Disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose() => Disposed = true;

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>A logger that keeps every formatted line, to check what is (and is not) logged.</summary>
internal sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
{
    private readonly ConcurrentQueue<(Microsoft.Extensions.Logging.LogLevel Level, int EventId, string Text)> _lines = new();

    public IReadOnlyList<(Microsoft.Extensions.Logging.LogLevel Level, int EventId, string Text)> Lines => _lines.ToArray();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => _lines.Enqueue((logLevel, eventId.Id, formatter(state, exception) + (exception is null ? string.Empty : " | " + exception)));
}
