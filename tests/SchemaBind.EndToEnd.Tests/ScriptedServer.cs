using Microsoft.AspNetCore.Http;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>What the server received: the raw request target, headers and body.</summary>
internal sealed record ReceivedRequest(string Method, string RawTarget, string? Authorization, string? ContentType, byte[] Body);

/// <summary>A <see cref="HandlerServer"/> that answers every request with the same scripted response.</summary>
internal static class ScriptedServer
{
    public static Task<HandlerServer> StartAsync(int status, string body, IDictionary<string, string>? headers = null) =>
        HandlerServer.StartAsync((HttpContext context, ReceivedRequest _, int _) => HandlerServer.Json(context, status, body, headers));
}
