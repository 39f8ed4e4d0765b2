using Microsoft.CodeAnalysis;
using SchemaBind.Generator.Reading;
using SchemaBind.Generator.Text;

namespace SchemaBind.Generator.Tests;

/// <summary>YAML schema files: the same tree as JSON, positions in the YAML text, aliases bounded.</summary>
public sealed class YamlTests
{
    private const string PetsYaml = """
        openapi: 3.1.0
        info:
          title: Pets
          version: "1"
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters:
                - name: id
                  in: path
                  required: true
                  schema: { type: integer, format: int64 }
              responses:
                200:
                  description: The pet.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pet'
        components:
          schemas:
            Pet:
              type: object
              required: [id, name]
              properties:
                id: { type: integer, format: int64 }
                name: { type: string, maxLength: 0x40 }
                tag:
                  type: [string, "null"]
                  description: |
                    A free tag.
                    Two lines.
        """; // the literal's last line break is kept only when the text has one (here it ends the file)

    private const string PetsJson = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Pets", "version": "1" },
          "paths": {
            "/pets/{id}": {
              "get": {
                "operationId": "getPet",
                "parameters": [
                  { "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64" } }
                ],
                "responses": {
                  "200": {
                    "description": "The pet.",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } }
                  }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Pet": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {
                  "id": { "type": "integer", "format": "int64" },
                  "name": { "type": "string", "maxLength": 64 },
                  "tag": { "type": ["string", "null"], "description": "A free tag.\nTwo lines." }
                }
              }
            }
          }
        }
        """;

    [Fact]
    public void A_yaml_document_generates_what_its_json_form_generates()
    {
        GeneratorResult yaml = GeneratorHarness.Run(new SchemaFile("/project/pets.yaml", PetsYaml, "My.Pets", "PetsClient"));
        GeneratorResult json = GeneratorHarness.Run(new SchemaFile("/project/pets.json", PetsJson, "My.Pets", "PetsClient"));

        GeneratorResult.AssertNone(yaml.SchemaDiagnostics);
        GeneratorResult.AssertNone(yaml.CompilationDiagnostics);
        AssertSameOutputs(json, yaml);
        Assert.Contains("GetPetAsync", yaml.Source("My.Pets.PetsClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_error_in_yaml_is_reported_at_its_line_and_column_in_the_yaml_text()
    {
        string text = """
            openapi: 3.1.0
            info: { title: T, version: "1" }
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    code:
                      type: string
                      pattern: "([a-z]"
                    other:
                      $ref: '#/components/schemas/Missing'
            """;
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/api.yml", text, "My.Api"));

        Diagnostic pattern = Assert.Single(result.SchemaDiagnostics, static d => d.Id == "SB0007");
        Assert.Equal(Position(text, "\"([a-z]\""), Start(pattern));
        Assert.Equal("/project/api.yml", pattern.Location.GetLineSpan().Path);

        Diagnostic reference = Assert.Single(result.SchemaDiagnostics, static d => d.Id == "SB0005");
        Assert.Equal(Position(text, "'#/components/schemas/Missing'"), Start(reference));
    }

    [Theory]
    [InlineData("a: [1, 2\nb: 3\n", 0, 5)] // YamlDotNet's scanner gives up in the flow sequence: after its last value
    [InlineData("a: [1, 2\n", 1, 0)]
    [InlineData("a: b\n  c: d\n", 1, 3)]
    [InlineData("key: \"unterminated\n", 0, 5)]
    [InlineData("a: 1\nb: *nowhere\n", 1, 3)]
    public void A_yaml_syntax_error_is_SB0030_where_it_breaks(string text, int line, int column)
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/api.yaml", text, "My.Api"));

        AssertNoCrash(result);
        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0030", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
        Assert.Equal((line, column), Start(d));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void An_empty_yaml_file_is_SB0030()
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/api.yaml", "# only a comment\n", "My.Api"));

        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0030", d.Id);
        Assert.Contains("empty", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys_expand_to_the_document_written_out()
    {
        string yaml = """
            $schema: https://json-schema.org/draft/2020-12/schema
            title: Shop
            type: object
            $defs:
              base: &base
                type: object
                required: [id]
                properties: &baseProperties
                  id: &id { type: string, minLength: 1 }
              Item:
                <<: *base
                properties:
                  <<: *baseProperties
                  price: { type: number }
                  id: { type: string, maxLength: 9 }
              Box:
                <<: [*base, { description: Merged second. }]
                description: Its own.
            properties:
              item: { $ref: '#/$defs/Item' }
              box: { $ref: '#/$defs/Box' }
              ids: { type: array, items: *id }
            """;
        string json = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Shop",
              "type": "object",
              "$defs": {
                "base": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string", "minLength": 1 } } },
                "Item": {
                  "type": "object", "required": ["id"],
                  "properties": { "price": { "type": "number" }, "id": { "type": "string", "maxLength": 9 } }
                },
                "Box": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string", "minLength": 1 } }, "description": "Its own." }
              },
              "properties": {
                "item": { "$ref": "#/$defs/Item" },
                "box": { "$ref": "#/$defs/Box" },
                "ids": { "type": "array", "items": { "type": "string", "minLength": 1 } }
              }
            }
            """;

        Assert.Equal(Minified(Json(json)), Minified(Yaml(yaml)));

        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/shop.yaml", yaml, "My.Shop"));
        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        AssertSameOutputs(GeneratorHarness.Run(new SchemaFile("/project/shop.json", json, "My.Shop")), result);
    }

    [Fact]
    public void A_billion_laughs_document_is_refused_with_a_located_SB0030()
    {
        var text = new System.Text.StringBuilder("$schema: https://json-schema.org/draft/2020-12/schema\ntype: object\nexamples:\n  - a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++)
        {
            text.Append($"  - a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
        }

        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/lol.yaml", text.ToString(), "My.Lol"));

        AssertNoCrash(result);
        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0030", d.Id);
        Assert.Contains("billion laughs", d.GetMessage(), StringComparison.Ordinal);

        // Stopped at the alias that crossed the budget (10 times the text plus a million nodes and chars): a(i) is
        // about 4·10^(i+1) of them, so the second alias of a4 on a5's line crosses it.
        string line = text.ToString().Split('\n')[Start(d).Line];
        Assert.StartsWith("  - a5:", line, StringComparison.Ordinal);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void The_expansion_budget_counts_nodes_and_chars_so_that_long_aliased_strings_stop_too()
    {
        string big = new('x', 100_000);
        string text = "a: &a " + big + "\nb: [" + string.Join(", ", Enumerable.Repeat("*a", 3_000)) + "]\n";

        YamlSyntaxException ex = Assert.Throws<YamlSyntaxException>(() => YamlTextReader.Read(text, new List<YamlNotice>(), default));
        Assert.Contains("billion laughs", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Offset > text.IndexOf('[', StringComparison.Ordinal));
    }

    [Fact]
    public void The_budget_counts_the_names_of_an_aliased_mapping()
    {
        string name = new('k', 100_000);
        string text = "a: &a { " + name + ": 1 }\nb: [" + string.Join(", ", Enumerable.Repeat("*a", 3_000)) + "]\n";

        YamlSyntaxException ex = Assert.Throws<YamlSyntaxException>(() => YamlTextReader.Read(text, new List<YamlNotice>(), default));
        Assert.Contains("billion laughs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_inside_its_own_anchor_is_SB0030()
    {
        string text = "type: object\nproperties: &p\n  self: { properties: *p }\n";
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/loop.yaml", text, "My.Loop"));

        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0030", d.Id);
        Assert.Equal(Position(text, "*p"), Start(d));
        Assert.Contains("infinite", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_json_limit_is_SB0030_not_a_stack_overflow()
    {
        string text = "type: object\nexamples:\n  - " + new string('[', 300) + new string(']', 300) + "\n";
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/deep.yaml", text, "My.Deep"));

        AssertNoCrash(result);
        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0030", d.Id);
        Assert.Contains("deeper than 256", d.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("~", "null")]
    [InlineData("", "null")]
    [InlineData("Null", "null")]
    [InlineData("TRUE", "true")]
    [InlineData("False", "false")]
    [InlineData("yes", "\"yes\"")] // YAML 1.1's booleans are strings in 1.2
    [InlineData("on", "\"on\"")]
    [InlineData("42", "42")]
    [InlineData("-17", "-17")]
    [InlineData("+5", "5")]
    [InlineData("007", "7")]
    [InlineData("0x1F", "31")]
    [InlineData("0o17", "15")]
    [InlineData("0xFFFFFFFFFFFFFFFFFF", "4722366482869645213695")]
    [InlineData("1.5", "1.5")]
    [InlineData("1.", "1.0")]
    [InlineData(".5", "0.5")]
    [InlineData("-.5e-3", "-0.5e-3")]
    [InlineData("+12e03", "12e03")]
    [InlineData("3.1.0", "\"3.1.0\"")]
    [InlineData("0x", "\"0x\"")]
    [InlineData("1_000", "\"1_000\"")]
    [InlineData("2001-12-14", "\"2001-12-14\"")]
    [InlineData("'42'", "\"42\"")]
    [InlineData("\"true\"", "\"true\"")]
    [InlineData("!!str 42", "\"42\"")]
    [InlineData("!!int \"42\"", "42")]
    [InlineData("!!float 1", "1")]
    [InlineData("! 42", "\"42\"")]
    [InlineData("|\n  a\n  b", "\"a\\nb\\n\"")]
    [InlineData(">-\n  a\n  b", "\"a b\"")]
    public void Scalars_follow_the_yaml_1_2_core_schema(string yaml, string json)
    {
        var notices = new List<YamlNotice>();
        JsonNode root = YamlTextReader.Read("v: " + yaml + "\n", notices, default);

        Assert.Equal("{\"v\":" + json + "}", Minified(root));
        Assert.Empty(notices);
    }

    [Theory]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".NaN")]
    public void Floats_json_cannot_hold_are_strings_with_SB0033(string value)
    {
        string text = "$schema: https://json-schema.org/draft/2020-12/schema\ntype: number\nexamples: [1, " + value + "]\n";
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/n.yaml", text, "My.N"));

        Diagnostic d = Assert.Single(result.SchemaDiagnostics, static d => d.Id == "SB0033");
        Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity);
        Assert.Equal(Position(text, value), Start(d));
        Assert.NotEmpty(result.Sources);
    }

    [Fact]
    public void Keys_of_any_scalar_kind_are_their_text()
    {
        JsonNode root = YamlTextReader.Read("200: a\ntrue: b\n~: c\n1.50: d\n'x': e\n", new List<YamlNotice>(), default);

        Assert.Equal("{\"200\":\"a\",\"true\":\"b\",\"~\":\"c\",\"1.50\":\"d\",\"x\":\"e\"}", Minified(root));
    }

    [Fact]
    public void Duplicate_keys_are_kept_as_json_keeps_them_and_the_last_wins()
    {
        var root = (JsonObject)YamlTextReader.Read("a: 1\na: 2\n", new List<YamlNotice>(), default);

        Assert.Equal(2, root.Properties.Length);
        Assert.Equal("2", ((JsonNumber)root.Get("a")!).Raw);
    }

    // The reader follows YAML's grammar over YamlDotNet's tokens itself (not YamlDotNet's Parser): the shapes the
    // grammar has besides plain block mappings, read as YamlDotNet's Parser reads them.
    [Theory]
    [InlineData("a:\n- 1\n-\n- - x\n  - y\nb:\n  - c: d\n    e: f\n  -\n", "{\"a\":[1,null,[\"x\",\"y\"]],\"b\":[{\"c\":\"d\",\"e\":\"f\"},null]}")]
    [InlineData("? a\n: b\n? c\nd:\n", "{\"a\":\"b\",\"c\":null,\"d\":null}")]
    [InlineData("a: [b: c, d, e: , {f: g}]\nh: {i, j: k, l: }\n", "{\"a\":[{\"b\":\"c\"},\"d\",{\"e\":null},{\"f\":\"g\"}],\"h\":{\"i\":null,\"j\":\"k\",\"l\":null}}")]
    [InlineData("%TAG !e! tag:yaml.org,2002:\n---\na: !e!int \"12\"\nb: !!str 13\n", "{\"a\":12,\"b\":\"13\"}")]
    [InlineData("a: &x\nb: !!str\nc: *x\n", "{\"a\":null,\"b\":\"\",\"c\":null}")]
    [InlineData("--- |\n  literal\n...\n", "\"literal\\n\"")]
    [InlineData("- [a, [b]]\n- {c: [d]}\n", "[[\"a\",[\"b\"]],{\"c\":[\"d\"]}]")]
    public void The_grammar_reads_every_collection_shape(string yaml, string json)
    {
        var notices = new List<YamlNotice>();
        Assert.Equal(json, Minified(YamlTextReader.Read(yaml, notices, default)));
        Assert.Empty(notices);
    }

    [Theory]
    [InlineData("a: {b: c", 8, "did not find expected ',' or '}'")]
    [InlineData("&a &b x", 3, "more than one anchor")]
    [InlineData("a: \"x\" y", 7, "did not find expected key")]
    [InlineData("a: !u!x y", 3, "undefined tag handle")]
    [InlineData("%YAML 2.0\n---\na: 1", 0, "incompatible")]
    [InlineData("[a]\n- b", 4, "<document end>")]
    public void A_text_against_the_grammar_is_a_located_syntax_error(string yaml, int offset, string message)
    {
        YamlSyntaxException ex = Assert.Throws<YamlSyntaxException>(() => YamlTextReader.Read(yaml, new List<YamlNotice>(), default));

        Assert.Equal(offset, ex.Offset);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offsets_are_chars_of_the_text_after_a_byte_order_mark_crlf_and_surrogate_pairs()
    {
        string text = "\uFEFFa: \"\U0001F600\"\r\nbb: [1, {c: d}]\r\n";
        var root = (JsonObject)YamlTextReader.Read(text, new List<YamlNotice>(), default);

        JsonProperty bb = root.Find("bb")!.Value;
        Assert.Equal(text.IndexOf("bb", StringComparison.Ordinal), bb.NameStart);
        Assert.Equal(text.IndexOf("bb", StringComparison.Ordinal) + 2, bb.NameEnd);
        var array = (JsonArray)bb.Value;
        Assert.Equal(text.IndexOf('[', StringComparison.Ordinal), array.Start);
        Assert.Equal(text.IndexOf(']', StringComparison.Ordinal) + 1, array.End);
        Assert.Equal(text.IndexOf('{', StringComparison.Ordinal), array.Items[1].Start);
        Assert.Equal(text.IndexOf('"', StringComparison.Ordinal), root.Find("a")!.Value.Value.Start);
    }

    [Fact]
    public void Unknown_tags_and_further_documents_are_located_warnings()
    {
        string text = "$schema: https://json-schema.org/draft/2020-12/schema\ntype: object\ntitle: !custom Thing\n---\nsecond: document\n";
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/t.yaml", text, "My.T"));

        Diagnostic tag = Assert.Single(result.SchemaDiagnostics, static d => d.Id == "SB0031");
        Assert.Equal(Position(text, "!custom"), Start(tag));
        Assert.Contains("'!custom'", tag.GetMessage(), StringComparison.Ordinal);

        Diagnostic further = Assert.Single(result.SchemaDiagnostics, static d => d.Id == "SB0032");
        Assert.Equal((3, 0), Start(further));
        Assert.Equal(2, result.SchemaDiagnostics.Count);
        Assert.NotEmpty(result.Sources);
    }

    [Theory]
    [InlineData("/project/pets", true)]
    [InlineData("/project/pets.txt", true)]
    [InlineData("/project/pets", false)]
    [InlineData("/project/pets.schema", false)]
    public void Files_without_a_known_extension_are_sniffed(string path, bool yaml)
    {
        string text = yaml ? PetsYaml : PetsJson;
        Assert.Equal(yaml ? DocumentSyntax.Yaml : DocumentSyntax.Json, DocumentSyntaxes.Of(path, text));

        GeneratorResult result = GeneratorHarness.Run(new SchemaFile(path, text, "My.Pets", "PetsClient"));
        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        AssertSameOutputs(GeneratorHarness.Run(new SchemaFile("/project/pets.json", PetsJson, "My.Pets", "PetsClient")), result);
    }

    [Fact]
    public void The_extension_decides_before_the_content()
    {
        Assert.Equal(DocumentSyntax.Yaml, DocumentSyntaxes.Of("/p/a.YML", "{\"a\": 1}"));
        Assert.Equal(DocumentSyntax.Json, DocumentSyntaxes.Of("/p/a.Json", "a: 1"));

        // YAML 1.2 reads JSON, so a JSON document named .yaml still generates.
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/project/pets.yaml", PetsJson, "My.Pets", "PetsClient"));
        GeneratorResult.AssertNone(result.SchemaDiagnostics);

        // A YAML document named .json is refused as JSON.
        Assert.Equal("SB0001", Assert.Single(GeneratorHarness.Run(new SchemaFile("/project/pets.json", PetsYaml, "My.Pets")).SchemaDiagnostics).Id);
    }

    [Fact]
    public void The_museum_yaml_generates_and_compiles_clean()
    {
        string path = SharedInputs.File("realworld", "museum", "openapi.yaml");
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile(path, File.ReadAllText(path), "Museum.Api", "MuseumClient"));

        Assert.DoesNotContain(result.SchemaDiagnostics, static d => d.DefaultSeverity == DiagnosticSeverity.Error);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        Assert.Contains(result.Sources, static s => s.HintName == "Museum.Api.MuseumClient.g.cs");
    }

    internal static JsonNode Yaml(string text) => YamlTextReader.Read(text, new List<YamlNotice>(), default);

    internal static JsonNode Json(string text) => JsonTextParser.Parse(text);

    /// <summary>A tree as minified JSON, as the generator embeds it.</summary>
    internal static string Minified(JsonNode node)
    {
        var minified = new MinifiedJson();
        JsonTreeWriter.Write(node, minified, default);
        return minified.ToString();
    }

    /// <summary>The same generated files, byte for byte (a failure shows the first line that differs).</summary>
    internal static void AssertSameOutputs(GeneratorResult expected, GeneratorResult actual)
    {
        IReadOnlyList<(string HintName, string Text)> left = Outputs(expected), right = Outputs(actual);
        Assert.Equal(left.Select(static o => o.HintName), right.Select(static o => o.HintName));
        for (int i = 0; i < left.Count; i++)
        {
            string[] a = left[i].Text.Split('\n'), b = right[i].Text.Split('\n');
            int line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(n => a[n] != b[n], -1);
            Assert.True(line < 0 && a.Length == b.Length, $"{left[i].HintName} differs at line {line + 1}:\n{(line >= 0 ? a[line] : "")}\n{(line >= 0 ? b[line] : "")}");
        }
    }

    /// <summary>Every generated file, by hint name, in order.</summary>
    internal static IReadOnlyList<(string HintName, string Text)> Outputs(GeneratorResult result) =>
        result.Sources.Select(static s => (s.HintName, s.SourceText.ToString())).OrderBy(static s => s.HintName, StringComparer.Ordinal).ToList();

    private static void AssertNoCrash(GeneratorResult result)
    {
        Assert.All(result.RunResult.Results, static r => Assert.Null(r.Exception));
        Assert.DoesNotContain(result.GeneratorDiagnostics, static d => d.Id is "CS8785" or "AD0001" or "SB0099");
    }

    private static (int Line, int Column) Start(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        return (span.StartLinePosition.Line, span.StartLinePosition.Character);
    }

    /// <summary>Zero-based line and column of the first occurrence of <paramref name="what"/>.</summary>
    private static (int Line, int Column) Position(string text, string what)
    {
        int offset = text.IndexOf(what, StringComparison.Ordinal);
        Assert.True(offset >= 0, what + " is not in the text");
        int line = text.Take(offset).Count(static c => c == '\n');
        return (line, offset - (text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1));
    }
}
