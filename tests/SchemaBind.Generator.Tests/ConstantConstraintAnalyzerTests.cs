using Microsoft.CodeAnalysis;
using SchemaBind.Generator.Analyzers;

namespace SchemaBind.Generator.Tests;

/// <summary>The analyzer that reports, in user code, constants the schema can never accept.</summary>
public sealed class ConstantConstraintAnalyzerTests
{
    private static readonly string BuddySchemaPath = GeneratorHarness.RepositoryFile("schema", "buddy", "pipeline-actions.openapi.json");

    private static IReadOnlyList<Diagnostic> Analyze(string userCode)
    {
        GeneratorResult result = GeneratorHarness.Run(
            GeneratorHarness.CreateCompilation(userCode),
            new SchemaFile(BuddySchemaPath, File.ReadAllText(BuddySchemaPath), "Buddy.Api", "BuddyClient"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics.Where(static d => !d.Id.StartsWith("CS1591", StringComparison.Ordinal)));
        return result.AnalyzerDiagnostics(new ConstantConstraintAnalyzer());
    }

    private static string Wrap(string body) => $$"""
        using Buddy.Api;
        namespace UserProject
        {
            /// <summary>User code.</summary>
            public static class Calls
            {
                /// <summary>A call.</summary>
                public static object Make(BuddyClient client)
                {
                    {{body}}
                }
            }
        }
        """;

    private static void AssertReported(string body, string literal, string reason)
    {
        string code = Wrap(body);
        Diagnostic d = Assert.Single(Analyze(code));
        Assert.Equal("SB1001", d.Id);
        Assert.Equal(literal, code.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        Assert.Contains(reason, d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_above_maximum_is_reported_at_the_literal() =>
        AssertReported("return new SleepActionRequest { Name = \"Wait\", SleepInSec = 5000 };", "5000", "'SleepInSec': it must be at most 1200 (maximum)");

    [Fact]
    public void A_negative_number_below_minimum_is_reported() =>
        AssertReported("return new SleepActionRequest { Name = \"Wait\", SleepInSec = -1 };", "-1", "at least 0");

    [Fact]
    public void An_empty_required_string_is_reported() =>
        AssertReported(
            "return new RunDockerContainerActionRequest { Name = \"n\", DockerImageName = \"ubuntu\", DockerImageTag = \"\", InlineCommands = \"ls\" };",
            "\"\"",
            "'DockerImageTag': it must be at least 1 character");

    [Fact]
    public void An_empty_path_parameter_is_reported() =>
        AssertReported(
            "return client.AddActionAsync(\"\", \"project\", 2, new SleepActionRequest { Name = \"n\", SleepInSec = 1 });",
            "\"\"",
            "'domain'");

    [Fact]
    public void Valid_constants_and_non_constants_are_not_reported()
    {
        string code = Wrap("""
            int seconds = System.Environment.TickCount;
            _ = new SleepActionRequest { Name = "Wait", SleepInSec = seconds };
            _ = new SleepActionRequest { Name = "Wait", SleepInSec = 1200 };
            _ = new SleepActionRequest { Name = "Wait", SleepInSec = 0 };
            return client.AddActionAsync("buddy", "company-website", 2, new RunDockerContainerActionRequest
            {
                Name = "Run container", DockerImageName = "library/ubuntu", DockerImageTag = "latest", InlineCommands = "ls -al",
                VolumeMappings = ["/:/buddy/mount/directory"], DockerBuildActionId = 0,
            });
            """);
        Assert.Empty(Analyze(code));
    }

    [Fact]
    public void Members_of_types_not_generated_by_SchemaBind_are_left_alone()
    {
        string code = """
            namespace UserProject
            {
                /// <summary>Not generated.</summary>
                public sealed class Own
                {
                    /// <summary>A value.</summary>
                    [System.ComponentModel.DataAnnotations.Range(0, 10)]
                    public int Value { get; set; }

                    /// <summary>Makes one.</summary>
                    public static Own Make() => new Own { Value = 99 };
                }
            }
            """;
        Assert.Empty(Analyze(code));
    }
}
