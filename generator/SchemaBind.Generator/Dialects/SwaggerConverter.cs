using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Dialects;

/// <summary>
/// Moves a Swagger 2.0 document into the OpenAPI 3.1 shape the parser reads: definitions, parameters and
/// responses under <c>components</c>; <c>in: body</c> and <c>in: formData</c> parameters into a
/// <c>requestBody</c> with the operation's <c>consumes</c> media types; the other parameters' type, format,
/// items and enum into a <c>schema</c> (and <c>collectionFormat</c> into <c>style</c>/<c>explode</c>);
/// <c>produces</c> and a response's <c>schema</c> into its <c>content</c>; <c>host</c>/<c>basePath</c>/<c>schemes</c>
/// into <c>servers</c>; <c>securityDefinitions</c> into <c>components/securitySchemes</c>. The schemas stay in
/// Swagger's dialect here: <see cref="DocumentUpgrader"/> then upgrades them (and the <c>$ref</c>s) with
/// <see cref="SchemaDialect.Swagger20"/>. Every new node takes the offsets of the node it is made from.
/// </summary>
internal sealed class SwaggerConverter
{
    private const string FormUrlEncoded = "application/x-www-form-urlencoded";
    private const string Multipart = "multipart/form-data";

    /// <summary>The members of a non-body parameter (and of an items object) that belong in its schema.</summary>
    private static readonly string[] SchemaFields =
    {
        "type", "format", "items", "enum", "default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "multipleOf", "x-nullable",
    };

    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch" };

    private readonly JsonObject _root;
    private readonly DialectReport _report;
    private readonly JsonNode[] _consumes;
    private readonly JsonNode[] _produces;

    public SwaggerConverter(JsonObject root, DialectReport report)
    {
        _root = root;
        _report = report;
        _consumes = (root.Get("consumes") as JsonArray)?.Items ?? Array.Empty<JsonNode>();
        _produces = (root.Get("produces") as JsonArray)?.Items ?? Array.Empty<JsonNode>();
    }

    public JsonObject Convert()
    {
        var properties = new List<JsonProperty>();
        var components = new List<JsonProperty>();
        JsonNode? componentsAt = null;
        bool serversAdded = false;
        foreach (JsonProperty property in _root.Properties)
        {
            switch (property.Name)
            {
                case "swagger":
                    properties.Add(new JsonProperty("openapi", property.NameStart, property.NameEnd, new JsonString(property.Value.Start, property.Value.End, "3.1.0")));
                    break;
                case "host" or "basePath" or "schemes":
                    if (!serversAdded)
                    {
                        serversAdded = true;
                        properties.Add(new JsonProperty("servers", property.NameStart, property.NameEnd, Servers(property.Value)));
                    }

                    break;
                case "consumes" or "produces":
                    break; // used by every operation
                case "definitions" when property.Value is JsonObject:
                    componentsAt ??= property.Value;
                    components.Add(new JsonProperty("schemas", property.NameStart, property.NameEnd, property.Value));
                    break;
                case "parameters" when property.Value is JsonObject parameters:
                    componentsAt ??= property.Value;
                    components.Add(new JsonProperty("parameters", property.NameStart, property.NameEnd, Map(parameters, static (self, p) => self.IsBodyOrForm(p) ? null : self.Parameter(p))));
                    break;
                case "responses" when property.Value is JsonObject responses:
                    componentsAt ??= property.Value;
                    components.Add(new JsonProperty("responses", property.NameStart, property.NameEnd, Map(responses, static (self, r) => self.Response(r, self._produces))));
                    break;
                case "securityDefinitions" when property.Value is JsonObject schemes:
                    componentsAt ??= property.Value;
                    components.Add(new JsonProperty("securitySchemes", property.NameStart, property.NameEnd, Map(schemes, static (self, s) => self.SecurityScheme(s))));
                    break;
                case "paths" when property.Value is JsonObject paths:
                    properties.Add(new JsonProperty("paths", property.NameStart, property.NameEnd, Map(paths, static (self, p) => self.PathItem(p))));
                    break;
                default:
                    properties.Add(property);
                    break;
            }
        }

        if (componentsAt is not null)
        {
            properties.Add(new JsonProperty("components", componentsAt.Start, componentsAt.Start, new JsonObject(componentsAt.Start, componentsAt.End, components.ToArray())));
        }

        return new JsonObject(_root.Start, _root.End, properties.ToArray());
    }

