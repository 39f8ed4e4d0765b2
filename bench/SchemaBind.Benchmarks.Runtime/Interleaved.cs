using System.Diagnostics;
using SchemaBind.Runtime;

namespace SchemaBind.Benchmarks.Runtime;

/// <summary>
/// <c>--interleaved [rounds] [batch]</c>: the seed call by hand and generated, and the transport's pieces, in alternating
/// batches, each call's least and median time per batch. On a shared machine the load changes from one second to the
/// next; batches that alternate see the same load, and the least batch of each is the least disturbed, so the ratio of
/// the least batches is steadier than a BenchmarkDotNet run of one after the other.
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
        const string path = "/workspaces/buddy/projects/company-website/pipelines/2/actions";
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("hand-written", bench.HandWritten),
            ("generated", bench.Generated),
            ("generated, Timeout = Infinite", () => noTimeout.AddActionAsync(Seed.Workspace, Seed.Project, Seed.PipelineId, PartBenchmarks.NewRequest())),
            ("transport GET, no body either way", () => transport.SendAsync(HttpMethod.Get, path, default)),
            ("HttpClient GET, no body either way", async () =>
            {
                using var m = new HttpRequestMessage(HttpMethod.Get, path);
                using HttpResponseMessage r = await http.SendAsync(m, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            }),
        };

        var times = new double[calls.Length][];
        for (int c = 0; c < calls.Length; c++)
        {
            times[c] = new double[rounds];
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
                for (int i = 0; i < batch; i++)
                {
                    await calls[k].Call().ConfigureAwait(false);
                }

                times[k][round] = Stopwatch.GetElapsedTime(started).TotalMicroseconds / batch;
            }
        }

        long allocatedBefore;
        Console.WriteLine($"{rounds} rounds of {batch} calls each, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end");
        Console.WriteLine($"{"call",-38} {"least",9} {"median",9} {"ratio",6} {"bytes",7}");
        for (int c = 0; c < calls.Length; c++)
        {
            double[] sorted = [.. times[c].Order()];
            double least = sorted[0];
            double median = sorted[sorted.Length / 2];
            allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                await calls[c].Call().ConfigureAwait(false);
            }

            long bytes = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1000;
            string ratio = c < 3 ? (least / times[0].Min()).ToString("0.000") : "";
            Console.WriteLine($"{calls[c].Name,-38} {least,9:0.000} {median,9:0.000} {ratio,6} {bytes,7}");
        }
    }
}
