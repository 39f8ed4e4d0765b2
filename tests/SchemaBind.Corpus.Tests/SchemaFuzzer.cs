using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchemaBind.Corpus.Tests;

/// <summary>A generated schema document: what kind it is and its JSON text.</summary>
internal sealed record FuzzCase(string Kind, string Text)
{
    public override string ToString() => Kind + ":" + Environment.NewLine + Text;
}

/// <summary>
/// Builds schema documents from a tape of choices (CsCheck generates and shrinks the tape: fewer and smaller
/// numbers give a simpler document, and an exhausted tape always takes the simplest choice). Three kinds:
/// a JSON Schema 2020-12 document, an OpenAPI 3.1 document with paths, parameters, bodies and responses, and
/// a mutation of a seed document (a real schema from the repository or a generated one). The choices cover
/// structure, names (C# keywords, generated member names, collisions after PascalCase, unicode, empty),
/// numbers (int64 edges, doubles, huge exponents), unicode text, depth and <c>$ref</c> graphs (cycles,
/// self references, dangling and odd pointers).
/// </summary>
internal sealed class SchemaFuzzer
{
    private static readonly string[] s_plainNames =
        ["Pet", "pet", "Owner", "id", "name", "tag", "items", "value", "data", "status", "type", "kind", "Node", "Error", "Result", "a", "b", "count", "createdAt", "url"];

    private static readonly string[] s_trickyNames =
    [
        "class", "namespace", "object", "string", "int", "event", "params", "this", "base", "operator", "default", "var", "async", "await", "record",
        "ToJson", "FromJson", "Validate", "ValidateJson", "ReadJson", "WriteJson", "Equals", "GetHashCode", "ToString", "GetType", "Clone",
        "EqualityContract", "PrintMembers", "Deconstruct", "Finalize", "MemberwiseClone", "Value", "Values", "Item", "Items", "Count",
        "path", "query", "response", "request", "content", "headers", "cancellationToken", "nameof", "client", "options", "transport", "body",
        "_", "__", "1st", "123", "-", "a-b", "a b", "a.b", "a/b", "a~b", "$ref", "@type", "$type", "foo_bar", "fooBar", "FooBar", "FOO_BAR", "foo-bar",
        "naïve", "日本語", "émoji😀", "İstanbul", "ǅ", "", " ", "System", "Task", "List", "JsonElement", "UserProject", "SchemaBind", "Marker",
        "NameWithAVeryLongSuffixThatGoesOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOn",
    ];

    private static readonly string[] s_textPieces =
        ["a", "Z", "0", "_", "-", " ", ".", "/", "~", "$", "@", "é", "日", "😀", "\u0000", "\t", "\n", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "\"", "\\", "<", ">", "&", "\u200B", "\u0130", "*/", "///", "{0}", "\u2028", "\u00A0"];

    private static readonly string[] s_numbers =
    [
        "0", "1", "-1", "2", "10", "100", "0.5", "1.5", "-0", "1.0", "3.14", "1e-10", "1e3", "1E+2", "1.5e300", "1e400", "-1e400", "2147483647", "2147483648",
        "-2147483649", "4294967296", "9007199254740993", "9223372036854775807", "9223372036854775808", "9223372036854776000", "-9223372036854775808",
        "-9223372036854775809", "18446744073709551615", "18446744073709551616", "123456789012345678901234567890", "0.1", "1e-400", "5e-324",
    ];

    private static readonly string[] s_formats =
        ["date-time", "date", "time", "duration", "email", "uri", "uuid", "ipv4", "ipv6", "hostname", "int32", "int64", "float", "double", "byte", "binary", "password", "regex", "decimal", "unknown-format"];

    private static readonly string[] s_patterns = ["^[a-z]+$", "\\d{3}", "^(?!x).*$", "^[a-z]+$", "\\p{L}+", "(?<n>a)\\k<n>", "^.{1,5}$", "\\u0041", "^[\\s\\S]*$", "^[a-zA-Z0-9\\-\\_]", "[", "a{2,1}", "(?i)abc"];

    private readonly int[] _tape;
    private readonly IReadOnlyList<string> _seeds;
    private int _position;
    private List<string> _defs = [];
    private bool _openApi;
    private List<string> _componentParameters = [];
    private List<string> _componentResponses = [];
    private int _size;

