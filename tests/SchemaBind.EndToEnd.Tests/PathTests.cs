using System.Globalization;
using EndToEnd.Bodies;
using EndToEnd.Errors;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// How generated clients build request paths (a plain concatenation of escaped segments, integers in the invariant
/// culture), against a real Kestrel server on loopback that records the exact target it receives.
/// </summary>
public sealed class PathTests
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
}
