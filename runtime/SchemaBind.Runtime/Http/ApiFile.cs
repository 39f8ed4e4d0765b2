using System;
using System.IO;

namespace SchemaBind.Runtime;

/// <summary>
/// A file to upload: a binary request body (<c>application/octet-stream</c>, <c>image/png</c>...) or a file part of a
/// <c>multipart/form-data</c> body. It carries either a <see cref="Stream"/>, read as the request is sent and never
/// buffered whole, or bytes; with an optional file name and content type.
/// </summary>
/// <remarks>
/// The caller owns the stream: the client never disposes it. A seekable stream is rewound to where it was when the
/// request is retried; a request with a stream that cannot seek is sent once and never retried, since its bytes
/// cannot be read again.
/// </remarks>
public sealed class ApiFile
{
    /// <summary>Creates a file whose content is read from <paramref name="content"/> when the request is sent.</summary>
    /// <param name="content">The content, read from its current position to its end.</param>
    /// <param name="fileName">The file name sent in a multipart part's <c>Content-Disposition</c>, or <see langword="null"/>.</param>
    /// <param name="contentType">The content type, or <see langword="null"/> for the one the API description gives.</param>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="content"/> cannot be read.</exception>
    public ApiFile(Stream content, string? fileName = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(content));
        }

        Stream = content;
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>Creates a file with the given bytes.</summary>
    /// <param name="content">The content.</param>
    /// <param name="fileName">The file name sent in a multipart part's <c>Content-Disposition</c>, or <see langword="null"/>.</param>
    /// <param name="contentType">The content type, or <see langword="null"/> for the one the API description gives.</param>
    public ApiFile(ReadOnlyMemory<byte> content, string? fileName = null, string? contentType = null)
    {
        Bytes = content;
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>The stream the content is read from, or <see langword="null"/> when the file was created from bytes.</summary>
    public Stream? Stream { get; }

    /// <summary>The content, when the file was created from bytes.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The file name, or <see langword="null"/>.</summary>
    public string? FileName { get; }

    /// <summary>The content type, or <see langword="null"/> for the one the API description gives.</summary>
    public string? ContentType { get; }

    /// <summary>A file read from <paramref name="content"/>, without name or content type.</summary>
    /// <param name="content">The content.</param>
    public static implicit operator ApiFile(Stream content) => FromStream(content);

    /// <summary>A file with the given bytes, without name or content type.</summary>
    /// <param name="content">The content.</param>
    public static implicit operator ApiFile(byte[] content) => FromBytes(content);

    /// <summary>A file read from <paramref name="content"/>, without name or content type.</summary>
    /// <param name="content">The content.</param>
    /// <returns>The file.</returns>
    public static ApiFile FromStream(Stream content) => new(content);

    /// <summary>A file with the given bytes, without name or content type.</summary>
    /// <param name="content">The content.</param>
    /// <returns>The file.</returns>
    public static ApiFile FromBytes(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new ApiFile(content.AsMemory());
    }

    /// <inheritdoc/>
    public override string ToString() => FileName ?? (Stream is null ? $"{Bytes.Length} bytes" : "a stream");
}
