using Refit;

namespace SchemaBind.Benchmarks.Runtime;

/// <summary>The same endpoint as a Refit interface (Refit's own source generator builds the stub), over the hand-written DTOs.</summary>
[Headers("Authorization: Bearer", "Accept: application/json")]
public interface IBuddyRefitApi
{
    [Post("/workspaces/{workspace}/projects/{project}/pipelines/{pipelineId}/actions")]
    Task<HandAction> AddActionAsync(string workspace, string project, long pipelineId, [Body] HandActionRequest body, CancellationToken cancellationToken = default);
}
