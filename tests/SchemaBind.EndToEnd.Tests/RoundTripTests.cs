using System.Text.Json;
using System.Text.Json.Nodes;
using Buddy.Api;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>ToJson/FromJson and System.Text.Json with every field of the generated types.</summary>
public sealed class RoundTripTests
{
    /// <summary>A RUN_DOCKER_CONTAINER request with every one of its 28 properties set (type included, automatically).</summary>
    private static RunDockerContainerActionRequest EveryField() => new()
    {
        Name = "Run container",
        TriggerTime = TriggerTime.OnBackToSuccess,
        Variables = [new Variable { Key = "containerUser", Value = "notRoot" }, new Variable { Key = "empty", Value = "" }],
        DockerImageName = "library/ubuntu",
        DockerImageTag = "24.04",
        InlineCommands = "ls -al > ls.log\necho \"done\" \u00e9\u20ac",
        RunAsUser = "$containerUser",
        MountFilesystemDisable = true,
        VolumeMappings = ["/:/buddy/mount/directory", "/cache:/root/.cache"],
        Login = "registry-user",
        Password = "registry-pass",
        Registry = "gcr.io",
        ExportContainerPath = "/exportPath",
        Integration = new Integration { HashId = "5ddb7c180fb38be67bd78a88a" },
        Region = "eu-central-1",
        UseImageFromAction = false,
        DockerBuildActionId = 9_007_199_254_740_993, // above 2^53: must not pass through a double
        DockerBuildActionName = "Build image",
        Entrypoint = "/bin/sh",
        TriggerConditions =
        [
            new TriggerCondition
            {
                TriggerConditionValue = "DATETIME",
                TriggerConditionPaths = ["src/", "docs/"],
                TriggerVariableKey = "ENV",
                TriggerVariableValue = "prod",
                TriggerHours = [0, 23],
                TriggerDays = [1, 7],
                Timezone = "Europe/Warsaw",
                TriggerProjectName = "company-website",
                TriggerPipelineName = "Live mirror",
                TriggerUser = "jane@example.com",
                TriggerGroup = "devs",
            },
        ],
        AfterActionId = 0,
        Timeout = int.MaxValue,
        Disabled = false,
        IgnoreErrors = true,
        RetryCount = 3,
        RetryInterval = 60,
        RunOnlyOnFirstFailure = false,
    };

    [Fact]
    public void Every_field_of_a_request_round_trips()
    {
        RunDockerContainerActionRequest request = EveryField();
        string json = request.ToJson();
        JsonObject written = JsonNode.Parse(json)!.AsObject();

        Assert.Equal(28, written.Count);
        Assert.Equal("RUN_DOCKER_CONTAINER", (string?)written["type"]);
        Assert.Equal("ON_BACK_TO_SUCCESS", (string?)written["trigger_time"]);
        Assert.Equal("9007199254740993", written["docker_build_action_id"]!.ToJsonString());
        Assert.Equal("registry-pass", (string?)written["password"]);
        Assert.Equal(11, written["trigger_conditions"]![0]!.AsObject().Count);

        var back = Assert.IsType<RunDockerContainerActionRequest>(ActionRequest.FromJson(json));
        Assert.Equal(json, back.ToJson());
        Assert.Equal(request.InlineCommands, back.InlineCommands);
        Assert.Equal(request.DockerBuildActionId, back.DockerBuildActionId);
        Assert.Equal(request.TriggerTime, back.TriggerTime);
        Assert.Equal(request.Password, back.Password);
        Assert.Equal(request.MountFilesystemDisable, back.MountFilesystemDisable);
        Assert.Equal(request.Variables, back.Variables); // records compare by value item by item
        Assert.Equal(request.TriggerConditions![0].TriggerHours, back.TriggerConditions![0].TriggerHours);
        Assert.Equal(request.Integration, back.Integration);
    }