    private SchemaFuzzer(int[] tape, IReadOnlyList<string> seeds)
    {
        _tape = tape;
        _seeds = seeds;
    }

    /// <summary>
    /// The documents the mutations start from: the repository's end-to-end schemas, and the small OpenAPI 3.1
    /// JSON examples of shared/realworld/readme when the shared folder is there (as in CI).
    /// </summary>
    public static IReadOnlyList<string> RepositorySeeds { get; } =
        Directory.GetFiles(Path.Combine(Inputs.RepoRoot, "tests", "SchemaBind.EndToEnd.Tests", "Schemas"), "*.json")
            .Order(StringComparer.Ordinal)
            .Concat(Inputs.RealWorld is string realWorld && Directory.Exists(Path.Combine(realWorld, "readme", "3.1", "json"))
                ? Directory.GetFiles(Path.Combine(realWorld, "readme", "3.1", "json"), "*.json").Where(static f => new FileInfo(f).Length < 16_000).Order(StringComparer.Ordinal)
                : [])
            .Select(File.ReadAllText)
            .ToList();

    public static FuzzCase Build(int[] tape) => new SchemaFuzzer(tape, RepositorySeeds).Document();

    private int Next(int choices)
    {
        if (choices <= 1 || _position >= _tape.Length)
        {
            _position++;
            return 0;
        }

        return (int)((uint)_tape[_position++] % (uint)choices);
    }

    private bool Chance(int oneIn) => Next(oneIn) == oneIn - 1;

    private T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private FuzzCase Document()
    {
        int kind = Next(3);
        return kind switch
        {
            0 => new FuzzCase("json-schema", Write(JsonSchemaDocument())),
            1 => new FuzzCase("openapi", Write(OpenApiDocument())),
            _ => Mutated(),
        };
    }

    private JsonObject JsonSchemaDocument()
    {
        _openApi = false;
        _defs = DefinitionNames();
        var root = new JsonObject();
        root["$schema"] = Chance(12)
            ? Pick(new[] { "http://json-schema.org/draft-07/schema#", "https://json-schema.org/draft/2019-09/schema", "https://example.com/custom-meta" })
            : "https://json-schema.org/draft/2020-12/schema";
        if (Next(2) == 1)
        {
            root["title"] = Name();
        }

        JsonNode body = Next(4) == 0 ? Schema(0) : ObjectSchema(0);
        if (body is JsonObject members)
        {
            foreach ((string key, JsonNode? value) in members.ToArray())
            {
                members.Remove(key);
                root[key] = value;
            }
        }

        if (_defs.Count > 0)
        {
            root["$defs"] = Definitions();
        }

        return root;
    }