    /// <summary>One server per scheme: scheme://host + basePath (https when no scheme is given; the base path alone without a host).</summary>
    private JsonArray Servers(JsonNode at)
    {
        string? host = (_root.Get("host") as JsonString)?.Value;
        string basePath = (_root.Get("basePath") as JsonString)?.Value ?? string.Empty;
        var schemes = new List<string>();
        if (_root.Get("schemes") is JsonArray listed)
        {
            foreach (JsonNode scheme in listed.Items)
            {
                if (scheme is JsonString { Value: "https" or "http" } s)
                {
                    schemes.Add(s.Value);
                }
            }
        }

        // https first: a client should not fall back to plain text when both are offered.
        schemes.Sort(static (a, b) => string.CompareOrdinal(b, a));
        if (schemes.Count == 0)
        {
            schemes.Add("https");
        }

        var servers = new List<JsonNode>();
        foreach (string scheme in host is null ? new[] { string.Empty } : schemes.ToArray())
        {
            string url = host is null ? (basePath.Length > 0 ? basePath : "/") : scheme + "://" + host + basePath;
            servers.Add(new JsonObject(at.Start, at.End, new[] { new JsonProperty("url", at.Start, at.End, new JsonString(at.Start, at.End, url)) }));
        }

        return new JsonArray(at.Start, at.End, servers.ToArray());
    }

    private JsonNode PathItem(JsonNode node)
    {
        if (node is not JsonObject item)
        {
            return node;
        }

        JsonArray? shared = item.Get("parameters") as JsonArray;
        var properties = new List<JsonProperty>();
        foreach (JsonProperty property in item.Properties)
        {
            if (property.Name == "parameters" && shared is not null)
            {
                // Body and form parameters of the path item move into each operation's request body.
                properties.Add(new JsonProperty(property.Name, property.NameStart, property.NameEnd, Parameters(shared, out _)));
            }
            else if (Array.IndexOf(HttpMethods, property.Name) >= 0 && property.Value is JsonObject operation)
            {
                properties.Add(new JsonProperty(property.Name, property.NameStart, property.NameEnd, Operation(operation, shared)));
            }
            else
            {
                properties.Add(property);
            }
        }

        return new JsonObject(item.Start, item.End, properties.ToArray());
    }

    private JsonObject Operation(JsonObject operation, JsonArray? shared)
    {
        JsonNode[] consumes = (operation.Get("consumes") as JsonArray)?.Items ?? _consumes;
        JsonNode[] produces = (operation.Get("produces") as JsonArray)?.Items ?? _produces;

        // The body and form parameters of the path item, unless the operation declares its own of the same name.
        var bodyParts = new List<JsonObject>();
        if (shared is not null)
        {
            Parameters(shared, out List<JsonObject> sharedBody);
            bodyParts.AddRange(sharedBody);
        }

        var properties = new List<JsonProperty>();
        foreach (JsonProperty property in operation.Properties)
        {
            switch (property.Name)
            {
                case "parameters" when property.Value is JsonArray parameters:
                    JsonArray converted = Parameters(parameters, out List<JsonObject> own);
                    bodyParts.RemoveAll(p => own.Exists(o => SameName(o, p)));
                    bodyParts.AddRange(own);
                    properties.Add(new JsonProperty(property.Name, property.NameStart, property.NameEnd, converted));
                    break;
                case "consumes" or "produces":
                    break;
                case "schemes":
                    break; // per-operation schemes: the client uses the document's servers
                case "responses" when property.Value is JsonObject responses:
                    properties.Add(new JsonProperty(property.Name, property.NameStart, property.NameEnd, Map(responses, (self, r) => self.Response(r, produces))));
                    break;
                default:
                    properties.Add(property);
                    break;
            }
        }

        JsonObject? body = RequestBody(bodyParts, consumes);
        if (body is not null)
        {
            JsonObject first = bodyParts[0];
            properties.Add(new JsonProperty("requestBody", first.Start, first.Start, body));
        }

        return new JsonObject(operation.Start, operation.End, properties.ToArray());
    }

