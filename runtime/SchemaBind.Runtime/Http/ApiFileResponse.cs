using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;

namespace SchemaBind.Runtime;

/// <summary>
/// A binary response body (a download: <c>application/octet-stream</c>, <c>image/png</c>, a PDF...): a stream read
/// from the network as the caller reads it, never buffered whole, with its content type and file name.
/// </summary>
/// <remarks>
/// The caller owns it: dispose it (<c>await using</c>) when done, or the connection stays taken. The time-out of
/// <see cref="ApiClientOptions.Timeout"/> covers the request up to the response headers; reading the stream is
/// bounded by the token given to its reads.
/// </remarks>
public sealed class ApiFileResponse : IDisposable, IAsyncDisposable
{
    private readonly HttpContent _content;

    internal ApiFileResponse(HttpContent content, Stream stream)
    {
        _content = content;
        Content = stream;
        ContentType = content.Headers.ContentType?.ToString();
        ContentLength = content.Headers.ContentLength;
        string? name = content.Headers.ContentDisposition?.FileNameStar ?? content.Headers.ContentDisposition?.FileName;
        if (name is not null)
        {
            // The name as the server sent it, unquoted, without any directory part (never a path to write to).
            name = name.Trim().Trim('"');
            name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
            FileName = name.Length == 0 ? null : name;
        }
    }

    /// <summary>The body, read from the network as it is read.</summary>
    public Stream Content { get; }

    /// <summary>The <c>Content-Type</c> of the response, or <see langword="null"/> when the server sent none.</summary>
    public string? ContentType { get; }

    /// <summary>The file name of the <c>Content-Disposition</c> header (<c>filename*</c> first), without directory parts; or <see langword="null"/>.</summary>
    public string? FileName { get; }

    /// <summary>The <c>Content-Length</c>, or <see langword="null"/> when the server did not say.</summary>
    public long? ContentLength { get; }

    /// <summary>Releases the stream and the connection.</summary>
    public void Dispose()
    {
        Content.Dispose();
        _content.Dispose();
    }

    /// <summary>Releases the stream and the connection.</summary>
    /// <returns>A task that completes when they are released.</returns>
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _content.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{FileName ?? "a response body"} ({ContentType ?? "no content type"})";
}
