using System.Net;
using System.Text;
using SchemaBind.Runtime.GeneratedCode;
using static SchemaBind.Runtime.Tests.Tokens;

namespace SchemaBind.Runtime.Tests;

/// <summary>
/// An attempt's timer starts only when the attempt has to wait (issue 19): these handlers answer at once, in memory,
/// and then make the transport wait at one point of the call each. Every wait must still be cut by
/// <see cref="ApiClientOptions.Timeout"/>; a call that never waits must succeed. Each test is bounded by WaitAsync,
/// so a wait the timer does not cover fails instead of hanging.
/// </summary>
public sealed class AttemptTimeoutTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(300);

    private static ApiTransport Transport(HttpMessageHandler handler, TimeSpan timeout) =>
        new(new HttpClient(handler), new ApiClientOptions { Timeout = timeout, Retry = ApiRetryOptions.None }, new Uri("https://api.example.com"));

    [Fact]
    public async Task Calls_answered_at_once_succeed_and_a_body_that_stalls_after_them_still_times_out()
    {
        var handler = new Handler(() => new MemoryStream(Encoding.UTF8.GetBytes("""{"id":7,"name":"Rex"}""")));
        ApiTransport transport = Transport(handler, Timeout);
        for (int i = 0; i < 3; i++)
        {
            ApiResponse<Pet> quick = await transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct);
            Assert.Equal(new Pet(7, "Rex"), quick.Value);
        }

        // The headers come at once (no wait there), the body's first read never completes: the read starts the timer.
        handler.Body = () => new StallingStream();
        var ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct));
        Assert.Equal(Timeout, ex.Timeout);
        Assert.Equal(1, ex.Attempts);

        // The source its timer canceled is not kept: the next quick call succeeds.
        handler.Body = () => new MemoryStream(Encoding.UTF8.GetBytes("""{"id":8,"name":"Max"}"""));
        ApiResponse<Pet> after = await transport.SendAsync(HttpMethod.Get, "/pets/8", Pet.Read, Ct).WaitAsync(Bound, Ct);
        Assert.Equal(new Pet(8, "Max"), after.Value);
    }

    [Fact]
    public async Task A_body_that_stalls_after_part_of_it_has_come_at_once_times_out()
    {
        ApiTransport transport = Transport(new Handler(() => new StallingStream("""{"id":7,"na"""u8.ToArray())), Timeout);

        var ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.Equal(Timeout, ex.Timeout);
    }

    [Fact]
    public async Task A_handler_that_waits_for_the_token_times_out()
    {
        ApiTransport transport = Transport(new Handler(() => new MemoryStream()) { WaitFirst = true }, Timeout);

        var ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.Equal(Timeout, ex.Timeout);
    }

    [Fact]
    public async Task An_error_body_that_stalls_times_out()
    {
        var handler = new Handler(() => new StallingStream("""{"message":"no"""u8.ToArray())) { Status = HttpStatusCode.BadRequest };
        ApiTransport transport = Transport(handler, Timeout);

        var ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.Equal(Timeout, ex.Timeout);
    }

    [Fact]
    public async Task When_HttpClient_Timeout_is_the_same_its_timer_cuts_the_sending_and_the_attempts_timer_the_body()
    {
        // HttpClient.Timeout equal to the attempt's: the send is left to HttpClient's timer, the body to the attempt's.
        var waiting = new Handler(() => new MemoryStream()) { WaitFirst = true };
        var transport = new ApiTransport(
            new HttpClient(waiting) { Timeout = Timeout },
            new ApiClientOptions { Timeout = Timeout, Retry = { MaxAttempts = 2 }, TimeProvider = new InstantTimeProvider() },
            new Uri("https://api.example.com"));

        var ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct));
        Assert.Equal(Timeout, ex.Timeout);
        Assert.Equal(2, ex.Attempts);

        var stalling = new Handler(() => new StallingStream("""{"id":7"""u8.ToArray()));
        transport = new ApiTransport(
            new HttpClient(stalling) { Timeout = Timeout },
            new ApiClientOptions { Timeout = Timeout, Retry = ApiRetryOptions.None },
            new Uri("https://api.example.com"));

        ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct));
        Assert.Equal(Timeout, ex.Timeout);
    }

    /// <summary>Answers synchronously (unless <see cref="WaitFirst"/>) with a JSON response whose body is <see cref="Body"/>.</summary>
    private sealed class Handler(Func<Stream> body) : HttpMessageHandler
    {
        public Func<Stream> Body { get; set; } = body;

        public HttpStatusCode Status { get; init; } = HttpStatusCode.OK;

        public bool WaitFirst { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (WaitFirst)
            {
                await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
            }

            var content = new StreamContent(Body());
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            return new HttpResponseMessage(Status) { Content = content, RequestMessage = request };
        }
    }

    /// <summary>Gives <paramref name="first"/> at once, then waits for the token on the next read.</summary>
    private sealed class StallingStream(byte[]? first = null) : Stream
    {
        private byte[]? _first = first;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_first is { } first)
            {
                _first = null;
                first.CopyTo(buffer);
                return first.Length;
            }

            await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            return 0;
        }
    }
}
