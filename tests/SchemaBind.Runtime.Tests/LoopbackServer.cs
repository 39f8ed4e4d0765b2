using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace SchemaBind.Runtime.Tests;

/// <summary>One request as the server saw it.</summary>
internal sealed record RecordedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}

/// <summary>A real Kestrel server on 127.0.0.1 with an ephemeral port, recording every request.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackServer(WebApplication app) => _app = app;

    /// <summary>http://127.0.0.1:port (no path).</summary>
    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public RecordedRequest SingleRequest => Assert.Single(_requests);

    /// <summary>The address with a base path appended, e.g. "/api".</summary>
    public Uri At(string basePath) => new(Address.GetLeftPart(UriPartial.Authority) + basePath);

    public static Task<LoopbackServer> StartAsync(int status, string? body = null, string contentType = "application/json", IDictionary<string, string>? headers = null)
        => StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            foreach (KeyValuePair<string, string> header in headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[header.Key] = header.Value;
            }

            if (body is not null)
            {
                context.Response.ContentType = contentType;
                await context.Response.WriteAsync(body, context.RequestAborted);
            }
        });

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, Task> handler)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();

        var server = new LoopbackServer(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var requestHeaders = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            string rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
            server._requests.Enqueue(new RecordedRequest(context.Request.Method, rawTarget, requestHeaders, body.ToArray()));
            await handler(context);
        });

        await app.StartAsync(TestContext.Current.CancellationToken);
        server.Address = new Uri(app.Urls.Single());
        Assert.Equal("127.0.0.1", server.Address.Host);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        // Do not wait for hanging handlers (the cancellation tests leave one behind).
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        try
        {
            await _app.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.DisposeAsync();
    }
}
