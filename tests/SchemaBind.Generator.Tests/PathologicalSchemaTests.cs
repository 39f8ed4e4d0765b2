using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using SchemaBind.Generator.Analyzers;
using SchemaBind.Generator.Emitting;
using SchemaBind.Generator.Model;
using SchemaBind.Generator.Parsing;
using SchemaBind.Runtime;
using SchemaBind.SyntheticSpecs;
using DiagnosticInfo = SchemaBind.Generator.Diagnostics.DiagnosticInfo;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// Schemas extreme in one direction (long $ref and allOf chains, deep nesting, integer bounds no long holds, unions of
/// unions, huge enums): each must generate code that compiles and validates right, and none may exhaust the stack of an
/// IDE's or compiler server's thread (1 MB), where a stack overflow takes the whole process down.
/// </summary>
public sealed class PathologicalSchemaTests
{
    private const int IdeThreadStack = 1024 * 1024;

    /// <summary>Runs <paramref name="work"/> on a thread with a 1 MB stack, as an IDE's, and rethrows what it threw.</summary>
    private static void OnIdeThread(Action work)
    {
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    work();
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            IdeThreadStack);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException("The work failed on the 1 MB thread.", failure);
        }
    }

    [Theory]
    [InlineData("refchain", 10_000)]
    [InlineData("aliaschain", 10_000)]
    [InlineData("allofchain", 10_000)]
    [InlineData("nested", 120)] // the JSON reader stops at 256 levels: 2 a level
    [InlineData("items", 240)]
    public void A_long_chain_or_deep_nesting_parses_and_emits_on_a_1_MB_stack(string shape, int size)
    {
        string text = PathologicalSpec.Build(shape, size);
        var input = new SchemaFileInput("/project/deep.openapi.json", text, "Deep.Api", "DeepClient");
        OnIdeThread(() =>
        {
            foreach (bool reportMistakes in new[] { false, true })
            {
                ParseResult result = DocumentParser.Parse(input, default, reportMistakes);
                Assert.DoesNotContain(result.Diagnostics, static d => d.Id == "SB0099");
                ApiSpec api = Assert.IsType<ApiSpec>(result.Api);
                long chars = 0;
                foreach (TypeSpec type in api.Types)
                {
                    chars += TypeEmitter.Emit(api.Namespace, new EquatableArray<TypeSpec>(new[] { type }), api.Document.ClassName).Length;
                }

                Assert.True(chars > 0);
                switch (shape)
                {
                    case "refchain":
                        Assert.Equal(size, api.Types.Count); // every link is built, past the depth where building waits in the work list
                        Assert.Empty(result.Diagnostics);
                        break;
                    case "aliaschain":
                    case "items":
                        // Deeper than the generator follows: located SB0025, the value a JsonElement.
                        DiagnosticInfo deep = Assert.Single(result.Diagnostics, static d => d.Id == "SB0025");
                        Assert.True(deep.LineSpan.Start.Character > 0);
                        break;
                    case "allofchain":
                        Assert.Equal(size, api.Types.Count);
                        Assert.Contains(result.Diagnostics, static d => d.Id == "SB0025");
                        var first = (ObjectSpec)api.Types.Single(static t => t.Name == "S0");
                        Assert.Equal("p0", first.Properties[first.Properties.Count - 1].JsonName);
                        Assert.True(first.Properties.Count < 20, "a type keeps the properties of its first allOf levels only");
                        break;
                    case "nested":
                        Assert.Equal(size, api.Types.Count);
                        break;
                }
            }
        });
    }

    [Fact]
    public void The_generator_and_the_analyzers_survive_a_long_ref_chain_on_a_1_MB_stack()
    {
        // More links than fit a 1.5 MB stack before (fewer than 1,000 did).
        string text = PathologicalSpec.Build("refchain", 2_000);
        const string UserCode = """
            namespace UserProject
            {
                /// <summary>User code.</summary>
                public static class Calls
                {
                    /// <summary>A call.</summary>
                    public static Chain.Api.S0 Make() => new() { Next = new Chain.Api.S1 { Next = null } };
                }
            }
            """;
        OnIdeThread(() =>
        {
            GeneratorResult result = GeneratorHarness.Run(
                GeneratorHarness.CreateCompilation(UserCode),
                new SchemaFile("/project/chain.openapi.json", text, "Chain.Api", "ChainClient"));
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.NotNull(result.Output.GetTypeByMetadataName("Chain.Api.S1999"));
            Assert.DoesNotContain(result.SchemaAnalyzerDiagnostics, static d => d.Id.StartsWith("SB", StringComparison.Ordinal));
            Assert.Empty(result.AnalyzerDiagnostics(new ConstantConstraintAnalyzer()));
        });
    }

    [Fact]
    public void A_wide_object_and_a_long_allOf_chain_keep_each_type_proportional_to_its_own_parts()
    {
        ParseResult wide = DocumentParser.Parse(new SchemaFileInput("/p/wide.json", PathologicalSpec.Build("props", 10_000), "W", null), default);
        Assert.Equal(10_000, ((ObjectSpec)Assert.Single(wide.Api!.Types)).Properties.Count);

        ParseResult chain = DocumentParser.Parse(new SchemaFileInput("/p/chain.json", PathologicalSpec.Build("allofchain", 100), "C", null), default);
        int properties = chain.Api!.Types.Cast<ObjectSpec>().Sum(static t => t.Properties.Count);
        Assert.True(properties <= 100 * 18, properties + " properties in 100 types");

        // The cut is located at the part left out, once, and says what the type leaves out.
        DiagnosticInfo cut = chain.Diagnostics.First(static d => d.Id == "SB0025");
        Assert.Contains("allOf", cut.MessageArgs[0], StringComparison.Ordinal);
        Assert.Contains("JSON validation", cut.MessageArgs[2], StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ integer bounds

    private const string IntegerBounds = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Edge", "version": "1" },
          "paths": {},
          "components": {
            "schemas": {
              "Limits": {
                "type": "object",
                "properties": {
                  "seed": { "type": "integer", "minimum": -9223372036854776000, "maximum": 9223372036854776000 },
                  "bytes": { "type": "integer", "minimum": 0, "maximum": 18446744073709552000 },
                  "wide": { "type": "integer", "format": "int64", "maximum": 1e20 },
                  "never": { "type": "integer", "format": "int64", "minimum": 9223372036854776000 },
                  "neverBelow": { "type": "integer", "format": "int32", "exclusiveMaximum": -1e40 },
                  "half": { "type": "integer", "minimum": 1.5, "exclusiveMaximum": 10.5 },
                  "tiny": { "type": "integer", "format": "int32", "exclusiveMinimum": -1e-40, "maximum": 1e-40 },
                  "exclusive": { "type": "integer", "exclusiveMinimum": -3, "exclusiveMaximum": 3 }
                }
              }
            }
          }
        }
        """;

    // Compiled once for all the cases below.
    private static readonly Lazy<Assembly> s_edge = new(() => CompileAndLoad(IntegerBounds, "Edge.Api"));

    [Theory]
    [InlineData("seed", "9223372036854775807", null)]
    [InlineData("seed", "-9223372036854775808", null)]
    [InlineData("bytes", "9223372036854775807", null)]
    [InlineData("bytes", "0", null)]
    [InlineData("bytes", "-1", "minimum")]
    [InlineData("wide", "9223372036854775807", null)]
    [InlineData("never", "9223372036854775807", "minimum")]
    [InlineData("never", "0", "minimum")]
    [InlineData("neverBelow", "-2147483648", "exclusiveMaximum")]
    [InlineData("half", "1", "minimum")]
    [InlineData("half", "2", null)]
    [InlineData("half", "10", null)]
    [InlineData("half", "11", "exclusiveMaximum")]
    [InlineData("tiny", "0", null)]
    [InlineData("tiny", "1", "maximum")]
    [InlineData("tiny", "-1", "exclusiveMinimum")]
    [InlineData("exclusive", "-3", "exclusiveMinimum")]
    [InlineData("exclusive", "-2", null)]
    [InlineData("exclusive", "2", null)]
    [InlineData("exclusive", "3", "exclusiveMaximum")]
    public void Integer_bounds_written_as_doubles_or_beyond_64_bits_compile_and_validate_exactly(string property, string value, string? failedKeyword)
    {
        IReadOnlyList<ValidationError> errors = Validate(s_edge.Value, "Edge.Api.Limits", "{\"" + property + "\": " + value + "}");
        if (failedKeyword is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            ValidationError error = Assert.Single(errors);
            Assert.Equal(failedKeyword, error.Keyword);
            Assert.Equal("/" + property, error.InstanceLocation);
        }
    }

    [Fact]
    public void Integer_bounds_that_every_value_of_the_type_meets_are_not_checked()
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/edge.openapi.json", IntegerBounds, "Edge.Api"));
        string limits = result.Source("Edge.Api.Limits.g.cs");
        foreach (string idle in new[] { "_seed <", "_seed >", "_bytes >", "_wide >", "1e20" })
        {
            Assert.DoesNotContain(idle, limits, StringComparison.Ordinal);
        }

        Assert.Contains("_bytes < 0", limits, StringComparison.Ordinal);
        Assert.Contains("_never < 9223372036854775808m", limits, StringComparison.Ordinal); // no long meets it: exact, always broken
        Assert.Contains("_neverBelow > -2147483649m", limits, StringComparison.Ordinal);
        Assert.Contains("_half > 10", limits, StringComparison.Ordinal);
        Assert.Contains("_half < 2", limits, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ discriminated unions

    [Fact]
    public void Two_union_cases_with_one_discriminator_value_are_a_located_error_and_the_code_compiles()
    {
        string schema = File.ReadAllText(SharedInputs.File("repros", "cs8510-duplicate-discriminator-value.json"));
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/message.openapi.json", schema, "Dup.Api"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        Diagnostic duplicate = Assert.Single(result.SchemaDiagnostics, static d => d.Id == "SB0026");
        Assert.Equal(DiagnosticSeverity.Error, duplicate.Severity);
        Assert.Equal(9, duplicate.Location.GetLineSpan().StartLinePosition.Line); // the second case's $ref
        Assert.Contains("'message'", duplicate.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_union_case_that_is_a_union_of_refs_stands_for_its_alternatives_each_with_its_own_value()
    {
        string schema = File.ReadAllText(SharedInputs.File("repros", "cs0029-discriminated-union-case-is-a-union.json"));
        Assembly assembly = CompileAndLoad(schema, "Nested.Api");
        Type union = assembly.GetType("Nested.Api.InputItem", throwOnError: true)!;
        // FromJson is the base record's: a static member of a base class is found with FlattenHierarchy.
        MethodInfo fromJson = union.GetMethod("FromJson", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy, new[] { typeof(string) })!;
        Assert.Equal("Nested.Api.FunctionCall", fromJson.Invoke(null, new object[] { """{"type": "function_call", "name": "f"}""" })!.GetType().FullName);
        Assert.Equal("Nested.Api.Reasoning", fromJson.Invoke(null, new object[] { """{"type": "reasoning"}""" })!.GetType().FullName);
        Assert.Equal("Nested.Api.EasyMessage", fromJson.Invoke(null, new object[] { """{"type": "message", "content": "hi"}""" })!.GetType().FullName);

        // The name of the union case ("Item") is no discriminator value.
        Assert.NotEqual("Nested.Api.FunctionCall", fromJson.Invoke(null, new object[] { """{"type": "Item", "name": "f"}""" })!.GetType().FullName);
    }

    // ------------------------------------------------------------------ large enums

    [Fact]
    public void A_large_enum_reads_and_writes_every_member_and_keeps_unknown_names()
    {
        Assembly assembly = CompileAndLoad(PathologicalSpec.Build("enum", 300), "Big.Api");
        Type helper = assembly.GetType("Big.Api.EJson", throwOnError: true)!;
        Type e = assembly.GetType("Big.Api.E", throwOnError: true)!;
        MethodInfo toWireName = helper.GetMethod("ToWireName")!;
        MethodInfo fromWireName = helper.GetMethod("FromWireName")!;
        MethodInfo isDefined = helper.GetMethod("IsDefined")!;
        foreach (int i in new[] { 0, 1, 150, 299 })
        {
            object value = fromWireName.Invoke(null, new object[] { "v" + i })!;
            Assert.Equal(i, Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("v" + i, toWireName.Invoke(null, new[] { value }));
            Assert.True((bool)isDefined.Invoke(null, new[] { value })!);
        }

        object unknown = fromWireName.Invoke(null, new object[] { "v300" })!;
        Assert.False((bool)isDefined.Invoke(null, new[] { unknown })!);
        Assert.Equal("v300", toWireName.Invoke(null, new[] { unknown }));
        Assert.Throws<TargetInvocationException>(() => toWireName.Invoke(null, new[] { Enum.ToObject(e, 300) }));
    }

    // ------------------------------------------------------------------ helpers

    private static Assembly CompileAndLoad(string schema, string @namespace)
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/api.openapi.json", schema, @namespace));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        using var stream = new MemoryStream();
        EmitResult emitted = result.Output.Emit(stream);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext(@namespace, isCollectible: true).LoadFromStream(stream);
    }

    private static IReadOnlyList<ValidationError> Validate(Assembly assembly, string typeName, string json)
    {
        Type type = assembly.GetType(typeName, throwOnError: true)!;
        object instance = type.GetMethod("FromJson", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy, new[] { typeof(string) })!.Invoke(null, new object[] { json })!;
        return (IReadOnlyList<ValidationError>)type.GetMethod("Validate", Type.EmptyTypes)!.Invoke(instance, null)!;
    }
}
