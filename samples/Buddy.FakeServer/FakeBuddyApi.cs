using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.AspNetCore.Http;

namespace Buddy.FakeServer;

/// <summary>
/// The endpoints and their rules, independent of hosting: routes a request, checks the token,
/// validates the body, stores created actions and shapes responses like Buddy's documentation examples.
/// </summary>
internal sealed class FakeBuddyApi(string accessToken)
{
    private const string RunDockerContainer = "RUN_DOCKER_CONTAINER";
    private const string Sleep = "SLEEP";

    private static readonly HashSet<string> TriggerTimes = new(StringComparer.Ordinal)
    {
        "ON_EVERY_EXECUTION", "ON_FAILURE", "ON_BACK_TO_SUCCESS", "ON_WARNING", "ON_WAIT_FOR_APPROVE", "ON_SUCCESS", "ON_TERMINATE",
    };

    /// <summary>Fields every action type accepts and echoes back (besides name, type and trigger_time).</summary>
    private static readonly string[] CommonFields =
    [
        "variables", "trigger_conditions", "after_action_id", "timeout", "disabled", "ignore_errors",
        "retry_count", "retry_interval", "run_only_on_first_failure",
    ];

    /// <summary>Type-specific fields echoed in responses, in the order of the documentation's example. <c>password</c> is never echoed.</summary>
    private static readonly Dictionary<string, string[]> TypeFields = new(StringComparer.Ordinal)
    {
        [RunDockerContainer] =
        [
            "docker_image_name", "docker_image_tag", "inline_commands", "run_as_user", "mount_filesystem_disable",
            "volume_mappings", "export_container_path", "entrypoint", "login", "registry", "integration", "region",
            "use_image_from_action", "docker_build_action_id", "docker_build_action_name",
        ],
        [Sleep] = ["sleep_in_sec"],
    };

    private readonly ConcurrentDictionary<(string Domain, string Project, long Pipeline, long Action), byte[]> _actions = new();
    private long _lastActionId;

    /// <summary>Answers one request.</summary>
    public FakeResponse Handle(Uri baseAddress, string method, string path, string? authorization, byte[] body)
    {
        if (!TryMatchRoute(path, out string domain, out string project, out string pipelineSegment, out string? actionSegment))
        {
            return FakeResponse.Error(StatusCodes.Status404NotFound, "Not found.");
        }

        string allowed = actionSegment is null ? HttpMethods.Post : HttpMethods.Get;
        if (!string.Equals(method, allowed, StringComparison.OrdinalIgnoreCase))
        {
            return FakeResponse.Error(StatusCodes.Status405MethodNotAllowed, "Method not allowed.") with { Allow = allowed };
        }

        if (!IsAuthorized(authorization))
        {
            return FakeResponse.Error(StatusCodes.Status401Unauthorized, "Authentication failed: the access token is missing or invalid.");
        }

        if (!TryParsePositive(pipelineSegment, out long pipelineId))
        {
            return FakeResponse.Error(StatusCodes.Status404NotFound, "Pipeline not found.");
        }

        if (actionSegment is not null)
        {
            return TryParsePositive(actionSegment, out long actionId) && _actions.TryGetValue((domain, project, pipelineId, actionId), out byte[]? stored)
                ? new FakeResponse(StatusCodes.Status200OK, stored)
                : FakeResponse.Error(StatusCodes.Status404NotFound, "Action not found.");
        }

        return AddAction(baseAddress, domain, project, pipelineId, body);
    }

    private FakeResponse AddAction(Uri baseAddress, string domain, string project, long pipelineId, byte[] body)
    {
        JsonObject request;
        try
        {
            if (JsonNode.Parse(body) is not JsonObject parsed)
            {
                return FakeResponse.Error(StatusCodes.Status400BadRequest, "The request body must be a JSON object.");
            }

            _ = parsed.Count; // materializes the properties, so duplicate names fail here
            request = parsed;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return FakeResponse.Error(StatusCodes.Status400BadRequest, "The request body is not valid JSON.");
        }

        List<string> errors = Validate(request, out string? type);
        if (errors.Count > 0)
        {
            return FakeResponse.Error(StatusCodes.Status400BadRequest, errors.ToArray());
        }

        long actionId = Interlocked.Increment(ref _lastActionId);
        string root = baseAddress.AbsoluteUri.TrimEnd('/');
        string d = Uri.EscapeDataString(domain);
        string p = Uri.EscapeDataString(project);
        string pipelineUrl = $"{root}/workspaces/{d}/projects/{p}/pipelines/{pipelineId}";

        var action = new JsonObject
        {
            ["url"] = $"{pipelineUrl}/actions/{actionId}",
            ["html_url"] = $"{root}/{d}/{p}/pipelines/action/{actionId}/edit",
            ["id"] = actionId,
            ["name"] = request["name"]!.DeepClone(),
            ["type"] = type,
            ["trigger_time"] = request["trigger_time"]?.DeepClone() ?? "ON_EVERY_EXECUTION",
            ["last_execution_status"] = "INITIAL",
        };
        foreach (string field in TypeFields[type!])
        {
            Echo(request, action, field);
        }

        foreach (string field in CommonFields)
        {
            Echo(request, action, field);
        }

        action["pipeline"] = new JsonObject
        {
            ["url"] = pipelineUrl,
            ["html_url"] = $"{root}/{d}/{p}/pipelines/pipeline/{pipelineId}",
            ["id"] = pipelineId,
            ["name"] = "Live mirror",
            ["on"] = "CLICK",
            ["refs"] = new JsonArray("refs/heads/master"),
            ["last_execution_status"] = "SUCCESSFUL",
            ["last_execution_revision"] = "506a3963507943d6908154f4bc9646e829128a08",
        };

        FakeResponse created = FakeResponse.Json(StatusCodes.Status201Created, action);
        _actions[(domain, project, pipelineId, actionId)] = created.Body!;
        return created;
    }

