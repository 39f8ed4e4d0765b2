using System.Diagnostics;
using SchemaBind.Runtime;
using SchemaBind.Runtime.GeneratedCode;

namespace SchemaBind.Benchmarks.Runtime;

/// <summary>
/// <c>--interleaved [rounds] [batch]</c>: the seed call by hand and generated, and the transport's pieces, in alternating
/// batches, each call's least and median time per batch. On a shared machine the load changes from one second to the
/// next; batches that alternate see the same load, and the least batch of each is the least disturbed, so the ratio of
/// the least batches is steadier than a BenchmarkDotNet run of one after the other. The thread's CPU time per batch is
/// shown too (Linux): every call completes synchronously on the one thread, and time spent waiting for a core is not in it.
/// </summary>
internal static class Interleaved
{
    public static async Task RunAsync(int rounds, int batch)
    {
        var bench = new ClientBenchmarks();
        bench.Setup();
        var http = new HttpClient(new InMemoryHandler()) { BaseAddress = new Uri("https://api.buddy.works") };
        var noTimeout = new Buddy.Api.BuddyClient(http, new ApiClientOptions { AccessToken = Seed.Token, Timeout = Timeout.InfiniteTimeSpan });
        var transport = new ApiTransport(http, new ApiClientOptions { AccessToken = Seed.Token }, new Uri("https://api.buddy.works"));
        var bare = new ApiTransport(http, new ApiClientOptions { AccessToken = Seed.Token, Timeout = Timeout.InfiniteTimeSpan }, new Uri("https://api.buddy.works"));
        var anonymous = new ApiTransport(http, new ApiClientOptions { Timeout = Timeout.InfiniteTimeSpan }, new Uri("https://api.buddy.works"));
        var parts = new PartBenchmarks();
        parts.Setup();
        const string path = "/workspaces/buddy/projects/company-website/pipelines/2/actions";
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("hand-written", bench.HandWritten),
            ("generated", bench.Generated),
            ("generated, Timeout = Infinite", () => noTimeout.AddActionAsync(Seed.Workspace, Seed.Project, Seed.PipelineId, PartBenchmarks.NewRequest())),
            ("transport GET, no body either way", () => transport.SendAsync(HttpMethod.Get, path, default)),
            ("transport GET, Timeout = Infinite", () => bare.SendAsync(HttpMethod.Get, path, default)),
            ("transport GET, no timeout, no token", () => anonymous.SendAsync(HttpMethod.Get, path, default)),
            ("HttpClient GET, no body either way", async () =>
            {
                using var m = new HttpRequestMessage(HttpMethod.Get, path);
                using HttpResponseMessage r = await http.SendAsync(m, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            }),
            ("  step: read response (generated)", () => Done(parts.Read())),
            ("  step: read response (STJ)", () => Done(parts.ReadHand())),
            ("  step: serialize (generated)", () => Done(parts.Serialize())),
            ("  step: serialize (STJ)", () => Done(parts.SerializeHand())),
            ("  step: build + validate (generated)", () =>
            {
                var request = PartBenchmarks.NewRequest();
                var context = ValidationContext.Rent();
                request.Validate(context);
                bool errors = context.HasErrors;
                ValidationContext.Return(context);
                return Done(errors);
            }),
        };

        var times = new double[calls.Length][];
        var cpu = new double[calls.Length][];
        for (int c = 0; c < calls.Length; c++)
        {
            times[c] = new double[rounds];
            cpu[c] = new double[rounds];
            for (int i = 0; i < batch; i++)
            {
                await calls[c].Call().ConfigureAwait(false); // warm up
            }
        }

        for (int round = 0; round < rounds; round++)
        {
            for (int c = 0; c < calls.Length; c++)
            {
                // Alternate the order too, so that no call always follows the same one.
                int k = round % 2 == 0 ? c : calls.Length - 1 - c;
                long started = Stopwatch.GetTimestamp();
                long cpuStarted = ThreadCpuNanoseconds();
                for (int i = 0; i < batch; i++)
                {
                    // Every call completes synchronously (the handler is in memory), so the thread is the same throughout.
                    await calls[k].Call().ConfigureAwait(false);
                }

                cpu[k][round] = (ThreadCpuNanoseconds() - cpuStarted) / 1000.0 / batch;
                times[k][round] = Stopwatch.GetElapsedTime(started).TotalMicroseconds / batch;
            }
        }

        long allocatedBefore;
        Console.WriteLine($"{rounds} rounds of {batch} calls each, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end");
        Console.WriteLine($"{"call (µs per call)",-38} {"least",9} {"median",9} {"ratio",6} {"cpu least",9} {"cpu median",10} {"ratio",6} {"bytes",7}");
        for (int c = 0; c < calls.Length; c++)
        {
            double[] sorted = [.. times[c].Order()];
            double least = sorted[0];
            double median = sorted[sorted.Length / 2];
            double[] cpuSorted = [.. cpu[c].Order()];
            allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                await calls[c].Call().ConfigureAwait(false);
            }

            long bytes = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1000;
            string ratio = c < 3 ? (least / times[0].Min()).ToString("0.000") : "";
            string cpuRatio = c < 3 ? (cpuSorted[rounds / 2] / cpu[0].Order().ElementAt(rounds / 2)).ToString("0.000") : "";
            Console.WriteLine($"{calls[c].Name,-38} {least,9:0.000} {median,9:0.000} {ratio,6} {cpuSorted[0],9:0.000} {cpuSorted[rounds / 2],10:0.000} {cpuRatio,6} {bytes,7}");
        }
    }

    /// <summary>The CPU time this thread has used (CLOCK_THREAD_CPUTIME_ID): time the thread waited for a core is not in it.</summary>
    private static long ThreadCpuNanoseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Stopwatch.GetElapsedTime(0).Ticks * 100;
        }

        ClockGetTime(3, out TimeSpec now);
        return (now.Seconds * 1_000_000_000) + now.Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static Task Done<T>(T value)
    {
        GC.KeepAlive(value);
        return Task.CompletedTask;
    }
}