    /// <summary>The non-body parameters, converted; the body and form ones (resolved) are handed back.</summary>
    private JsonArray Parameters(JsonArray parameters, out List<JsonObject> bodyParts)
    {
        bodyParts = new List<JsonObject>();
        var kept = new List<JsonNode>();
        foreach (JsonNode item in parameters.Items)
        {
            JsonObject? resolved = Resolve(item);
            if (resolved is not null && IsBodyOrForm(resolved))
            {
                bodyParts.Add(resolved);
                continue;
            }

            kept.Add(item is JsonObject { Properties.Length: > 0 } obj && obj.Get("$ref") is null ? Parameter(obj) : item);
        }

        return new JsonArray(parameters.Start, parameters.End, kept.ToArray());
    }

    private JsonObject? RequestBody(List<JsonObject> parts, JsonNode[] consumes)
    {
        if (parts.Count == 0)
        {
            return null;
        }

        JsonObject? bodyParameter = parts.Find(static p => p.Get("in") is JsonString { Value: "body" });
        JsonObject at = bodyParameter ?? parts[0];
        var body = new List<JsonProperty>();
        if (bodyParameter is not null)
        {
            Copy(bodyParameter, body, "description", "required");
            JsonNode schema = bodyParameter.Get("schema") ?? new JsonObject(at.Start, at.End, Array.Empty<JsonProperty>());
            var content = new List<JsonProperty>();
            foreach (string mediaType in MediaTypes(consumes, "application/json"))
            {
                content.Add(new JsonProperty(mediaType, at.Start, at.End, new JsonObject(at.Start, at.End, new[] { new JsonProperty("schema", at.Start, at.End, schema) })));
            }

            body.Add(new JsonProperty("content", at.Start, at.End, new JsonObject(at.Start, at.End, content.ToArray())));
            return new JsonObject(at.Start, at.End, body.ToArray());
        }

        // formData: one object schema with a property per parameter, under the form media type.
        var members = new List<JsonProperty>();
        var required = new List<JsonNode>();
        bool file = false;
        foreach (JsonObject part in parts)
        {
            if (part.Find("name") is not JsonProperty name || name.Value is not JsonString nameText)
            {
                continue;
            }

            file |= part.Get("type") is JsonString { Value: "file" };
            members.Add(new JsonProperty(nameText.Value, name.Value.Start, name.Value.End, ParameterSchema(part, withDescription: true)));
            if (part.Get("required") is JsonBoolean { Value: true })
            {
                required.Add(nameText);
            }
        }

        var objectSchema = new List<JsonProperty>
        {
            new("type", at.Start, at.Start, new JsonString(at.Start, at.End, "object")),
            new("properties", at.Start, at.Start, new JsonObject(at.Start, at.End, members.ToArray())),
        };
        if (required.Count > 0)
        {
            objectSchema.Add(new JsonProperty("required", at.Start, at.Start, new JsonArray(at.Start, at.End, required.ToArray())));
            body.Add(new JsonProperty("required", at.Start, at.Start, new JsonBoolean(at.Start, at.End, true)));
        }

        List<string> declared = MediaTypes(consumes, string.Empty);
        string form = file || declared.Contains(Multipart) ? Multipart : FormUrlEncoded;
        JsonNode schemaNode = new JsonObject(at.Start, at.End, objectSchema.ToArray());
        var media = new JsonObject(at.Start, at.End, new[] { new JsonProperty("schema", at.Start, at.Start, schemaNode) });
        body.Add(new JsonProperty("content", at.Start, at.Start, new JsonObject(at.Start, at.End, new[] { new JsonProperty(form, at.Start, at.Start, media) })));
        return new JsonObject(at.Start, at.End, body.ToArray());
    }

