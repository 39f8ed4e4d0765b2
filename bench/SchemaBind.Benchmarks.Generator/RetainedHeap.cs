namespace SchemaBind.Benchmarks.Generator;

/// <summary>The managed heap after full, compacting collections: what is still reachable.</summary>
internal static class RetainedHeap
{
    public static long Measure()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
