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

    [Theory]
    [InlineData("add")]
    [InlineData("edit")]
    [InlineData("remove")]
    public void Adding_editing_or_removing_an_unrelated_csharp_file_re_emits_nothing(string change)
    {
        SyntaxTree program = CSharpSyntaxTree.ParseText("namespace P { class A { } }", GeneratorHarness.ParseOptions);
        SyntaxTree other = CSharpSyntaxTree.ParseText("namespace P { class B { } }", GeneratorHarness.ParseOptions);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation().AddSyntaxTrees(program, other);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(
            new SchemaFile("/p/widget.json", Schema, "P.Api"),
            new SchemaFile(BuddyPath, File.ReadAllText(BuddyPath), "Buddy.Api", "BuddyClient"));
        driver = driver.RunGenerators(compilation);
        var before = Sources(driver);

        CSharpCompilation edited = change switch
        {
            "add" => compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace P { class C { } }", GeneratorHarness.ParseOptions)),
            "edit" => compilation.ReplaceSyntaxTree(other, CSharpSyntaxTree.ParseText("namespace P { class B { int _x; } }", GeneratorHarness.ParseOptions)),
            _ => compilation.RemoveSyntaxTrees(other),
        };
        driver = driver.RunGenerators(edited);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        AssertNothingRan(result);
        Assert.Equal(before, Sources(driver));
    }

    [Fact]
    public void Editing_one_description_changes_only_the_outputs_that_contain_it()
    {
        const string Description = "The actions on this page, in pipeline order.";
        var buddy = new SchemaFile(BuddyPath, File.ReadAllText(BuddyPath), "Buddy.Api", "BuddyClient");
        var widget = new SchemaFile("/p/widget.json", Schema, "P.Widgets");
        Assert.Equal(1, CountOf(buddy.Text, Description));
        AdditionalText buddyText = GeneratorHarness.ToAdditionalText(buddy);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace P { class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { buddyText, GeneratorHarness.ToAdditionalText(widget) }, new[] { buddy, widget })
            .RunGenerators(compilation);
        var before = Sources(driver);

        var edited = buddy with { Text = buddy.Text.Replace(Description, "The actions of this page, in the order of the pipeline.", StringComparison.Ordinal) };
        driver = driver.ReplaceAdditionalText(buddyText, GeneratorHarness.ToAdditionalText(edited)).RunGenerators(compilation);
        var after = Sources(driver);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        // Only the Buddy file is parsed again; the widget's steps come from the cache.
        AssertReasonsByFile(result, changedFile: BuddyPath);

        // The same files are generated, and exactly those whose text held the description differ:
        // the type that owns it and the embedded schema document.
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        var changed = before.Keys.Where(k => before[k] != after[k]).Order(StringComparer.Ordinal).ToList();
        var holders = before.Where(static s => s.Value.Contains(Description, StringComparison.Ordinal)).Select(static s => s.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "Buddy.Api.ActionList.g.cs", "Buddy.Api.PipelineActionsJsonSchema.g.cs" }, holders);
        Assert.Equal(holders, changed);
    }

    [Fact]
    public void Changing_one_files_namespace_metadata_re_runs_only_that_file()
    {
        var widget = new SchemaFile("/p/widget.json", Schema, "P.Widgets");
        var gadget = new SchemaFile("/p/gadget.json", Schema.Replace("Widget", "Gadget", StringComparison.Ordinal), "P.Gadgets");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace P { class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(widget, gadget).RunGenerators(compilation);
        var before = Sources(driver);

        driver = driver.WithUpdatedAnalyzerConfigOptions(GeneratorHarness.Options(new[] { widget, gadget with { Namespace = "P.Renamed" } })).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        var after = Sources(driver);

        AssertReasonsByFile(result, changedFile: "/p/gadget.json");
        Assert.Equal(before["P.Widgets.Widget.g.cs"], after["P.Widgets.Widget.g.cs"]);
        Assert.DoesNotContain("P.Gadgets.Gadget.g.cs", after.Keys);
        Assert.Contains("namespace P.Renamed", after["P.Renamed.Gadget.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_one_files_client_name_metadata_changes_only_its_client()
    {
        var buddy = new SchemaFile(BuddyPath, File.ReadAllText(BuddyPath), "Buddy.Api", "BuddyClient");
        var widget = new SchemaFile("/p/widget.json", Schema, "P.Widgets");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace P { class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(buddy, widget).RunGenerators(compilation);
        var before = Sources(driver);

        driver = driver.WithUpdatedAnalyzerConfigOptions(GeneratorHarness.Options(new[] { buddy with { ClientName = "PipelineActionsClient" }, widget })).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        var after = Sources(driver);

        AssertReasonsByFile(result, changedFile: BuddyPath);
        // Every type keeps its text; only the client file is renamed (and its class with it).
        Assert.Equal(new[] { "Buddy.Api.BuddyClient.g.cs" }, before.Keys.Except(after.Keys));
        Assert.Equal(new[] { "Buddy.Api.PipelineActionsClient.g.cs" }, after.Keys.Except(before.Keys));
        Assert.All(before.Keys.Intersect(after.Keys), k => Assert.True(before[k] == after[k], k + " changed"));
    }

    private static readonly string BuddyPath = GeneratorHarness.RepositoryFile("schema", "buddy", "pipeline-actions.openapi.json");

    /// <summary>Every generated file by hint name, as text.</summary>
    private static Dictionary<string, string> Sources(GeneratorDriver driver) =>
        driver.GetRunResult().Results.SelectMany(static r => r.GeneratedSources).ToDictionary(static s => s.HintName, static s => s.SourceText.ToString(), StringComparer.Ordinal);

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    /// <summary>Every named step and every output step came from the cache.</summary>
    internal static void AssertNothingRan(GeneratorRunResult result)
    {
        foreach (string step in new[] { SchemaBindGenerator.StepNames.SchemaFiles, SchemaBindGenerator.StepNames.Parse, SchemaBindGenerator.StepNames.Api, SchemaBindGenerator.StepNames.Diagnostics })
        {
            IncrementalGeneratorRunStep[] runs = result.TrackedSteps[step].ToArray();
            Assert.NotEmpty(runs);
            Assert.All(runs.SelectMany(static r => r.Outputs), o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                step + " re-ran: " + o.Reason));
        }

        Assert.NotEmpty(result.TrackedOutputSteps);
        Assert.All(result.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static r => r.Outputs), static o =>
            Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    /// <summary>The parse of <paramref name="changedFile"/> re-ran; the parse of every other file came from the cache.</summary>
    private static void AssertReasonsByFile(GeneratorRunResult result, string changedFile)
    {
        var parses = result.TrackedSteps[SchemaBindGenerator.StepNames.Parse].ToList();
        Assert.True(parses.Count >= 2);
        foreach (IncrementalGeneratorRunStep parse in parses)
        {
            // The parse step's input is the SchemaFiles step's output for the same file.
            (IncrementalGeneratorRunStep source, int index) = parse.Inputs.Single();
            string path = ((SchemaBind.Generator.Model.SchemaFileInput)source.Outputs[index].Value).Path;
            IncrementalStepRunReason reason = parse.Outputs.Single().Reason;
            if (path == changedFile)
            {
                Assert.Equal(IncrementalStepRunReason.Modified, reason);
            }
            else
            {
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, path + " was parsed again: " + reason);
            }
        }
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

    [Fact]
    public void Changing_the_root_namespace_reparses_only_files_that_depend_on_it()
    {
        var pinned = new SchemaFile("/p/widget.json", Schema, "Pinned.Api");
        var defaulted = new SchemaFile("/p/gadget.json", Schema.Replace("Widget", "Gadget", StringComparison.Ordinal));
        var files = new[] { pinned, defaulted };
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace P { class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        driver = driver.WithUpdatedAnalyzerConfigOptions(GeneratorHarness.Options(files, rootNamespace: "Renamed")).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var parses = result.TrackedSteps[SchemaBindGenerator.StepNames.Parse].Select(static p => p.Outputs.Single()).ToList();
        Assert.Contains(parses, static o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains(parses, static o => o.Reason is IncrementalStepRunReason.Modified);
        Assert.Contains(result.GeneratedSources, static s => s.HintName == "Renamed.Gadget.Gadget.g.cs");
        Assert.Contains(result.GeneratedSources, static s => s.HintName == "Pinned.Api.Widget.g.cs");
    }

    /// <summary>
    /// Walks every object the pipeline caches and fails on anything that would defeat caching or
    /// keep a compilation alive: Roslyn symbols, syntax, compilations, locations, mutable collections.
    /// </summary>
    [Fact]
    public void Pipeline_models_hold_only_equatable_immutable_data()
    {
        string buddy = GeneratorHarness.RepositoryFile("schema", "buddy", "pipeline-actions.openapi.json");
        var files = new[]
        {
            new SchemaFile(buddy, File.ReadAllText(buddy), "Buddy.Api", "BuddyClient"),
            new SchemaFile("/p/broken.json", "{ \"openapi\": \"3.1.0\", \"components\": { \"schemas\": { \"A\": { \"properties\": { \"b\": { \"$ref\": \"#/nowhere\" } } } } } }", "Broken"),
        };
        GeneratorDriver driver = GeneratorHarness.CreateDriver(files).RunGenerators(GeneratorHarness.CreateCompilation("class A { }"));
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        int walked = 0;
        foreach (string step in new[] { SchemaBindGenerator.StepNames.SchemaFiles, SchemaBindGenerator.StepNames.Parse, SchemaBindGenerator.StepNames.Api, SchemaBindGenerator.StepNames.Diagnostics })
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(static r => r.Outputs))
            {
                walked += ModelWalker.Walk(output.Value, step);
            }
        }

        Assert.True(walked > 500, "The walk visited only " + walked + " objects; it is not reaching the model.");
    }

    private static class ModelWalker
    {
        private static readonly Type[] Forbidden =
        {
            typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(Location), typeof(SemanticModel),
            typeof(AdditionalText),
        };

        public static int Walk(object? value, string path)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
            {
                return 1;
            }

            Type type = value.GetType();
            Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), path + " holds a " + type.FullName);
            if (type.Namespace == "Microsoft.CodeAnalysis.Text" && type.IsValueType)
            {
                return 1; // TextSpan, LinePositionSpan: equatable values
            }

            Assert.True(
                type.Namespace?.StartsWith("SchemaBind.Generator", StringComparison.Ordinal) == true,
                path + " holds a " + type.FullName + ", which is not part of the generator's model");
            Assert.False(type.IsArray, path + " holds a mutable array " + type.FullName);
            Assert.False(
                type.GetInterfaces().Any(static i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>)),
                path + " holds a mutable collection " + type.FullName);

            int count = 1;
            if (type.IsGenericType && type.GetGenericTypeDefinition().Name.StartsWith("EquatableArray", StringComparison.Ordinal))
            {
                int index = 0;
                foreach (object? item in (System.Collections.IEnumerable)value)
                {
                    count += Walk(item, path + "[" + index++ + "]");
                }

                return count;
            }

            foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
                {
                    count += Walk(property.GetValue(value), path + "." + property.Name);
                }
            }

            return count;
        }
    }

    [Fact]
    public void Editing_one_description_re_emits_only_that_type_and_the_document()
    {
        const string description = "The time to wait, in seconds (0 to 1200).";
        GeneratorRunResult result = RunBuddyAgainAfter(text =>
        {
            Assert.Contains(description, text, StringComparison.Ordinal);
            return text.Replace(description, "How long to wait, in seconds (0 to 1200).", StringComparison.Ordinal);
        });

        var files = result.TrackedSteps[SchemaBindGenerator.StepNames.Files].SelectMany(static s => s.Outputs).ToList();
        Assert.True(files.Count > 40, "the Buddy API has " + files.Count + " generated files");
        var outputs = result.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static r => r.Outputs).ToList();
        int modified = outputs.Count(static o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Equal(4, modified); // SleepActionRequest, SleepAction and SleepActionPatch carry it, and the embedded document
        Assert.True(outputs.Count(static o => o.Reason == IncrementalStepRunReason.Cached) > 30);
    }

    [Fact]
    public void Reformatting_a_schema_file_re_emits_nothing()
    {
        // JSON strings hold no raw line break: this changes only the whitespace between tokens.
        GeneratorRunResult result = RunBuddyAgainAfter(static text => text.Replace("\n", "\r\n\t", StringComparison.Ordinal));

        Assert.Contains(result.TrackedSteps[SchemaBindGenerator.StepNames.Parse].SelectMany(static s => s.Outputs), static o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(result.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static r => r.Outputs), static o =>
            Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "an output re-ran: " + o.Reason));
    }

    /// <summary>Runs the generator on the Buddy schema, then again with its text edited; the second run's result.</summary>
    private static GeneratorRunResult RunBuddyAgainAfter(Func<string, string> edit)
    {
        string buddy = GeneratorHarness.RepositoryFile("schema", "buddy", "pipeline-actions.openapi.json");
        var file = new SchemaFile(buddy, File.ReadAllText(buddy), "Buddy.Api", "BuddyClient");
        AdditionalText original = GeneratorHarness.ToAdditionalText(file);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { original }, new[] { file }).RunGenerators(compilation);
        var edited = file with { Text = edit(file.Text) };
        driver = driver.ReplaceAdditionalText(original, GeneratorHarness.ToAdditionalText(edited)).RunGenerators(compilation);
        return driver.GetRunResult().Results.Single();
    }
}
