using Microsoft.CodeAnalysis;

namespace SchemaBind.Generator.Tests;

/// <summary>GroupBy="Tag" or "Path": the client's operations also as sub-clients, each with an interface.</summary>
public sealed class ClientGroupTests
{
    private const string Api = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Hub", "version": "1" },
          "servers": [ { "url": "https://hub.example/" } ],
          "paths": {
            "/repos/{owner}/{repo}": {
              "parameters": [
                { "name": "owner", "in": "path", "required": true, "schema": { "type": "string" } },
                { "name": "repo", "in": "path", "required": true, "schema": { "type": "string" } }
              ],
              "get": { "operationId": "repos/get", "tags": ["repos"], "summary": "Gets a repository.",
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Repository" } } } } } },
              "delete": { "operationId": "repos/delete", "tags": ["repos"], "deprecated": true, "responses": { "204": { "description": "gone" } } }
            },
            "/repos/{owner}/{repo}/issues": {
              "parameters": [
                { "name": "owner", "in": "path", "required": true, "schema": { "type": "string" } },
                { "name": "repo", "in": "path", "required": true, "schema": { "type": "string" } }
              ],
              "get": { "operationId": "issues/list-for-repo", "tags": ["issues", "repos"],
                "parameters": [ { "name": "state", "in": "query", "schema": { "type": "string" } } ],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Issue" } } } } } } }
            },
            "/meta": { "get": { "operationId": "meta", "responses": { "204": { "description": "ok" } } } }
          },
          "components": { "schemas": {
            "Repository": { "type": "object", "properties": { "name": { "type": "string" } } },
            "Issue": { "type": "object", "properties": { "title": { "type": "string" } } }
          } }
        }
        """;

    private const string UserCode = """
        using System.Threading.Tasks;
        using Hub;

        namespace UserProject;

        internal static class Calls
        {
            public static async Task<string?> NameAsync(HubClient client) => (await client.Repos.GetAsync("o", "r")).Name;

            public static Task<System.Collections.Generic.IReadOnlyList<Issue>> IssuesAsync(IHubClient client) => client.Issues.ListForRepoAsync("o", "r", state: "open");

            public static Task MetaAsync(HubClient client) => client.MetaAsync();
        }

        internal sealed class FakeIssues : IHubClientIssues
        {
            public Task<System.Collections.Generic.IReadOnlyList<Issue>> ListForRepoAsync(string owner, string repo, string? state = null, System.Threading.CancellationToken cancellationToken = default) =>
                Task.FromResult<System.Collections.Generic.IReadOnlyList<Issue>>(new[] { new Issue { Title = "fake" } });

            public Task<SchemaBind.Runtime.ApiResponse<System.Collections.Generic.IReadOnlyList<Issue>>> ListForRepoWithResponseAsync(string owner, string repo, string? state = null, System.Threading.CancellationToken cancellationToken = default) =>
                throw new System.NotSupportedException();
        }
        """;

    [Fact]
    public void GroupBy_tag_adds_a_sub_client_per_first_tag_with_its_interface()
    {
        GeneratorResult result = GeneratorHarness.Run(
            GeneratorHarness.CreateCompilation(UserCode),
            new SchemaFile("/p/hub.json", Api, "Hub") { Metadata = new Dictionary<string, string> { ["SchemaBindGroupBy"] = "Tag" } });
        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);

        string source = result.Source("Hub.HubClient.g.cs");
        Assert.Contains("public HubClientRepos Repos => _repos ??= new HubClientRepos(this);", source, StringComparison.Ordinal);
        Assert.Contains("IHubClientRepos Repos { get; }", source, StringComparison.Ordinal);

        // Named without the group; forwarding to the client's method; an operation in its first tag's group only.
        Assert.Equal(new[] { "DeleteAsync", "DeleteWithResponseAsync", "GetAsync", "GetWithResponseAsync" }, Members(result, "Hub.IHubClientRepos"));
        Assert.Equal(new[] { "ListForRepoAsync", "ListForRepoWithResponseAsync" }, Members(result, "Hub.IHubClientIssues"));
        Assert.Contains("_client.IssuesListForRepoAsync(owner, repo, state, cancellationToken);", source, StringComparison.Ordinal);
        Assert.Contains("/// <inheritdoc cref=\"IHubClient.ReposGetAsync\"/>", source, StringComparison.Ordinal);

        // The deprecated operation stays marked in its group; the flat methods are all still there.
        Assert.True(result.Output.GetTypeByMetadataName("Hub.HubClientRepos")!.GetMembers("DeleteAsync").Single().GetAttributes().Any(static a => a.AttributeClass!.Name == "ObsoleteAttribute"));
        Assert.NotEmpty(result.Output.GetTypeByMetadataName("Hub.HubClient")!.GetMembers("ReposGetAsync"));
        Assert.Contains("AddTransient<IHubClientIssues>(services, static provider => global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<HubClient>(provider).Issues);", source, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupBy_path_groups_by_the_first_segment_and_the_default_stays_flat()
    {
        GeneratorResult byPath = GeneratorHarness.Run(new SchemaFile("/p/hub.json", Api, "Hub") { Metadata = new Dictionary<string, string> { ["SchemaBindGroupBy"] = "path" } });
        GeneratorResult.AssertNone(byPath.CompilationDiagnostics);
        Assert.Equal(
            new[] { "DeleteAsync", "DeleteWithResponseAsync", "GetAsync", "GetWithResponseAsync", "IssuesListForRepoAsync", "IssuesListForRepoWithResponseAsync" },
            Members(byPath, "Hub.IHubClientRepos"));
        Assert.Equal(new[] { "MetaAsync", "MetaWithResponseAsync" }, Members(byPath, "Hub.IHubClientMeta")); // the method keeps its name: "Meta" alone would leave none

        GeneratorResult flat = GeneratorHarness.Run(new SchemaFile("/p/hub.json", Api, "Hub"));
        GeneratorResult.AssertNone(flat.CompilationDiagnostics);
        Assert.Null(flat.Output.GetTypeByMetadataName("Hub.HubClientRepos"));
        Assert.DoesNotContain("Repos =>", flat.Source("Hub.HubClient.g.cs"), StringComparison.Ordinal);
    }

    private static string[] Members(GeneratorResult result, string type) =>
        result.Output.GetTypeByMetadataName(type)!.GetMembers().Select(static m => m.Name).Order(StringComparer.Ordinal).ToArray();
}
