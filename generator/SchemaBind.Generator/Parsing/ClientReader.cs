using System.Globalization;
using System.Text.RegularExpressions;
using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Parsing;

/// <summary>
/// A schema's value as the parser builds it for a property, item, parameter or body: its C# shape, with any type it
/// needs (an object, enum or union of an inline schema) registered and built.
/// </summary>
internal delegate ValueSpec ValueBuilder(JsonObject schema, PendingText pointer, PendingText nameHint);

/// <summary>
/// The OpenAPI part: servers, paths and operations become the client (its operations, parameters, bodies, responses,
/// response headers, security and groups). Made once per parse of an OpenAPI document, after the named types are
/// built; the parser hands it what it reads with: the registry (names taken in the namespace), the types built so far,
/// a <see cref="ValueBuilder"/> for the schemas it meets, the resolver of local <c>$ref</c>s and a <see cref="ReportAt"/>.
/// </summary>
internal sealed partial class ClientReader
{
    private static readonly Regex PathTemplateParameter = new(@"\{([^{}]+)\}", RegexOptions.CultureInvariant);

    private readonly SchemaFileInput _input;
    private readonly TypeRegistry _registry;

    // The parser's types, which grow as BuildValue builds the types of inline schemas: a body's or parameter's object is looked up here.
    private readonly IReadOnlyList<TypeSpec> _types;

    // The item's operation filter applied (see OperationSubset); null without a filter.
    private readonly OperationSubset? _subset;
    private readonly ValueBuilder _buildValue;
    private readonly Func<string, JsonNode?> _resolve;
    private readonly ReportAt _report;
    private readonly CancellationToken _cancellationToken;

    public ClientReader(
        SchemaFileInput input,
        TypeRegistry registry,
        IReadOnlyList<TypeSpec> types,
        OperationSubset? subset,
        ValueBuilder buildValue,
        Func<string, JsonNode?> resolve,
        ReportAt report,
        CancellationToken cancellationToken)
    {
        _input = input;
        _registry = registry;
        _types = types;
        _subset = subset;
        _buildValue = buildValue;
        _resolve = resolve;
        _report = report;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The client of the document at <paramref name="root"/>: every operation the item keeps that it can generate.</summary>
    public ClientSpec Read(JsonObject root)
    {
        var info = root.Get("info") as JsonObject;
        string? title = (info?.Get("title") as JsonString)?.Value;
        string clientName = _input.ClientName is { Length: > 0 } configured
            ? configured
            : Names.ToPascalCase(title ?? System.IO.Path.GetFileNameWithoutExtension(_input.Path)) + "Client";
        clientName = Names.Unique(clientName, _registry.TakenNames);
        string interfaceName = Names.Unique("I" + clientName, _registry.TakenNames);

        var servers = new List<ServerSpec>();
        if (root.Get("servers") is JsonArray serverArray)
        {
            foreach (JsonObject server in serverArray.Items.OfType<JsonObject>())
            {
                if (server.Get("url") is JsonString url)
                {
                    servers.Add(new ServerSpec(url.Value, (server.Get("description") as JsonString)?.Value));
                }
            }
        }

        string defaultServer = servers.Select(static s => s.Url).FirstOrDefault(static u => Uri.TryCreate(u, UriKind.Absolute, out _)) ?? string.Empty;

        var operations = new List<OperationSpec>();
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        var methodNames = new HashSet<string>(StringComparer.Ordinal);
        var security = new SecurityCheck(this, root);
        if (root.Get("paths") is JsonObject paths)
        {
            foreach (JsonProperty path in paths.Properties)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (path.Value is not JsonObject pathItem)
                {
                    continue;
                }

                foreach (JsonProperty operation in pathItem.Properties)
                {
                    if (Array.IndexOf(DocumentParser.HttpMethods, operation.Name) >= 0 && operation.Value is JsonObject operationObject && IsKept(operationObject))
                    {
                        OperationSpec? spec = BuildOperation(path, pathItem, operation, operationObject, operationIds, methodNames);
                        if (spec is not null)
                        {
                            operations.Add(spec with { Security = security.Check(operationObject, spec.OperationId) });
                        }
                    }
                }
            }
        }

        security.CheckDocument();
        if (root.Find("webhooks") is JsonProperty { Value: JsonObject { Properties.Length: > 0 } } webhooks)
        {
            Report(DiagnosticDescriptors.NotGenerated, webhooks.NameStart, webhooks.NameEnd, "'webhooks'", "webhooks are requests the API sends to your server, and SchemaBind generates clients, not servers");
        }

        return new ClientSpec(
            clientName,
            title,
            (info?.Get("description") as JsonString)?.Value,
            defaultServer,
            servers.ToEquatableArray(),
            operations.ToEquatableArray())
        {
            InterfaceName = interfaceName == "I" + clientName ? null : interfaceName,
            Groups = BuildGroups(root, clientName, operations),
        };
    }