    [Fact]
    public void Unset_optional_fields_are_left_out_not_written_as_null()
    {
        JsonObject written = JsonNode.Parse(new SleepActionRequest { Name = "Wait", SleepInSec = 0 }.ToJson())!.AsObject();

        Assert.Equal(["name", "sleep_in_sec", "type"], written.Select(static p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(0, (int?)written["sleep_in_sec"]);
    }

    public static TheoryData<ActionRequest> OneOfEachType() =>
    [
        EveryField(),
        new SleepActionRequest { Name = "Wait", SleepInSec = 1200, Timeout = 5 },
        new HttpActionRequest
        {
            Name = "Ping", NotificationUrl = "https://example.com/hook?x=1&y=2", Method = HttpRequestMethod.Patch, Port = 8443,
            Content = "{\"a\":1}", Headers = [new HttpHeader { Name = "X-Id", Value = "7" }], Login = "u", Password = "p",
        },
        new SshCommandActionRequest
        {
            Name = "Deploy", Host = "h", Port = 2222, Login = "l", AuthenticationMode = SshAuthenticationMode.PrivateKeyAndPass,
            Commands = ["a", "b"], Password = "p", WorkingDirectory = "/srv", Shell = Shell.Bash, RunAsScript = true,
        },
        new SlackActionRequest { Name = "Notify", Channel = "#c", Integration = new Integration { HashId = "x" }, Content = "done" },
        new RunNextPipelineActionRequest
        {
            Name = "Next", NextPipeline = new PipelineReference { Id = 42 }, Revision = PipelineRevision.Head, Wait = true,
            Priority = ExecutionPriority.Low, Comment = "chained",
        },
        new SftpActionRequest { Name = "Upload", Disabled = true },
        new BuildActionRequest
        {
            Name = "Build", DockerImageName = "node", DockerImageTag = "22", ExecuteCommands = ["npm ci", "npm test"],
            SetupCommands = ["apt-get update"], CachedDirs = ["/root/.npm"], WorkingDirectory = "/app", Shell = Shell.Sh,
            Services = [new ServiceSettings { Type = "MYSQL", Version = "8.0" }], RunAsUser = "node",
        },
    ];

    [Theory]
    [MemberData(nameof(OneOfEachType))]
    public void The_union_reads_back_the_same_case_with_the_same_json(ActionRequest request)
    {
        string json = request.ToJson();

        ActionRequest back = ActionRequest.FromJson(json);
        Assert.Equal(request.GetType(), back.GetType());
        Assert.Equal(request.Type, (string?)JsonNode.Parse(json)!["type"]);
        Assert.Equal(json, back.ToJson());

        ActionRequest viaStj = JsonSerializer.Deserialize<ActionRequest>(JsonSerializer.Serialize(request))!;
        Assert.Equal(json, viaStj.ToJson());
    }

    [Fact]
    public void The_discriminator_cannot_be_set_and_comes_first()
    {
        var request = new SleepActionRequest { Name = "Wait", SleepInSec = 1 };

        Assert.Null(typeof(SleepActionRequest).GetProperty(nameof(SleepActionRequest.Type))!.SetMethod);
        Assert.StartsWith("""{"type":"SLEEP",""", request.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_read_directly_checks_its_discriminator()
    {
        const string dockerFields = """ "name": "Run", "docker_image_name": "a", "docker_image_tag": "b", "inline_commands": "c" """;

        Assert.IsType<RunDockerContainerActionRequest>(RunDockerContainerActionRequest.FromJson("""{ "type": "RUN_DOCKER_CONTAINER", """ + dockerFields + "}"));
        Assert.ThrowsAny<JsonException>(() => RunDockerContainerActionRequest.FromJson("""{ "type": "SLEEP", """ + dockerFields + "}"));
        Assert.ThrowsAny<JsonException>(() => RunDockerContainerActionRequest.FromJson("""{ "type": "RUN_DOCKER", """ + dockerFields + "}"));
        Assert.ThrowsAny<JsonException>(() => RunDockerContainerActionRequest.FromJson("{" + dockerFields + "}"));
        Assert.ThrowsAny<JsonException>(() => SleepAction.FromJson(Seed.ResponseBody));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SleepAction>(Seed.ResponseBody));
    }

    [Fact]
    public void A_case_read_directly_still_needs_its_own_required_fields()
    {
        Assert.ThrowsAny<JsonException>(() => RunDockerContainerActionRequest.FromJson("""{ "type": "SLEEP", "name": "Wait", "sleep_in_sec": 1 }"""));
        Assert.ThrowsAny<JsonException>(() => SleepActionRequest.FromJson("""{ "type": "SLEEP", "name": "Wait" }"""));
    }

    [Theory]
    [InlineData("""{ "type": "SLEEP", "name": "Wait", "sleep_in_sec": 3000000000 }""")] // int32 overflow
    [InlineData("""{ "type": "SLEEP", "name": "Wait", "sleep_in_sec": 1.5 }""")]
    [InlineData("""{ "type": "SLEEP", "name": null, "sleep_in_sec": 1 }""")]
    [InlineData("""{ "type": "SLEEP", "name": "Wait", "sleep_in_sec": 1, "trigger_time": 5 }""")]
    [InlineData("""{ "type": "SLEEP", "name": "Wait", "sleep_in_sec": 1, "variables": [ { "key": "k" } ] }""")]
    [InlineData("""{ "type": "SLEEP", "name": "Wait", "sleep_in_sec": 1 """)]
    [InlineData("""{ "type": "SLEEP", "name": "Wait", "sleep_in_sec": 1 } trailing""")]
    [InlineData("""{ "type": 5, "name": "Wait", "sleep_in_sec": 1 }""")]
    public void Json_that_does_not_fit_the_type_is_a_JsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ActionRequest.FromJson(json));
    }

    [Fact]
    public void The_seed_response_round_trips_through_the_response_union()
    {
        PipelineAction action = PipelineAction.FromJson(Seed.ResponseBody);

        Assert.IsType<RunDockerContainerAction>(action);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Seed.ResponseBody), JsonNode.Parse(action.ToJson())), action.ToJson());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Seed.ResponseBody), JsonNode.Parse(JsonSerializer.Serialize(action))));
    }

    [Fact]
    public void System_Text_Json_uses_the_wire_names_whatever_the_options_say()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
            WriteIndented = true,
        };
        RunDockerContainerActionRequest request = Seed.Request();

        string json = JsonSerializer.Serialize<ActionRequest>(request, options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Seed.RequestBody), JsonNode.Parse(json)), json);
        Assert.Equal(request.ToJson(), JsonSerializer.Deserialize<ActionRequest>(json, options)!.ToJson());
    }

    [Fact]
    public void Generated_types_nest_inside_user_types_with_System_Text_Json()
    {
        var envelope = new Envelope([Seed.Request(), new SleepActionRequest { Name = "Wait", SleepInSec = 2 }], TriggerTime.OnTerminate);

        string json = JsonSerializer.Serialize(envelope);
        Envelope back = JsonSerializer.Deserialize<Envelope>(json)!;

        Assert.Equal("ON_TERMINATE", (string?)JsonNode.Parse(json)!["When"]);
        Assert.Equal(["RUN_DOCKER_CONTAINER", "SLEEP"], back.Actions.Select(static a => a.Type));
        Assert.Equal(Seed.Request().ToJson(), back.Actions[0].ToJson());
        Assert.Equal(TriggerTime.OnTerminate, back.When);
    }

    [Fact]
    public void Records_compare_by_value_including_their_lists()
    {
        Assert.Equal(Seed.Request(), Seed.Request());
        Assert.NotEqual(Seed.Request(), Seed.Request() with { VolumeMappings = ["/x:/y"] });
        Assert.Equal(Seed.Request().GetHashCode(), Seed.Request().GetHashCode());
    }

    [Fact]
    public void Every_kind_of_member_takes_part_in_equality()
    {
        // One member changed at a time, of each kind the generated Equals compares with ==: a string
        // (ordinal), a nullable boolean, an integer, an enum and a nested record; and one set to null.
        RunDockerContainerActionRequest seed = Seed.Request();
        RunDockerContainerActionRequest[] changed =
        [
            seed with { Name = "Run Container" },
            seed with { MountFilesystemDisable = true },
            seed with { MountFilesystemDisable = null },
            seed with { Timeout = 60 },
            seed with { TriggerTime = TriggerTime.OnTerminate },
            seed with { Integration = new Integration { HashId = "another" } },
            seed with { Entrypoint = null },
        ];
        foreach (RunDockerContainerActionRequest other in changed)
        {
            Assert.NotEqual(seed, other);
            Assert.False(seed == other);
        }

        // Equal values built apart (a new string instance, a new nested record) are equal.
        RunDockerContainerActionRequest copy = RunDockerContainerActionRequest.FromJson(seed.ToJson()) with
        {
            Name = new string("Run container".ToCharArray()),
            Integration = new Integration { HashId = "5ddb7c180fb38be67bd78a88a" },
        };
        Assert.Equal(seed, copy);
        Assert.Equal(seed.GetHashCode(), copy.GetHashCode());
    }

    [Fact]
    public void Fields_that_additionalProperties_allows_survive_a_round_trip()
    {
        const string json = """{"type":"MYSQL","version":"8.0","persistent":true,"login":"root"}""";

        ServiceSettings settings = ServiceSettings.FromJson(json);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(settings.ToJson())), settings.ToJson());
        Assert.Equal(["persistent", "login"], settings.AdditionalProperties!.Keys);
        Assert.Equal("root", settings.AdditionalProperties["login"].GetString());
        Assert.Equal(settings, ServiceSettings.FromJson("""{"login":"root","version":"8.0","type":"MYSQL","persistent":true}"""));
        Assert.NotEqual(settings, ServiceSettings.FromJson("""{"type":"MYSQL","version":"8.0","persistent":false,"login":"root"}"""));

        // A key that names a declared property is written once, from the property.
        var shadowed = new ServiceSettings { Type = "REDIS", AdditionalProperties = new Dictionary<string, JsonElement> { ["type"] = JsonDocument.Parse("\"MYSQL\"").RootElement } };
        Assert.Equal("""{"type":"REDIS"}""", shadowed.ToJson());

        const string sftp = """{"type":"SFTP","name":"Upload","host":"files.example.com","port":22,"remote_path":"/srv"}""";
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sftp), JsonNode.Parse(ActionRequest.FromJson(sftp).ToJson())));
    }

    public sealed record Envelope(IReadOnlyList<ActionRequest> Actions, TriggerTime When);
}
