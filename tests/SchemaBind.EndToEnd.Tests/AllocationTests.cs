using System.Text.Json;
using Buddy.Api;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// What validating a valid value allocates, measured with GC.GetAllocatedBytesForCurrentThread (exact for
/// synchronous work on this thread) after a warm-up. Speed is measured in bench/, never here.
/// </summary>
public sealed class AllocationTests
{
    private static long AllocatedPerCall(Action call)
    {
        for (int i = 0; i < 5; i++)
        {
            call();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            call();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 20;
    }

    private static SleepActionRequest Sleep() => new()
    {
        Name = "Wait",
        SleepInSec = 5,
        Variables = [new Variable { Key = "a", Value = "1" }, new Variable { Key = "b", Value = "2" }],
    };

    [Fact]
    public void Typed_validation_of_a_valid_request_allocates_nothing()
    {
        SleepActionRequest request = Sleep();
        Assert.Empty(request.Validate());
        Assert.Equal(0, AllocatedPerCall(() => request.Validate()));
    }

    [Fact]
    public void Typed_validation_of_the_valid_seed_request_allocates_nothing()
    {
        // Its rules (dependentRequired, if/then with a pattern, a const and anyOf) are typed code: no JSON form.
        RunDockerContainerActionRequest request = Seed.Request();
        Assert.Empty(request.Validate());
        Assert.Equal(0, AllocatedPerCall(() => request.Validate()));
    }

    [Fact]
    public void Json_validation_of_the_valid_seed_request_allocates_nothing()
    {
        using JsonDocument document = JsonDocument.Parse(Seed.RequestBody);
        JsonElement json = document.RootElement;
        Assert.True(RunDockerContainerActionRequest.JsonSchema.IsValid(json));
        Assert.Empty(RunDockerContainerActionRequest.ValidateJson(json));
        Assert.Equal(0, AllocatedPerCall(() => RunDockerContainerActionRequest.JsonSchema.IsValid(json)));
        Assert.Equal(0, AllocatedPerCall(() => RunDockerContainerActionRequest.ValidateJson(json)));
    }

    [Fact]
    public void Json_validation_of_a_valid_response_allocates_nothing()
    {
        using JsonDocument document = JsonDocument.Parse(Seed.ResponseBody);
        Assert.Empty(PipelineAction.ValidateJson(document.RootElement));
        Assert.Equal(0, AllocatedPerCall(() => PipelineAction.ValidateJson(document.RootElement)));
    }

    [Fact]
    public void Errors_returned_by_one_validation_are_not_touched_by_the_next()
    {
        // The context behind Validate() is reused from call to call; the errors it hands over are the caller's.
        SleepActionRequest broken = Sleep() with { Variables = [new Variable { Key = "a", Value = "1" }, new Variable { Key = null!, Value = "2" }] };
        IReadOnlyList<ValidationError> first = broken.Validate();
        Assert.Empty(Sleep().Validate());
        IReadOnlyList<ValidationError> second = (Sleep() with { Name = null! }).Validate();

        ValidationError error = Assert.Single(first);
        Assert.Equal(("/variables/1", "required"), (error.InstanceLocation, error.Keyword));
        Assert.Equal(("", "required"), (Assert.Single(second).InstanceLocation, second[0].Keyword));
    }

    [Fact]
    public void A_validation_inside_a_validation_gets_its_own_context()
    {
        ValidationContext outer = ValidationContext.Rent();
        outer.Push("outer");
        ValidationContext inner = ValidationContext.Rent();
        Assert.NotSame(outer, inner);
        inner.AddError("x", "inner error");
        Assert.Equal("", Assert.Single(ValidationContext.Return(inner)).InstanceLocation);
        outer.Push(3);
        outer.AddError("y", "outer error");
        Assert.Equal("/outer/3", Assert.Single(ValidationContext.Return(outer)).InstanceLocation);
    }
}