    private OperationSpec? BuildOperation(
        JsonProperty path,
        JsonObject pathItem,
        JsonProperty method,
        JsonObject operation,
        HashSet<string> operationIds,
        HashSet<string> methodNames)
    {
        string httpMethod = method.Name;
        string pointer = "#/paths/" + JsonPointer.Escape(path.Name) + "/" + httpMethod;
        string operationId;
        if (operation.Get("operationId") is JsonString id)
        {
            operationId = id.Value;
            if (!operationIds.Add(operationId))
            {
                Report(DiagnosticDescriptors.DuplicateOperationId, id, operationId);
                return null;
            }
        }
        else
        {
            operationId = httpMethod + path.Name;
        }

        string wantedMethod = Names.ToPascalCase(operationId);
        string methodName = Names.Unique(wantedMethod, methodNames);
        if (methodName != wantedMethod && operation.Get("operationId") is JsonString idNode)
        {
            Report(DiagnosticDescriptors.NameCollision, idNode, "another operationId", operationId, wantedMethod + "Async", methodName + "Async");
        }

        // Parameters: the path item's, overridden by the operation's own (same name and location).
        var declared = new List<(JsonObject Parameter, JsonNode At, string Pointer)>();
        foreach (JsonObject source in new[] { pathItem, operation })
        {
            if (source.Get("parameters") is JsonArray parameterArray)
            {
                string parametersPointer = (source == pathItem ? "#/paths/" + JsonPointer.Escape(path.Name) : pointer) + "/parameters/";
                for (int i = 0; i < parameterArray.Items.Length; i++)
                {
                    if (ResolveObject(parameterArray.Items[i]) is JsonObject parameter)
                    {
                        declared.RemoveAll(d => SameParameter(d.Parameter, parameter));
                        declared.Add((parameter, parameterArray.Items[i], parametersPointer + i.ToString(CultureInfo.InvariantCulture)));
                    }
                }
            }
        }

        var templateNames = PathTemplateParameter.Matches(path.Name).Cast<Match>().Select(static m => m.Groups[1].Value).ToList();

        // Why the operation cannot be generated; each cause has its own diagnostic where it is, and the
        // operation gets one more (SB0040) that says the method is missing and why.
        var leftOut = new List<string>();
        foreach (string templateName in templateNames)
        {
            if (!declared.Any(d => Location(d.Parameter) == "path" && Name(d.Parameter) == templateName))
            {
                int offset = path.Name.IndexOf("{" + templateName + "}", StringComparison.Ordinal);
                Report(
                    DiagnosticDescriptors.PathParameterMismatch,
                    path.NameStart + 1 + offset,
                    path.NameStart + 1 + offset + templateName.Length + 2,
                    "The path template names '{" + templateName + "}', but the operation '" + operationId + "' declares no path parameter '" + templateName + "'");
                leftOut.Add("the path template names '{" + templateName + "}', which is not a declared path parameter");
            }
        }

        var parameters = new List<ParameterSpec>();
        var parameterNames = new HashSet<string>(StringComparer.Ordinal) { "body", "cancellationToken" };
        foreach ((JsonObject parameter, JsonNode at, string parameterPointer) in declared)
        {
            string? name = Name(parameter);
            string? location = Location(parameter);
            if (name is null || location is null)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, at, "parameter", "an object with \"name\" and \"in\"", "an object without them");
                leftOut.Add("a parameter has no \"name\" or no \"in\"");
                continue;
            }

            if (location == "path" && !templateNames.Contains(name))
            {
                Report(DiagnosticDescriptors.PathParameterMismatch, parameter.Get("name")!, "The path parameter '" + name + "' is declared, but the path '" + path.Name + "' has no '{" + name + "}'");
                leftOut.Add("the path parameter '" + name + "' is not in the path template");
                continue;
            }

            if (location is not ("path" or "query" or "header" or "cookie"))
            {
                string why = "'" + location + "' is not a parameter location (path, query, header or cookie)";
                Report(DiagnosticDescriptors.ParameterLeftOut, parameter.Get("in")!, location, name, operationId, why);
                continue;
            }

            if (location == "header" && name.ToUpperInvariant() is "ACCEPT" or "CONTENT-TYPE" or "AUTHORIZATION")
            {
                // OpenAPI: such a header parameter is ignored; the client sets these headers itself.
                Report(DiagnosticDescriptors.ParameterLeftOut, parameter.Get("name")!, location, name, operationId,
                    "OpenAPI says a header parameter named Accept, Content-Type or Authorization is ignored: the client sets Accept and Content-Type itself, and Authorization comes from the security schemes and ApiClientOptions");
                continue;
            }

            bool isPath = location == "path";
            bool required = isPath || parameter.Get("required") is JsonBoolean { Value: true };

            ValueSpec value = parameter.Get("schema") is not JsonObject parameterSchema ? new ValueSpec(ValueKind.String, null, false, null, ConstraintSpec.None)
                : IsUnionOfScalarsWithString(parameterSchema) ? new ValueSpec(ValueKind.String, null, false, null, ConstraintSpec.None)
                : BuildValue(parameterSchema, parameterPointer + "/schema", methodName + Names.ToPascalCase(name));
            if (ReadParameterShape(parameter, location, value, out string whyLeftOut, out JsonNode whereLeftOut) is not ParameterShape shape)
            {
                Report(DiagnosticDescriptors.ParameterLeftOut, whereLeftOut, location, name, operationId, whyLeftOut);
                if (required)
                {
                    leftOut.Add("its required " + location + " parameter '" + name + "' has no form the client can send yet");
                }

                continue;
            }

