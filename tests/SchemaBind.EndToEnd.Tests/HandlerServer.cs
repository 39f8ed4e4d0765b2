using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// A real Kestrel server on 127.0.0.1 whose answers are written by the test: the handler gets the
/// request (already recorded, body read) and the 1-based number of the request.
/// </summary>
internal sealed class HandlerServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private int _count;

    private HandlerServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Received => _received.ToArray();

    public static async Task<HandlerServer> StartAsync(Func<HttpContext, ReceivedRequest, int, Task> handler)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var server = new HandlerServer(app);
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var received = new ReceivedRequest(
                context.Request.Method,
                context.Features.Get<IHttpRequestFeature>()!.RawTarget,
                context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
                context.Request.ContentType,
                buffer.ToArray());
            server._received.Enqueue(received);
            await handler(context, received, Interlocked.Increment(ref server._count));
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address + "/");
        return server;
    }

    public static async Task Json(HttpContext context, int status, string body, IDictionary<string, string>? headers = null)
    {
        context.Response.StatusCode = status;
        foreach (KeyValuePair<string, string> header in headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[header.Key] = header.Value;
        }

        if (body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
