using System.Reflection;
using System.Text.Json;
using EndToEnd.Subset;
using Microsoft.Extensions.DependencyInjection;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// Schemas/subset.openapi.json, built with <c>IncludeTags="pets;stores" ExcludeOperations="deletePet" GroupBy="Tag"</c>
/// through the real buildTransitive targets: the kept operations, the types they reach, the interfaces and their registration.
/// </summary>
public sealed class SubsetTests
{
    private const string Pets = """
        [ { "kind": "dog", "name": "Rex", "owner": { "name": "Ann" } }, { "kind": "cat", "name": "Tom", "lives": 7 } ]
        """;

    [Fact]
    public void The_project_compiles_the_kept_operations_and_the_types_they_reach_only()
    {
        Assembly assembly = typeof(SubsetClient).Assembly;

        // "pets;stores" reached the generator whole: both tags are in, and deletePet is out.
        string[] methods = typeof(ISubsetClient).GetMethods().Where(static m => !m.IsSpecialName).Select(static m => m.Name).Where(static n => !n.EndsWith("WithResponseAsync", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "ListOrdersAsync", "ListPetsAsync" }, methods);
        Assert.Null(typeof(SubsetClient).GetMethod("DeletePetAsync"));

        foreach (string reached in new[] { "Animal", "Cat", "Dog", "Owner", "Order", "OrderStatus" })
        {
            Assert.NotNull(assembly.GetType("EndToEnd.Subset." + reached));
        }

        Assert.Null(assembly.GetType("EndToEnd.Subset.User"));
        Assert.Null(assembly.GetType("EndToEnd.Subset.UserSettings"));
    }

    [Fact]
    public void The_embedded_document_of_a_subset_still_validates_through_its_references()
    {
        // Dog's owner is a $ref to Owner, and Animal a union by mapping: both resolve in the document as embedded.
        Assert.True(Dog.JsonSchema.IsValid(JsonDocument.Parse("""{ "kind": "dog", "name": "Rex", "owner": { "name": "Ann" } }""").RootElement));
        Assert.False(Dog.JsonSchema.IsValid(JsonDocument.Parse("""{ "kind": "dog", "name": "Rex", "owner": { "name": 5 } }""").RootElement));
        Assert.True(Animal.JsonSchema.IsValid(JsonDocument.Parse("""{ "kind": "cat", "name": "Tom", "lives": 7 }""").RootElement));
        Assert.False(Animal.JsonSchema.IsValid(JsonDocument.Parse("""{ "kind": "cat", "name": "Tom", "lives": 10 }""").RootElement));
    }

    [Fact]
    public async Task DI_resolves_the_interface_to_the_generated_client_and_its_call_reaches_the_server()
    {
        await using HandlerServer server = await HandlerServer.StartAsync((context, _, _) => HandlerServer.Json(context, 200, Pets));
        var services = new ServiceCollection();
        services.AddSubsetClient(options => options.BaseAddress = server.BaseAddress);
        await using ServiceProvider provider = services.BuildServiceProvider();

        ISubsetClient client = provider.GetRequiredService<ISubsetClient>();
        Assert.IsType<SubsetClient>(client);
        Assert.Equal(new[] { "Rex: Ann", "Tom: 7 lives" }, await PetShop.DescribeAsync(client, "dog"));

        ReceivedRequest request = Assert.Single(server.Received);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/pets?kind=dog", request.RawTarget);
    }

    [Fact]
    public async Task DI_resolves_a_group_interface_to_the_client_s_group_and_its_call_reaches_the_server()
    {
        await using HandlerServer server = await HandlerServer.StartAsync((context, _, _) => HandlerServer.Json(context, 200, """[ { "id": "o-1", "status": "shipped" } ]"""));
        var services = new ServiceCollection();
        services.AddSubsetClient(options => options.BaseAddress = server.BaseAddress);
        await using ServiceProvider provider = services.BuildServiceProvider();

        ISubsetClientStores stores = provider.GetRequiredService<ISubsetClientStores>();
        Assert.IsType<SubsetClientStores>(stores);
        Order order = Assert.Single(await stores.ListOrdersAsync("main store"));
        Assert.Equal(OrderStatus.Shipped, order.Status);
        Assert.Equal("/stores/main%20store/orders", Assert.Single(server.Received).RawTarget);

        // The same operations through the client's group properties.
        ISubsetClient client = provider.GetRequiredService<ISubsetClient>();
        Assert.Equal(new[] { "ListPetsAsync", "ListPetsWithResponseAsync" }, typeof(ISubsetClientPets).GetMethods().Select(static m => m.Name).Order(StringComparer.Ordinal));
        Assert.Same(((SubsetClient)client).Stores, ((SubsetClient)client).Stores);
        Assert.Single(await client.Stores.ListOrdersAsync("x"));
    }

    [Fact]
    public async Task Code_that_takes_the_interface_runs_against_a_hand_written_fake()
    {
        var fake = new FakeSubsetClient();
        Assert.Equal(new[] { "Rex: Ann" }, await PetShop.DescribeAsync(fake, "dog"));
        Assert.Equal("dog", fake.LastKind);
    }

    /// <summary>Code under test: it takes the interface, as a user's service would.</summary>
    private static class PetShop
    {
        public static async Task<string[]> DescribeAsync(ISubsetClient client, string kind) =>
            (await client.ListPetsAsync(kind)).Select(static pet => pet switch
            {
                Dog dog => dog.Name + ": " + (dog.Owner?.Name ?? "no owner"),
                Cat cat => cat.Name + ": " + cat.Lives + " lives",
                _ => "?",
            }).ToArray();
    }

    /// <summary>A fake of the generated interface, written by hand as a user's test project would.</summary>
    private sealed class FakeSubsetClient : ISubsetClient
    {
        public string? LastKind { get; private set; }

        public ISubsetClientPets Pets => throw new NotSupportedException();

        public ISubsetClientStores Stores => throw new NotSupportedException();

        public Task<IReadOnlyList<Animal>> ListPetsAsync(string? kind = null, CancellationToken cancellationToken = default)
        {
            LastKind = kind;
            return Task.FromResult<IReadOnlyList<Animal>>(new Animal[] { new Dog { Name = "Rex", Owner = new Owner { Name = "Ann" } } });
        }

        public Task<ApiResponse<IReadOnlyList<Animal>>> ListPetsWithResponseAsync(string? kind = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<Order>> ListOrdersAsync(string store, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Order>>(Array.Empty<Order>());

        public Task<ApiResponse<IReadOnlyList<Order>>> ListOrdersWithResponseAsync(string store, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
