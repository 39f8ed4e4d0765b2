// SchemaBind demo: add a "Run Docker container" action to a Buddy pipeline.
//
// Buddy.Api.* is generated at compile time from schema/buddy/pipeline-actions.openapi.json
// (see the <SchemaBindApi> item in Buddy.Demo.csproj). There is no hand-written client code.
//
//   dotnet run                                   talks to an in-process fake Buddy server
//   dotnet run -- --base-url URL --token TOKEN   talks to a real server (or set BUDDY_BASE_URL / BUDDY_TOKEN)
//                 [--workspace buddy] [--project company-website] [--pipeline 2]

using Buddy.Api;
using Buddy.FakeServer;
using Microsoft.Extensions.DependencyInjection;
using SchemaBind.Runtime;

string? baseUrl = NonEmpty(Environment.GetEnvironmentVariable("BUDDY_BASE_URL"));
string? token = NonEmpty(Environment.GetEnvironmentVariable("BUDDY_TOKEN"));
string workspace = "buddy", project = "company-website", pipeline = "2";

for (int i = 0; i < args.Length; i += 2)
{
    if (args[i] is "-h" or "--help") return Usage(null);
    if (i + 1 == args.Length) return Usage($"Option '{args[i]}' needs a value.");
    string value = args[i + 1];
    switch (args[i])
    {
        case "--base-url": baseUrl = value; break;
        case "--token": token = value; break;
        case "--workspace": workspace = value; break;
        case "--project": project = value; break;
        case "--pipeline": pipeline = value; break;
        default: return Usage($"Unknown option '{args[i]}'.");
    }
}

if (!long.TryParse(pipeline, out long pipelineId)) return Usage("--pipeline must be a number.");
if (baseUrl is not null && !Uri.TryCreate(baseUrl, UriKind.Absolute, out _)) return Usage("--base-url must be an absolute URL.");
if (baseUrl is not null && string.IsNullOrEmpty(token)) return Usage("A token is required with --base-url (--token or BUDDY_TOKEN).");

// Without a base URL, start a fake Buddy server on a free local port and use its token.
var fakeOptions = new BuddyFakeServerOptions();
await using BuddyFakeServer? fake = baseUrl is null ? await BuddyFakeServer.StartAsync(fakeOptions) : null;
Uri baseAddress = fake?.BaseAddress ?? new Uri(baseUrl!.TrimEnd('/') + "/"); // keeps a path such as https://HOST/api
token = fake is null ? token : fakeOptions.AccessToken;
Console.WriteLine(fake is null ? $"Using Buddy at {baseAddress}" : $"Using a fake Buddy server at {baseAddress}");

// The client comes from IHttpClientFactory (pooled handlers), with the runtime's built-in retry policy:
// idempotent requests are retried on 429/502/503/504; this POST is never sent twice.
var services = new ServiceCollection();
services.AddBuddyClient(options => // generated; calls the runtime's AddSchemaBindClient<BuddyClient>
{
    options.BaseAddress = baseAddress;
    options.AccessToken = token;
});
await using ServiceProvider provider = services.BuildServiceProvider();
BuddyClient client = provider.GetRequiredService<BuddyClient>();

// The example request from Buddy's "Run Docker container" documentation, typed.
var request = new RunDockerContainerActionRequest
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

try
{
    ApiResponse<PipelineAction> response = await client.AddActionWithResponseAsync(workspace, project, pipelineId, request);

    if (response.Value is RunDockerContainerAction action)
    {
        Console.WriteLine($"Created action {action.Id}: \"{action.Name}\" ({action.Type})");
        Console.WriteLine($"  url:          {action.Url}");
        Console.WriteLine($"  trigger time: {action.TriggerTime?.ToWireName()}");
        Console.WriteLine($"  status:       {action.LastExecutionStatus?.ToWireName()}");
        Console.WriteLine($"  image:        {action.DockerImageName}:{action.DockerImageTag}");
        Console.WriteLine($"  pipeline:     \"{action.Pipeline?.Name}\" (id {action.Pipeline?.Id})");
    }
    else if (response.Value is PipelineAction.Unknown unknown)
    {
        // A type the schema does not describe: its JSON is kept as it came.
        Console.WriteLine($"Created an action of a type this client does not know: {unknown.Type}");
    }
    else
    {
        Console.WriteLine($"Created an action of an unexpected kind: {response.Value.GetType().Name}");
    }

    var rate = response.RateLimit;
    Console.WriteLine($"Rate limit: {rate.Remaining} of {rate.Limit} requests left, resets at {rate.Reset:u}");
    return 0;
}
catch (RequestValidationException ex)
{
    // Thrown before anything is sent: the request breaks a rule of the schema.
    Console.Error.WriteLine("The request is invalid:");
    foreach (var error in ex.Errors)
    {
        Console.Error.WriteLine($"  {error.InstanceLocation} ({error.Keyword}): {error.Message}");
    }

    return 1;
}
catch (ApiTimeoutException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
catch (ApiConnectionException ex)
{
    Console.Error.WriteLine($"Could not reach {baseAddress}: {ex.Message}");
    return 1;
}
catch (ApiException ex)
{
    // Buddy answered with an error status and its { "errors": [ { "message": ... } ] } body.
    Console.Error.WriteLine($"Buddy answered {(int)ex.StatusCode}:");
    foreach (var message in ex.ErrorMessages)
    {
        Console.Error.WriteLine($"  {message}");
    }

    return 1;
}

static int Usage(string? problem)
{
    if (problem is not null) Console.Error.WriteLine(problem);
    Console.Error.WriteLine("Usage: Buddy.Demo [--base-url URL --token TOKEN] [--workspace NAME] [--project NAME] [--pipeline ID]");
    Console.Error.WriteLine("       (or set BUDDY_BASE_URL and BUDDY_TOKEN)");
    return problem is null ? 0 : 2;
}

static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
