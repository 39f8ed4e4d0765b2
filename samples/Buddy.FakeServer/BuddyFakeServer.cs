using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Buddy.FakeServer;

/// <summary>
/// A Buddy-compatible HTTP server for demos and tests: it serves the pipeline-actions endpoints
/// (<c>POST</c> and <c>GET</c> under <c>/workspaces/{domain}/projects/{project_name}/pipelines/{pipeline_id}/actions</c>)
/// on a free loopback port, checks the bearer token, validates bodies the way Buddy does,
/// keeps created actions in memory and records every request it receives.
/// </summary>
public sealed class BuddyFakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeBuddyApi _api;
    private readonly RateLimitWindow _rateLimit;
    private readonly List<RecordedRequest> _requests = new();
    private readonly Lock _requestsLock = new();
    private int _disposed;

    private BuddyFakeServer(WebApplication app, BuddyFakeServerOptions options)
    {
        _app = app;
        _api = new FakeBuddyApi(options.AccessToken);
        _rateLimit = new RateLimitWindow(options.RateLimit, TimeProvider.System);
        BaseAddress = null!; // set by StartAsync once the port is known
    }

    /// <summary>The server's root address, e.g. <c>http://127.0.0.1:54321/</c> (always ends with a slash).</summary>
    public Uri BaseAddress { get; private set; }

    /// <summary>A thread-safe snapshot of every request received so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requestsLock)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Starts a server on <c>http://127.0.0.1</c> with a port chosen by the operating system.</summary>
    /// <param name="options">The token and rate limit to use; <see langword="null"/> for the defaults.</param>
    /// <param name="ct">Cancels the start-up.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">The access token is empty or the rate limit is not positive.</exception>
    public static async Task<BuddyFakeServer> StartAsync(BuddyFakeServerOptions? options = null, CancellationToken ct = default)
    {
        options ??= new BuddyFakeServerOptions();
        if (string.IsNullOrEmpty(options.AccessToken))
        {
            throw new ArgumentException("The access token must not be empty.", nameof(options));
        }

        if (options.RateLimit <= 0)
        {
            throw new ArgumentException("The rate limit must be positive.", nameof(options));
        }

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(BuddyFakeServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        WebApplication app = builder.Build();
        var server = new BuddyFakeServer(app, options);
        app.Run(server.HandleAsync);

        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
            string address = app.Services.GetRequiredService<IServer>().Features
                .GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    /// <summary>Stops the server and releases its port.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }

        lock (_requestsLock)
        {
            _requests.Add(new RecordedRequest(
                request.Method,
                request.Path.Value ?? "/",
                request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null,
                request.Headers.ContentType.Count > 0 ? request.Headers.ContentType.ToString() : null,
                body));
        }

        RateLimitState limit = _rateLimit.Consume();
        HttpResponse response = context.Response;
        response.Headers["X-Rate-Limit-Limit"] = limit.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["X-Rate-Limit-Remaining"] = limit.Remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["X-Rate-Limit-Reset"] = limit.ResetUnixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

        FakeResponse result = limit.Exceeded
            ? FakeResponse.Error(StatusCodes.Status429TooManyRequests, "Rate limit exceeded. Try again after the time in X-Rate-Limit-Reset.")
            : _api.Handle(BaseAddress, request.Method, request.Path.Value ?? "/", request.Headers.Authorization.ToString(), body);

        response.StatusCode = result.StatusCode;
        if (result.StatusCode == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }

        if (result.Allow is not null)
        {
            response.Headers.Allow = result.Allow;
        }

        if (result.Body is not null)
        {
            response.ContentType = "application/json";
            response.ContentLength = result.Body.Length;
            await response.Body.WriteAsync(result.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
