using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Buddy.Api;
using SchemaBind.Runtime;

namespace SchemaBind.Benchmarks.Validation;

/// <summary>
/// The seed's RUN_DOCKER_CONTAINER request, valid and broken three ways, through every validator. Every
/// validator gets its input already parsed (JsonElement, JToken, or the generated object): parsing is not timed.
/// </summary>
[MemoryDiagnoser]
public class RequestBenchmarks
{
    private Validators _v = null!;
    private RunDockerContainerActionRequest _typed = null!;

    [Params("valid", "invalid")]
    public string Payload { get; set; } = "valid";

    [GlobalSetup]
    public void Setup()
    {
        bool valid = Payload == "valid";
        _v = new Validators(Payloads.RequestSchema, valid ? Payloads.SeedRequest : Payloads.SeedRequestInvalid);
        _typed = valid ? Payloads.TypedRequest() : Payloads.TypedRequestInvalid();
    }

    [GlobalCleanup]
    public void Cleanup() => _v.Dispose();

    [Benchmark(Description = "SchemaBind typed Validate()")]
    public int SchemaBindTyped() => _typed.Validate().Count;

    [Benchmark(Description = "SchemaBind JSON IsValid")]
    public bool SchemaBindJsonIsValid() => RunDockerContainerActionRequest.JsonSchema.IsValid(_v.Element);

    [Benchmark(Description = "SchemaBind JSON ValidateJson (all errors)")]
    public int SchemaBindJsonErrors() => RunDockerContainerActionRequest.ValidateJson(_v.Element).Count;

    [Benchmark(Baseline = true, Description = "JsonSchema.Net Flag")]
    public bool JsonSchemaNetFlag() => _v.JsonSchemaNet.Evaluate(_v.Element, Validators.Flag).IsValid;

    [Benchmark(Description = "JsonSchema.Net List (all errors)")]
    public bool JsonSchemaNetList() => _v.JsonSchemaNet.Evaluate(_v.Element, Validators.List).IsValid;

    [Benchmark(Description = "NJsonSchema (all errors)")]
    public int NJsonSchema() => _v.NJsonSchema.Validate(_v.Token).Count;
}

/// <summary>
/// The larger document: an array of 100 pipeline actions (about 80 KB), valid and with two broken items.
/// Each item goes through PipelineAction's oneOf of eight action schemas.
/// </summary>
[MemoryDiagnoser]
public class ActionsBenchmarks
{
    private Validators _v = null!;

    [Params("valid", "invalid")]
    public string Payload { get; set; } = "valid";

    [GlobalSetup]
    public void Setup() => _v = new Validators(Payloads.ActionsSchema, Payload == "valid" ? Payloads.Actions : Payloads.ActionsInvalid);

    [GlobalCleanup]
    public void Cleanup() => _v.Dispose();

    [Benchmark(Description = "SchemaBind JSON IsValid")]
    public bool SchemaBindJsonIsValid() => _v.SchemaBind.IsValid(_v.Element);

    [Benchmark(Description = "SchemaBind JSON Validate (all errors)")]
    public int SchemaBindJsonErrors() => _v.SchemaBind.Validate(_v.Element).Count;

    [Benchmark(Baseline = true, Description = "JsonSchema.Net Flag")]
    public bool JsonSchemaNetFlag() => _v.JsonSchemaNet.Evaluate(_v.Element, Validators.Flag).IsValid;

    [Benchmark(Description = "JsonSchema.Net List (all errors)")]
    public bool JsonSchemaNetList() => _v.JsonSchemaNet.Evaluate(_v.Element, Validators.List).IsValid;

    [Benchmark(Description = "NJsonSchema (all errors)")]
    public int NJsonSchema() => _v.NJsonSchema.Validate(_v.Token).Count;
}

/// <summary>
/// Typed validation of the larger document: the 100 actions read into generated objects once, then each one's
/// Validate(context) into one context. (The broken variant cannot be typed: a string ID does not read into a long.)
/// </summary>
[MemoryDiagnoser]
public class ActionsTypedBenchmarks
{
    private PipelineAction[] _actions = null!;

    [GlobalSetup]
    public void Setup() => _actions = ReadActions(Payloads.Actions);

    [Benchmark(Description = "SchemaBind typed Validate(context), 100 actions")]
    public int SchemaBindTyped()
    {
        ValidationContext context = ValidationContext.Rent();
        foreach (PipelineAction action in _actions)
        {
            action.Validate(context);
        }

        return ValidationContext.Return(context).Count;
    }

    internal static PipelineAction[] ReadActions(string json)
    {
        var list = new List<PipelineAction>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(PipelineAction.ReadJson(ref reader));
        }

        return list.ToArray();
    }
}
