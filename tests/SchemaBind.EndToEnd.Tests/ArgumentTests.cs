using System.Globalization;
using EndToEnd.Bodies;
using EndToEnd.Errors;
using EndToEnd.Operations;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// How generated clients turn arguments into a request: paths (a plain concatenation of escaped segments, integers in
/// the invariant culture) and the checks made before anything is sent, against a real Kestrel server on loopback that
/// records the exact target it receives.
/// </summary>
public sealed class ArgumentTests
{
    [Fact]
    public async Task An_integer_path_parameter_is_written_invariant_whatever_the_current_culture()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(200, """{"id":-7,"name":"lamp"}""");
        using var http = new HttpClient();
        var client = new ErrorsClient(http, new ApiClientOptions { BaseAddress = server.BaseAddress, Retry = ApiRetryOptions.None });
        CultureInfo saved = CultureInfo.CurrentCulture;
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NegativeSign = "~";
        try
        {
            CultureInfo.CurrentCulture = culture;
            await client.GetItemAsync(-7);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.Equal("/items/-7", Assert.Single(server.Received).RawTarget);
    }

    [Fact]
    public async Task A_null_string_path_parameter_is_an_ArgumentNullException_with_its_name_and_nothing_is_sent()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(200, "{}");
        using var http = new HttpClient();
        var client = new BodiesClient(http, new ApiClientOptions { BaseAddress = server.BaseAddress, Retry = ApiRetryOptions.None });

        ArgumentNullException error = await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetBlobAsync(null!));

        Assert.Equal("name", error.ParamName);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task An_enum_argument_that_is_not_a_member_is_refused_and_nothing_is_sent()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(200, """{"name":"lamp"}""");
        using var http = new HttpClient();
        var client = new OperationsClient(http, new ApiClientOptions { BaseAddress = server.BaseAddress, Retry = ApiRetryOptions.None });

        ArgumentException undefined = await Assert.ThrowsAsync<ArgumentException>(() => client.GetItemAsync(7, "req-1", xMode: (GetItemXMode)42));
        ArgumentException unlisted = await Assert.ThrowsAsync<ArgumentException>(() => client.GetItemAsync(7, "req-1", xMode: GetItemXModeJson.FromWireName("turbo")));

        Assert.Equal("xMode", undefined.ParamName);
        Assert.StartsWith("The header parameter 'X-Mode' must be one of the enum values.", undefined.Message, StringComparison.Ordinal);
        Assert.Equal("xMode", unlisted.ParamName);
        Assert.Empty(server.Received);

        await client.GetItemAsync(7, "req-2", xMode: GetItemXMode.SafeMode);
        Assert.Equal("/items/7", Assert.Single(server.Received).RawTarget);
    }
}
