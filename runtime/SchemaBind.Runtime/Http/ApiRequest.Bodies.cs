using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SchemaBind.Runtime.GeneratedCode;

// Bodies that are not JSON or a URL-encoded form: multipart/form-data, binary (a file or stream) and text.
public sealed partial class ApiRequest
{
    private List<Part>? _parts;
    private FileSource? _file;
    private string? _fileContentType;

    /// <summary>
    /// The <c>Accept</c> header: the media type the API description gives for the response, or
    /// <see langword="null"/> for <c>application/json</c>.
    /// </summary>
    public string? Accept { get; set; }

    /// <summary>A multipart or file body, which is created anew for each attempt rather than held as bytes.</summary>
    internal bool HasContent => _parts is not null || _file is not null;

    /// <summary>
    /// Whether the body can be sent more than once: false when it reads a stream that cannot seek (such a request is
    /// never retried, whatever the retry options say).
    /// </summary>
    internal bool CanResend
    {
        get
        {
            if (_file is { Start: < 0 })
            {
                return false;
            }

            return _parts is null || _parts.TrueForAll(static p => p.File is not { Start: < 0 });
        }
    }

    /// <summary>Sets a binary body: the file's bytes or stream, sent as they are and never buffered whole.</summary>
    /// <param name="body">The content.</param>
    /// <param name="contentType">The content type the API description gives, used when <paramref name="body"/> has none.</param>
    public void SetFileBody(ApiFile body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(contentType);
        _file = new FileSource(body);
        _fileContentType = body.ContentType ?? contentType;
    }

    /// <summary>Sets a text body, encoded as UTF-8.</summary>
    /// <param name="body">The text.</param>
    /// <param name="contentType">The media type, such as <c>text/plain</c>; <c>charset=utf-8</c> is added when it names no charset.</param>
    public void SetTextBody(string body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(contentType);
        Body = Encoding.UTF8.GetBytes(body);
        ContentType = contentType.Contains("charset=", StringComparison.OrdinalIgnoreCase) ? contentType : contentType + "; charset=utf-8";
    }

    /// <summary>Makes the body <c>multipart/form-data</c>, even when no part is added (every optional part left out).</summary>
    public void SetMultipartBody() => _parts ??= new List<Part>(4);

    /// <summary>
    /// Adds a text part of a <c>multipart/form-data</c> body, unless <paramref name="value"/> is <see langword="null"/>;
    /// adding the same name again repeats the part, as arrays are sent.
    /// </summary>
    /// <param name="name">The part name (the schema's property name).</param>
    /// <param name="value">The value, sent as UTF-8 text without a <c>Content-Type</c> (RFC 7578: <c>text/plain</c>).</param>
    public void AddPart(string name, string? value) => AddPart(name, value, null);

    /// <summary>Adds a text part with the content type the API description's <c>encoding</c> gives.</summary>
    /// <param name="name">The part name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    /// <param name="contentType">The part's <c>Content-Type</c>, or <see langword="null"/> for none.</param>
    public void AddPart(string name, string? value, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(name);
        _parts ??= new List<Part>(4);
        if (value is not null)
        {
            _parts.Add(new Part(name, Encoding.UTF8.GetBytes(value), null, contentType));
        }
    }

    /// <summary>Adds an integer part.</summary>
    /// <param name="name">The part name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddPart(string name, long? value) => AddPart(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number part (shortest round-trip form).</summary>
    /// <param name="name">The part name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddPart(string name, double? value) => AddPart(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a decimal part.</summary>
    /// <param name="name">The part name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddPart(string name, decimal? value) => AddPart(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean part as <c>true</c> or <c>false</c>.</summary>
    /// <param name="name">The part name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave it out.</param>
    public void AddPart(string name, bool? value) => AddPart(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds a file part, unless <paramref name="file"/> is <see langword="null"/>.</summary>
    /// <param name="name">The part name.</param>
    /// <param name="file">The file; its stream is read when the request is sent.</param>
    /// <param name="contentType">The content type the API description gives, used when <paramref name="file"/> has none.</param>
    public void AddFilePart(string name, ApiFile? file, string contentType)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(contentType);
        _parts ??= new List<Part>(4);
        if (file is not null)
        {
            _parts.Add(new Part(name, null, new FileSource(file), file.ContentType ?? contentType));
        }
    }

