using Microsoft.CodeAnalysis;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// Generated records derive from the runtime's <c>JsonRecord&lt;TSelf&gt;</c> (issue 20), which declares once the members
/// every record had: FromJson, the two-argument WriteJson, ToJson, Validate(), ToString and ValidateJson. Each test
/// compiles user code against the generated types and runs it: the inherited members must be reachable through the
/// generated type's name and implement <c>IJsonModel&lt;T&gt;</c>, and equality, <c>with</c> and ToString must behave as
/// they did when every record declared them itself.
/// </summary>
public sealed class JsonRecordTests
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
                "secret": { "type": "string", "format": "password" },
                "tags": { "type": "array", "items": { "type": "string" } }
              }
            },
            "Inner": {
              "type": "object",
              "required": ["size"],
              "properties": { "size": { "type": "integer", "format": "int32", "minimum": 1 } }
            },
            "Twin": {
              "type": "object",
              "required": ["size"],
              "properties": { "size": { "type": "integer", "format": "int32", "minimum": 1 } }
            },
            "Pet": {
              "oneOf": [{ "$ref": "#/$defs/Cat" }, { "$ref": "#/$defs/Dog" }],
              "discriminator": { "propertyName": "kind" }
            },
            "Cat": { "type": "object", "required": ["kind"], "properties": { "kind": { "const": "cat" }, "name": { "type": "string" } } },
            "Dog": { "type": "object", "required": ["kind"], "properties": { "kind": { "const": "dog" }, "name": { "type": "string" } } },
            "Shape": { "oneOf": [{ "type": "string" }, { "$ref": "#/$defs/Inner" }] }
          }
        }
        """;

    private const string Probe = """"
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Text.Json;
        using Models.Api;
        using SB = global::SchemaBind.Runtime;

        namespace Models.Api
        {
            /// <summary>A user's own part of a generated record: an interface and a member, as before.</summary>
            public sealed partial record Inner : System.IComparable<Inner>
            {
                /// <summary>Orders by size.</summary>
                /// <param name="other">The other value.</param>
                /// <returns>The order.</returns>
                public int CompareTo(Inner? other) => other is null ? 1 : Size.CompareTo(other.Size);
            }
        }

        namespace UserProject
        {
            /// <summary>Uses the generated types as users do: through their names, and through the runtime's interfaces.</summary>
            public static class Probe
            {
                private static T Parse<T>(string json) where T : SB::IJsonModel<T> => T.FromJson(json);

                private static string Write<T>(T value) where T : SB::IJsonModel<T>
                {
                    var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                    using (var writer = new Utf8JsonWriter(buffer))
                    {
                        T.WriteJson(writer, value);
                    }

                    return Encoding.UTF8.GetString(buffer.WrittenSpan);
                }

                private static string Errors(IReadOnlyList<SB::ValidationError> errors) =>
                    string.Join(" ", errors.Select(static e => e.InstanceLocation + ":" + e.Keyword));

                private static int SchemaErrors<T>(string json) where T : SB::IJsonSchemaModel<T> =>
                    T.ValidateJson(JsonDocument.Parse(json).RootElement).Count;

                /// <summary>What each use wrote or answered, by name.</summary>
                public static Dictionary<string, string> Run()
                {
                    var results = new Dictionary<string, string>();
                    const string json = """{"name":"n","inner":{"size":2},"secret":"s3","tags":["a","b"]}""";
                    Outer outer = Outer.FromJson(json);
                    Outer same = Outer.FromJson(Encoding.UTF8.GetBytes(json));
                    results["byName"] = outer.ToJson() + " " + same.ToJson();
                    results["generic"] = Parse<Outer>(json).ToJson() + " " + Write(Parse<Inner>("""{"size":4}"""));
                    results["toString"] = outer.ToString();
                    results["equal"] = (outer == same) + " " + outer.Equals(same) + " " + outer.Equals((object)same) + " " + (outer.GetHashCode() == same.GetHashCode()) + " " + (outer != same);
                    Outer renamed = outer with { Name = "m" };
                    results["with"] = renamed.GetType().Name + " " + renamed.ToJson() + " " + outer.ToJson() + " " + (renamed == outer) + " " + (renamed with { Name = "n" } == outer);
                    results["oneMember"] = (outer == (outer with { Tags = new[] { "a", "c" } })) + " " + (outer == (outer with { Inner = new Inner { Size = 3 } })) + " " + (outer == (outer with { Secret = null }));
                    Inner inner = new() { Size = 2 };
                    Twin twin = new() { Size = 2 };
                    results["twin"] = inner.Equals((object)twin) + " " + twin.Equals((object)inner) + " " + ((object)inner == (object)twin) + " " + inner.ToJson() + " " + twin.ToJson() + " " + inner.CompareTo(new Inner { Size = 1 });
                    results["validate"] = Errors((outer with { Inner = new Inner { Size = 0 } }).Validate()) + "|" + outer.Validate().Count;
                    results["validateJson"] = Outer.ValidateJson(JsonDocument.Parse("""{"name":"n"}""").RootElement).Count + " " + SchemaErrors<Inner>("""{"size":5}""");
                    Pet pet = Pet.FromJson("""{"kind":"cat","name":"Tom"}""");
                    Cat cat = Cat.FromJson("""{"kind":"cat","name":"Tom"}""");
                    Dog dog = Dog.FromJson("""{"kind":"dog","name":"Tom"}""");
                    results["union"] = pet.GetType().Name + " " + pet.ToJson() + " " + pet + " " + cat + " " + (pet == cat) + " " + pet.Equals((object)cat) + " " + ((Pet)cat).Equals(dog) + " " + Write<Pet>(dog) + " " + Write(cat);
                    results["unionSchema"] = Pet.ValidateJson(JsonDocument.Parse("""{"kind":"cat","name":1}""").RootElement).Count + " " + Cat.ValidateJson(JsonDocument.Parse("""{"kind":"cat"}""").RootElement).Count + " " + SchemaErrors<Pet>("""{"kind":"dog"}""");
                    Shape shape = Shape.FromJson("""{"size":3}""");
                    Shape small = new Shape.InnerCase(new Inner { Size = 0 });
                    results["choice"] = shape.GetType().Name + " " + shape.ToJson() + " " + shape + " " + Errors(small.Validate()) + " " + (shape == Shape.FromJson("""{"size":3}""")) + " " + (shape == small) + " " + Shape.ValidateJson(JsonDocument.Parse("\"round\"").RootElement).Count;
                    results["bases"] = typeof(Outer).BaseType + " " + typeof(Pet).BaseType + " " + typeof(Cat).BaseType + " " + typeof(Shape).BaseType;
                    return results;
                }
            }
        }
        """";

    private static readonly Lazy<Dictionary<string, string>> s_run = new(() =>
        GeneratorHarness.RunProbe(Probe, new SchemaFile("/project/models.schema.json", Schema, "Models.Api"), "JsonRecord").Run);

    private static string Result(string key) => s_run.Value[key];

    [Fact]
    public void The_inherited_static_members_are_reached_through_the_generated_type_and_implement_IJsonModel()
    {
        const string json = """{"name":"n","inner":{"size":2},"secret":"s3","tags":["a","b"]}""";
        Assert.Equal(json + " " + json, Result("byName"));
        Assert.Equal(json + """ {"size":4}""", Result("generic"));
    }

    [Fact]
    public void Every_generated_type_derives_from_the_runtime_base_record_but_a_union_case_from_its_union()
    {
        Assert.Equal(
            "SchemaBind.Runtime.JsonSchemaRecord`1[Models.Api.Outer] SchemaBind.Runtime.JsonSchemaRecord`1[Models.Api.Pet] Models.Api.Pet SchemaBind.Runtime.JsonSchemaRecord`1[Models.Api.Shape]",
            Result("bases"));
    }

    [Fact]
    public void ToString_is_the_base_record_s_redacted_JSON_and_no_record_synthesizes_its_own()
    {
        Assert.Equal("""{"name":"n","inner":{"size":2},"secret":"***","tags":["a","b"]}""", Result("toString"));
    }

    [Fact]
    public void Equality_and_with_behave_as_records_do()
    {
        Assert.Equal("True True True True False", Result("equal"));
        Assert.Equal("""Outer {"name":"m","inner":{"size":2},"secret":"s3","tags":["a","b"]} {"name":"n","inner":{"size":2},"secret":"s3","tags":["a","b"]} False True""", Result("with"));
        Assert.Equal("False False False", Result("oneMember"));
    }

    [Fact]
    public void Two_record_types_with_the_same_members_are_not_equal_and_a_user_part_still_adds_interfaces()
    {
        Assert.Equal("""False False False {"size":2} {"size":2} 1""", Result("twin"));
    }

    [Fact]
    public void Validate_and_ValidateJson_come_from_the_base_and_call_the_record_s_own_checks()
    {
        Assert.Equal("/inner/size:minimum|0", Result("validate"));
        Assert.Equal("1 0", Result("validateJson"));
    }

    [Fact]
    public void Unions_and_their_cases_keep_their_reading_writing_equality_and_schema()
    {
        Assert.Equal("""Cat {"kind":"cat","name":"Tom"} {"kind":"cat","name":"Tom"} {"kind":"cat","name":"Tom"} True True False {"kind":"dog","name":"Tom"} {"kind":"cat","name":"Tom"}""", Result("union"));
        Assert.Equal("2 0 0", Result("unionSchema"));
    }

    [Fact]
    public void Choices_derive_from_the_base_too()
    {
        Assert.Equal("""InnerCase {"size":3} {"size":3} /size:minimum True False 0""", Result("choice"));
    }

    [Fact]
    public void A_user_part_that_names_another_base_class_is_CS0263()
    {
        const string user = """
            namespace Models.Api
            {
                /// <summary>A user's base class.</summary>
                public abstract record UserBase;

                /// <summary>A part that names a base class of its own.</summary>
                public sealed partial record Inner : UserBase;
            }
            """;
        GeneratorResult result = GeneratorHarness.Run(
            GeneratorHarness.CreateCompilation(user),
            new SchemaFile("/project/models.schema.json", Schema, "Models.Api"));
        Assert.Contains(result.CompilationDiagnostics, static d => d.Id == "CS0263" && d.Severity == DiagnosticSeverity.Error);
    }
}