    private JsonObject OpenApiDocument()
    {
        _openApi = true;
        _defs = DefinitionNames();
        var root = new JsonObject
        {
            ["openapi"] = Chance(16) ? "3.1.1" : "3.1.0",
            ["info"] = new JsonObject { ["title"] = Chance(4) ? Text() : "Fuzz", ["version"] = "1" },
        };

        _componentParameters = [];
        _componentResponses = [];
        var components = new JsonObject();
        if (Chance(4))
        {
            var shared = new JsonObject();
            string name = Name();
            _componentParameters.Add(name);
            shared[name] = new JsonObject { ["name"] = Name(), ["in"] = Pick(new[] { "query", "header", "path" }), ["schema"] = Schema(3) };
            components["parameters"] = shared;
        }

        if (Chance(4))
        {
            string name = Name();
            _componentResponses.Add(name);
            components["responses"] = new JsonObject { [name] = Response() };
        }

        if (Chance(6))
        {
            root["servers"] = new JsonArray(new JsonObject { ["url"] = "https://{host}/v1", ["variables"] = new JsonObject { ["host"] = new JsonObject { ["default"] = Text() } } });
        }

        if (Chance(6))
        {
            components["securitySchemes"] = new JsonObject { ["key"] = new JsonObject { ["type"] = "apiKey", ["in"] = Pick(new[] { "header", "query", "cookie" }), ["name"] = Name() } };
            root["security"] = new JsonArray(new JsonObject { ["key"] = new JsonArray() });
        }

        var paths = new JsonObject();
        int pathCount = Next(4) + (Chance(2) ? 1 : 0);
        for (int i = 0; i < pathCount; i++)
        {
            var parameters = new List<string>();
            var template = new StringBuilder();
            int segments = Next(3) + 1;
            for (int s = 0; s < segments; s++)
            {
                if (Next(3) == 2)
                {
                    string parameter = Name();
                    parameters.Add(parameter);
                    template.Append("/{").Append(parameter).Append('}');
                }
                else
                {
                    template.Append('/').Append(Next(4) == 0 ? Name() : "p" + i.ToString(CultureInfo.InvariantCulture) + s.ToString(CultureInfo.InvariantCulture));
                }
            }

            var item = new JsonObject();
            string[] methods = ["get", "post", "put", "delete", "patch", "head", "options"];
            int operations = Next(3) + 1;
            for (int o = 0; o < operations; o++)
            {
                item[Pick(methods)] = Operation(parameters);
            }

            if (Chance(8))
            {
                item["parameters"] = new JsonArray(new JsonObject { ["name"] = Name(), ["in"] = "query", ["schema"] = Schema(4) });
            }

            Set(paths, template.Length == 0 ? "/" : template.ToString(), item);
        }

        root["paths"] = paths;
        if (Chance(10))
        {
            root["webhooks"] = new JsonObject { [Name()] = new JsonObject { ["post"] = Operation([]) } };
        }

        if (_defs.Count > 0)
        {
            components["schemas"] = Definitions();
        }

        if (components.Count > 0)
        {
            root["components"] = components;
        }

        return root;
    }

