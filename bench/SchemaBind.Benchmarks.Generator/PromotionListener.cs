using System.Diagnostics.Tracing;
using System.Globalization;

namespace SchemaBind.Benchmarks.Generator;

/// <summary>
/// Sums what the collections promote (GCHeapStats: the bytes that survived into gen 1 and gen 2), in process, for the
/// <c>loop</c> mode: the collector's work on a run that keeps a large tree alive is copying what survives, and these
/// bytes are a figure that the machine's load does not change, as the pause times it does.
/// </summary>
internal sealed class PromotionListener : EventListener
{
    private long _promoted;
    private int _collections;

    public long PromotedBytes => Interlocked.Read(ref _promoted);

    public int Collections => Volatile.Read(ref _collections);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)0x1); // GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCHeapStats", StringComparison.Ordinal) != true
            || eventData.Payload is not { } payload
            || eventData.PayloadNames is not { } names)
        {
            return;
        }

        // Promoted out of gen 0 (into gen 1) and out of gen 1 (into gen 2): the bytes the collection copied.
        long promoted = Convert.ToInt64(payload[names.IndexOf("TotalPromotedSize0")], CultureInfo.InvariantCulture)
            + Convert.ToInt64(payload[names.IndexOf("TotalPromotedSize1")], CultureInfo.InvariantCulture);
        Interlocked.Add(ref _promoted, promoted);
        Interlocked.Increment(ref _collections);
    }
}
