using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Buddy.Api;

namespace SchemaBind.Benchmarks.Validation;

/// <summary>
/// The payloads every validator sees, and the one schema document they all read. Each payload comes
/// as JSON text, parsed once per validator into the DOM it validates (JsonElement or JToken), and,
/// for SchemaBind's typed validation, as the generated object.
/// </summary>
public static class Payloads
{
    /// <summary>The seed page's RUN_DOCKER_CONTAINER request (tests/SchemaBind.EndToEnd.Tests/Seed.cs), verbatim.</summary>
    public const string SeedRequest = """
        {
          "name": "Run container",
          "type": "RUN_DOCKER_CONTAINER",
          "docker_image_name": "library/ubuntu",
          "docker_image_tag": "latest",
          "inline_commands": "ls -al > ls.log",
          "run_as_user": "$containerUser",
          "mount_filesystem_disable": false,
          "export_container_path": "/exportPath",
          "volume_mappings": [
            "/:/buddy/mount/directory"
          ],
          "integration": {
            "hash_id": "5ddb7c180fb38be67bd78a88a"
          },
          "variables": [
            {
              "key": "containerUser",
              "value": "notRoot"
            }
          ],
          "entrypoint": "/bin/sh"
        }
        """;

    /// <summary>
    /// The seed request broken three ways: an empty image name (minLength), a volume mapping without a colon
    /// (pattern) and an ECR region without an integration (dependentRequired).
    /// </summary>
    public const string SeedRequestInvalid = """
        {
          "name": "Run container",
          "type": "RUN_DOCKER_CONTAINER",
          "docker_image_name": "",
          "docker_image_tag": "latest",
          "inline_commands": "ls -al > ls.log",
          "run_as_user": "$containerUser",
          "mount_filesystem_disable": false,
          "export_container_path": "/exportPath",
          "volume_mappings": [
            "/buddy/mount/directory"
          ],
          "region": "eu-west-1",
          "variables": [
            {
              "key": "containerUser",
              "value": "notRoot"
            }
          ],
          "entrypoint": "/bin/sh"
        }
        """;

    /// <summary>The seed page's 201 response: one RUN_DOCKER_CONTAINER action.</summary>
    public const string SeedAction = """{ "url": "https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2/actions/2", "html_url": "https://app.buddy.works/buddy/company-website/pipelines/action/2/edit", "id": 2, "name": "Run container", "type": "RUN_DOCKER_CONTAINER", "trigger_time": "ON_EVERY_EXECUTION", "last_execution_status": "INITIAL", "docker_image_name": "library/ubuntu", "docker_image_tag": "latest", "inline_commands": "ls -al > ls.log", "run_as_user": "$containerUser", "mount_filesystem_disable": false, "volume_mappings": [ "/:/buddy/mount/directory" ], "export_container_path": "/exportPath", "entrypoint": "/bin/sh", "pipeline": { "url": "https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2", "html_url": "https://app.buddy.works/buddy/company-website/pipelines/pipeline/2", "id": 2, "name": "Live mirror", "on": "CLICK", "refs": [ "refs/heads/master" ], "last_execution_status": "SUCCESSFUL", "last_execution_revision": "506a3963507943d6908154f4bc9646e829128a08" } }""";

    /// <summary>How many actions the larger document holds.</summary>
    public const int ActionCount = 100;

    /// <summary>
    /// The larger document: a JSON array of <see cref="ActionCount"/> pipeline actions (the seed's response with
    /// other IDs and names), about 80 KB. Every item goes through PipelineAction's oneOf of eight action schemas.
    /// </summary>
    public static readonly string Actions = BuildActions(invalid: false);

    /// <summary>The larger document with two broken items: a string ID (type) and an unknown trigger time (enum).</summary>
    public static readonly string ActionsInvalid = BuildActions(invalid: true);

    /// <summary>
    /// One plain JSON Schema 2020-12 document for every validator: the OpenAPI document's component schemas under
    /// <c>$defs</c> (references rewritten to match) and, at the root, a reference to <paramref name="root"/>.
    /// </summary>
    /// <param name="root">The root schema, such as <c>{"$ref":"#/$defs/RunDockerContainerActionRequest"}</c>.</param>
    public static string StandaloneSchema(string root)
    {
        JsonNode openApi = JsonNode.Parse(PipelineActionsJsonSchema.Utf8Json)!;
        string defs = openApi["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var document = JsonNode.Parse(root)!.AsObject();
        document.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        document["$defs"] = JsonNode.Parse(defs);
        return document.ToJsonString();
    }

    /// <summary>The schema of the seed request.</summary>
    public static readonly string RequestSchema = StandaloneSchema("""{ "$ref": "#/$defs/RunDockerContainerActionRequest" }""");

    /// <summary>The schema of the larger document.</summary>
    public static readonly string ActionsSchema = StandaloneSchema("""{ "type": "array", "items": { "$ref": "#/$defs/PipelineAction" } }""");

    /// <summary>The seed request as the generated object (what a caller of the client builds).</summary>
    public static RunDockerContainerActionRequest TypedRequest() => new()
    {
        Name = "Run container",
        DockerImageName = "library/ubuntu",
        DockerImageTag = "latest",
        InlineCommands = "ls -al > ls.log",
        RunAsUser = "$containerUser",
        MountFilesystemDisable = false,
        ExportContainerPath = "/exportPath",
        VolumeMappings = ["/:/buddy/mount/directory"],
        Integration = new Integration { HashId = "5ddb7c180fb38be67bd78a88a" },
        Variables = [new Variable { Key = "containerUser", Value = "notRoot" }],
        Entrypoint = "/bin/sh",
    };

    /// <summary>The invalid seed request as the generated object, broken the same three ways as <see cref="SeedRequestInvalid"/>.</summary>
    public static RunDockerContainerActionRequest TypedRequestInvalid() => TypedRequest() with
    {
        DockerImageName = string.Empty,
        VolumeMappings = ["/buddy/mount/directory"],
        Region = "eu-west-1",
        Integration = null,
    };

    private static string BuildActions(bool invalid)
    {
        var builder = new StringBuilder("[");
        for (int i = 0; i < ActionCount; i++)
        {
            JsonObject action = JsonNode.Parse(SeedAction)!.AsObject();
            action["id"] = invalid && i == 40 ? JsonValue.Create("41") : JsonValue.Create(i + 1);
            action["name"] = "Action " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            action["url"] = "https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2/actions/" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (invalid && i == 90)
            {
                action["trigger_time"] = "SOMETIMES";
            }

            builder.Append(i == 0 ? string.Empty : ",").Append(action.ToJsonString());
        }

        return builder.Append(']').ToString();
    }
}