    private JsonObject Operation(List<string> pathParameters)
    {
        var operation = new JsonObject();
        if (Next(4) != 0)
        {
            operation["operationId"] = Name();
        }

        var parameters = new JsonArray();
        foreach (string name in pathParameters)
        {
            if (!Chance(12))
            {
                parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = Schema(3) });
            }
        }

        int extra = Next(4);
        for (int i = 0; i < extra; i++)
        {
            var parameter = new JsonObject { ["name"] = Name(), ["in"] = Pick(new[] { "query", "query", "header", "cookie", "path" }) };
            if (Next(2) == 1)
            {
                parameter["required"] = Next(2) == 1;
            }

            if (Chance(10))
            {
                parameter["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Schema(3) } };
            }
            else
            {
                parameter["schema"] = Next(3) == 0 ? new JsonObject { ["type"] = "array", ["items"] = Schema(4) } : Schema(3);
            }

            if (Chance(6))
            {
                parameter["style"] = Pick(new[] { "form", "simple", "label", "matrix", "spaceDelimited", "pipeDelimited", "deepObject" });
                parameter["explode"] = Next(2) == 1;
            }

            if (Chance(8))
            {
                parameter["deprecated"] = true;
            }

            parameters.Add(parameter);
        }

        if (_componentParameters.Count > 0 && Next(3) == 0)
        {
            parameters.Add(new JsonObject { ["$ref"] = "#/components/parameters/" + Pick(_componentParameters) });
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (Chance(8))
        {
            operation["deprecated"] = true;
        }

        if (Chance(8))
        {
            operation["security"] = new JsonArray(new JsonObject { ["key"] = new JsonArray() });
        }

        if (Next(2) == 1)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = Next(2) == 1,
                ["content"] = new JsonObject { [MediaType()] = new JsonObject { ["schema"] = Schema(1) } },
            };
        }

        var responses = new JsonObject();
        int count = Next(3) + 1;
        for (int i = 0; i < count; i++)
        {
            JsonObject response;
            if (_componentResponses.Count > 0 && Next(4) == 0)
            {
                response = new JsonObject { ["$ref"] = "#/components/responses/" + Pick(_componentResponses) };
            }
            else
            {
                response = Response();
            }

            Set(responses, Pick(new[] { "200", "200", "201", "204", "400", "404", "default", "2XX", "500" }), response);
        }

        operation["responses"] = responses;
        return operation;
    }

    private JsonObject Response()
    {
        var response = new JsonObject { ["description"] = Chance(4) ? Text() : "response" };
        if (Next(3) != 0)
        {
            response["content"] = new JsonObject { [MediaType()] = new JsonObject { ["schema"] = Schema(1) } };
        }

        if (Chance(6))
        {
            response["headers"] = new JsonObject { [Name()] = new JsonObject { ["schema"] = Schema(4), ["required"] = Next(2) == 1 } };
        }

        return response;
    }

    private string MediaType() => Next(5) == 4
        ? Pick(new[] { "application/x-www-form-urlencoded", "multipart/form-data", "text/plain", "application/octet-stream", "application/problem+json", "*/*" })
        : "application/json";

    private List<string> DefinitionNames()
    {
        var names = new List<string>();
        int count = Next(5);
        for (int i = 0; i < count; i++)
        {
            string name = Name();
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private JsonObject Definitions()
    {
        var definitions = new JsonObject();
        foreach (string name in _defs)
        {
            definitions[name] = Next(3) == 0 ? Schema(0) : ObjectSchema(0);
        }

        return definitions;
    }

    private const int MaxDepth = 6;

    private JsonNode Schema(int depth)
    {
        if (++_size > 400)
        {
            return new JsonObject { ["type"] = "string" };
        }

        int kind = depth >= MaxDepth ? Next(8) : Next(17);
        JsonNode schema = kind switch
        {
            0 => StringSchema(),
            1 => NumberSchema("integer"),
            2 => NumberSchema("number"),
            3 => new JsonObject { ["type"] = "boolean" },
            4 => Reference(),
            5 => EnumSchema(),
            6 => new JsonObject { ["const"] = Value(depth + 1) },
            7 => Pick<JsonNode>([JsonValue.Create(true), JsonValue.Create(false), new JsonObject(), new JsonObject { ["type"] = "null" }]).DeepClone(),
            8 or 9 => ObjectSchema(depth + 1),
            10 => ArraySchema(depth + 1),
            11 or 12 => Combination(depth + 1),
            13 => Next(3) == 0
                ? new JsonObject { ["type"] = new JsonArray(Pick(new[] { "string", "integer", "number" }), Pick(new[] { "boolean", "object", "array", "integer" })) }
                : new JsonObject { ["type"] = new JsonArray(Pick(new[] { "string", "integer", "number", "boolean", "object", "array" }), "null") },
            14 => OddKeywords(depth + 1),
            15 => Chain(depth),
            _ => Reference(),
        };

        if (schema is JsonObject obj && Next(3) == 2)
        {
            Annotate(obj, depth);
        }

        return schema;
    }

    private JsonObject StringSchema()
    {
        var schema = new JsonObject { ["type"] = "string" };
        int constraints = Next(4);
        for (int i = 0; i < constraints; i++)
        {
            switch (Next(5))
            {
                case 0: schema["minLength"] = Count(); break;
                case 1: schema["maxLength"] = Count(); break;
                case 2: schema["pattern"] = Pick(s_patterns); break;
                case 3: schema["format"] = Pick(s_formats); break;
                default: schema["contentEncoding"] = "base64"; break;
            }
        }

        return schema;
    }

    private JsonObject NumberSchema(string type)
    {
        var schema = new JsonObject { ["type"] = type };
        int constraints = Next(4);
        for (int i = 0; i < constraints; i++)
        {
            string keyword = Pick(new[] { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format" });
            schema[keyword] = keyword == "format" ? Pick(s_formats) : Number();
        }

        return schema;
    }

    private JsonObject EnumSchema()
    {
        var values = new JsonArray();
        int count = Next(6) + 1;
        int kind = Next(4);
        for (int i = 0; i < count; i++)
        {
            values.Add(kind switch
            {
                0 => JsonValue.Create(Name()),
                1 => Number(),
                2 => JsonValue.Create(Text()),
                _ => Value(MaxDepth),
            });
        }

        var schema = new JsonObject { ["enum"] = values };
        if (Next(2) == 1)
        {
            schema["type"] = kind == 1 ? Pick(new[] { "integer", "number" }) : "string";
        }

        return schema;
    }

    private JsonObject ObjectSchema(int depth)
    {
        var schema = new JsonObject { ["type"] = "object" };
        var properties = new JsonObject();
        int count = depth >= MaxDepth ? Next(2) : Next(5);
        var names = new List<string>();
        for (int i = 0; i < count; i++)
        {
            string name = Name();
            names.Add(name);
            Set(properties, name, Schema(depth + 1));
        }

        if (count > 0 || Next(2) == 1)
        {
            schema["properties"] = properties;
        }

        if (names.Count > 0 && Next(2) == 1)
        {
            var required = new JsonArray();
            foreach (string name in names.Where((_, i) => Next(2) == 1).Distinct(StringComparer.Ordinal))
            {
                required.Add(name);
            }

            if (Chance(8))
            {
                required.Add("notAProperty");
            }

            schema["required"] = required;
        }

        switch (Next(5))
        {
            case 1: schema["additionalProperties"] = false; break;
            case 2: schema["additionalProperties"] = Schema(depth + 1); break;
            case 3: schema["patternProperties"] = new JsonObject { [Pick(s_patterns)] = Schema(depth + 1) }; break;
            case 4: schema["unevaluatedProperties"] = Next(2) == 1; break;
        }

        if (Chance(10))
        {
            schema["minProperties"] = Count();
            schema["maxProperties"] = Count();
        }

        return schema;
    }

    private JsonObject ArraySchema(int depth)
    {
        var schema = new JsonObject { ["type"] = "array" };
        switch (Next(4))
        {
            case 0: break;
            case 3: schema["prefixItems"] = new JsonArray(Schema(depth + 1), Schema(depth + 1)); break;
            default: schema["items"] = Schema(depth + 1); break;
        }

        int constraints = Next(3);
        for (int i = 0; i < constraints; i++)
        {
            string keyword = Pick(new[] { "minItems", "maxItems", "uniqueItems", "contains", "maxContains" });
            schema[keyword] = keyword switch
            {
                "uniqueItems" => JsonValue.Create(Next(2) == 1),
                "contains" => Schema(depth + 1),
                _ => Count(),
            };
        }

        return schema;
    }

    private JsonObject Combination(int depth)
    {
        string keyword = Pick(new[] { "allOf", "anyOf", "oneOf" });
        var parts = new JsonArray();
        int count = Next(3) + 1;
        bool references = _defs.Count > 0 && Next(2) == 1;
        for (int i = 0; i < count; i++)
        {
            parts.Add(references ? Reference() : Schema(depth + 1));
        }

        var schema = new JsonObject { [keyword] = parts };
        if (keyword == "oneOf" && references && _openApi && Next(2) == 1)
        {
            var discriminator = new JsonObject { ["propertyName"] = Next(2) == 1 ? "type" : Name() };
            if (Next(2) == 1)
            {
                var mapping = new JsonObject();
                foreach (JsonNode? part in parts)
                {
                    Set(mapping, Next(3) == 0 ? "same" : Name(), part!["$ref"]?.DeepClone());
                }

                discriminator["mapping"] = mapping;
            }

            schema["discriminator"] = discriminator;
        }

        if (Next(3) == 0)
        {
            schema["type"] = "object";
            schema["properties"] = new JsonObject { [Name()] = Schema(depth + 1) };
        }

        return schema;
    }

    /// <summary>Keywords that are rare, unsupported or misspelled: each must give a located warning or work.</summary>
    private JsonObject OddKeywords(int depth)
    {
        var schema = new JsonObject();
        switch (Next(9))
        {
            case 0: schema["not"] = Schema(depth + 1); break;
            case 1: schema["if"] = Schema(depth + 1); schema["then"] = Schema(depth + 1); schema["else"] = Schema(depth + 1); break;
            case 2: schema["type"] = "object"; schema["dependentRequired"] = new JsonObject { [Name()] = new JsonArray(Name()) }; break;
            case 3: schema["type"] = "string"; schema["maxLenght"] = Number(); break;
            case 4: schema["$dynamicRef"] = "#meta"; break;
            case 5: schema["type"] = "object"; schema["propertyNames"] = new JsonObject { ["pattern"] = Pick(s_patterns) }; break;
            case 6: schema["type"] = Pick(new[] { "integr", "String", "", "any" }); break;
            case 7: schema["$id"] = "https://example.com/" + Name(); schema["$anchor"] = Name(); schema["type"] = "string"; break;
            default: schema["type"] = "object"; schema["dependentSchemas"] = new JsonObject { [Name()] = Schema(depth + 1) }; break;
        }

        return schema;
    }

    /// <summary>Nested objects, arrays or allOfs a few levels deeper than the rest.</summary>
    private JsonNode Chain(int depth)
    {
        int length = Next(24) + 1;
        JsonNode inner = Next(2) == 0 ? new JsonObject { ["type"] = "string" } : Reference();
        for (int i = 0; i < length; i++)
        {
            inner = Next(3) switch
            {
                0 => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["n" + (depth + i).ToString(CultureInfo.InvariantCulture)] = inner } },
                1 => new JsonObject { ["type"] = "array", ["items"] = inner },
                _ => new JsonObject { ["allOf"] = new JsonArray(inner) },
            };
        }

        return inner;
    }

    private JsonObject Reference()
    {
        string prefix = _openApi ? "#/components/schemas/" : "#/$defs/";
        if (_defs.Count == 0 && Next(4) != 0)
        {
            return _openApi ? new JsonObject { ["type"] = "string" } : new JsonObject { ["$ref"] = "#" };
        }

        if (_defs.Count == 0 || Chance(16))
        {
            return new JsonObject
            {
                ["$ref"] = Pick(new[] { prefix + "Missing", "#", "#/nope", "other.json#/X", prefix, "#/" + "$defs", "https://example.com/schema.json", prefix + "a%20b", "#/components" }),
            };
        }

        string target = Pick(_defs);
        string pointer = prefix + target.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
        if (Chance(12))
        {
            pointer += "/properties/" + Name();
        }

        var reference = new JsonObject { ["$ref"] = pointer };
        if (Chance(6))
        {
            reference["description"] = Text();
        }

        return reference;
    }

    private void Annotate(JsonObject schema, int depth)
    {
        switch (Next(12))
        {
            case 0: schema["description"] = Text(); break;
            case 1: schema["title"] = Text(); break;
            case 2: schema["deprecated"] = true; break;
            case 3: schema["default"] = Value(depth + 1); break;
            case 4: schema["examples"] = new JsonArray(Value(depth + 1), Value(depth + 1)); break;
            case 5: schema["readOnly"] = true; break;
            case 6: schema["writeOnly"] = true; break;
            case 7: schema["nullable"] = true; break;
            case 8: schema["x-" + Name()] = Value(depth + 1); break;
            case 9: schema["$comment"] = Text(); break;
            case 10: schema["format"] = Pick(s_formats); break;
            default: schema["description"] = Text() + "\n" + Text(); break;
        }
    }

    private JsonNode? Value(int depth) => Next(depth >= MaxDepth ? 5 : 7) switch
    {
        0 => JsonValue.Create(Text()),
        1 => Number(),
        2 => JsonValue.Create(Next(2) == 1),
        3 => null,
        4 => JsonValue.Create(Name()),
        5 => new JsonArray(Value(depth + 1)),
        _ => new JsonObject { [Name()] = Value(depth + 1) },
    };

    private JsonNode Number() => JsonValue.Create(JsonDocument.Parse(Pick(s_numbers)).RootElement.Clone())!;

    /// <summary>A count for minLength, maxItems...: mostly small and valid, sometimes any number.</summary>
    private JsonNode Count() => Chance(8) ? Number() : JsonValue.Create(Pick(new[] { 0, 1, 2, 3, 10, 100, int.MaxValue }));

    private string Name() => Next(3) switch
    {
        0 => Pick(s_plainNames),
        1 => Pick(s_trickyNames),
        _ => Text(),
    };

    private string Text()
    {
        int length = Next(8) + 1;
        var text = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            text.Append(Next(3) == 0 ? Pick(s_textPieces) : Pick(s_plainNames));
        }

        return text.ToString();
    }

    /// <summary>A seed document with a few edits: remove a member, replace a value, rename a key, wrap a schema.</summary>
    private FuzzCase Mutated()
    {
        int seed = Next(_seeds.Count + 2);
        JsonNode root = seed < _seeds.Count ? JsonNode.Parse(_seeds[seed])! : seed == _seeds.Count ? JsonSchemaDocument() : OpenApiDocument();
        _openApi = root is JsonObject o && o.ContainsKey("openapi");
        _defs = (_openApi ? root["components"]?["schemas"] : root["$defs"]) is JsonObject defs ? defs.Select(static d => d.Key).ToList() : [];
        int edits = Next(5) + 1;
        var done = new List<string>();
        for (int e = 0; e < edits; e++)
        {
            var nodes = new List<(JsonNode Node, string Pointer)>();
            Collect(root, "", nodes);
            (JsonNode node, string pointer) = nodes[Next(nodes.Count)];
            JsonNode? parent = node.Parent;
            switch (Next(5))
            {
                case 0 when parent is JsonObject parentObject:
                    parentObject.Remove(node.GetPropertyName());
                    done.Add("remove " + pointer);
                    break;
                case 1 when parent is not null:
                    Replace(node, Schema(2));
                    done.Add("schema at " + pointer);
                    break;
                case 2 when parent is not null:
                    Replace(node, Value(2));
                    done.Add("value at " + pointer);
                    break;
                case 3 when parent is JsonObject renamed:
                    string name = Name();
                    string old = node.GetPropertyName();
                    renamed.Remove(old);
                    Set(renamed, name, node);
                    done.Add("rename " + pointer);
                    break;
                default:
                    if (parent is not null)
                    {
                        Replace(node, new JsonObject { [Pick(new[] { "allOf", "anyOf", "oneOf" })] = new JsonArray(node.DeepClone(), Schema(3)) });
                        done.Add("wrap " + pointer);
                    }

                    break;
            }
        }

        return new FuzzCase("mutated " + (seed < _seeds.Count ? "seed " + seed.ToString(CultureInfo.InvariantCulture) : "generated") + ": " + string.Join(", ", done), Write(root));
    }

    private static void Collect(JsonNode node, string pointer, List<(JsonNode, string)> into)
    {
        into.Add((node, pointer));
        if (node is JsonObject obj)
        {
            foreach ((string key, JsonNode? child) in obj)
            {
                if (child is not null)
                {
                    Collect(child, pointer + "/" + key, into);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (int i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonNode child)
                {
                    Collect(child, pointer + "/" + i.ToString(CultureInfo.InvariantCulture), into);
                }
            }
        }
    }

    private static void Replace(JsonNode node, JsonNode? replacement)
    {
        switch (node.Parent)
        {
            case JsonObject obj:
                obj[node.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = replacement;
                break;
        }
    }

    private static void Set(JsonObject obj, string key, JsonNode? value)
    {
        value = value?.Parent is null ? value : value.DeepClone();
        obj[key] = value;
    }

    /// <summary>JSON text, indented, with numbers exactly as chosen and lone surrogates escaped.</summary>
    public static string Write(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text, 0);
        return text.Append('\n').ToString();
    }

    private static void Write(JsonNode? node, StringBuilder text, int indent)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                if (obj.Count == 0)
                {
                    text.Append("{}");
                    break;
                }

                text.Append("{\n");
                int i = 0;
                foreach ((string key, JsonNode? value) in obj)
                {
                    text.Append(' ', (indent + 1) * 2);
                    String(key, text);
                    text.Append(": ");
                    Write(value, text, indent + 1);
                    text.Append(++i < obj.Count ? ",\n" : "\n");
                }

                text.Append(' ', indent * 2).Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (int j = 0; j < array.Count; j++)
                {
                    Write(array[j], text, indent + 1);
                    text.Append(j + 1 < array.Count ? ", " : "");
                }

                text.Append(']');
                break;
            case JsonValue value when value.TryGetValue(out JsonElement element):
                if (element.ValueKind == JsonValueKind.String)
                {
                    String(element.GetString()!, text);
                }
                else
                {
                    text.Append(element.GetRawText());
                }

                break;
            case JsonValue value when value.TryGetValue(out string? s):
                String(s, text);
                break;
            default:
                text.Append(node.ToJsonString());
                break;
        }
    }

    private static void String(string s, StringBuilder text)
    {
        text.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
            if (pair)
            {
                text.Append(c).Append(s[++i]);
            }
            else if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c < ' ' || char.IsSurrogate(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        text.Append('"');
    }
}
