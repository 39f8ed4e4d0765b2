using Microsoft.CodeAnalysis;
using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// The readme examples (Swagger 2.0, OpenAPI 3.0 and 3.1) come in both syntaxes: where the two files hold the same
/// document, the generator must do the same with either — the same files byte for byte, the same diagnostics.
/// </summary>
public sealed class YamlPairTests
{
    /// <summary>
    /// The pairs whose YAML and JSON files hold different documents, reviewed by hand; the test checks that they do
    /// differ, so the list cannot go stale.
    /// </summary>
    private static readonly Dictionary<string, string> s_differentContent = new(StringComparer.Ordinal)
    {
        ["2.0/petstore-expanded"] = "Pet's \"type: object\" is on Pet in JSON, on its second allOf member in YAML; a description is cut short in YAML",
        ["3.0/petstore-expanded"] = "the description of GET /pets differs",
        ["3.0/uspto"] = "a description starts with a space in JSON only",
        ["3.1/parameters-style"] = "the form-data deepObject and spaceDelimited examples are a GET in one file and a POST in the other",
        ["3.1/train-travel"] = "descriptions hold line breaks in JSON where YAML has the two chars \\n (single-quoted) or other text",
    };

    /// <summary>
    /// Pairs that hold the same document with the members of an object in another order. The embedded document keeps
    /// the order of its file, so the generated files may differ in that order; the test asks for the same files and
    /// diagnostics, and the same document once members are sorted.
    /// </summary>
    private static readonly Dictionary<string, string> s_otherOrder = new(StringComparer.Ordinal)
    {
        ["3.0/response-examples"] = "the responses of GET /examples are listed in another order",
    };

    public static TheoryData<string> Pairs()
    {
        var data = new TheoryData<string>();
        string readme = SharedInputs.Folder("realworld", "readme");
        foreach (string version in new[] { "2.0", "3.0", "3.1" })
        {
            string folder = Path.Combine(readme, version);
            foreach (string json in Directory.GetFiles(Path.Combine(folder, "json"), "*.json").OrderBy(static p => p, StringComparer.Ordinal))
            {
                string name = Path.GetFileNameWithoutExtension(json);
                if (File.Exists(Path.Combine(folder, "yaml", name + ".yaml")))
                {
                    data.Add(version + "/" + name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Both_syntaxes_of_a_readme_example_generate_the_same(string pair)
    {
        string[] parts = pair.Split('/');
        string folder = SharedInputs.Folder("realworld", "readme", parts[0]);
        string jsonPath = Path.Combine(folder, "json", parts[1] + ".json");
        string yamlPath = Path.Combine(folder, "yaml", parts[1] + ".yaml");
        string jsonText = File.ReadAllText(jsonPath), yamlText = File.ReadAllText(yamlPath);

        JsonNode jsonTree = YamlTests.Json(jsonText), yamlTree = YamlTests.Yaml(yamlText);
        bool same = Sorted(jsonTree) == Sorted(yamlTree);
        if (s_differentContent.ContainsKey(pair))
        {
            Assert.False(same, pair + " is listed as different in content, but its two files hold the same document.");
            return;
        }

        Assert.True(same, pair + " holds different documents in JSON and YAML; review it and list it in s_differentContent.");
        bool sameOrder = YamlTests.Minified(jsonTree) == YamlTests.Minified(yamlTree);
        Assert.True(sameOrder != s_otherOrder.ContainsKey(pair), pair + (sameOrder ? " is listed in s_otherOrder but has the same order." : " lists members in another order; review it and list it in s_otherOrder."));

        GeneratorResult json = GeneratorHarness.Run(new SchemaFile(jsonPath, jsonText, "Readme.Api", "ReadmeClient"));
        GeneratorResult yaml = GeneratorHarness.Run(new SchemaFile(yamlPath, yamlText, "Readme.Api", "ReadmeClient"));
        Assert.Equal(Ids(json).Order(StringComparer.Ordinal), Ids(yaml).Order(StringComparer.Ordinal));
        if (sameOrder)
        {
            Assert.Equal(Ids(json), Ids(yaml));
            YamlTests.AssertSameOutputs(json, yaml);
        }
        else
        {
            Assert.Equal(YamlTests.Outputs(json).Select(static o => o.HintName), YamlTests.Outputs(yaml).Select(static o => o.HintName));
        }
    }

    /// <summary>A tree as JSON with the members of every object sorted by name: equal for the same JSON value.</summary>
    private static string Sorted(JsonNode node)
    {
        var text = new System.Text.StringBuilder();
        Write(node);
        return text.ToString();

        void Write(JsonNode n)
        {
            switch (n)
            {
                case JsonObject o:
                    text.Append('{');
                    foreach (JsonProperty p in o.Properties.GroupBy(static p => p.Name).Select(static g => g.Last()).OrderBy(static p => p.Name, StringComparer.Ordinal))
                    {
                        JsonTreeWriter.WriteString(text, p.Name);
                        text.Append(':');
                        Write(p.Value);
                        text.Append(',');
                    }

                    text.Append('}');
                    break;
                case JsonArray a:
                    text.Append('[');
                    foreach (JsonNode item in a.Items)
                    {
                        Write(item);
                        text.Append(',');
                    }

                    text.Append(']');
                    break;
                default:
                    text.Append(YamlTests.Minified(n));
                    break;
            }
        }
    }

    /// <summary>The diagnostics' IDs and messages in order; their positions are in different texts.</summary>
    private static IReadOnlyList<string> Ids(GeneratorResult result) =>
        result.SchemaDiagnostics.Select(static d => d.Id + " " + d.GetMessage()).ToList();
}
