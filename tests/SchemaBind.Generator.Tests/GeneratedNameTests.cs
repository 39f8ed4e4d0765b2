using System.Text;
using Microsoft.CodeAnalysis;
using SchemaBind.Generator.Parsing;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// Every C# name the generator makes is checked against each scope it lands in (the members of the type,
/// the types the type names, the client method's parameters and locals): whatever the schema's names, the
/// generated code compiles without a warning, and a renamed name is reported (SB0016).
/// </summary>
public sealed class GeneratedNameTests
{
    private static GeneratorResult Run(string schema, string file = "/p/names.json") => GeneratorHarness.Run(new SchemaFile(file, schema, "P"));

    /// <summary>Compiles clean; every schema diagnostic is a rename (SB0016).</summary>
    private static GeneratorResult AssertCompilesWithRenamesOnly(GeneratorResult result)
    {
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        GeneratorResult.AssertNone(result.SchemaDiagnostics.Where(static d => d.Id != "SB0016"));
        return result;
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public static TheoryData<string> Repros => new()
    {
        "type-named-like-generated-member.json",
        "type-named-like-object-method-referenced.json",
        "property-named-clone.json",
        "query-param-named-path.json",
        "query-param-named-query.json",
        "cs0841-path-parameter-named-path.json",
        "cs0841-query-parameter-named-query.json",
        "cs0136-query-parameter-named-response.json",
        "path-param-named-nameof.json",
        "cs0120-property-named-like-its-item-type.json",
        "cs0120-cs1503-property-named-like-another-type.json",
        "cs0618-cs9042-deprecated-property-warnings.json",
        "description-with-uFFFE.json",
    };

    [Theory]
    [MemberData(nameof(Repros))]
    public void A_repro_schema_generates_code_that_compiles_without_warnings(string file)
    {
        string text = File.ReadAllText(SharedInputs.File("repros", file));
        GeneratorResult result = AssertCompilesWithRenamesOnly(Run(text, "/p/" + file));
        Assert.NotEmpty(result.Sources);
    }

    // ------------------------------------------------------------------ type names

    /// <summary>Each reserved name, as an object and as an enum schema, named by another record in expressions (T.ReadJson, TJson.ToWireName).</summary>
    public static TheoryData<string> ReservedTypeNames => new(Names.ReservedTypeNames.OrderBy(static n => n, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ReservedTypeNames))]
    public void A_schema_named_like_a_generated_member_is_renamed_and_compiles(string name)
    {
        string schema = $$"""
            {
              "openapi": "3.1.0", "info": { "title": "T", "version": "1" }, "paths": {},
              "components": { "schemas": {
                {{Quote(name)}}: { "type": "object", "properties": { "a": { "type": "string" }, "petType": { "type": "string" } } },
                {{Quote(name + "_kind")}}: { "type": "string", "enum": ["x", "y"] },
                "Holder": { "type": "object", "required": ["one"], "properties": {
                  "one": { "$ref": "#/components/schemas/{{name}}" },
                  "many": { "type": "array", "items": { "$ref": "#/components/schemas/{{name}}" } },
                  "kind": { "$ref": "#/components/schemas/{{name}}_kind" }
                } },
                "Either": { "oneOf": [{ "$ref": "#/components/schemas/{{name}}" }, { "$ref": "#/components/schemas/{{name}}_kind" }, { "type": "integer" }] },
                "Pet": { "oneOf": [{ "$ref": "#/components/schemas/{{name}}" }], "discriminator": { "propertyName": "petType" } }
              } }
            }
            """;
        GeneratorResult result = AssertCompilesWithRenamesOnly(Run(schema));
        Diagnostic renamed = Assert.Single(result.SchemaDiagnostics);
        Assert.Contains("'" + name + "Value'", renamed.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(result.Sources, s => s.HintName == "P." + name + "Value.g.cs");
    }

    /// <summary>The tables are complete: every member a generated type declares, synthesizes or inherits is reserved.</summary>
    [Fact]
    public void Every_member_of_every_kind_of_generated_type_is_a_reserved_type_name()
    {
        string schema = """
            {
              "openapi": "3.1.0", "info": { "title": "T", "version": "1" }, "paths": {},
              "components": { "schemas": {
                "Status": { "type": "string", "enum": ["a", "b"] },
                "Cat": { "type": "object", "required": ["petType"], "properties": {
                  "petType": { "type": "string" }, "tags": { "type": "array", "items": { "type": "string", "pattern": "^x" } },
                  "kind": { "const": "k" }, "status": { "$ref": "#/components/schemas/Status" } },
                  "additionalProperties": { "type": "integer" } },
                "Pet": { "oneOf": [{ "$ref": "#/components/schemas/Cat" }], "discriminator": { "propertyName": "petType" } },
                "Either": { "oneOf": [{ "$ref": "#/components/schemas/Cat" }, { "type": "integer" }] }
              } }
            }
            """;
        GeneratorResult result = AssertCompilesWithRenamesOnly(Run(schema));
        string[] schemaMembers = ["PetType", "PetTypeValue", "Tags", "Kind", "KindValue", "Status", "AdditionalProperties", "A", "B"];
        var types = new[] { "P.Status", "P.StatusJson", "P.Cat", "P.Pet", "P.Either" }.Select(n => result.Output.GetTypeByMetadataName(n)!).ToList();
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (INamedTypeSymbol type in types)
        {
            for (INamedTypeSymbol? t = type; t is not null && t.SpecialType is not (SpecialType.System_Enum or SpecialType.System_ValueType); t = t.BaseType)
            {
                members.UnionWith(t.GetMembers().Where(static m => m.CanBeReferencedByName || m.Name == "Clone" || m is INamedTypeSymbol).Select(static m => m.Name));
            }
        }

        // Not names a schema's type can take (PascalCase has no '_'), or named by the parser around the schema's names.
        members.RemoveWhere(n => n.Contains('_', StringComparison.Ordinal) || schemaMembers.Contains(n) || n is "Unknown" or "CatCase" or "IntegerCase");
        Assert.NotEmpty(members);
        Assert.Empty(members.Where(static n => !Names.ReservedTypeNames.Contains(n)).OrderBy(static n => n, StringComparer.Ordinal));

        // A record's (and a union's) members are the ones its properties may not take.
        var recordMembers = new HashSet<string>(StringComparer.Ordinal);
        foreach (INamedTypeSymbol type in types.Where(static t => t.IsRecord))
        {
            for (INamedTypeSymbol? t = type; t is not null; t = t.BaseType)
            {
                recordMembers.UnionWith(t.GetMembers().Where(static m => m.CanBeReferencedByName || m.Name == "Clone" || m is INamedTypeSymbol).Select(static m => m.Name));
            }
        }

        recordMembers.RemoveWhere(n => n.Contains('_', StringComparison.Ordinal) || schemaMembers.Contains(n) || n is "Unknown" or "CatCase" or "IntegerCase" or "Match" or "Switch" or "Alternative");
        Assert.Empty(recordMembers.Where(static n => !Names.ReservedMemberNames.Contains(n)).OrderBy(static n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void An_enum_value_named_like_its_enum_is_renamed_silently_and_compiles()
    {
        // As a property named like its type: C# forbids it, schemas do it, and the suffix is what a reader expects.
        GeneratorResult result = AssertCompilesWithRenamesOnly(Run("""{ "title": "Status", "type": "string", "enum": ["ok", "status"] }"""));
        Assert.Empty(result.SchemaDiagnostics);
        Assert.Contains("StatusValue,", result.Source("P.Status.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Status", "StatusJson")]
    [InlineData("StatusJson", "Status")]
    public void An_enums_helper_class_and_a_schema_of_its_name_get_two_names(string first, string second)
    {
        string Schema(string name) => name == "Status"
            ? "\"Status\": { \"type\": \"string\", \"enum\": [\"a\", \"b\"] }"
            : "\"StatusJson\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } }";
        string schema = $$"""
            {
              "openapi": "3.1.0", "info": { "title": "T", "version": "1" }, "paths": {},
              "components": { "schemas": {
                {{Schema(first)}},
                {{Schema(second)}},
                "Holder": { "type": "object", "properties": { "s": { "$ref": "#/components/schemas/Status" }, "j": { "$ref": "#/components/schemas/StatusJson" } } }
              } }
            }
            """;
        GeneratorResult result = AssertCompilesWithRenamesOnly(Run(schema));
        Diagnostic renamed = Assert.Single(result.SchemaDiagnostics);
        Assert.Contains("'StatusJson'", renamed.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_named_like_the_document_class_compiles()
    {
        string schema = """{ "title": "Root", "type": "object", "properties": { "names_json_schema": { "type": "string" } } }""";
        GeneratorResult result = AssertCompilesWithRenamesOnly(Run(schema));
        Assert.Empty(result.SchemaDiagnostics);
        Assert.Contains("global::P.NamesJsonSchema.Document", result.Source("P.Root.g.cs"), StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ member names

    /// <summary>Every reserved member and type name, as it is and in snake case, on a record, a union case and a choice's object alternative.</summary>
    [Fact]
    public void Properties_named_like_generated_members_are_renamed_with_a_warning_and_compile()
    {
        var names = Names.ReservedMemberNames.Concat(Names.ReservedTypeNames).Distinct().OrderBy(static n => n, StringComparer.Ordinal).ToList();
        string properties = string.Join(", ", names.Select(static n => Quote(n) + ": { \"type\": \"string\" }"));
        string schema = $$"""
            {
              "openapi": "3.1.0", "info": { "title": "T", "version": "1" }, "paths": {},
              "components": { "schemas": {
                "Plain": { "type": "object", "properties": { {{properties}} }, "additionalProperties": { "type": "integer" } },
                "Pet": { "oneOf": [{ "$ref": "#/components/schemas/Cat" }], "discriminator": { "propertyName": "petType" } },
                "Cat": { "type": "object", "required": ["petType"], "properties": { "petType": { "type": "string" }, {{properties}} } },
                "Either": { "oneOf": [{ "type": "string" }, { "type": "object", "title": "Shape", "properties": { {{properties}} } }] }
              } }
            }
            """;
        GeneratorResult result = AssertCompilesWithRenamesOnly(Run(schema));

        // Renamed are the members records have (not Match or TryParse, which only choices and enum helpers have).
        string plain = result.Source("P.Plain.g.cs");
        foreach (string name in Names.ReservedMemberNames)
        {
            Assert.Contains("string? " + name + "Value { get; init; }", plain, StringComparison.Ordinal);
        }

        Assert.Contains("string? Match { get; init; }", plain, StringComparison.Ordinal);
        Assert.Equal(3 * Names.ReservedMemberNames.Count, result.SchemaDiagnostics.Count);
    }

    [Fact]
    public void A_discriminator_named_like_a_generated_member_is_renamed_and_compiles()
    {
        string schema = """
            {
              "openapi": "3.1.0", "info": { "title": "T", "version": "1" }, "paths": {},
              "components": { "schemas": {
                "Pet": { "oneOf": [{ "$ref": "#/components/schemas/Cat" }], "discriminator": { "propertyName": "EqualityContract" } },
                "Cat": { "type": "object", "properties": { "EqualityContract": { "type": "string" }, "name": { "type": "string" } } }
              } }
            }
            """;
        GeneratorResult result = AssertCompilesWithRenamesOnly(Run(schema));
        Assert.Contains("public abstract string EqualityContractValue { get; }", result.Source("P.Pet.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public override string EqualityContractValue => EqualityContractValueValue;", result.Source("P.Cat.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_and_a_property_named_like_its_constant_member_get_two_names()
    {
        string schema = """{ "title": "Root", "type": "object", "properties": { "kind_value": { "type": "string" }, "kind": { "const": "x" }, "other": { "const": "y" }, "other_value": { "type": "integer" } } }""";
        GeneratorResult result = AssertCompilesWithRenamesOnly(Run(schema));
        Assert.Equal(2, result.SchemaDiagnostics.Count);
        string root = result.Source("P.Root.g.cs");
        Assert.Contains("public const string Kind2Value = \"x\";", root, StringComparison.Ordinal);
        Assert.Contains("public long? OtherValueValue { get; init; }", root, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ types hidden by members

    [Fact]
    public void A_type_named_like_a_member_of_the_record_that_uses_it_is_written_in_full()
    {
        string schema = """
            {
              "openapi": "3.1.0", "info": { "title": "T", "version": "1" }, "paths": {},
              "components": { "schemas": {
                "ByNWeekday": { "type": "object", "required": ["n"], "properties": { "n": { "type": "integer" } } },
                "Status": { "type": "string", "enum": ["a", "b"] },
                "Owner": { "type": "object", "properties": { "name": { "type": "string" } } },
                "Rule": { "type": "object", "required": ["by_n_weekday"], "properties": {
                  "by_n_weekday": { "type": "array", "items": { "$ref": "#/components/schemas/ByNWeekday" } },
                  "owner": { "$ref": "#/components/schemas/Owner" },
                  "status_json": { "type": "string" },
                  "state": { "$ref": "#/components/schemas/Status" },
                  "maps": { "type": "object", "additionalProperties": { "$ref": "#/components/schemas/ByNWeekday" } }
                } }
              } }
            }
            """;
        GeneratorResult result = AssertCompilesWithRenamesOnly(Run(schema));
        Assert.Empty(result.SchemaDiagnostics);
        string rule = result.Source("P.Rule.g.cs");
        Assert.Contains("global::P.ByNWeekday.ReadJson", rule, StringComparison.Ordinal);
        Assert.Contains("global::P.StatusJson.", rule, StringComparison.Ordinal);

        // Owner Owner: C# binds the name to both, and the short name stays.
        Assert.DoesNotContain("global::P.Owner", rule, StringComparison.Ordinal);
        Assert.Contains("public Owner? Owner { get; init; }", rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_named_like_a_member_of_the_client_is_written_in_full_there()
    {
        string schema = """
            {
              "openapi": "3.1.0", "info": { "title": "T", "version": "1" },
              "paths": { "/a": { "post": { "operationId": "send",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BaseAddress" } } } },
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/SendAsync" } } } } } } } } },
              "components": { "schemas": {
                "BaseAddress": { "type": "object", "properties": { "a": { "type": "string", "minLength": 1 } } },
                "SendAsync": { "type": "object", "properties": { "a": { "type": "string" } } }
              } }
            }
            """;
        GeneratorResult result = AssertCompilesWithRenamesOnly(Run(schema));
        Assert.Empty(result.SchemaDiagnostics);
        Assert.Contains("global::P.BaseAddress.WriteJson", result.Source("P.TClient.g.cs"), StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ client parameters and locals

    /// <summary>Names of the client method's own parameters, locals, lambda parameters and validation locals.</summary>
    public static TheoryData<string> ParameterNames => new()
    {
        "body", "cancellationToken", "nameof", "context", "path", "query", "response", "reader", "writer", "value", "redact",
        "item0", "item1", "item0Value", "entry0", "text0", "length0", "i0", "i1",
        "pathValue", "queryValue", "contextValue", "path2", "query2", "valueValue", "valueItem", "valueWire", "_transport", "BaseAddress",
    };

    [Theory]
    [MemberData(nameof(ParameterNames))]
    public void A_parameter_named_like_the_client_methods_own_names_compiles(string name)
    {
        // The body (nullable items, maps, nested arrays) is validated with the validation locals; the path,
        // optional, enum and array parameters make the method's other locals.
        string schema = $$"""
            {
              "openapi": "3.1.0", "info": { "title": "T", "version": "1" },
              "paths": { "/a/{{{name}}}": { "post": { "operationId": "send",
                "parameters": [
                  { "name": {{Quote(name)}}, "in": "path", "required": true, "schema": { "type": "string", "minLength": 2, "format": "uuid" } },
                  { "name": {{Quote(name)}}, "in": "query", "schema": { "type": "integer", "minimum": 1 } },
                  { "name": {{Quote(name + "_kind")}}, "in": "query", "schema": { "type": "string", "enum": ["a", "b"] } },
                  { "name": {{Quote(name + "_list")}}, "in": "query", "schema": { "type": "array", "items": { "type": "string", "format": "date" } } },
                  { "name": {{Quote(name + "_text")}}, "in": "query", "schema": { "type": "string", "maxLength": 9 } }
                ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": {
                  "type": "array", "minItems": 1,
                  "items": { "type": ["array", "null"], "items": { "type": "object", "additionalProperties": { "$ref": "#/components/schemas/Item" } } } } } } },
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Item" } } } } } } } } },
              "components": { "schemas": { "Item": { "type": "object", "properties": { "a": { "type": "string", "minLength": 1 } } } } }
            }
            """;
        GeneratorResult result = AssertCompilesWithRenamesOnly(Run(schema));

        // A parameter keeps its name unless the method's own code needs it; the locals step aside.
        string camel = Names.ToCamelCase(name).TrimStart('@');
        bool reserved = Names.IsReservedParameterName(camel);
        INamedTypeSymbol client = result.Output.GetTypeByMetadataName("P.TClient")!;
        IMethodSymbol send = client.GetMembers("SendWithResponseAsync").OfType<IMethodSymbol>().Single();
        string pathParameter = send.Parameters[0].Name;
        Assert.True(reserved ? pathParameter.StartsWith(camel + "Value", StringComparison.Ordinal) : pathParameter == camel, pathParameter);
        Assert.Equal(reserved, result.SchemaDiagnostics.Any(d => d.GetMessage().Contains("'" + name + "'", StringComparison.Ordinal) && d.GetMessage().Contains("client method", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_parameter_named_path_keeps_its_name_and_the_local_steps_aside()
    {
        GeneratorResult result = AssertCompilesWithRenamesOnly(Run(File.ReadAllText(SharedInputs.File("repros", "cs0841-path-parameter-named-path.json"))));
        Assert.Empty(result.SchemaDiagnostics);
        string client = result.Source("P.ReproClient.g.cs");
        Assert.Contains("GetContentAsync([SB::SchemaMinLength(1)] string path, global::System.Threading.CancellationToken cancellationToken = default)", client, StringComparison.Ordinal);
        Assert.Contains("string path2 = ", client, StringComparison.Ordinal);
        Assert.Contains("UriPath.Segment(path)", client, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ deprecated members

    private const string DeprecatedSchema = """
        {
          "openapi": "3.1.0", "info": { "title": "T", "version": "1" }, "paths": {},
          "components": { "schemas": {
            "UploadFile": { "type": "object", "required": ["id", "status"], "properties": {
              "id": { "type": "string" },
              "status": { "type": "string", "deprecated": true, "enum": ["uploaded", "processed"] },
              "fingerprint": { "type": "string", "deprecated": true, "minLength": 4 },
              "tags": { "type": "array", "deprecated": true, "items": { "type": "string" } }
            } }
          } }
        }
        """;

    [Fact]
    public void Deprecated_members_compile_clean_and_still_warn_in_the_users_code()
    {
        const string user = """
            namespace UserProject
            {
                internal static class Uses
                {
                    public static string Id(P.UploadFile file) => file.Id;

                    public static string? Fingerprint(P.UploadFile file) => file.Fingerprint;
                }
            }
            """;
        GeneratorResult result = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(user), new SchemaFile("/p/files.json", DeprecatedSchema, "P"));
        GeneratorResult.AssertNone(result.SchemaDiagnostics);

        // The generated files: nothing. The user's file: CS0618 at the one use of a deprecated member.
        GeneratorResult.AssertNone(result.CompilationDiagnostics.Where(static d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true));
        Diagnostic obsolete = Assert.Single(result.CompilationDiagnostics);
        Assert.Equal("CS0618", obsolete.Id);
        Assert.Contains("Fingerprint", obsolete.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(6, obsolete.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Setting_a_required_deprecated_member_warns_in_the_users_code()
    {
        const string user = """
            namespace UserProject
            {
                internal static class Make
                {
                    public static P.UploadFile File() => new P.UploadFile { Id = "a", Status = P.UploadFileStatus.Uploaded };
                }
            }
            """;
        GeneratorResult result = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(user), new SchemaFile("/p/files.json", DeprecatedSchema, "P"));
        Diagnostic obsolete = Assert.Single(result.CompilationDiagnostics);
        Assert.Equal("CS0618", obsolete.Id);
        Assert.Contains("Status", obsolete.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(4, obsolete.Location.GetLineSpan().StartLinePosition.Line);
    }

    // ------------------------------------------------------------------ XML docs

    [Theory]
    [InlineData("\\uFFFE", "\\uFFFE")]
    [InlineData("\\uFFFF", "\\uFFFF")]
    [InlineData("\\uD800", "\\uD800")]
    [InlineData("\\uDC00 after", "\\uDC00 after")]
    [InlineData("end \\uD83D", "end \\uD83D")]
    [InlineData("\\uDE00\\uD83D", "\\uDE00\\uD83D")]
    public void Descriptions_with_chars_XML_forbids_give_valid_docs(string jsonEscaped, string shown)
    {
        string schema = "{ \"title\": \"Root\", \"description\": \"a " + jsonEscaped + " b\", \"type\": \"object\", \"properties\": { \"x\": { \"type\": \"string\", \"description\": \"" + jsonEscaped + "\" } } }";
        GeneratorResult result = AssertCompilesWithRenamesOnly(Run(schema));
        Assert.Empty(result.SchemaDiagnostics);
        Assert.Contains("/// <summary>a " + shown + " b</summary>", result.Source("P.Root.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Surrogate_pairs_in_descriptions_are_kept()
    {
        string schema = """{ "title": "Root", "description": "smile \ud83d\ude00 & <ok>", "type": "object", "properties": { "x": { "type": "string" } } }""";
        GeneratorResult result = AssertCompilesWithRenamesOnly(Run(schema));
        Assert.Contains("/// <summary>smile \U0001F600 &amp; &lt;ok&gt;</summary>", result.Source("P.Root.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_text_escapes_every_char_XML_forbids_and_nothing_else()
    {
        var text = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++)
        {
            text.Append((char)c);
        }

        string xml = SchemaBind.Generator.Emitting.CSharp.Xml(text.ToString() + "\U0001F600");
        var document = System.Xml.Linq.XDocument.Parse("<doc>" + xml + "</doc>");
        Assert.EndsWith("\U0001F600", document.Root!.Value, StringComparison.Ordinal);
        Assert.Contains("\\uFFFE\\uFFFF", xml, StringComparison.Ordinal);
        Assert.Contains("\uE000", xml, StringComparison.Ordinal);
    }
}
