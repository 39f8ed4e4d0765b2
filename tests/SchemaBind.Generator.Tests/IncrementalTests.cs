using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SchemaBind.Generator.Tests;

/// <summary>In the IDE the generator runs on every keystroke: unrelated edits must cost nothing.</summary>
public sealed class IncrementalTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Widget",
          "type": "object",
          "properties": { "name": { "type": "string", "description": "The name." } }
        }
        """;

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace P { class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new SchemaFile("/p/widget.json", Schema, "P.Api"));
        driver = driver.RunGenerators(compilation);

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace P { class B { } }", GeneratorHarness.ParseOptions));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (string step in new[] { SchemaBindGenerator.StepNames.SchemaFiles, SchemaBindGenerator.StepNames.Parse, SchemaBindGenerator.StepNames.Api })
        {
            IncrementalGeneratorRunStep[] runs = result.TrackedSteps[step].ToArray();
            Assert.NotEmpty(runs);
            Assert.All(runs.SelectMany(static r => r.Outputs), o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                step + " re-ran: " + o.Reason));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static r => r.Outputs), static o =>
            Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_schema_reparses_only_that_file()
    {
        var widget = new SchemaFile("/p/widget.json", Schema, "P.Widgets");
        var gadget = new SchemaFile("/p/gadget.json", Schema.Replace("Widget", "Gadget", StringComparison.Ordinal), "P.Gadgets");
        AdditionalText widgetText = GeneratorHarness.ToAdditionalText(widget);
        AdditionalText gadgetText = GeneratorHarness.ToAdditionalText(gadget);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace P { class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { widgetText, gadgetText }, new[] { widget, gadget }).RunGenerators(compilation);

        // Only the gadget's description changes.
        var edited = gadget with { Text = gadget.Text.Replace("The name.", "The gadget's name.", StringComparison.Ordinal) };
        driver = driver.ReplaceAdditionalText(gadgetText, GeneratorHarness.ToAdditionalText(edited)).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var parses = result.TrackedSteps[SchemaBindGenerator.StepNames.Parse].Select(static p => p.Outputs.Single().Reason).ToList();
        Assert.Equal(2, parses.Count);
        Assert.Equal(1, parses.Count(static r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New));
        Assert.Equal(1, parses.Count(static r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("The gadget's name.", result.GeneratedSources.Single(static s => s.HintName == "P.Gadgets.Gadget.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }
}
