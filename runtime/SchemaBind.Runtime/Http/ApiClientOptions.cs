using System;
using System.Threading;
using System.Threading.Tasks;

namespace SchemaBind.Runtime;

/// <summary>Options for a generated API client: the server address and the credentials.</summary>
/// <remarks>
/// <see cref="ToString"/> never prints the access token. The options are read on every request, so a
/// changed <see cref="AccessToken"/> applies to the next request.
/// </remarks>
public sealed class ApiClientOptions
{
    /// <summary>
    /// The base address of the API, which overrides the schema's default server and the
    /// <see cref="System.Net.Http.HttpClient.BaseAddress"/>. It may include a path, e.g. <c>https://host/api</c>.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The bearer token sent in the <c>Authorization</c> header. It is never printed.</summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// A callback that supplies the bearer token for each request. When set, it wins over
    /// <see cref="AccessToken"/>. Returning <see langword="null"/> or an empty string sends no
    /// <c>Authorization</c> header.
    /// </summary>
    public Func<CancellationToken, ValueTask<string?>>? AccessTokenProvider { get; set; }

    /// <summary>
    /// Describes the options. The base address is shown without user information or query; the
    /// access token is shown only as <c>***</c>, or <c>(none)</c> when there is none.
    /// </summary>
    /// <returns>A description that contains no secret.</returns>
    public override string ToString()
    {
        string baseAddress = BaseAddress is null ? "(default)" : UriDisplay.WithoutSecrets(BaseAddress);
        string token = string.IsNullOrEmpty(AccessToken) ? "(none)" : "***";
        string provider = AccessTokenProvider is null ? "(none)" : "(set)";
        return $"ApiClientOptions {{ BaseAddress = {baseAddress}, AccessToken = {token}, AccessTokenProvider = {provider} }}";
    }
}

/// <summary>Prints URIs without the parts that may carry credentials.</summary>
internal static class UriDisplay
{
    /// <summary>Returns scheme, host, port and path of an absolute URI (no user information, query or fragment).</summary>
    public static string WithoutSecrets(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            string text = uri.OriginalString;
            int cut = text.AsSpan().IndexOfAny('?', '#');
            return cut < 0 ? text : text[..cut];
        }

        return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }
}
