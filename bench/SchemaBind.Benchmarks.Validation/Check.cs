using Buddy.Api;
using SchemaBind.Runtime;

namespace SchemaBind.Benchmarks.Validation;

/// <summary>Verdicts and error counts of every validator on every payload, and allocation of typed validation.</summary>
internal static class Check
{
    private static string Describe(NJsonSchema.Validation.ValidationError error) =>
        error.Path + " " + error.Kind + (error is NJsonSchema.Validation.ChildSchemaValidationError child
            ? " (" + string.Join(", ", child.Errors.SelectMany(e => e.Value.Take(3).Select(Describe))) + ")"
            : string.Empty);

    /// <summary>Bytes allocated by one call, after warming it up (reliable for a synchronous call on this thread).</summary>
    private static long Allocated(Action call)
    {
        for (int i = 0; i < 100; i++)
        {
            call();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            call();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
    }

    /// <summary>A plain loop of SchemaBind's JSON validator per payload: a quick look between changes, not a measurement.</summary>
    public static void Time()
    {
        foreach ((string name, string schema, string payload, int count) in new[]
        {
            ("seed request", Payloads.RequestSchema, Payloads.SeedRequest, 100_000),
            ("seed request, broken", Payloads.RequestSchema, Payloads.SeedRequestInvalid, 100_000),
            ("100 actions", Payloads.ActionsSchema, Payloads.Actions, 300),
            ("100 actions, broken", Payloads.ActionsSchema, Payloads.ActionsInvalid, 300),
        })
        {
            using var v = new Validators(schema, payload);
            double isValid = BestOfFive(() => v.SchemaBind.IsValid(v.Element), count);
            double validate = BestOfFive(() => v.SchemaBind.Validate(v.Element), count);
            Console.WriteLine($"{name}: {isValid:N0} ns per IsValid, {validate:N0} ns per Validate (CPU, best of 5 rounds)");
        }
    }

    /// <summary>
    /// The typed <c>Validate()</c> of the seed request, valid and broken, by the process's CPU time, best of 20 rounds:
    /// for A/B comparisons on a shared, loaded machine, where BenchmarkDotNet's wall-clock figures scatter by ±30%.
    /// </summary>
    public static void TimeTyped()
    {
        foreach ((string name, RunDockerContainerActionRequest request) in new[] { ("typed seed request", Payloads.TypedRequest()), ("typed seed request, broken", Payloads.TypedRequestInvalid()) })
        {
            double best = BestOf(() => request.Validate(), 200_000, 20);
            Console.WriteLine($"{name}: {best:N1} ns per Validate() (CPU, best of 20 rounds)");
        }
    }

    /// <summary>
    /// CPU time of the process per call rather than wall-clock time, best of five rounds: steadier on a shared,
    /// loaded machine.
    /// </summary>
    private static double BestOfFive(Action call, int count) => BestOf(call, count, 5);

    private static double BestOf(Action call, int count, int rounds)
    {
        for (int i = 0; i < count / 10; i++)
        {
            call();
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        double best = double.MaxValue;
        for (int round = 0; round < rounds; round++)
        {
            process.Refresh();
            TimeSpan cpu = process.TotalProcessorTime;
            for (int i = 0; i < count; i++)
            {
                call();
            }

            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - cpu).TotalMilliseconds * 1_000_000 / count);
        }

        return best;
    }

    public static void Run()
    {
        foreach ((string name, string schema, string payload) in new[]
        {
            ("seed request", Payloads.RequestSchema, Payloads.SeedRequest),
            ("seed request, broken", Payloads.RequestSchema, Payloads.SeedRequestInvalid),
            ("100 actions", Payloads.ActionsSchema, Payloads.Actions),
            ("100 actions, broken", Payloads.ActionsSchema, Payloads.ActionsInvalid),
        })
        {
            using var v = new Validators(schema, payload);
            IReadOnlyList<ValidationError> errors = v.SchemaBind.Validate(v.Element);
            Json.Schema.EvaluationResults list = v.JsonSchemaNet.Evaluate(v.Element, Validators.List);
            ICollection<NJsonSchema.Validation.ValidationError> nj = v.NJsonSchema.Validate(v.Token);
            Console.WriteLine($"{name} ({payload.Length:N0} chars):");
            Console.WriteLine($"  SchemaBind      valid={v.SchemaBind.IsValid(v.Element)} errors={errors.Count}: {string.Join("; ", errors)}");
            Console.WriteLine($"  SchemaBind      IsValid allocates {Allocated(() => v.SchemaBind.IsValid(v.Element))} B, Validate {Allocated(() => v.SchemaBind.Validate(v.Element))} B");
            Console.WriteLine($"  JsonSchema.Net  valid={v.JsonSchemaNet.Evaluate(v.Element, Validators.Flag).IsValid} (list: {list.IsValid}, {list.Details?.Count(d => d.Errors is not null) ?? 0} failing nodes)");
            Console.WriteLine($"  NJsonSchema     valid={nj.Count == 0} errors={nj.Count}: {string.Join("; ", nj.Take(3).Select(Describe))}");
        }

        foreach ((string name, RunDockerContainerActionRequest request) in new[] { ("typed seed request", Payloads.TypedRequest()), ("typed seed request, broken", Payloads.TypedRequestInvalid()) })
        {
            IReadOnlyList<ValidationError> errors = request.Validate();
            for (int i = 0; i < 1000; i++)
            {
                request.Validate();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                request.Validate();
            }

            long bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
            Console.WriteLine($"{name}: {errors.Count} errors ({string.Join("; ", errors)}), {bytes} B allocated per Validate()");
        }

        PipelineAction[] actions = ActionsTypedBenchmarks.ReadActions(Payloads.Actions);
        var context = new ValidationContext();
        foreach (PipelineAction action in actions)
        {
            action.Validate(context);
        }

        Console.WriteLine($"typed 100 actions: {context.ErrorCount} errors");
    }
}
