using Buddy.Api;
using Buddy.FakeServer;
using Microsoft.Extensions.DependencyInjection;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>The generated one-call registration with IHttpClientFactory.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public async Task AddBuddyClient_registers_a_working_client()
    {
        await using BuddyFakeServer server = await BuddyFakeServer.StartAsync(new BuddyFakeServerOptions { AccessToken = "di-token" });
        var services = new ServiceCollection();
        services.AddBuddyClient(options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.AccessToken = "di-token";
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        BuddyClient client = provider.GetRequiredService<BuddyClient>();
        PipelineAction created = await client.AddActionAsync("buddy", "company-website", 2, new SleepActionRequest { Name = "Wait", SleepInSec = 1 });

        Assert.IsType<SleepAction>(created);
        Assert.Equal("Bearer di-token", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task AddBuddyClient_registers_the_interface_as_the_same_working_client()
    {
        await using BuddyFakeServer server = await BuddyFakeServer.StartAsync(new BuddyFakeServerOptions { AccessToken = "di-token" });
        var services = new ServiceCollection();
        services.AddBuddyClient(options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.AccessToken = "di-token";
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        // Code that takes the interface gets the generated client, whose calls reach the server.
        IBuddyClient client = provider.GetRequiredService<IBuddyClient>();
        Assert.IsType<BuddyClient>(client);
        PipelineAction created = await client.AddActionAsync("buddy", "company-website", 2, new SleepActionRequest { Name = "Wait", SleepInSec = 1 });

        Assert.IsType<SleepAction>(created);
        Assert.Equal("Bearer di-token", Assert.Single(server.Requests).Authorization);
        Assert.NotSame(client, provider.GetRequiredService<IBuddyClient>()); // transient, as the client itself
    }
}
