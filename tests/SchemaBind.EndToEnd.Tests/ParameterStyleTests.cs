using System.Collections.Concurrent;
using EndToEnd.Styles;
using Microsoft.AspNetCore.Http;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// OpenAPI's parameter styles (Schemas/styles.openapi.json: simple, label, matrix, form, spaceDelimited, pipeDelimited,
/// deepObject, explode, allowReserved) against a real Kestrel server on loopback that records the raw request target
/// and headers exactly as they arrive.
/// </summary>
public sealed class ParameterStyleTests
{
    private static async Task<(HandlerServer Server, ConcurrentQueue<IHeaderDictionary> Headers)> StartAsync()
    {
        var headers = new ConcurrentQueue<IHeaderDictionary>();
        HandlerServer server = await HandlerServer.StartAsync((context, _, _) =>
        {
            headers.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(static h => h.Key, static h => h.Value, StringComparer.OrdinalIgnoreCase)));
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        return (server, headers);
    }

    private static StylesClient Client(HandlerServer server, HttpClient http) =>
        new(http, new ApiClientOptions { BaseAddress = server.BaseAddress, Retry = ApiRetryOptions.None });

    [Fact]
    public async Task Path_parameters_follow_simple_label_and_matrix_with_and_without_explode()
    {
        (HandlerServer server, _) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            await Client(server, http).GetPathAsync(
                ids: [3, 4, 5],
                colors: ["blue", "black/white"],
                shades: [Shade.Light, Shade.DarkBlue],
                point: new Point { X = 1, Y = -2 },
                box: new Point { X = 10, Y = 20 },
                spot: new Point { X = 7, Y = 8 },
                tag: "a b",
                mode: Shade.DarkBlue);

            // RFC 6570: an empty matrix value is ";name".
            await Client(server, http).GetPathAsync([1], ["x"], [Shade.Light], new Point { X = 0, Y = 0 }, new Point { X = 0, Y = 0 }, new Point { X = 0, Y = 0 }, "", Shade.Light);

            IReadOnlyList<ReceivedRequest> received = server.Received;
            Assert.Equal(
                "/path/3,4,5/.blue,black%2Fwhite/;shades=light;shades=dark-blue/x=1,y=-2/.x,10,y,20/;spot=x,7,y,8/;tag=a%20b/.dark-blue",
                received[0].RawTarget);
            Assert.Equal("/path/1/.x/;shades=light/x=0,y=0/.x,0,y,0/;spot=x,0,y,0/;tag/.light", received[1].RawTarget);
        }
    }

    [Fact]
    public async Task Query_parameters_follow_their_style_and_optional_ones_left_null_are_not_sent()
    {
        (HandlerServer server, _) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            StylesClient client = Client(server, http);
            await client.GetQueryAsync(
                ids: [1, 2, 3],
                words: ["a b", "c"],
                pipes: ["x|y", "z"],
                filter: new Filter { Status = FilterStatus.OnHold, Min = 1.5, Owner = null },
                range: new Point { X = 0, Y = 9 },
                corner: new Point { X = 4, Y = 5 },
                next: "/items?page=2&a=b#c",
                since: new DateTimeOffset(2026, 3, 1, 12, 30, 0, TimeSpan.Zero),
                @ref: Guid.Parse("6F9619FF-8B86-D011-B42D-00C04FC964FF"),
                shades: [Shade.DarkBlue, Shade.Light]);
            await client.GetQueryAsync(ids: []);

            IReadOnlyList<ReceivedRequest> received = server.Received;
            Assert.Equal(2, received.Count);
            Assert.Equal(
                "/query?ids=1,2,3&words=a%20b%20c&pipes=x%7Cy%7Cz&filter%5Bstatus%5D=on%20hold&filter%5Bmin%5D=1.5"
                + "&x=0&y=9&corner=x,4,y,5&next=/items?page%3D2%26a%3Db%23c&since=2026-03-01T12%3A30%3A00%2B00%3A00"
                + "&ref=6f9619ff-8b86-d011-b42d-00c04fc964ff&shades=dark-blue%7Clight",
                received[0].RawTarget);
            Assert.Equal("/query", received[1].RawTarget);
        }
    }

    [Fact]
    public async Task Object_headers_and_array_and_object_cookies_are_sent_in_their_styles()
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> headers) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            StylesClient client = Client(server, http);
            await client.GetPartsAsync(
                new Point { X = 1, Y = 2 },
                xSpot: new Point { X = 3, Y = 4 },
                flavors: ["salt", "sweet sour"],
                sizes: [1, 2],
                prefs: new Filter { Status = FilterStatus.Open, Owner = "ann" });
            await client.GetPartsAsync(new Point { X = 5, Y = 6 });

            IHeaderDictionary[] received = headers.ToArray();
            Assert.Equal("x,1,y,2", received[0]["X-Point"].ToString());
            Assert.Equal("x=3,y=4", received[0]["X-Spot"].ToString());
            Assert.Equal("flavors=salt,sweet%20sour; sizes=1; sizes=2; prefs=status,open,owner,ann", received[0]["Cookie"].ToString());
            Assert.Equal("x,5,y,6", received[1]["X-Point"].ToString());
            Assert.False(received[1].ContainsKey("X-Spot"));
            Assert.False(received[1].ContainsKey("Cookie"));
        }
    }

    [Fact]
    public async Task An_object_parameter_that_breaks_its_schema_is_refused_before_sending()
    {
        (HandlerServer server, _) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            RequestValidationException error = await Assert.ThrowsAsync<RequestValidationException>(() =>
                Client(server, http).GetQueryAsync(ids: [1], range: new Point { X = BelowMinimum(), Y = 0 }));

            Assert.Contains(error.Errors, static e => e.Keyword == "minimum");
            Assert.Empty(server.Received);
        }
    }

    // Not a constant, which SB1001 would refuse at compile time.
    private static long BelowMinimum() => -Environment.ProcessorCount;

    [Fact]
    public async Task An_empty_simple_array_in_the_path_is_refused_before_sending()
    {
        (HandlerServer server, _) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => Client(server, http).GetPathAsync(
                [], ["a"], [Shade.Light], new Point { X = 1, Y = 1 }, new Point { X = 1, Y = 1 }, new Point { X = 1, Y = 1 }, "t", Shade.Light));

            Assert.Equal("ids", error.ParamName);

            // A label list that is empty or expands to "." or ".." would be dropped from the URI by dot-segment removal.
            foreach (IReadOnlyList<string> colors in new[] { Array.Empty<string>(), [""] })
            {
                error = await Assert.ThrowsAsync<ArgumentException>(() => Client(server, http).GetPathAsync(
                    [1], colors, [Shade.Light], new Point { X = 1, Y = 1 }, new Point { X = 1, Y = 1 }, new Point { X = 1, Y = 1 }, "t", Shade.Light));
                Assert.Equal("colors", error.ParamName);
            }

            Assert.Empty(server.Received);
        }
    }
}