    /// <summary>A non-body parameter: its schema fields moved into <c>schema</c>, its collectionFormat into style and explode.</summary>
    private JsonNode Parameter(JsonNode node)
    {
        if (node is not JsonObject parameter || parameter.Get("$ref") is not null)
        {
            return node;
        }

        var properties = new List<JsonProperty>();
        foreach (JsonProperty property in parameter.Properties)
        {
            if (Array.IndexOf(SchemaFields, property.Name) < 0 && property.Name != "collectionFormat")
            {
                properties.Add(property);
            }
        }

        properties.Add(new JsonProperty("schema", parameter.Start, parameter.Start, ParameterSchema(parameter, withDescription: false)));
        if (parameter.Get("type") is JsonString { Value: "array" } && parameter.Find("collectionFormat") is JsonProperty format && format.Value is JsonString formatName)
        {
            string location = (parameter.Get("in") as JsonString)?.Value ?? "query";
            (string? style, bool explode) = formatName.Value switch
            {
                "csv" => (location is "query" or "cookie" ? "form" : "simple", false),
                "ssv" => ("spaceDelimited", false),
                "pipes" => ("pipeDelimited", false),
                "multi" => ("form", true),
                _ => (null, false),
            };
            if (style is null)
            {
                _report(DiagnosticDescriptors.DocumentPartLeftOut, format.NameStart, format.Value.End, "collectionFormat: " + formatName.Value, string.Empty, "OpenAPI 3 has no style for it; the values are sent comma-separated");
                style = location is "query" or "cookie" ? "form" : "simple";
            }

            properties.Add(new JsonProperty("style", format.NameStart, format.NameEnd, new JsonString(format.Value.Start, format.Value.End, style)));
            properties.Add(new JsonProperty("explode", format.NameStart, format.NameEnd, new JsonBoolean(format.Value.Start, format.Value.End, explode)));
        }
        else if (parameter.Get("type") is JsonString { Value: "array" } && parameter.Get("in") is JsonString { Value: "query" or "formData" })
        {
            // Swagger's default is csv; OpenAPI 3's query default (form, explode) repeats the name instead.
            properties.Add(new JsonProperty("style", parameter.Start, parameter.Start, new JsonString(parameter.Start, parameter.End, "form")));
            properties.Add(new JsonProperty("explode", parameter.Start, parameter.Start, new JsonBoolean(parameter.Start, parameter.End, false)));
        }

        return new JsonObject(parameter.Start, parameter.End, properties.ToArray());
    }

    /// <summary>The schema of a non-body parameter or items object: its schema fields, items converted too.</summary>
    private static JsonObject ParameterSchema(JsonObject parameter, bool withDescription)
    {
        var schema = new List<JsonProperty>();
        foreach (JsonProperty property in parameter.Properties)
        {
            if (property.Name == "items" && property.Value is JsonObject items)
            {
                schema.Add(new JsonProperty("items", property.NameStart, property.NameEnd, ParameterSchema(items, withDescription: false)));
            }
            else if (Array.IndexOf(SchemaFields, property.Name) >= 0 || (withDescription && property.Name == "description"))
            {
                schema.Add(property);
            }
        }

        return new JsonObject(parameter.Start, parameter.End, schema.ToArray());
    }

    private JsonNode Response(JsonNode node, JsonNode[] produces)
    {
        if (node is not JsonObject response || response.Get("$ref") is not null)
        {
            return node;
        }

        var properties = new List<JsonProperty>();
        JsonObject? examples = response.Get("examples") as JsonObject;
        foreach (JsonProperty property in response.Properties)
        {
            switch (property.Name)
            {
                case "schema":
                    var content = new List<JsonProperty>();
                    foreach (string mediaType in MediaTypes(produces, "application/json"))
                    {
                        var media = new List<JsonProperty> { new("schema", property.NameStart, property.NameEnd, property.Value) };
                        if (examples?.Find(mediaType) is JsonProperty example)
                        {
                            media.Add(new JsonProperty("example", example.NameStart, example.NameEnd, example.Value));
                        }

                        content.Add(new JsonProperty(mediaType, property.NameStart, property.NameEnd, new JsonObject(property.Value.Start, property.Value.End, media.ToArray())));
                    }

                    properties.Add(new JsonProperty("content", property.NameStart, property.NameEnd, new JsonObject(property.Value.Start, property.Value.End, content.ToArray())));
                    break;
                case "examples":
                    break; // moved beside the schema of their media type
                case "headers" when property.Value is JsonObject headers:
                    properties.Add(new JsonProperty(property.Name, property.NameStart, property.NameEnd, Map(headers, static (self, h) => self.Header(h))));
                    break;
                default:
                    properties.Add(property);
                    break;
            }
        }

        return new JsonObject(response.Start, response.End, properties.ToArray());
    }

