using System.Net;
using System.Text;
using EndToEnd.Bodies;
using Microsoft.AspNetCore.Http;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// Multipart, binary and text request bodies; text, file and streamed responses (Schemas/bodies.openapi.json),
/// against a real Kestrel server on loopback that records the exact bytes it receives.
/// </summary>
public sealed class BodyTests
{
    private static BodiesClient Client(HandlerServer server, HttpClient http, ApiRetryOptions? retry = null) =>
        new(http, new ApiClientOptions { BaseAddress = server.BaseAddress, Retry = retry ?? ApiRetryOptions.None });

    private static ApiRetryOptions Retries => new() { MaxAttempts = 3, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };

    [Fact]
    public async Task A_multipart_body_has_one_part_per_property_files_with_names_and_content_types()
    {
        await using HandlerServer server = await HandlerServer.StartAsync((context, _, _) => HandlerServer.Json(context, 201, """{"id":5,"caption":"cat"}"""));
        using var http = new HttpClient();
        using var photo = new MemoryStream("JPEGDATA"u8.ToArray());

        Photo created = await Client(server, http).UploadPhotoAsync(
            9,
            "a \"cat\"",
            new ApiFile(photo, "cat.jpg"),
            rating: 5,
            tags: ["x", "y z"],
            attachments: [new ApiFile("one"u8.ToArray(), "1.txt", "text/plain"), "two"u8.ToArray()],
            meta: new UploadPhotoRequestMeta { Source = "phone" });

        Assert.Equal(5, created.Id);
        ReceivedRequest request = Assert.Single(server.Received);
        Assert.Equal("/pets/9/photos", request.RawTarget);
        string boundary = Boundary(request.ContentType);
        string expected =
            Part(boundary, "form-data; name=\"caption\"", null, "a \"cat\"")
            + Part(boundary, "form-data; name=\"rating\"", null, "5")
            + Part(boundary, "form-data; name=\"tags\"", null, "x")
            + Part(boundary, "form-data; name=\"tags\"", null, "y z")
            + Part(boundary, "form-data; name=\"photo\"; filename=\"cat.jpg\"", "image/jpeg", "JPEGDATA")
            + Part(boundary, "form-data; name=\"attachments\"; filename=\"1.txt\"", "text/plain", "one")
            + Part(boundary, "form-data; name=\"attachments\"; filename=\"attachments\"", "application/octet-stream", "two")
            + Part(boundary, "form-data; name=\"meta\"", "application/json", """{"source":"phone"}""")
            + "--" + boundary + "--\r\n";
        Assert.Equal(expected, Encoding.UTF8.GetString(request.Body));
        Assert.Equal("JPEGDATA".Length, photo.Position); // read to its end, and left open for the caller
        Assert.True(photo.CanRead);
    }

    [Fact]
    public async Task A_multipart_body_is_parsed_by_ASP_NET_Core_into_fields_and_files()
    {
        var fields = new Dictionary<string, string>();
        var files = new List<(string Name, string FileName, string ContentType, string Content)>();
        await using HandlerServer server = await HandlerServer.StartAsync(async (context, received, _) =>
        {
            // Parse what was received with ASP.NET Core's own multipart reader.
            context.Request.Body = new MemoryStream(received.Body);
            IFormCollection form = await context.Request.ReadFormAsync();
            foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> field in form)
            {
                fields[field.Key] = field.Value.ToString();
            }

            foreach (IFormFile file in form.Files)
            {
                using var reader = new StreamReader(file.OpenReadStream());
                files.Add((file.Name, file.FileName, file.ContentType, await reader.ReadToEndAsync()));
            }

            await HandlerServer.Json(context, 201, """{"id":1}""");
        });
        using var http = new HttpClient();

        await Client(server, http).UploadPhotoAsync(1, "Grüße", new ApiFile("PNG!"u8.ToArray(), "bild ö.png", "image/png"), tags: ["a", "b"]);

