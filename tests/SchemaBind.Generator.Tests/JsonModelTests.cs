namespace SchemaBind.Generator.Tests;

/// <summary>
/// The members every generated object, union and choice shares (issue 20): they are declared once by the runtime's
/// <c>IJsonModel&lt;TSelf&gt;</c>, System.Text.Json reaches them through the one <c>GeneratedJsonConverter&lt;T&gt;</c>,
/// reading is one line a member, and a member of a generated type is validated by one runtime call. Each test compiles
/// the generated code with C# that uses it as a user's generic code would, and runs it.
/// </summary>
public sealed class JsonModelTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$defs": {
            "Outer": {
              "type": "object",
              "required": ["name", "inner"],
              "properties": {
                "name": { "type": "string" },
                "inner": { "$ref": "#/$defs/Inner" },
                "extra": { "$ref": "#/$defs/Inner" },
                "shape": { "$ref": "#/$defs/Shape" }
              }
            },
            "Inner": {
              "type": "object",
              "required": ["size"],
              "properties": { "size": { "type": "integer", "format": "int32", "minimum": 1 } }
            },
            "Shape": { "oneOf": [{ "type": "string" }, { "$ref": "#/$defs/Inner" }] }
          }
        }
        """;

    private const string Probe = """"
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json;
        using Models.Api;
        using SB = global::SchemaBind.Runtime;

        namespace UserProject;

        /// <summary>Uses the generated types through the runtime's interfaces, as generic user code does.</summary>
        public static class Probe
        {
            private static T Parse<T>(string json) where T : SB::IJsonModel<T> => T.FromJson(json);

            private static string Errors<T>(T value) where T : SB::IJsonModel<T> =>
                string.Join(" ", value.Validate().Select(static e => e.InstanceLocation + ":" + e.Keyword));

            private static int SchemaErrors<T>(string json) where T : SB::IJsonSchemaModel<T> =>
                T.ValidateJson(JsonDocument.Parse(json).RootElement).Count;

            /// <summary>What each use wrote or answered, by name.</summary>
            public static Dictionary<string, string> Run()
            {
                var results = new Dictionary<string, string>();
                Outer outer = Parse<Outer>("""{"skipped":{"a":[1,2]},"name":"n","inner":{"size":2},"shape":"round","more":true}""");
                results["generic"] = outer.ToJson();
                results["stj"] = JsonSerializer.Serialize(outer);
                results["stjBack"] = (JsonSerializer.Deserialize<Outer>(JsonSerializer.Serialize(outer)) == outer).ToString();
                results["stjChoice"] = JsonSerializer.Serialize<Shape>(Parse<Shape>("""{"size":3}"""));
                results["valid"] = Errors(outer);
                results["nested"] = Errors(outer with { Inner = new Inner { Size = 0 }, Extra = new Inner { Size = -1 } });
                results["requiredNull"] = Errors(outer with { Inner = null! });
                results["schema"] = SchemaErrors<Outer>("""{"name":"n","inner":{"size":0}}""") + " " + SchemaErrors<Inner>("""{"size":5}""");
                try
                {
                    Parse<Outer>("""{"name":"n"}""");
                    results["missing"] = "no error";
                }
                catch (JsonException e)
                {
                    results["missing"] = e.Message;
                }

                return results;
            }
        }
        """";

    private static readonly Lazy<Dictionary<string, string>> s_run = new(() =>
        GeneratorHarness.RunProbe(Probe, new SchemaFile("/project/models.schema.json", Schema, "Models.Api"), "JsonModel").Run);

    private static string Result(string key) => s_run.Value[key];

    [Fact]
    public void Generic_code_reads_and_writes_through_the_interface_and_skips_unknown_members()
    {
        Assert.Equal("""{"name":"n","inner":{"size":2},"shape":"round"}""", Result("generic"));
    }

    [Fact]
    public void System_Text_Json_uses_the_generated_code_through_the_one_runtime_converter()
    {
        Assert.Equal("""{"name":"n","inner":{"size":2},"shape":"round"}""", Result("stj"));
        Assert.Equal("True", Result("stjBack"));
        Assert.Equal("""{"size":3}""", Result("stjChoice"));
    }

    [Fact]
    public void Members_of_generated_types_are_validated_at_their_location()
    {
        Assert.Equal(string.Empty, Result("valid"));
        Assert.Equal("/inner/size:minimum /extra/size:minimum", Result("nested"));
        Assert.Equal(":required", Result("requiredNull"));
        Assert.Equal("1 0", Result("schema"));
    }

    [Fact]
    public void A_missing_required_member_names_the_type_and_the_property()
    {
        Assert.Equal("A Outer requires the property 'inner', which the JSON lacks.", Result("missing"));
    }
}
