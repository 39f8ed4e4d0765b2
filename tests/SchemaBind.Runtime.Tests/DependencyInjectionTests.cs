using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchemaBind.Runtime.GeneratedCode;
using static SchemaBind.Runtime.Tests.Tokens;

namespace SchemaBind.Runtime.Tests;

/// <summary>A stand-in for a generated client: its constructor is what generated clients have.</summary>
internal sealed class PetClient
{
    private readonly ApiTransport _transport;

    public PetClient(HttpClient httpClient, ApiClientOptions? options = null)
    {
        HttpClient = httpClient;
        Options = options;
        _transport = new ApiTransport(httpClient, options, new Uri("https://pets.invalid/"));
    }

    public HttpClient HttpClient { get; }

    public ApiClientOptions? Options { get; }

    public async Task<Pet> GetPetAsync(long id, CancellationToken cancellationToken = default)
        => (await _transport.SendAsync(HttpMethod.Get, $"/pets/{id}", Pet.Read, cancellationToken)).Value;
}

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddSchemaBindClient_registers_a_client_with_factory_HttpClient_and_named_options()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":3,"name":"Tom"}""");
        var services = new ServiceCollection();
        services.AddSchemaBindClient<PetClient>((http, options) => new PetClient(http, options), options =>
        {
            options.BaseAddress = server.Address;
            options.AccessToken = "di-token";
            options.Retry.MaxAttempts = 5;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        PetClient client = provider.GetRequiredService<PetClient>();
        Pet pet = await client.GetPetAsync(3, Ct);

        Assert.Equal(new Pet(3, "Tom"), pet);
        Assert.Equal("Bearer di-token", server.SingleRequest.Header("Authorization"));
        Assert.Equal(5, client.Options!.Retry.MaxAttempts);
        Assert.NotNull(client.Options.Logger); // from the container's ILoggerFactory
        Assert.NotSame(client, provider.GetRequiredService<PetClient>()); // transient
        Assert.Same(client.Options, provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get(nameof(PetClient)));
    }

    [Fact]
    public async Task The_token_provider_can_use_other_services()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":3,"name":"Tom"}""");
        var services = new ServiceCollection();
        services.AddSingleton(new TokenStore("from-store"));
        services.AddSchemaBindClient<PetClient>((http, options) => new PetClient(http, options), (sp, options) =>
        {
            options.BaseAddress = server.Address;
            options.AccessTokenProvider = _ => ValueTask.FromResult<string?>(sp.GetRequiredService<TokenStore>().Token);
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<PetClient>().GetPetAsync(3, Ct);

        Assert.Equal("Bearer from-store", server.SingleRequest.Header("Authorization"));
    }

    [Fact]
    public async Task The_builder_composes_with_the_standard_resilience_handler()
    {
        int count = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref count) == 1)
            {
                context.Response.StatusCode = 503;
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":3,"name":"Tom"}""", context.RequestAborted);
        });
        var services = new ServiceCollection();
        services.AddSchemaBindClient<PetClient>((http, options) => new PetClient(http, options), options =>
            {
                options.BaseAddress = server.Address;
                options.Retry = ApiRetryOptions.None; // the resilience handler retries; the transport must not retry too
            })
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.Delay = TimeSpan.FromMilliseconds(10);
                o.Retry.UseJitter = false;
            });
        await using ServiceProvider provider = services.BuildServiceProvider();

        Pet pet = await provider.GetRequiredService<PetClient>().GetPetAsync(3, Ct).WaitAsync(TimeSpan.FromSeconds(15), Ct);

        Assert.Equal(new Pet(3, "Tom"), pet);
        Assert.Equal(2, server.Requests.Count); // one retry, by the resilience handler
    }

    [Fact]
    public void Two_clients_get_their_own_named_options()
    {
        var services = new ServiceCollection();
        services.AddSchemaBindClient<PetClient>("eu", (http, options) => new PetClient(http, options), (_, o) => o.BaseAddress = new Uri("https://eu.example.com"));
        services.AddSchemaBindClient<PetClient>("us", (http, options) => new PetClient(http, options), (_, o) => o.BaseAddress = new Uri("https://us.example.com"));
        using ServiceProvider provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>();

        Assert.Equal("eu.example.com", monitor.Get("eu").BaseAddress!.Host);
        Assert.Equal("us.example.com", monitor.Get("us").BaseAddress!.Host);
    }

    private sealed record TokenStore(string Token);
}
