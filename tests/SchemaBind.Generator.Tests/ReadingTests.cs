using Microsoft.CodeAnalysis;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// Reading a record from JSON (issue 20): the record reads itself in a private constructor that assigns each member as it
/// is read and then checks the required ones. Each test compiles the generated code (nullable on, warnings as errors)
/// with C# that reads JSON as a user's code does, runs it, and asserts the values read or the error's message.
/// </summary>
public sealed class ReadingTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$defs": {
            "Order": {
              "type": "object",
              "required": ["id", "count", "note", "item", "when", "any"],
              "properties": {
                "id": { "type": "string" },
                "count": { "type": "integer", "format": "int32" },
                "note": { "type": ["string", "null"] },
                "item": { "$ref": "#/$defs/Item" },
                "when": { "type": "string", "format": "date-time" },
                "any": {},
                "label": { "type": ["string", "null"] },
                "size": { "type": "integer", "format": "int64" }
              }
            },
            "Item": {
              "type": "object",
              "required": ["kind"],
              "properties": { "kind": { "const": "item" }, "sku": { "type": "string" } }
            },
            "Bag": {
              "type": "object",
              "properties": { "name": { "type": "string" } },
              "additionalProperties": { "type": "integer", "format": "int32" }
            },
            "Marker": {
              "type": "object",
              "properties": { "kind": { "const": "marker" } }
            }
          }
        }
        """;

    private const string Probe = """"
        using System.Collections.Generic;
        using System.Text.Json;
        using Reading.Api;

        namespace UserProject;

        /// <summary>Reads the generated records as a user's code does.</summary>
        public static class Probe
        {
            private const string Full = """{"id":"o1","count":2,"note":null,"item":{"kind":"item"},"when":"2024-01-02T03:04:05Z","any":[1]}""";

            /// <summary>What each read gave or threw, by name.</summary>
            public static Dictionary<string, string> Run()
            {
                var results = new Dictionary<string, string>();
                results["empty"] = Error(static () => Order.FromJson("{}"));
                results["noCount"] = Error(static () => Order.FromJson("""{"id":"o1","note":null}"""));
                results["noNote"] = Error(static () => Order.FromJson("""{"item":{"kind":"item"},"count":1,"id":"o1"}"""));
                results["noItem"] = Error(static () => Order.FromJson("""{"note":"n","count":1,"id":"o1","when":"2024-01-02T03:04:05Z","any":1}"""));
                results["noWhen"] = Error(static () => Order.FromJson("""{"note":"n","count":1,"id":"o1","item":{"kind":"item"},"any":1}"""));
                results["noAny"] = Error(static () => Order.FromJson("""{"note":"n","count":1,"id":"o1","item":{"kind":"item"},"when":"2024-01-02T03:04:05Z"}"""));
                results["anyNull"] = Order.FromJson("""{"id":"o1","count":2,"note":null,"item":{"kind":"item"},"when":"2024-01-02T03:04:05Z","any":null}""").ToJson();

                Order full = Order.FromJson(Full);
                results["full"] = full.ToJson();
                results["noteNull"] = (full.Note is null) + " " + full.LabelSpecified;
                // A JsonElement equals only itself (its document), so the second read takes the first's "any".
                results["equal"] = (full == (Order.FromJson(Full) with { Any = full.Any })).ToString();
                results["built"] = (full == new Order { Id = "o1", Count = 2, Note = null, Item = new Item(), When = full.When, Any = full.Any }).ToString();

                results["idNull"] = Error(static () => Order.FromJson("""{"id":null,"count":2,"note":null,"item":{"kind":"item"},"when":"2024-01-02T03:04:05Z","any":1}"""));
                results["countNull"] = Error(static () => Order.FromJson("""{"id":"o1","count":null,"note":null,"item":{"kind":"item"},"when":"2024-01-02T03:04:05Z","any":1}"""));
                results["countText"] = Error(static () => Order.FromJson("""{"id":"o1","count":"2"}"""));
                results["notObject"] = Error(static () => Order.FromJson("[]"));

                Order twice = Order.FromJson("""{"id":"a","label":"x","count":1,"note":"n","item":{"kind":"item","sku":"s"},"when":"2024-01-02T03:04:05Z","any":1,"id":"b","label":null,"count":3,"item":{"kind":"item"},"extra":{"deep":[1,{"x":2}]}}""");
                results["last"] = twice.ToJson() + " " + twice.LabelSpecified;

                results["wrongConst"] = Error(static () => Item.FromJson("""{"kind":"other"}"""));
                results["noConst"] = Error(static () => Item.FromJson("""{"sku":"s"}"""));

                Bag bag = Bag.FromJson("""{"a":1,"name":"n","b":2,"a":3}""");
                results["bag"] = bag.Name + " " + string.Join(",", bag.AdditionalProperties!) + " " + bag.ToJson();
                results["bagEmpty"] = (Bag.FromJson("{}").AdditionalProperties is null) + " " + (new Bag() == Bag.FromJson("{}"));

                results["marker"] = Marker.FromJson("""{"other":[1,2],"kind":"marker"}""").ToJson() + " " + Error(static () => Marker.FromJson("""{"kind":"x"}"""));
                return results;
            }

            private static string Error<T>(System.Func<T> read)
            {
                try
                {
                    read();
                    return "no error";
                }
                catch (JsonException e)
                {
                    return e.Message;
                }
            }
        }
        """";

    private static readonly Lazy<(GeneratorResult Result, Dictionary<string, string> Run)> s_run = new(() => Compile(Probe, Schema, "Reading.Api"));

    private static (GeneratorResult Result, Dictionary<string, string> Run) Compile(string probe, string schema, string @namespace) =>
        GeneratorHarness.RunProbe(probe, new SchemaFile("/project/reading.schema.json", schema, @namespace), @namespace);

    private static string Result(string key) => s_run.Value.Run[key];

    [Fact]
    public void The_first_missing_required_member_in_the_order_of_the_members_is_named_whatever_the_order_of_the_JSON()
    {
        Assert.Equal("A Order requires the property 'id', which the JSON lacks.", Result("empty"));
        Assert.Equal("A Order requires the property 'count', which the JSON lacks.", Result("noCount"));
        Assert.Equal("A Order requires the property 'note', which the JSON lacks.", Result("noNote"));
        Assert.Equal("A Order requires the property 'item', which the JSON lacks.", Result("noItem"));
        Assert.Equal("A Order requires the property 'when', which the JSON lacks.", Result("noWhen"));
        Assert.Equal("A Order requires the property 'any', which the JSON lacks.", Result("noAny"));
    }

    [Fact]
    public void A_required_member_that_may_be_null_given_as_null_is_read_and_written_back_as_null()
    {
        const string full = """{"id":"o1","count":2,"note":null,"item":{"kind":"item"},"when":"2024-01-02T03:04:05+00:00","any":[1]}""";
        Assert.Equal(full, Result("full"));
        Assert.Equal("True False", Result("noteNull"));
        Assert.Equal(full.Replace("[1]", "null", StringComparison.Ordinal), Result("anyNull"));
        Assert.Equal("True", Result("equal"));
        Assert.Equal("True", Result("built"));
    }

    [Fact]
    public void Null_or_a_wrong_token_where_the_schema_allows_none_is_an_error_that_says_what_was_expected()
    {
        Assert.Equal("Expected a string, but the value is null.", Result("idNull"));
        Assert.Equal("Expected an integer, but the value is null.", Result("countNull"));
        Assert.Equal("Expected an integer, but the value is a string.", Result("countText"));
        Assert.Equal("A Order must be a JSON object, but the value is an array.", Result("notObject"));
    }

    [Fact]
    public void The_last_of_duplicate_members_wins_and_unknown_members_are_skipped()
    {
        Assert.Equal("""{"id":"b","count":3,"note":"n","item":{"kind":"item"},"when":"2024-01-02T03:04:05+00:00","any":1,"label":null} True""", Result("last"));
    }

    [Fact]
    public void A_const_must_have_its_value_and_a_type_with_only_a_const_still_reads()
    {
        Assert.Equal("A Item has 'kind' 'item', not 'other'.", Result("wrongConst"));
        Assert.Equal("no error", Result("noConst"));
        Assert.Equal("""{"kind":"marker"} A Marker has 'kind' 'marker', not 'x'.""", Result("marker"));
    }

    [Fact]
    public void Undeclared_members_are_collected_in_order_and_the_last_duplicate_wins()
    {
        Assert.Equal("""n [a, 3],[b, 2] {"name":"n","a":3,"b":2}""", Result("bag"));
        Assert.Equal("True True", Result("bagEmpty"));
    }

    [Fact]
    public void A_record_reads_itself_in_a_private_constructor_and_keeps_a_public_parameterless_one()
    {
        INamedTypeSymbol order = s_run.Value.Result.Output.GetTypeByMetadataName("Reading.Api.Order")!;
        IMethodSymbol[] constructors = order.InstanceConstructors.Where(static c => !c.Parameters.Any(static p => p.Type.Name == "Order")).OrderBy(static c => c.Parameters.Length).ToArray();
        Assert.Equal(2, constructors.Length);
        Assert.Equal(Accessibility.Public, constructors[0].DeclaredAccessibility);
        Assert.Empty(constructors[0].Parameters);
        Assert.Equal(Accessibility.Private, constructors[1].DeclaredAccessibility);
        Assert.Equal(RefKind.Ref, Assert.Single(constructors[1].Parameters).RefKind);
        Assert.Contains(constructors[1].GetAttributes(), static a => a.AttributeClass?.Name == "SetsRequiredMembersAttribute");
        Assert.DoesNotContain(order.GetMembers(), static m => m.Name == "Deconstruct");

        // A type with nothing to read keeps its implicit constructor and a static reader.
        INamedTypeSymbol marker = s_run.Value.Result.Output.GetTypeByMetadataName("Reading.Api.Marker")!;
        Assert.DoesNotContain(marker.InstanceConstructors, static c => c.Parameters.Length == 1 && c.Parameters[0].RefKind == RefKind.Ref);
    }

    [Fact]
    public void More_than_32_required_value_members_use_more_locals_of_bits()
    {
        string properties = string.Join(", ", Enumerable.Range(0, 40).Select(static i => "\"m" + i + "\": { \"type\": \"integer\", \"format\": \"int32\" }"));
        string required = string.Join(", ", Enumerable.Range(0, 40).Select(static i => "\"m" + i + "\""));
        string schema = "{ \"$defs\": { \"Wide\": { \"type\": \"object\", \"required\": [" + required + "], \"properties\": { " + properties + " } } } }";
        string all = "{" + string.Join(",", Enumerable.Range(0, 40).Select(static i => "\\\"m" + i + "\\\":" + i)) + "}";
        string probe = """
            using System.Collections.Generic;

            namespace UserProject;

            /// <summary>Reads a record with 40 required integers.</summary>
            public static class Probe
            {
                /// <summary>What it read and threw.</summary>
                public static Dictionary<string, string> Run()
                {
                    var results = new Dictionary<string, string>();
                    Wide.Api.Wide wide = Wide.Api.Wide.FromJson("ALL");
                    results["read"] = wide.M0 + " " + wide.M31 + " " + wide.M32 + " " + wide.M39;
                    results["missing"] = Error("ALL".Replace(",\"m35\":35", string.Empty, System.StringComparison.Ordinal));
                    results["missingLow"] = Error("ALL".Replace("\"m3\":3,", string.Empty, System.StringComparison.Ordinal).Replace(",\"m35\":35", string.Empty, System.StringComparison.Ordinal));
                    return results;
                }

                private static string Error(string json)
                {
                    try
                    {
                        Wide.Api.Wide.FromJson(json);
                        return "no error";
                    }
                    catch (System.Text.Json.JsonException e)
                    {
                        return e.Message;
                    }
                }
            }
            """.Replace("ALL", all, StringComparison.Ordinal);
        (GeneratorResult result, Dictionary<string, string> run) = Compile(probe, schema, "Wide.Api");
        Assert.Equal("0 31 32 39", run["read"]);
        Assert.Equal("A Wide requires the property 'm35', which the JSON lacks.", run["missing"]);
        Assert.Equal("A Wide requires the property 'm3', which the JSON lacks.", run["missingLow"]);
        string source = result.Sources.Single(s => s.HintName.Contains("Wide.Api.Wide", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("uint seen1 = 0;", source, StringComparison.Ordinal);
        Assert.Contains("ref seen1, 3)) M35 = ", source, StringComparison.Ordinal);
    }

    [Fact]
    public void One_call_checks_the_required_members_and_names_the_first_missing_one_and_a_name_with_a_comma_is_checked_alone()
    {
        string schema = """
            { "$defs": {
              "Mixed": { "type": "object", "required": ["first", "second", "third"], "properties": {
                "first": { "type": "string" }, "second": { "type": "integer", "format": "int32" }, "third": { "type": "string" } } },
              "Odd": { "type": "object", "required": ["a,b", "c"], "properties": {
                "a,b": { "type": "string" }, "c": { "type": "string" } } },
              "Bag": { "type": "object", "required": ["models"], "properties": {
                "models": { "type": "array", "items": { "$ref": "#/$defs/Mixed" } },
                "names": { "type": "array", "items": { "type": "string" } },
                "mode": { "type": "string", "enum": ["on", "off"] } } } } }
            """;
        string probe = """
            using System.Collections.Generic;

            namespace UserProject;

            /// <summary>Reads records with some required members left out.</summary>
            public static class Probe
            {
                /// <summary>What it read and threw.</summary>
                public static Dictionary<string, string> Run()
                {
                    var results = new Dictionary<string, string>();
                    Mixed.Api.Mixed mixed = Mixed.Api.Mixed.FromJson("{\"third\":\"3\",\"second\":2,\"first\":\"1\"}");
                    results["read"] = mixed.First + " " + mixed.Second + " " + mixed.Third;
                    results["firstAndThird"] = Error(static () => Mixed.Api.Mixed.FromJson("{\"second\":2}"));
                    results["third"] = Error(static () => Mixed.Api.Mixed.FromJson("{\"second\":2,\"first\":\"1\"}"));
                    results["second"] = Error(static () => Mixed.Api.Mixed.FromJson("{\"third\":\"3\",\"first\":\"1\"}"));
                    results["odd"] = Mixed.Api.Odd.FromJson("{\"c\":\"y\",\"a,b\":\"x\"}").AB + " " + Error(static () => Mixed.Api.Odd.FromJson("{\"c\":\"y\"}"));
                    results["oddC"] = Error(static () => Mixed.Api.Odd.FromJson("{\"a,b\":\"x\"}"));
                    using var writer = new System.Text.Json.Utf8JsonWriter(new System.IO.MemoryStream());
                    results["nullArguments"] = NullArgument(() => Mixed.Api.Mixed.WriteJson(null!, mixed, false)) + " " + NullArgument(() => Mixed.Api.Mixed.WriteJson(writer, null!, false));
                    // Lists of generated types and of values with no checks are checked by one runtime call each.
                    var bag = new Mixed.Api.Bag { Models = [mixed, null!, mixed with { Third = null! }], Names = ["a", null!, "c", null!], Mode = (Mixed.Api.BagMode)7 };
                    results["bag"] = string.Join(" ", bag.Validate());
                    return results;
                }

                private static string Error(System.Action read)
                {
                    try
                    {
                        read();
                        return "no error";
                    }
                    catch (System.Text.Json.JsonException e)
                    {
                        return e.Message;
                    }
                }

                private static string NullArgument(System.Action write)
                {
                    try
                    {
                        write();
                        return "no error";
                    }
                    catch (System.ArgumentNullException e)
                    {
                        return e.ParamName ?? "no name";
                    }
                }
            }
            """;
        (GeneratorResult result, Dictionary<string, string> run) = Compile(probe, schema, "Mixed.Api");
        // WriteJson's argument checks, made by one runtime call with its '{', still name the public method's parameters.
        Assert.Equal("writer value", run["nullArguments"]);
        Assert.Equal("/models/1: must not be null. [type] /models/2: The property 'third' is required. [required] /names/1: must not be null. [type] /names/3: must not be null. [type] /mode: must be one of the enum values. [enum]", run["bag"]);
        string bag = result.Sources.Single(s => s.HintName.Contains("Mixed.Api.Bag.g", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("SBG::ItemChecks.Models(context, Models);", bag, StringComparison.Ordinal);
        Assert.Contains("SBG::ItemChecks.NotNull(context, ", bag, StringComparison.Ordinal);
        Assert.Contains("SBG::MemberChecks.Enum(context, BagModeJson.IsDefined(", bag, StringComparison.Ordinal);
        Assert.Equal("1 2 3", run["read"]);
        Assert.Equal("A Mixed requires the property 'first', which the JSON lacks.", run["firstAndThird"]);
        Assert.Equal("A Mixed requires the property 'third', which the JSON lacks.", run["third"]);
        Assert.Equal("A Mixed requires the property 'second', which the JSON lacks.", run["second"]);
        Assert.Equal("x A Odd requires the property 'a,b', which the JSON lacks.", run["odd"]);
        Assert.Equal("A Odd requires the property 'c', which the JSON lacks.", run["oddC"]);
        string mixed = result.Sources.Single(s => s.HintName.Contains("Mixed.Api.Mixed", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("SBG::JsonRead.Required<Mixed>(seen, 0x7u, \"first,second,third\");", mixed, StringComparison.Ordinal);
        string odd = result.Sources.Single(s => s.HintName.Contains("Mixed.Api.Odd", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("SBG::JsonRead.Required<Odd>(seen, 0, \"a,b\");", odd, StringComparison.Ordinal);
        Assert.Contains("SBG::JsonRead.Required<Odd>(seen, 1, \"c\");", odd, StringComparison.Ordinal);
    }
}