            string wantedParameter = Names.ToCamelCase(name);
            string parameterName = Names.ClaimParameter(wantedParameter, parameterNames);
            if (parameterName != wantedParameter)
            {
                string other = Names.IsReservedParameterName(wantedParameter) ? "a name the client method's own code uses" : "another parameter";
                Report(DiagnosticDescriptors.NameCollision, parameter.Get("name")!, other, name, wantedParameter, parameterName);
            }

            parameters.Add(new ParameterSpec(
                name,
                parameterName,
                location switch { "path" => ParameterLocation.Path, "query" => ParameterLocation.Query, "header" => ParameterLocation.Header, _ => ParameterLocation.Cookie },
                value with { Nullable = !required },
                required,
                (parameter.Get("description") as JsonString)?.Value,
                shape.Style,
                shape.Explode,
                shape.AllowReserved,
                shape.Members));
        }

        if (leftOut.Count > 0)
        {
            ReportOperationLeftOut(method, path.Name, operationId, string.Join("; ", leftOut));
            return null;
        }

        // Path parameters in the order of the path template, so the method reads like the URL; then the
        // required query parameters; the optional ones come after the body, with defaults.
        parameters = parameters
            .OrderBy(static p => p.Location == ParameterLocation.Path ? 0 : p.Required ? 1 : 2)
            .ThenBy(p => p.Location == ParameterLocation.Path ? templateNames.IndexOf(p.WireName) : 0)
            .ToList();

        BodySpec? body = null;
        if (operation.Get("requestBody") is JsonNode requestBodyNode && ResolveObject(requestBodyNode) is JsonObject requestBody)
        {
            if (requestBody.Get("content") is JsonObject { Properties.Length: > 0 } content)
            {
                bool bodyRequired = requestBody.Get("required") is JsonBoolean { Value: true };
                string? bodyDescription = (requestBody.Get("description") as JsonString)?.Value;
                body = BuildBody(content, pointer, methodName, bodyRequired, bodyDescription, parameterNames, out string? notSent);
                if (body is null)
                {
                    ReportOperationLeftOut(method, path.Name, operationId, notSent!);
                    return null;
                }
            }
        }

        ResponseSpec response = BuildResponse(operation, operationId, pointer, methodName);
        if (operation.Find("callbacks") is JsonProperty { Value: JsonObject { Properties.Length: > 0 } } callbacks)
        {
            Report(DiagnosticDescriptors.NotGenerated, callbacks.NameStart, callbacks.NameEnd, "The 'callbacks' of '" + operationId + "'", "callbacks are requests the API sends to your server, and SchemaBind generates clients, not servers");
        }

        return new OperationSpec(
            operationId,
            methodName,
            httpMethod,
            path.Name,
            (operation.Get("summary") as JsonString)?.Value,
            (operation.Get("description") as JsonString)?.Value,
            operation.Get("deprecated") is JsonBoolean { Value: true },
            parameters.ToEquatableArray(),
            body,
            response);
    }

    /// <summary>
    /// The request body the method sends, chosen from the body's media types in this order: JSON, then
    /// <c>application/x-www-form-urlencoded</c> and <c>multipart/form-data</c> (when their schema is an object the
    /// client can send), then <c>text/*</c> (a string), then any other type as raw bytes (an <c>ApiFile</c>: a stream or
    /// bytes). Null, with why, when none of them can be sent.
    /// </summary>
    private BodySpec? BuildBody(JsonObject content, string pointer, string methodName, bool required, string? description, HashSet<string> parameterNames, out string? notSent)
    {
        notSent = null;
        if (JsonMediaType(content) is JsonProperty json)
        {
            // A JSON body without a schema is any JSON.
            JsonObject schema = (json.Value as JsonObject)?.Get("schema") as JsonObject ?? new JsonObject(json.Value.Start, json.Value.End, Array.Empty<JsonProperty>());
            return new BodySpec(BuildValue(schema, pointer + "/requestBody", methodName + "Request"), required, description, MediaType: DeclaredJsonMediaType(json.Name));
        }

        var why = new List<string>();
        if (FindMediaType(content, "application/x-www-form-urlencoded") is { Value: JsonObject form })
        {
            if (form.Get("schema") is JsonObject formSchema)
            {
                ValueSpec value = BuildValue(formSchema, pointer + "/requestBody", methodName + "Request");
                ObjectSpec? type = ObjectTypeOf(value);
                // A property that is an object, a map, a nested array or any JSON is sent as its JSON text in one field
                // (OpenAPI's default content type for such a property is application/json), as Twilio's Data fields expect.
                string? notSimple = type is null ? "its schema is not an object with properties"
                    : type.Union is not null || type.AdditionalProperties is not null ? "its object has additional properties or is a case of a union"
                    : null;
                if (notSimple is null)
                {
                    return new BodySpec(value, required, description, type!.Properties.Where(static p => !p.ReadOnly).ToEquatableArray(), BodyKind.Form, "application/x-www-form-urlencoded");
                }

                why.Add("its application/x-www-form-urlencoded request body cannot be sent: " + notSimple);
            }
            else
            {
                why.Add("its application/x-www-form-urlencoded request body has no schema");
            }
        }

        if (FindMediaType(content, "multipart/form-data") is { Value: JsonObject multipart })
        {
            if (MultipartBody(multipart, pointer, methodName, required, description, parameterNames) is BodySpec parts)
            {
                return parts;
            }

            why.Add("its multipart/form-data request body cannot be sent: its schema is not an object with properties");
        }

        JsonProperty? other = content.Properties.Select(static m => (JsonProperty?)m).FirstOrDefault(static m => MediaTypeOf(m!.Value.Name).StartsWith("text/", StringComparison.Ordinal))
            ?? content.Properties.Select(static m => (JsonProperty?)m).FirstOrDefault(static m => MediaTypeOf(m!.Value.Name) is not ("application/x-www-form-urlencoded" or "multipart/form-data"));
        if (other is { } raw)
        {
            string mediaType = MediaTypeOf(raw.Name);
            bool text = mediaType.StartsWith("text/", StringComparison.Ordinal);

            // A wildcard (image/*) says what the server takes, not what is sent: the caller's ApiFile may say better.
            string sent = mediaType.IndexOf('*') >= 0 ? (text ? "text/plain" : "application/octet-stream") : mediaType;
            return new BodySpec(new ValueSpec(ValueKind.String, null, false, null, ConstraintSpec.None), required, description, null, text ? BodyKind.Text : BodyKind.File, sent);
        }

        notSent = string.Join("; ", why);
        return null;
    }

    /// <summary>A <c>multipart/form-data</c> body: one part per property of its object schema, each a method parameter.</summary>
    private BodySpec? MultipartBody(JsonObject mediaType, string pointer, string methodName, bool required, string? description, HashSet<string> parameterNames)
    {
        if (mediaType.Get("schema") is not JsonObject schemaNode || ResolveObject(schemaNode) is not JsonObject schema)
        {
            return null;
        }

        ValueSpec value = BuildValue(schemaNode, pointer + "/requestBody/content/multipart~1form-data/schema", methodName + "Request");
        ObjectSpec? type = ObjectTypeOf(value);
        if (type is null || type.Union is not null || type.Properties.Count == 0)
        {
            return null;
        }

        var encoding = mediaType.Get("encoding") as JsonObject;
        var parts = new List<PartSpec>();
        foreach (PropertySpec property in type.Properties.Where(static p => !p.ReadOnly))
        {
            JsonObject? raw = (schema.Get("properties") as JsonObject)?.Get(property.JsonName) is JsonNode node ? ResolveObject(node) : null;
            string? encoded = ((encoding?.Get(property.JsonName) as JsonObject)?.Get("contentType") as JsonString)?.Value.Split(',')[0].Trim();
            bool array = property.Value.Kind == ValueKind.Array;
            JsonObject? itemRaw = array && raw?.Get("items") is JsonNode items ? ResolveObject(items) : null;
            PartKind kind;
            string? contentType = encoded;
            if (IsFileSchema(array ? itemRaw : raw, encoded) is { } fileType)
            {
                kind = PartKind.File;
                contentType = encoded ?? fileType;
            }
            else if (property.Value.IsScalar || (array && property.Value.Items!.IsScalar))
            {
                kind = PartKind.Field;
            }
            else
            {
                kind = PartKind.Json;
                array = false;
                contentType ??= "application/json";
            }

            string name = Names.ClaimParameter(Names.ToCamelCase(property.JsonName), parameterNames);
            parts.Add(new PartSpec(property.JsonName, name, property.Value, property.Required, property.Description, kind, array && kind != PartKind.Json, contentType));
        }

        return new BodySpec(value, required, description, null, BodyKind.Multipart, "multipart/form-data", parts.ToEquatableArray());
    }

    /// <summary>
    /// The content type of a property that is a file (<c>format: binary</c>, <c>contentMediaType</c> without a
    /// <c>contentEncoding</c>, or an <c>encoding</c> content type that is neither text nor JSON); null when it is not one.
    /// </summary>
    private static string? IsFileSchema(JsonObject? schema, string? encoded)
    {
        if (schema is null)
        {
            return null;
        }

        if (schema.Get("format") is JsonString { Value: "binary" })
        {
            return "application/octet-stream";
        }

        if (schema.Get("contentMediaType") is JsonString mediaType && schema.Get("contentEncoding") is null)
        {
            return mediaType.Value;
        }

        bool stringSchema = schema.Get("type") is JsonString { Value: "string" } || schema.Get("type") is null;
        return stringSchema && encoded is not null && !encoded.StartsWith("text/", StringComparison.Ordinal) && !IsJsonMediaType(encoded) ? encoded : null;
    }

    /// <summary>The media type of a content map key without its parameters, in lower case.</summary>
    private static string MediaTypeOf(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant();

    private static JsonProperty? FindMediaType(JsonObject content, string mediaType) =>
        content.Properties.Select(static m => (JsonProperty?)m).FirstOrDefault(m => MediaTypeOf(m!.Value.Name) == mediaType);

    private ResponseSpec BuildResponse(JsonObject operation, string operationId, string pointer, string methodName)
    {
        if (operation.Get("responses") is not JsonObject responses)
        {
            return new ResponseSpec(200, null, null);
        }

        EquatableArray<ErrorResponseSpec> errors = BuildErrorResponses(responses, pointer, methodName);

        // The first success status in numeric order is the one the method returns.
        JsonProperty? first = responses.Properties
            .Where(static r => r.Name.Length == 3 && r.Name[0] == '2' && int.TryParse(r.Name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .OrderBy(static r => r.Name, StringComparer.Ordinal)
            .Select(static r => (JsonProperty?)r)
            .FirstOrDefault();
        if ((first ?? responses.Find("2XX")) is not JsonProperty success || ResolveObject(success.Value) is not JsonObject response)
        {
            return new ResponseSpec(200, null, null) { Errors = errors };
        }

        int status = int.TryParse(success.Name, NumberStyles.None, CultureInfo.InvariantCulture, out int code) ? code : 200;
        string? description = (response.Get("description") as JsonString)?.Value;
        ResponseSpec spec = WithResponseHeaders(new(status, null, description) { Errors = errors }, response, success.Name, operationId, methodName, pointer + "/responses/" + success.Name);
        (JsonProperty MediaType, ResponseKind Kind)? chosen = ChooseResponseMediaType(response);
        if (chosen is { } body)
        {
            var media = body.MediaType.Value as JsonObject;
            string at = pointer + "/responses/" + success.Name;
            spec = body.Kind switch
            {
                ResponseKind.Json => media?.Get("schema") is JsonObject schema ? spec with { Value = BuildValue(schema, at, methodName + "Response") } : spec,

                // OpenAPI 3.2 names the schema of one item itemSchema; before it, documents put it in schema.
                ResponseKind.JsonLines or ResponseKind.EventStream => spec with
                {
                    Value = BuildValue(media?.Get("itemSchema") as JsonObject ?? media?.Get("schema") as JsonObject ?? new JsonObject(body.MediaType.Value.Start, body.MediaType.Value.End, Array.Empty<JsonProperty>()), at, methodName + "Item"),
                    Kind = body.Kind,
                    MediaType = body.MediaType.Name,
                },
                _ => spec with { Kind = body.Kind, MediaType = body.MediaType.Name },
            };
        }

        // The method returns one body. Other success statuses whose JSON bodies differ make a result type with a
        // property per body; a body that is not JSON (or a method that does not return JSON) is not read (SB0042).
        var same = new List<int>();
        var differing = new List<(JsonProperty Status, JsonObject Content, (JsonProperty MediaType, ResponseKind Kind)? Body)>();
        var empty = new List<int>();
        foreach (JsonProperty other in responses.Properties)
        {
            if (other.Name == success.Name || other.Name.Length != 3 || other.Name[0] != '2' || ResolveObject(other.Value) is not JsonObject otherResponse
                || !int.TryParse(other.Name, NumberStyles.None, CultureInfo.InvariantCulture, out int otherStatus))
            {
                continue;
            }

            if (otherResponse.Get("content") is not JsonObject { Properties.Length: > 0 } otherContent)
            {
                empty.Add(otherStatus);
                continue;
            }

            (JsonProperty MediaType, ResponseKind Kind)? otherBody = ChooseResponseMediaType(otherResponse);
            bool sameBody = chosen is { } mine && otherBody is { } theirs && mine.Kind == theirs.Kind
                && (mine.Kind is ResponseKind.Text or ResponseKind.File
                    || SameSchema((mine.MediaType.Value as JsonObject)?.Get("schema"), (theirs.MediaType.Value as JsonObject)?.Get("schema")));
            if (sameBody)
            {
                same.Add(otherStatus);
            }
            else
            {
                differing.Add((other, otherContent, otherBody));
            }
        }

        bool result = differing.Count > 0 && spec.Kind == ResponseKind.Json && success.Name != "2XX"
            && differing.TrueForAll(static d => d.Body is { Kind: ResponseKind.Json } body && (body.MediaType.Value as JsonObject)?.Get("schema") is JsonObject);
        if (!result)
        {
            foreach ((JsonProperty other, JsonObject otherContent, _) in differing)
            {
                Report(DiagnosticDescriptors.ResponseNotRead, otherContent, other.Name, operationId, MediaTypes(otherContent), success.Name);
            }

            return spec;
        }

        var alternatives = new List<SuccessBodySpec>
        {
            new(new[] { status }.Concat(same).ToEquatableArray(), SuccessPropertyName(status), spec.Value, description),
        };
        foreach ((JsonProperty other, _, (JsonProperty MediaType, ResponseKind Kind)? found) in differing)
        {
            int otherStatus = int.Parse(other.Name, NumberStyles.None, CultureInfo.InvariantCulture);
            var schema = (JsonObject)((JsonObject)found!.Value.MediaType.Value).Get("schema")!;
            ValueSpec value = BuildValue(schema, pointer + "/responses/" + other.Name, methodName + other.Name + "Response");
            alternatives.Add(new SuccessBodySpec(new[] { otherStatus }.ToEquatableArray(), SuccessPropertyName(otherStatus), value, ((ResolveObject(other.Value))?.Get("description") as JsonString)?.Value));
        }

        if (empty.Count > 0)
        {
            alternatives.Add(new SuccessBodySpec(empty.ToEquatableArray(), string.Empty, null, null));
        }

        return spec with { ResultTypeName = _registry.Claim(methodName + "Result", ValueKind.Object), Alternatives = alternatives.ToEquatableArray() };
    }

    /// <summary>The property of a result type that holds a success status's body: its reason phrase (<c>Created</c>, <c>Accepted</c>).</summary>
    private static string SuccessPropertyName(int status) => status switch
    {
        200 => "Ok",
        201 => "Created",
        202 => "Accepted",
        203 => "NonAuthoritativeInformation",
        205 => "ResetContent",
        206 => "PartialContent",
        207 => "MultiStatus",
        208 => "AlreadyReported",
        226 => "ImUsed",
        _ => "Status" + status.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The error responses whose body is JSON, in the document's order: every status outside 2xx (<c>404</c>), the ranges
    /// (<c>4XX</c>, <c>5XX</c>) and <c>default</c>. Their bodies are read on an error only (<c>ApiException.Error</c>); one
    /// that is not JSON stays what it is today, the raw text of <c>ApiException.ResponseBody</c>, so nothing is lost.
    /// </summary>
    private EquatableArray<ErrorResponseSpec> BuildErrorResponses(JsonObject responses, string pointer, string methodName)
    {
        List<ErrorResponseSpec>? errors = null;
        foreach (JsonProperty candidate in responses.Properties)
        {
            string name = candidate.Name;
            bool isDefault = name == "default";
            bool isRange = name.Length == 3 && name[0] is '1' or '3' or '4' or '5' && name.EndsWith("XX", StringComparison.OrdinalIgnoreCase);
            bool isStatus = name.Length == 3 && name[0] is '1' or '3' or '4' or '5'
                && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out _);
            if (!(isDefault || isRange || isStatus) || ResolveObject(candidate.Value) is not JsonObject response
                || response.Get("content") is not JsonObject content || JsonMediaType(content) is not JsonProperty json
                || (json.Value as JsonObject)?.Get("schema") is not JsonObject schema)
            {
                continue;
            }

            // An inline schema is named for the shared response it is in (components/responses/NotFound: NotFoundError), else for the operation.
            string at = pointer + "/responses/" + name;
            string hint = candidate.Value is JsonObject reference && reference.Get("$ref") is JsonString { Value: var target }
                && target.StartsWith("#/components/responses/", StringComparison.Ordinal) && target.IndexOf('/', 23) < 0
                ? Names.ToPascalCase(JsonPointer.LastSegment(target)) + "Error"
                : methodName + (isDefault ? string.Empty : name.ToUpperInvariant()) + "Error";
            ValueSpec value = BuildValue(schema, at, hint);
            (errors ??= new List<ErrorResponseSpec>()).Add(new ErrorResponseSpec(isRange ? name.ToUpperInvariant() : name, value, (response.Get("description") as JsonString)?.Value));
        }

        return errors is null ? EquatableArray<ErrorResponseSpec>.Empty : errors.ToEquatableArray();
    }

    /// <summary>
    /// The media type a response is read as: JSON first, then a stream of JSON items (NDJSON, JSON Lines, server-sent
    /// events), then text, then anything else as a file (a stream the caller owns).
    /// </summary>
    private static (JsonProperty MediaType, ResponseKind Kind)? ChooseResponseMediaType(JsonObject response)
    {
        if (response.Get("content") is not JsonObject { Properties.Length: > 0 } content)
        {
            return null;
        }

        if (JsonMediaType(content) is JsonProperty json)
        {
            return (json, ResponseKind.Json);
        }

        foreach (JsonProperty mediaType in content.Properties)
        {
            switch (MediaTypeOf(mediaType.Name))
            {
                case "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines":
                    return (mediaType, ResponseKind.JsonLines);
                case "text/event-stream":
                    return (mediaType, ResponseKind.EventStream);
            }
        }

        foreach (JsonProperty mediaType in content.Properties)
        {
            if (MediaTypeOf(mediaType.Name).StartsWith("text/", StringComparison.Ordinal))
            {
                return (mediaType, ResponseKind.Text);
            }
        }

        return (content.Properties[0], ResponseKind.File);
    }

    private static bool SameSchema(JsonNode? a, JsonNode? b) => a is null ? b is null : b is not null && JsonNode.SameValue(a, b);

    /// <summary>The JSON media type of a request body's or response's content, if it has one.</summary>
    private static JsonProperty? JsonMediaType(JsonObject content)
    {
        foreach (JsonProperty mediaType in content.Properties)
        {
            if (IsJsonMediaType(mediaType.Name))
            {
                return mediaType;
            }
        }

        return null;
    }

    /// <summary>The media types of a content map, for messages: "multipart/form-data or text/plain".</summary>
    private static string MediaTypes(JsonObject content) => string.Join(" or ", content.Properties.Select(static m => m.Name));

    /// <summary>Whether the client gets a method for the operation.</summary>
    private bool IsKept(JsonObject operation) => _subset is null || _subset.Keeps(operation);

    private ValueSpec BuildValue(JsonObject schema, PendingText pointer, PendingText nameHint) => _buildValue(schema, pointer, nameHint);

    /// <summary>The object type a value built by <see cref="BuildValue"/> is, or null when it is not an object.</summary>
    private ObjectSpec? ObjectTypeOf(ValueSpec value) =>
        value.Kind == ValueKind.Object ? _types.OfType<ObjectSpec>().FirstOrDefault(t => t.Name == value.TypeName) : null;

    private JsonNode? Resolve(string reference) => _resolve(reference);

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, JsonNode at, params string[] args) =>
        _report(descriptor, at.Start, at.End, args);

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, int start, int end, params string[] args) =>
        _report(descriptor, start, end, args);

    /// <summary>SB0040 on the operation's HTTP method: the client has no method for it.</summary>
    private void ReportOperationLeftOut(JsonProperty method, string path, string operationId, string why) =>
        Report(DiagnosticDescriptors.OperationLeftOut, method.NameStart, method.NameEnd, operationId, method.Name.ToUpperInvariant() + " " + path, why);

    /// <summary>
    /// The <c>Content-Type</c> a JSON request body is sent with when it is not plain <c>application/json</c>
    /// (<c>application/merge-patch+json</c>, a vendor <c>+json</c> type): the media type as the document writes it,
    /// parameters included; null for <c>application/json</c> and <c>*/*</c>, which are sent as <c>application/json; charset=utf-8</c>.
    /// </summary>
    private static string? DeclaredJsonMediaType(string mediaType)
    {
        string type = MediaTypeOf(mediaType);
        if (type is "application/json" or "*/*")
        {
            return null;
        }

        // Only text a header may carry is sent as it is written.
        string declared = mediaType.Trim();
        return declared.All(static c => c is >= ' ' and <= '~') ? declared : type;
    }

    private static bool IsJsonMediaType(string mediaType)
    {
        string type = mediaType.Split(';')[0].Trim();
        return type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "*/*";
    }

    /// <summary>Follows a $ref (parameters, request bodies and responses may be references).</summary>
    private JsonObject? ResolveObject(JsonNode node)
    {
        for (int hops = 0; hops < 32; hops++)
        {
            if (node is not JsonObject obj)
            {
                return null;
            }

            if (obj.Get("$ref") is not JsonString reference)
            {
                return obj;
            }

            JsonNode? target = Resolve(reference.Value);
            if (target is null)
            {
                Report(DiagnosticDescriptors.UnresolvedReference, reference, reference.Value, "there is nothing at " + reference.Value.TrimStart('#') + " in this document");
                return null;
            }

            node = target;
        }

        return null;
    }

    /// <summary>
    /// A parameter schema that is a <c>oneOf</c>/<c>anyOf</c> of inline scalar types, one of them a string (GitHub's
    /// <c>workflow_id</c>: an integer or a file name). On the wire every alternative is text, and any string matches the
    /// string alternative, so the parameter is a <c>string</c>: nothing the schema allows is refused, nothing is lost.
    /// </summary>
    private static bool IsUnionOfScalarsWithString(JsonObject schema)
    {
        if ((schema.Get("oneOf") ?? schema.Get("anyOf")) is not JsonArray { Items.Length: > 1 } alternatives
            || schema.Get("type") is not null || schema.Get("allOf") is not null)
        {
            return false;
        }

        bool hasString = false;
        foreach (JsonNode alternative in alternatives.Items)
        {
            if (alternative is not JsonObject { } item || item.Get("type") is not JsonString { Value: "string" or "integer" or "number" or "boolean" } type
                || item.Get("$ref") is not null || item.Get("enum") is not null || item.Get("const") is not null)
            {
                return false;
            }

            hasString |= type.Value == "string" && item.Get("format") is null && item.Get("pattern") is null && item.Get("minLength") is null && item.Get("maxLength") is null;
        }

        return hasString;
    }


    private static bool SameParameter(JsonObject a, JsonObject b) => Name(a) == Name(b) && Location(a) == Location(b);

    private static string? Name(JsonObject parameter) => (parameter.Get("name") as JsonString)?.Value;

    private static string? Location(JsonObject parameter) => (parameter.Get("in") as JsonString)?.Value;

    /// <summary>
    /// Reads the security requirements: the client sends bearer tokens (HTTP bearer, OAuth 2.0 and OpenID Connect
    /// access tokens), API keys (header, query, cookie) and HTTP basic credentials; any other scheme gets SB0043
    /// where it is required and no alternative without it exists.
    /// </summary>
    private sealed class SecurityCheck
    {
        private readonly ClientReader _reader;
        private readonly JsonObject? _schemes;
        private readonly JsonArray? _documentRequirements;
        private bool _documentRequirementsUsed;

        public SecurityCheck(ClientReader reader, JsonObject root)
        {
            _reader = reader;
            _schemes = (root.Get("components") as JsonObject)?.Get("securitySchemes") as JsonObject;
            _documentRequirements = root.Get("security") as JsonArray;
        }

        /// <summary>
        /// Checks an operation's own requirements, or notes that it uses the document's, and returns the alternatives
        /// the client applies when one of them has an API key or basic scheme; null when bearer tokens are all it needs.
        /// </summary>
        public EquatableArray<SecurityRequirementSpec>? Check(JsonObject operation, string operationId)
        {
            JsonArray? requirements;
            if (operation.Get("security") is JsonArray own)
            {
                Report(own, "The operation '" + operationId + "'");
                requirements = own;
            }
            else
            {
                _documentRequirementsUsed = true;
                requirements = _documentRequirements;
            }

            if (requirements is null)
            {
                return null;
            }

            var alternatives = new List<SecurityRequirementSpec>();
            bool beyondBearer = false;
            foreach (JsonObject alternative in requirements.Items.OfType<JsonObject>())
            {
                var schemes = new List<SecuritySchemeSpec>();
                foreach (JsonProperty property in alternative.Properties)
                {
                    if (Applied(property.Name) is not SecuritySchemeSpec scheme)
                    {
                        schemes = null;
                        break;
                    }

                    if (scheme.Kind == "OAuth2")
                    {
                        scheme = scheme with { Scopes = (property.Value as JsonArray)?.Items.OfType<JsonString>().Select(static s => s.Value).ToEquatableArray() ?? default };
                    }

                    beyondBearer |= scheme.Kind != "Bearer";
                    schemes.Add(scheme);
                }

                // An alternative with a scheme the client cannot apply is one it can never choose.
                if (schemes is not null)
                {
                    alternatives.Add(new SecurityRequirementSpec(schemes.ToEquatableArray()));
                }
            }

            return beyondBearer ? alternatives.ToEquatableArray() : null;
        }

        /// <summary>Checks the document's requirements once, if an operation generated uses them.</summary>
        public void CheckDocument()
        {
            if (_documentRequirementsUsed && _documentRequirements is not null)
            {
                Report(_documentRequirements, "The document (every operation without security of its own)");
            }
        }

        private void Report(JsonArray requirements, string who)
        {
            // The requirements are alternatives; one the client meets (or an empty one: anonymous) is enough.
            if (requirements.Items.Length == 0)
            {
                return;
            }

            foreach (JsonNode alternative in requirements.Items)
            {
                if (alternative is JsonObject schemes && schemes.Properties.All(p => Applied(p.Name) is not null))
                {
                    return;
                }
            }

            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonObject alternative in requirements.Items.OfType<JsonObject>())
            {
                foreach (JsonProperty scheme in alternative.Properties)
                {
                    if (Unsupported(scheme.Name) is string what && reported.Add(scheme.Name))
                    {
                        _reader.Report(DiagnosticDescriptors.SecurityNotApplied, scheme.NameStart, scheme.NameEnd, who, scheme.Name, what);
                    }
                }
            }
        }

        /// <summary>The scheme as the client applies it, or null when it does not.</summary>
        private SecuritySchemeSpec? Applied(string name)
        {
            if (_schemes?.Get(name) is not JsonNode node || _reader.ResolveObject(node) is not JsonObject scheme)
            {
                return null;
            }

            string? type = (scheme.Get("type") as JsonString)?.Value;
            string? httpScheme = (scheme.Get("scheme") as JsonString)?.Value;
            string? parameterName = (scheme.Get("name") as JsonString)?.Value;
            string? location = (scheme.Get("in") as JsonString)?.Value switch
            {
                "header" => "Header",
                "query" => "Query",
                "cookie" => "Cookie",
                _ => null,
            };
            return type switch
            {
                "oauth2" when ClientCredentialsTokenUrl(scheme) is string tokenUrl => new SecuritySchemeSpec(name, "OAuth2", null, null, tokenUrl),
                "oauth2" or "openIdConnect" => new SecuritySchemeSpec(name, "Bearer", null, null),
                "http" when string.Equals(httpScheme, "bearer", StringComparison.OrdinalIgnoreCase) => new SecuritySchemeSpec(name, "Bearer", null, null),
                "http" when string.Equals(httpScheme, "basic", StringComparison.OrdinalIgnoreCase) => new SecuritySchemeSpec(name, "Basic", null, null),
                "apiKey" when location is not null && IsToken(parameterName) => new SecuritySchemeSpec(name, "ApiKey", parameterName, location),
                _ => null,
            };
        }

        /// <summary>The <c>tokenUrl</c> of an OAuth 2.0 scheme's client credentials flow, when it has one.</summary>
        private static string? ClientCredentialsTokenUrl(JsonObject scheme) =>
            ((scheme.Get("flows") as JsonObject)?.Get("clientCredentials") as JsonObject)?.Get("tokenUrl") is JsonString { Value.Length: > 0 } tokenUrl
                && Uri.TryCreate(tokenUrl.Value, UriKind.RelativeOrAbsolute, out _)
                ? tokenUrl.Value
                : null;

        /// <summary>An API key name that can be a header, query or cookie name: visible ASCII, no separators a cookie would break on.</summary>
        private static bool IsToken(string? name) =>
            !string.IsNullOrEmpty(name) && name!.All(static c => c > ' ' && c < '\u007F' && c != ';' && c != '=' && c != ',');

        /// <summary>What the scheme is, when the client does not apply it; null when it does.</summary>
        private string? Unsupported(string name)
        {
            if (Applied(name) is not null)
            {
                return null;
            }

            if (_schemes?.Get(name) is not JsonNode node || _reader.ResolveObject(node) is not JsonObject scheme)
            {
                return "not defined in components/securitySchemes";
            }

            string? type = (scheme.Get("type") as JsonString)?.Value;
            string? httpScheme = (scheme.Get("scheme") as JsonString)?.Value;
            return type switch
            {
                "oauth2" or "openIdConnect" => null,
                "http" when string.Equals(httpScheme, "bearer", StringComparison.OrdinalIgnoreCase) => null,
                "http" => "HTTP " + (httpScheme ?? "authentication"),
                "apiKey" => "an API key in the " + ((scheme.Get("in") as JsonString)?.Value ?? "request") + " '" + (scheme.Get("name") as JsonString)?.Value + "', whose location or name cannot be sent",
                "mutualTLS" => "mutual TLS",
                _ => "type '" + type + "'",
            };
        }
    }
}