    /// <summary>Buddy's checks for an add-action body; returns one message per problem.</summary>
    private static List<string> Validate(JsonObject request, out string? type)
    {
        var errors = new List<string>();
        RequireString(request, "name", nonEmpty: true, errors);

        type = null;
        if (!request.TryGetPropertyValue("type", out JsonNode? typeNode) || typeNode is null)
        {
            errors.Add("The field 'type' is required.");
        }
        else if (!TryGetString(typeNode, out string? typeValue) || !TypeFields.ContainsKey(typeValue))
        {
            errors.Add($"Unknown action type {typeNode.ToJsonString()}. Supported types: {RunDockerContainer}, {Sleep}.");
        }
        else
        {
            type = typeValue;
        }

        if (request["trigger_time"] is JsonNode trigger && !(TryGetString(trigger, out string? triggerTime) && TriggerTimes.Contains(triggerTime)))
        {
            errors.Add($"Invalid trigger_time {trigger.ToJsonString()}.");
        }

        if (type == RunDockerContainer)
        {
            RequireString(request, "docker_image_name", nonEmpty: true, errors);
            RequireString(request, "docker_image_tag", nonEmpty: true, errors);
            RequireString(request, "inline_commands", nonEmpty: false, errors);
        }
        else if (type == Sleep)
        {
            if (request["sleep_in_sec"] is not JsonValue seconds)
            {
                errors.Add("The field 'sleep_in_sec' is required.");
            }
            else if (!seconds.TryGetValue(out int value) || value is < 0 or > 1200)
            {
                errors.Add("The field 'sleep_in_sec' must be an integer from 0 to 1200.");
            }
        }

        return errors;
    }

    private static void RequireString(JsonObject request, string field, bool nonEmpty, List<string> errors)
    {
        if (request[field] is not JsonNode node)
        {
            errors.Add($"The field '{field}' is required.");
        }
        else if (!TryGetString(node, out string? value) || (nonEmpty && value.Length == 0))
        {
            errors.Add(nonEmpty ? $"The field '{field}' must be a non-empty string." : $"The field '{field}' must be a string.");
        }
    }

    private static bool TryGetString(JsonNode node, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = null;
        return node is JsonValue jsonValue && node.GetValueKind() == JsonValueKind.String && jsonValue.TryGetValue(out value);
    }

    private static void Echo(JsonObject request, JsonObject action, string field)
    {
        if (request.TryGetPropertyValue(field, out JsonNode? value))
        {
            action[field] = value?.DeepClone();
        }
    }

    private bool IsAuthorized(string? authorization)
    {
        const string Scheme = "Bearer ";
        return authorization is not null
            && authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(authorization[Scheme.Length..].Trim(), accessToken, StringComparison.Ordinal);
    }

    private static bool TryParsePositive(string segment, out long value) =>
        long.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    /// <summary>Matches <c>/workspaces/{d}/projects/{p}/pipelines/{id}/actions[/{action_id}]</c>.</summary>
    private static bool TryMatchRoute(string path, out string domain, out string project, out string pipeline, out string? action)
    {
        domain = project = pipeline = string.Empty;
        action = null;
        string[] s = path.Trim('/').Split('/');
        bool shape = s.Length is 7 or 8
            && s[0] == "workspaces" && s[2] == "projects" && s[4] == "pipelines" && s[6] == "actions"
            && s[1].Length > 0 && s[3].Length > 0 && s[5].Length > 0 && (s.Length == 7 || s[7].Length > 0);
        if (!shape)
        {
            return false;
        }

        (domain, project, pipeline) = (s[1], s[3], s[5]);
        action = s.Length == 8 ? s[7] : null;
        return true;
    }
}
