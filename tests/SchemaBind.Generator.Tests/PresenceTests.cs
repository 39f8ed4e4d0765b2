using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// Absent vs null: an optional member whose schema allows null is left out unless it was set, and sent as
/// <c>null</c> when it was set to null; members that may not be null keep null = absent. Each test compiles the
/// generated code with C# that uses it (object initializers, <c>with</c>, equality) and runs it.
/// </summary>
public sealed class PresenceTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$defs": {
            "Patch": {
              "type": "object",
              "required": ["id"],
              "properties": {
                "id": { "type": "string" },
                "name": { "type": ["string", "null"] },
                "size": { "type": ["integer", "null"], "format": "int32", "minimum": 0 },
                "note": { "type": "string" },
                "owner": { "anyOf": [{ "$ref": "#/$defs/Person" }, { "type": "null" }] },
                "code": { "type": ["string", "null"], "writeOnly": true }
              }
            },
            "Listed": {
              "type": "object",
              "properties": {
                "tags": { "type": ["array", "null"], "items": { "type": "string" } },
                "title": { "type": ["string", "null"] }
              }
            },
            "Person": { "type": "object", "properties": { "email": { "type": ["string", "null"] } } },
            "Plain": { "type": "object", "properties": { "a": { "type": "string" }, "b": { "type": "integer", "format": "int32" } } },
            "Clash": {
              "type": "object",
              "properties": {
                "name": { "type": ["string", "null"] },
                "name_specified": { "type": "boolean" },
                "specified": { "type": ["integer", "null"], "format": "int32" },
                "old": { "type": ["string", "null"], "deprecated": true }
              }
            },
            "Rules": {
              "type": "object",
              "properties": {
                "start": { "type": ["string", "null"] },
                "end": { "type": "string" }
              },
              "dependentRequired": { "start": ["end"] }
            }
          }
        }
        """;

    private const string Probe = """"
        using System.Collections.Generic;
        using Presence.Api;

        namespace UserProject;

        /// <summary>Uses the generated records as a user's code does.</summary>
        public static class Probe
        {
            /// <summary>What each use wrote or answered, by name.</summary>
            public static Dictionary<string, string> Run()
            {
                var results = new Dictionary<string, string>();
                var left = new Patch { Id = "a" };
                var sent = new Patch { Id = "a", Name = null, Size = null, Owner = null };
                var values = new Patch { Id = "a", Name = "n", Size = 3, Note = "x", Owner = new Person { Email = null } };
                results["left"] = left.ToJson();
                results["null"] = sent.ToJson();
                results["values"] = values.ToJson();
                results["noteNull"] = new Patch { Id = "a", Note = null }.ToJson();
                results["with"] = (left with { Size = null }).ToJson();
                results["withKeeps"] = (sent with { Id = "b" }).ToJson();
                results["specified"] = left.NameSpecified + " " + sent.NameSpecified + " " + values.SizeSpecified;

                Patch read = Patch.FromJson("""{"id":"a","name":null,"owner":{"email":null}}""");
                results["readSpecified"] = read.NameSpecified + " " + read.SizeSpecified + " " + read.OwnerSpecified + " " + read.Owner!.EmailSpecified;
                results["roundTrip"] = read.ToJson();
                results["roundTripLeft"] = Patch.FromJson("""{"id":"a"}""").ToJson();

                results["equalSame"] = (new Patch { Id = "a", Name = null } == Patch.FromJson("""{"id":"a","name":null}""")).ToString();
                results["hashSame"] = (new Patch { Id = "a", Name = null }.GetHashCode() == Patch.FromJson("""{"id":"a","name":null}""").GetHashCode()).ToString();
                results["equalLeftNull"] = (left == new Patch { Id = "a", Name = null }).ToString();
                results["equalLeft"] = (left == new Patch { Id = "a" }).ToString();

                // A record with a list member writes its own Equals: presence counts there too.
                results["listedEqual"] = (new Listed { Tags = ["x"] } == new Listed { Tags = ["x"] }).ToString();
                results["listedNull"] = (new Listed() == new Listed { Tags = null }).ToString();
                results["listedHash"] = (new Listed { Title = null }.GetHashCode() == new Listed { Title = null }.GetHashCode()).ToString();
                results["listed"] = new Listed { Tags = null, Title = "t" }.ToJson();

                results["redacted"] = new Patch { Id = "a", Code = "secret" }.ToString() + " " + new Patch { Id = "a", Code = null }.ToString();
                results["invalid"] = new Patch { Id = "a", Size = -1 }.Validate().Count + " " + new Patch { Id = "a", Size = null }.Validate().Count;

                results["clash"] = new Clash { Name = null, NameSpecified = true, Specified = null }.ToJson()
                    + " " + new Clash { Name = null }.NameSpecified2 + " " + new Clash().SpecifiedSpecified;

                // dependentRequired: "start": null is present, so "end" is required; no "start" requires nothing.
                results["rules"] = new Rules { Start = null }.Validate().Count + " " + new Rules().Validate().Count + " "
                    + Rules.ValidateJson(System.Text.Json.JsonDocument.Parse(new Rules { Start = null }.ToJson()).RootElement).Count;
                return results;
            }
        }
        """";

    private static readonly Lazy<(GeneratorResult Result, Dictionary<string, string> Run)> s_run = new(() =>
        GeneratorHarness.RunProbe(Probe, new SchemaFile("/project/presence.schema.json", Schema, "Presence.Api"), "Presence"));

    private static string Result(string key) => s_run.Value.Run[key];

    [Fact]
    public void An_optional_nullable_member_never_set_is_left_out()
    {
        Assert.Equal("""{"id":"a"}""", Result("left"));
        Assert.Equal("False True True", Result("specified"));
    }

    [Fact]
    public void An_optional_nullable_member_set_to_null_is_sent_as_null()
    {
        Assert.Equal("""{"id":"a","name":null,"size":null,"owner":null}""", Result("null"));
        Assert.Equal("""{"id":"a","name":"n","size":3,"note":"x","owner":{"email":null}}""", Result("values"));
    }

    [Fact]
    public void An_optional_member_that_may_not_be_null_keeps_null_as_absent_and_gets_nothing_new()
    {
        Assert.Equal("""{"id":"a"}""", Result("noteNull"));
        INamedTypeSymbol patch = s_run.Value.Result.Output.GetTypeByMetadataName("Presence.Api.Patch")!;
        Assert.Empty(patch.GetMembers("NoteSpecified"));
        Assert.Empty(patch.GetMembers("IdSpecified"));
        Assert.True(Assert.Single(patch.GetMembers("Note").OfType<IPropertySymbol>()).SetMethod!.IsInitOnly);

        // A type without such members is as before: no field of bits, no companions, auto-properties.
        INamedTypeSymbol plain = s_run.Value.Result.Output.GetTypeByMetadataName("Presence.Api.Plain")!;
        Assert.DoesNotContain(plain.GetMembers(), m => m.Name.Contains("pecified", StringComparison.Ordinal));
        string source = s_run.Value.Result.Sources.Single(s => s.HintName.Contains("Presence.Api.Plain", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("public string? A { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public int? B { get; init; }", source, StringComparison.Ordinal);
        Assert.DoesNotContain("pecified", source, StringComparison.Ordinal);
    }

    [Fact]
    public void With_sets_null_and_keeps_what_was_set()
    {
        Assert.Equal("""{"id":"a","size":null}""", Result("with"));
        Assert.Equal("""{"id":"b","name":null,"size":null,"owner":null}""", Result("withKeeps"));
    }

    [Fact]
    public void Reading_null_marks_the_member_set_so_a_round_trip_keeps_null_and_absent_apart()
    {
        Assert.Equal("True False True True", Result("readSpecified"));
        Assert.Equal("""{"id":"a","name":null,"owner":{"email":null}}""", Result("roundTrip"));
        Assert.Equal("""{"id":"a"}""", Result("roundTripLeft"));
    }

    [Fact]
    public void Equality_and_hash_codes_include_presence()
    {
        Assert.Equal("True", Result("equalSame"));
        Assert.Equal("True", Result("hashSame"));
        Assert.Equal("False", Result("equalLeftNull"));
        Assert.Equal("True", Result("equalLeft"));
        Assert.Equal("True", Result("listedEqual"));
        Assert.Equal("False", Result("listedNull"));
        Assert.Equal("True", Result("listedHash"));
        Assert.Equal("""{"tags":null,"title":"t"}""", Result("listed"));
    }

    [Fact]
    public void Sensitive_and_validated_members_keep_their_behaviour()
    {
        Assert.Equal("""{"id":"a","code":"***"} {"id":"a","code":null}""", Result("redacted"));
        Assert.Equal("1 0", Result("invalid"));
    }

    [Fact]
    public void A_companion_name_taken_by_a_member_gets_a_number_and_a_member_named_specified_compiles()
    {
        Assert.Equal("""{"name":null,"name_specified":true,"specified":null} True False""", Result("clash"));
        IPropertySymbol old = Assert.Single(s_run.Value.Result.Output.GetTypeByMetadataName("Presence.Api.Clash")!.GetMembers("OldSpecified").OfType<IPropertySymbol>());
        Assert.Contains(old.GetAttributes(), a => a.AttributeClass?.Name == "ObsoleteAttribute");
    }

    [Fact]
    public void A_member_set_to_null_is_present_for_typed_rules_as_for_the_JSON_validator()
    {
        Assert.Equal("1 0 1", Result("rules"));
    }

    [Fact]
    public void More_than_32_such_members_use_more_fields_of_bits()
    {
        string properties = string.Join(", ", Enumerable.Range(0, 40).Select(static i => "\"m" + i + "\": { \"type\": [\"integer\", \"null\"], \"format\": \"int32\" }"));
        string schema = "{ \"$defs\": { \"Wide\": { \"type\": \"object\", \"properties\": { " + properties + " } } } }";
        const string probe = """
            namespace UserProject;

            /// <summary>Uses a record with 40 members that may be null.</summary>
            public static class WideProbe
            {
                /// <summary>What it wrote and answered.</summary>
                public static string Run() =>
                    new Wide.Api.Wide { M0 = null, M39 = null }.ToJson() + " " + Wide.Api.Wide.FromJson("{\"m33\":null}").ToJson()
                    + " " + (new Wide.Api.Wide { M35 = null } == new Wide.Api.Wide());
            }
            """;
        GeneratorResult result = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(probe), new SchemaFile("/project/wide.schema.json", schema, "Wide.Api"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        using var stream = new MemoryStream();
        Assert.True(result.Output.Emit(stream).Success);
        stream.Position = 0;
        Assembly assembly = new AssemblyLoadContext("Wide", isCollectible: true).LoadFromStream(stream);
        string output = (string)assembly.GetType("UserProject.WideProbe", throwOnError: true)!.GetMethod("Run")!.Invoke(null, null)!;
        Assert.Equal("""{"m0":null,"m39":null} {"m33":null} False""", output);
        INamedTypeSymbol wide = result.Output.GetTypeByMetadataName("Wide.Api.Wide")!;
        Assert.Equal(new[] { "_specified", "_specified1" }, wide.GetMembers().OfType<IFieldSymbol>().Select(static f => f.Name).Where(static n => n.StartsWith("_specified", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }
}