    /// <summary>Adds a part holding one JSON value (an object or array property of a multipart body).</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="name">The part name.</param>
    /// <param name="value">The value; <see langword="null"/> leaves the part out.</param>
    /// <param name="writeValue">Writes <paramref name="value"/> as one JSON value.</param>
    /// <param name="contentType">The part's content type, <c>application/json</c> unless the API description's <c>encoding</c> says otherwise.</param>
    public void AddJsonPart<T>(string name, T? value, Action<Utf8JsonWriter, T> writeValue, string contentType)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(writeValue);
        ArgumentNullException.ThrowIfNull(contentType);
        _parts ??= new List<Part>(4);
        if (value is not null)
        {
            _parts.Add(new Part(name, ApiTransport.SerializeBody(value, writeValue), null, contentType));
        }
    }

    /// <summary>
    /// Adds a form field whose value is an object, a map, a nested array or any JSON: its JSON text, percent-encoded
    /// (OpenAPI's default content type for such a property of a form body is <c>application/json</c>).
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value, or <see langword="null"/> to leave the field out.</param>
    /// <param name="writeValue">Writes the value as JSON.</param>
    public void AddJsonFormField<T>(string name, T? value, Action<Utf8JsonWriter, T> writeValue)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(writeValue);
        AddFormField(name, value is null ? null : System.Text.Encoding.UTF8.GetString(ApiTransport.SerializeBody(value, writeValue)));
    }

    /// <summary>The body for one attempt: a new content over the same parts (streams rewound when they can seek).</summary>
    internal HttpContent CreateContent()
    {
        if (_file is not null)
        {
            HttpContent content = FileContent(_file);
            content.Headers.TryAddWithoutValidation("Content-Type", _fileContentType);
            return content;
        }

        // RFC 7578: each part has a Content-Disposition with its name (and a file name for files); UTF-8 headers.
        var multipart = new MultipartContent("form-data", "schemabind-" + Guid.NewGuid().ToString("N"))
        {
            HeaderEncodingSelector = static (_, _) => Encoding.UTF8,
        };
        foreach (Part part in _parts!)
        {
            HttpContent content = part.File is { } file ? FileContent(file) : new ByteArrayContent(part.Text!);
            string disposition = "form-data; name=\"" + Quote(part.Name) + "\"";
            if (part.File is not null)
            {
                // A file part always has a file name: many servers take a part without one for a text field.
                disposition += "; filename=\"" + Quote(part.File.File.FileName ?? part.Name) + "\"";
            }

            content.Headers.TryAddWithoutValidation("Content-Disposition", disposition);
            if (part.ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", part.ContentType);
            }

            multipart.Add(content);
        }

        return multipart;
    }

    private static HttpContent FileContent(FileSource source) =>
        source.File.Stream is null ? new ReadOnlyMemoryContent(source.File.Bytes) : new OwnedByCallerStreamContent(source);

    /// <summary>A name in a quoted Content-Disposition parameter, escaped as browsers do (HTML: <c>"</c>, CR and LF percent-encoded).</summary>
    private static string Quote(string name) =>
        name.Replace("\"", "%22", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private sealed record Part(string Name, byte[]? Text, FileSource? File, string? ContentType);

    /// <summary>A file and where its stream started when it was added (-1: the stream cannot seek); whether it was read.</summary>
    private sealed class FileSource(ApiFile file)
    {
        public ApiFile File { get; } = file;

        public long Start { get; } = file.Stream is { CanSeek: true } stream ? stream.Position : -1;

        public bool Read { get; set; }
    }

    /// <summary>
    /// Streams the caller's stream into the request without buffering it and without disposing it. A seekable stream
    /// starts where it was when the request was built, on every attempt; one that cannot seek is read once only.
    /// </summary>
    private sealed class OwnedByCallerStreamContent(FileSource source) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            Stream content = source.File.Stream!;
            if (source.Start >= 0)
            {
                content.Position = source.Start;
            }
            else if (source.Read)
            {
                // A redirect that repeats the body, for example: the bytes are gone, and sending fewer would be wrong.
                throw new InvalidOperationException("The request body is a stream that cannot seek and was sent already; it cannot be sent again.");
            }

            source.Read = true;
            await content.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            if (source.Start >= 0)
            {
                length = source.File.Stream!.Length - source.Start;
                return true;
            }

            length = 0;
            return false;
        }
    }
}
