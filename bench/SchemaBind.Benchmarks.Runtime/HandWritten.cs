using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchemaBind.Benchmarks.Runtime;

// The same call written by hand: DTOs for exactly this request and response, System.Text.Json source generation,
// HttpClient. No validation, no typed errors beyond EnsureSuccessStatusCode, no polymorphism (the response is read
// as this one action type): what a careful developer writes for one endpoint.

public sealed class HandActionRequest
{
    [JsonPropertyName("name")] public required string Name { get; set; }
    [JsonPropertyName("type")] public string Type { get; set; } = "RUN_DOCKER_CONTAINER";
    [JsonPropertyName("docker_image_name")] public string? DockerImageName { get; set; }
    [JsonPropertyName("docker_image_tag")] public string? DockerImageTag { get; set; }
    [JsonPropertyName("inline_commands")] public string? InlineCommands { get; set; }
    [JsonPropertyName("run_as_user")] public string? RunAsUser { get; set; }
    [JsonPropertyName("mount_filesystem_disable")] public bool? MountFilesystemDisable { get; set; }
    [JsonPropertyName("export_container_path")] public string? ExportContainerPath { get; set; }
    [JsonPropertyName("volume_mappings")] public List<string>? VolumeMappings { get; set; }
    [JsonPropertyName("integration")] public HandIntegration? Integration { get; set; }
    [JsonPropertyName("variables")] public List<HandVariable>? Variables { get; set; }
    [JsonPropertyName("entrypoint")] public string? Entrypoint { get; set; }
}

public sealed class HandIntegration
{
    [JsonPropertyName("hash_id")] public string? HashId { get; set; }
}

public sealed class HandVariable
{
    [JsonPropertyName("key")] public required string Key { get; set; }
    [JsonPropertyName("value")] public string? Value { get; set; }
}

public sealed class HandAction
{
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("html_url")] public string? HtmlUrl { get; set; }
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("trigger_time")] public string? TriggerTime { get; set; }
    [JsonPropertyName("last_execution_status")] public string? LastExecutionStatus { get; set; }
    [JsonPropertyName("docker_image_name")] public string? DockerImageName { get; set; }
    [JsonPropertyName("docker_image_tag")] public string? DockerImageTag { get; set; }
    [JsonPropertyName("inline_commands")] public string? InlineCommands { get; set; }
    [JsonPropertyName("run_as_user")] public string? RunAsUser { get; set; }
    [JsonPropertyName("mount_filesystem_disable")] public bool? MountFilesystemDisable { get; set; }
    [JsonPropertyName("volume_mappings")] public List<string>? VolumeMappings { get; set; }
    [JsonPropertyName("export_container_path")] public string? ExportContainerPath { get; set; }
    [JsonPropertyName("entrypoint")] public string? Entrypoint { get; set; }
    [JsonPropertyName("pipeline")] public HandPipeline? Pipeline { get; set; }
}

public sealed class HandPipeline
{
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("html_url")] public string? HtmlUrl { get; set; }
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("on")] public string? On { get; set; }
    [JsonPropertyName("refs")] public List<string>? Refs { get; set; }
    [JsonPropertyName("last_execution_status")] public string? LastExecutionStatus { get; set; }
    [JsonPropertyName("last_execution_revision")] public string? LastExecutionRevision { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HandActionRequest))]
[JsonSerializable(typeof(HandAction))]
public sealed partial class HandJsonContext : JsonSerializerContext;

public sealed class HandWrittenClient(HttpClient http, string token)
{
    public async Task<HandAction> AddActionAsync(string workspace, string project, long pipelineId, HandActionRequest body, CancellationToken cancellationToken = default)
    {
        string path = $"/workspaces/{Uri.EscapeDataString(workspace)}/projects/{Uri.EscapeDataString(project)}/pipelines/{pipelineId}/actions";
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(body, HandJsonContext.Default.HandActionRequest),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, HandJsonContext.Default.HandAction, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The response body is null.");
    }
}