    private JsonNode Header(JsonNode node)
    {
        if (node is not JsonObject header)
        {
            return node;
        }

        var properties = new List<JsonProperty>();
        Copy(header, properties, "description");
        properties.Add(new JsonProperty("schema", header.Start, header.Start, ParameterSchema(header, withDescription: false)));
        return new JsonObject(header.Start, header.End, properties.ToArray());
    }

    private JsonNode SecurityScheme(JsonNode node)
    {
        if (node is not JsonObject scheme || scheme.Get("type") is not JsonString type)
        {
            return node;
        }

        var properties = new List<JsonProperty>();
        Copy(scheme, properties, "description");
        JsonProperty typeProperty = scheme.Find("type")!.Value;
        switch (type.Value)
        {
            case "basic":
                properties.Add(new JsonProperty("type", typeProperty.NameStart, typeProperty.NameEnd, new JsonString(type.Start, type.End, "http")));
                properties.Add(new JsonProperty("scheme", typeProperty.NameStart, typeProperty.NameEnd, new JsonString(type.Start, type.End, "basic")));
                break;
            case "oauth2":
                properties.Add(typeProperty);
                string flow = (scheme.Get("flow") as JsonString)?.Value switch
                {
                    "application" => "clientCredentials",
                    "accessCode" => "authorizationCode",
                    "password" => "password",
                    _ => "implicit",
                };
                var flowProperties = new List<JsonProperty>();
                Copy(scheme, flowProperties, "authorizationUrl", "tokenUrl", "scopes");
                var flows = new JsonObject(scheme.Start, scheme.End, new[] { new JsonProperty(flow, scheme.Start, scheme.Start, new JsonObject(scheme.Start, scheme.End, flowProperties.ToArray())) });
                properties.Add(new JsonProperty("flows", scheme.Start, scheme.Start, flows));
                break;
            default:
                properties.Add(typeProperty);
                Copy(scheme, properties, "name", "in");
                break;
        }

        foreach (JsonProperty property in scheme.Properties)
        {
            if (property.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                properties.Add(property);
            }
        }

        return new JsonObject(scheme.Start, scheme.End, properties.ToArray());
    }

    private bool IsBodyOrForm(JsonNode node) => Resolve(node)?.Get("in") is JsonString { Value: "body" or "formData" };

    /// <summary>A parameter, through its <c>$ref</c> into the document's <c>parameters</c> (null when it leads nowhere).</summary>
    private JsonObject? Resolve(JsonNode node)
    {
        if (node is JsonObject obj && obj.Get("$ref") is JsonString reference)
        {
            const string Prefix = "#/parameters/";
            return reference.Value.StartsWith(Prefix, StringComparison.Ordinal) && _root.Get("parameters") is JsonObject parameters
                ? parameters.Get(JsonPointer.Unescape(Uri.UnescapeDataString(reference.Value.Substring(Prefix.Length)))) as JsonObject
                : null;
        }

        return node as JsonObject;
    }

    private static bool SameName(JsonObject a, JsonObject b) =>
        a.Get("name") is JsonString x && b.Get("name") is JsonString y && x.Value == y.Value;

    private static List<string> MediaTypes(JsonNode[] declared, string fallback)
    {
        var types = new List<string>();
        foreach (JsonNode item in declared)
        {
            if (item is JsonString { Value.Length: > 0 } type && !types.Contains(type.Value))
            {
                types.Add(type.Value);
            }
        }

        if (types.Count == 0 && fallback.Length > 0)
        {
            types.Add(fallback);
        }

        return types;
    }

    private static void Copy(JsonObject from, List<JsonProperty> to, params string[] names)
    {
        foreach (string name in names)
        {
            if (from.Find(name) is JsonProperty property)
            {
                to.Add(property);
            }
        }
    }

    /// <summary>The object with each member's value converted (a member converted to null is left out).</summary>
    private JsonObject Map(JsonObject map, Func<SwaggerConverter, JsonNode, JsonNode?> convert)
    {
        var properties = new List<JsonProperty>(map.Properties.Length);
        foreach (JsonProperty member in map.Properties)
        {
            if (member.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                properties.Add(member);
                continue;
            }

            if (convert(this, member.Value) is JsonNode converted)
            {
                properties.Add(new JsonProperty(member.Name, member.NameStart, member.NameEnd, converted));
            }
        }

        return new JsonObject(map.Start, map.End, properties.ToArray());
    }
}
