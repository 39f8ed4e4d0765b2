using Buddy.Api;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>The seed page's example request and response (../shared/seed/000_f2b742925c4a0bfe.txt), verbatim.</summary>
internal static class Seed
{
    public const string RequestBody = """
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

    public const string ResponseBody = """{ "url": "https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2/actions/2", "html_url": "https://app.buddy.works/buddy/company-website/pipelines/action/2/edit", "id": 2, "name": "Run container", "type": "RUN_DOCKER_CONTAINER", "trigger_time": "ON_EVERY_EXECUTION", "last_execution_status": "INITIAL", "docker_image_name": "library/ubuntu", "docker_image_tag": "latest", "inline_commands": "ls -al > ls.log", "run_as_user": "$containerUser", "mount_filesystem_disable": false, "volume_mappings": [ "/:/buddy/mount/directory" ], "export_container_path": "/exportPath", "entrypoint": "/bin/sh", "pipeline": { "url": "https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2", "html_url": "https://app.buddy.works/buddy/company-website/pipelines/pipeline/2", "id": 2, "name": "Live mirror", "on": "CLICK", "refs": [ "refs/heads/master" ], "last_execution_status": "SUCCESSFUL", "last_execution_revision": "506a3963507943d6908154f4bc9646e829128a08" } }""";

    /// <summary>The seed's example request, typed.</summary>
    public static RunDockerContainerActionRequest Request() => new()
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
}
