using System.Diagnostics.Tracing;
using System.Globalization;

namespace SchemaBind.Benchmarks.Generator;

/// <summary>
/// Sums the runtime's allocation samples (GCAllocationTick: one event about every 100 KB allocated, naming the
/// type of the object that crossed the mark) by type, in process, for the <c>allocs</c> mode; large-object-heap
/// allocations apart, marked "(large)".
/// </summary>
internal sealed class AllocationListener : EventListener
{
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> BytesByType
    {
        get
        {
            lock (_bytesByType)
            {
                return new Dictionary<string, long>(_bytesByType, StringComparer.Ordinal);
            }
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true
            || eventData.Payload is not { } payload
            || eventData.PayloadNames is not { } names)
        {
            return;
        }

        // AllocationKind 1: the large-object heap, whose allocations count toward a full (gen-2) collection's budget.
        string type = (string)payload[names.IndexOf("TypeName")]!;
        if (Convert.ToInt32(payload[names.IndexOf("AllocationKind")], CultureInfo.InvariantCulture) == 1)
        {
            type = "(large) " + type;
        }

        long bytes = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
        lock (_bytesByType)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + bytes;
        }
    }
}
