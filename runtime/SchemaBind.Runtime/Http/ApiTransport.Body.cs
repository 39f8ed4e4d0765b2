using System;
using System.Buffers;
using System.Net.Http;
using System.Text.Json;

namespace SchemaBind.Runtime.GeneratedCode;

// The request body: a JSON body is serialized once, at its exact size, so that a retry can resend it; other
// bodies (form, multipart, text, file) are built by ApiRequest for each attempt.
public sealed partial class ApiTransport
{
    // One writer and buffer per thread, reused: the body is copied out once, at its exact size, so that retries can resend it.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    internal static byte[] SerializeBody<TRequest>(TRequest body, Action<Utf8JsonWriter, TRequest> writeBody)
    {
        ArrayBufferWriter<byte> buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        Utf8JsonWriter writer = t_writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            writeBody(writer, body);
            writer.Flush();
            if (writer.CurrentDepth != 0 || writer.BytesCommitted == 0)
            {
                throw new InvalidOperationException("The request body writer did not write one complete JSON value.");
            }

            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            writer.Reset();
            buffer.Clear();
            if (buffer.Capacity > 64 * 1024)
            {
                t_buffer = null; // do not keep a large body's buffer alive on the thread
                t_writer = null;
            }
        }
    }

    private static ByteArrayContent CreateContent(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType ?? "application/json; charset=utf-8");
        content.Headers.ContentLength = body.Length;
        return content;
    }

    /// <summary>The content of one attempt: the serialized JSON body, else the request's own body, else none.</summary>
    private static HttpContent? CreateContent(byte[]? body, ApiRequest? parts) =>
        body is not null ? CreateContent(body, parts?.ContentType)
        : parts is { HasContent: true } ? parts.CreateContent()
        : null;

    /// <summary>Whether the body can be sent again: one that reads a stream that cannot seek (a file body or part) cannot.</summary>
    private static bool CanResendBody(ApiRequest? parts) => parts is not { HasContent: true, CanResend: false };
}
