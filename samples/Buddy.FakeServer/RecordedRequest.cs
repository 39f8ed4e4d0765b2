namespace Buddy.FakeServer;

/// <summary>One HTTP request as the <see cref="BuddyFakeServer"/> received it.</summary>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Path">The decoded request path, without the query string, e.g. <c>/workspaces/buddy/projects/web/pipelines/2/actions</c>.</param>
/// <param name="Authorization">The raw <c>Authorization</c> header, or <see langword="null"/> when absent.</param>
/// <param name="ContentType">The raw <c>Content-Type</c> header, or <see langword="null"/> when absent.</param>
/// <param name="Body">The request body bytes (empty when there was no body).</param>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string? ContentType, byte[] Body);