        Assert.Equal("Grüße", fields["caption"]);
        Assert.Equal("a,b", fields["tags"]);
        Assert.Equal(("photo", "bild ö.png", "image/png", "PNG!"), Assert.Single(files));
    }

    [Fact]
    public async Task A_binary_body_is_streamed_as_it_is_with_the_documents_content_type()
    {
        var framing = new List<string>();
        await using HandlerServer server = await HandlerServer.StartAsync((context, _, _) =>
        {
            framing.Add(context.Request.ContentLength is long length ? "length " + length : "chunked " + context.Request.Headers.TransferEncoding);
            return HandlerServer.Json(context, 204, string.Empty);
        });
        using var http = new HttpClient();
        byte[] bytes = Enumerable.Range(0, 300_000).Select(static i => (byte)(i * 7)).ToArray();

        await Client(server, http).PutBlobAsync("a b", new NonSeekableStream(bytes));
        await Client(server, http).PutBlobAsync("c", new ApiFile(new MemoryStream(bytes), contentType: "image/png"));

        ReceivedRequest[] received = server.Received.ToArray();
        Assert.Equal("/blobs/a%20b", received[0].RawTarget);
        Assert.Equal("application/octet-stream", received[0].ContentType);
        Assert.Equal(bytes, received[0].Body);
        Assert.Equal("image/png", received[1].ContentType);
        Assert.Equal(bytes, received[1].Body);

        // A stream of unknown length goes out chunked as it is read; a seekable one with its length.
        Assert.Equal(["chunked chunked", "length 300000"], framing);
    }

    [Fact]
    public async Task A_seekable_stream_is_sent_again_on_a_retry_and_one_that_cannot_seek_is_sent_once()
    {
        await using HandlerServer server = await HandlerServer.StartAsync((context, _, number) =>
            HandlerServer.Json(context, number == 1 || number == 3 ? 503 : 204, string.Empty));
        using var http = new HttpClient();
        byte[] bytes = "0123456789"u8.ToArray();
        var seekable = new MemoryStream(bytes) { Position = 2 };

        // PUT is idempotent: the 503 is retried, and the stream is read again from where it was.
        await Client(server, http, Retries).PutBlobAsync("s", seekable);

        // A stream that cannot seek cannot be read twice: the 503 is the answer, not a half-empty retry.
        ApiServerException error = await Assert.ThrowsAsync<ApiServerException>(() => Client(server, http, Retries).PutBlobAsync("n", new NonSeekableStream(bytes)));

        Assert.Equal(1, error.Attempts);
        ReceivedRequest[] received = server.Received.ToArray();
        Assert.Equal(3, received.Length);
        Assert.Equal("23456789", Encoding.ASCII.GetString(received[0].Body));
        Assert.Equal("23456789", Encoding.ASCII.GetString(received[1].Body));
        Assert.Equal("0123456789", Encoding.ASCII.GetString(received[2].Body));
    }

    [Fact]
    public async Task A_text_body_is_sent_as_UTF_8_and_a_text_response_is_read_by_its_charset()
    {
        await using HandlerServer server = await HandlerServer.StartAsync(async (context, _, _) =>
        {
            context.Response.ContentType = "text/plain; charset=iso-8859-1";
            await context.Response.Body.WriteAsync(Encoding.Latin1.GetBytes("stored: café"));
        });
        using var http = new HttpClient();

        string stored = await Client(server, http).AddNoteAsync("café ☕");

        Assert.Equal("stored: café", stored);
        ReceivedRequest request = Assert.Single(server.Received);
        Assert.Equal("text/plain; charset=utf-8", request.ContentType);
        Assert.Equal("café ☕", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task A_binary_response_is_a_stream_with_content_type_and_file_name_that_the_caller_disposes()
    {
        string? accept = null;
        await using HandlerServer server = await HandlerServer.StartAsync(async (context, _, _) =>
        {
            accept = context.Request.Headers.Accept.ToString();
            context.Response.ContentType = "application/pdf";
            context.Response.Headers.ContentDisposition = "attachment; filename=\"../../report.pdf\"; filename*=UTF-8''r%C3%A9port.pdf";
            context.Response.ContentLength = 8;
            await context.Response.Body.WriteAsync("%PDF-1.7"u8.ToArray());
        });
        using var http = new HttpClient();

        await using ApiFileResponse file = await Client(server, http).GetBlobAsync("report");
        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy);

        Assert.Equal("application/octet-stream", accept);
        Assert.Equal("%PDF-1.7", Encoding.ASCII.GetString(copy.ToArray()));
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal("réport.pdf", file.FileName);
        Assert.Equal(8, file.ContentLength);
    }

    [Fact]
    public async Task An_error_status_on_a_download_is_an_ApiException_not_a_stream()
    {
        await using HandlerServer server = await HandlerServer.StartAsync((context, _, _) => HandlerServer.Json(context, 404, """{"message":"no such blob"}"""));
        using var http = new HttpClient();

        ApiNotFoundException error = await Assert.ThrowsAsync<ApiNotFoundException>(() => Client(server, http).GetBlobAsync("gone"));

        Assert.Equal(["no such blob"], error.ErrorMessages);
    }

    [Fact]
    public async Task Server_sent_events_arrive_one_by_one_before_the_server_finishes()
    {
        var firstRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using HandlerServer server = await HandlerServer.StartAsync(async (context, _, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(": a comment\r\nevent: tick\r\nid: 1\r\ndata: {\"n\":1}\r\n\r\n");
            await context.Response.Body.FlushAsync();

            // The rest is written only after the client has the first item: the stream is read as it arrives.
            await firstRead.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await context.Response.WriteAsync("data: {\"n\":2,\ndata: \"note\":\"two lines\"}\n\nretry: 10\ndata:{\"n\":3}\r\r");
        });
        using var http = new HttpClient();

        var items = new List<Tick>();
        await foreach (Tick tick in Client(server, http).WatchEventsAsync(from: 1))
        {
            items.Add(tick);
            firstRead.TrySetResult();
        }

        Assert.Equal([1L, 2L, 3L], items.Select(static t => (long)t.N));
        Assert.Equal("two lines", items[1].Note);
        ReceivedRequest request = Assert.Single(server.Received);
        Assert.Equal("/events?from=1", request.RawTarget);
    }

    [Fact]
    public async Task NDJSON_items_are_read_incrementally_and_the_enumeration_can_be_canceled()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? accept = null;
        await using HandlerServer server = await HandlerServer.StartAsync(async (context, _, _) =>
        {
            accept = context.Request.Headers.Accept.ToString();
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.WriteAsync("{\"n\":1}\n\n{\"n\":2}\r\n");
            await context.Response.Body.FlushAsync();
            await release.Task.WaitAsync(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(static _ => { });
        });
        using var http = new HttpClient();
        using var cancel = new CancellationTokenSource();

        var items = new List<long>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Tick tick in Client(server, http).ListTicksAsync().WithCancellation(cancel.Token))
            {
                items.Add(tick.N);
                if (items.Count == 2)
                {
                    // The server has not finished: cancel while the next read waits.
                    await cancel.CancelAsync();
                }
            }
        });

        release.TrySetResult();
        Assert.Equal([1L, 2L], items);
        Assert.Equal("application/x-ndjson", accept);
    }

    [Fact]
    public async Task A_stream_item_that_is_not_the_documented_JSON_is_an_ApiResponseFormatException()
    {
        await using HandlerServer server = await HandlerServer.StartAsync(async (context, _, _) =>
        {
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.WriteAsync("{\"n\":1}\nnot json\n");
        });
        using var http = new HttpClient();

        var items = new List<long>();
        await Assert.ThrowsAsync<ApiResponseFormatException>(async () =>
        {
            await foreach (Tick tick in Client(server, http).ListTicksAsync())
            {
                items.Add(tick.N);
            }
        });

        Assert.Equal([1L], items);
    }

    private static string Boundary(string? contentType)
    {
        Assert.NotNull(contentType);
        Assert.StartsWith("multipart/form-data; boundary=", contentType, StringComparison.Ordinal);
        return contentType["multipart/form-data; boundary=".Length..].Trim('"');
    }

    private static string Part(string boundary, string disposition, string? contentType, string content) =>
        "--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
        + (contentType is null ? string.Empty : "Content-Type: " + contentType + "\r\n")
        + "\r\n" + content + "\r\n";

    /// <summary>A stream that can be read once, front to back, as a network or pipe stream.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
