using Microsoft.AspNetCore.Http;
using SchemaBind.Runtime.GeneratedCode;
using static SchemaBind.Runtime.Tests.Tokens;

namespace SchemaBind.Runtime.Tests;

public sealed class LoadTests
{
    /// <summary>
    /// 20,000 POSTs with a JSON body from 64 concurrent callers through one transport and one HttpClient, against
    /// Kestrel on loopback: every call succeeds with its own answer. Bounded in count; the only time bound is a
    /// generous WaitAsync so a deadlock fails instead of hanging (no time is asserted).
    /// </summary>
    [Fact]
    public async Task Twenty_thousand_requests_from_64_callers_through_one_client_all_succeed()
    {
        const int Total = 20_000, Callers = 64;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            string id = context.Request.Path.Value!["/pets/".Length..];
            await context.Response.WriteAsync($$"""{"id":{{id}},"name":"pet {{id}}"}""", context.RequestAborted);
        });
        using var http = new HttpClient();
        var transport = new ApiTransport(http, new ApiClientOptions { BaseAddress = server.Address, AccessToken = "load" }, new Uri("https://default.invalid/"));

        int next = 0, ok = 0, errors = 0;
        async Task Caller()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= Total)
            {
                try
                {
                    ApiResponse<Pet> response = await transport.SendAsync(HttpMethod.Post, $"/pets/{i}", new Pet(i, "new"), Pet.Write, Pet.Read, Ct);
                    if (response.Value == new Pet(i, $"pet {i}"))
                    {
                        Interlocked.Increment(ref ok);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(Caller, Ct))).WaitAsync(TimeSpan.FromMinutes(2), Ct);

        Assert.Equal(0, errors);
        Assert.Equal(Total, ok);
        Assert.Equal(Total, server.Requests.Count);
    }
}
