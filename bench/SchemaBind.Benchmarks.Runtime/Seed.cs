namespace SchemaBind.Benchmarks.Runtime;

/// <summary>The seed page's example exchange: POST .../actions with a RUN_DOCKER_CONTAINER action, answered 201.</summary>
internal static class Seed
{
    public const string Workspace = "buddy";
    public const string Project = "company-website";
    public const long PipelineId = 2;
    public const string Token = "benchmark-token";

    public static readonly byte[] ResponseBody = """{ "url": "https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2/actions/2", "html_url": "https://app.buddy.works/buddy/company-website/pipelines/action/2/edit", "id": 2, "name": "Run container", "type": "RUN_DOCKER_CONTAINER", "trigger_time": "ON_EVERY_EXECUTION", "last_execution_status": "INITIAL", "docker_image_name": "library/ubuntu", "docker_image_tag": "latest", "inline_commands": "ls -al > ls.log", "run_as_user": "$containerUser", "mount_filesystem_disable": false, "volume_mappings": [ "/:/buddy/mount/directory" ], "export_container_path": "/exportPath", "entrypoint": "/bin/sh", "pipeline": { "url": "https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2", "html_url": "https://app.buddy.works/buddy/company-website/pipelines/pipeline/2", "id": 2, "name": "Live mirror", "on": "CLICK", "refs": [ "refs/heads/master" ], "last_execution_status": "SUCCESSFUL", "last_execution_revision": "506a3963507943d6908154f4bc9646e829128a08" } }"""u8.ToArray();
}

/// <summary>
/// Stands in for the network: reads the whole request body (so every client really serializes it) and answers
/// 201 with the seed's JSON, as the server would. Shared by the three clients.
/// </summary>
internal sealed class InMemoryHandler : HttpMessageHandler
{
    public long RequestBytes;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            var sink = new CountingStream();
            await request.Content.CopyToAsync(sink, cancellationToken).ConfigureAwait(false);
            RequestBytes = sink.Length;
        }

        var content = new ByteArrayContent(Seed.ResponseBody);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return new HttpResponseMessage(System.Net.HttpStatusCode.Created) { Content = content, RequestMessage = request };
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        // Both async overloads complete at once, as a socket with room in its buffer does. (Without this one,
        // Stream's default runs ByteArrayContent's writes through the thread pool and penalizes it unfairly.)
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
