using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Model;
using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Parsing;

// The OpenAPI part: servers, paths and operations become the client.
internal sealed partial class DocumentParser
{
    private static readonly Regex PathTemplateParameter = new(@"\{([^{}]+)\}", RegexOptions.CultureInvariant);

    private ClientSpec BuildClient(JsonObject root)
    {
        var info = root.Get("info") as JsonObject;
        string? title = (info?.Get("title") as JsonString)?.Value;
        string clientName = _input.ClientName is { Length: > 0 } configured
            ? configured
            : Names.ToPascalCase(title ?? System.IO.Path.GetFileNameWithoutExtension(_input.Path)) + "Client";
        clientName = Names.Unique(clientName, _takenTypeNames);

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
                    if (Array.IndexOf(HttpMethods, operation.Name) >= 0 && operation.Value is JsonObject operationObject)
                    {
                        OperationSpec? spec = BuildOperation(path, pathItem, operation.Name, operationObject, operationIds, methodNames);
                        if (spec is not null)
                        {
                            operations.Add(spec);
                        }
                    }
                }
            }
        }

        return new ClientSpec(
            clientName,
            title,
            (info?.Get("description") as JsonString)?.Value,
            defaultServer,
            servers.ToEquatableArray(),
            operations.ToEquatableArray());
    }

    private OperationSpec? BuildOperation(
        JsonProperty path,
        JsonObject pathItem,
        string httpMethod,
        JsonObject operation,
        HashSet<string> operationIds,
        HashSet<string> methodNames)
    {
        string pointer = "#/paths/" + EscapePointer(path.Name) + "/" + httpMethod;
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
                string parametersPointer = (source == pathItem ? "#/paths/" + EscapePointer(path.Name) : pointer) + "/parameters/";
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
        bool valid = true;
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
                valid = false;
            }
        }

        var parameters = new List<ParameterSpec>();
        // The names the generated method itself uses (ClientEmitter's parameters and locals) are taken.
        var parameterNames = new HashSet<string>(StringComparer.Ordinal) { "body", "cancellationToken", "context", "path", "query" };
        foreach ((JsonObject parameter, JsonNode at, string parameterPointer) in declared)
        {
            string? name = Name(parameter);
            string? location = Location(parameter);
            if (name is null || location is null)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, at, "parameter", "an object with \"name\" and \"in\"", "an object without them");
                valid = false;
                continue;
            }

            if (location == "path" && !templateNames.Contains(name))
            {
                Report(DiagnosticDescriptors.PathParameterMismatch, parameter.Get("name")!, "The path parameter '" + name + "' is declared, but the path '" + path.Name + "' has no '{" + name + "}'");
                valid = false;
                continue;
            }

            if (location != "path" && location != "query")
            {
                Report(DiagnosticDescriptors.UnsupportedKeyword, parameter.Get("in")!, "in: " + location + " (only path and query parameters are sent yet; this parameter is left out of the method)");
                continue;
            }

            bool isPath = location == "path";
            bool required = isPath || parameter.Get("required") is JsonBoolean { Value: true };

            ValueSpec value = parameter.Get("schema") is JsonObject parameterSchema
                ? BuildValue(parameterSchema, parameterPointer + "/schema", methodName + Names.ToPascalCase(name))
                : new ValueSpec(ValueKind.String, null, false, null, ConstraintSpec.None);
            bool scalar = IsScalar(value);
            if (!scalar && !(!isPath && value.Kind == ValueKind.Array && IsScalar(value.Items!)))
            {
                Report(
                    DiagnosticDescriptors.UntypedSchema,
                    parameter.Get("schema") ?? parameter,
                    isPath ? "a path parameter must be a string, number, boolean or string enum" : "a query parameter must be a string, number, boolean, string enum or an array of them");
                if (required)
                {
                    valid = false;
                }

                continue;
            }

            string wantedParameter = Names.ToCamelCase(name);
            string parameterName = Names.Unique(wantedParameter, parameterNames);
            if (parameterName != wantedParameter)
            {
                Report(DiagnosticDescriptors.NameCollision, parameter.Get("name")!, "another parameter (or a name the method uses: body, cancellationToken, context, path, query)", name, wantedParameter, parameterName);
            }

            parameters.Add(new ParameterSpec(
                name,
                parameterName,
                isPath ? ParameterLocation.Path : ParameterLocation.Query,
                value with { Nullable = !required },
                required,
                (parameter.Get("description") as JsonString)?.Value));
        }

        if (!valid)
        {
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
            JsonObject? schema = JsonSchemaOf(requestBody, requestBodyNode, out bool hasContent);
            if (schema is null)
            {
                if (hasContent)
                {
                    return null;
                }
            }
            else
            {
                ValueSpec value = BuildValue(schema, pointer + "/requestBody", methodName + "Request");
                body = new BodySpec(value, requestBody.Get("required") is JsonBoolean { Value: true }, (requestBody.Get("description") as JsonString)?.Value);
            }
        }

        ResponseSpec response = BuildResponse(operation, pointer, methodName);
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

    private ResponseSpec BuildResponse(JsonObject operation, string pointer, string methodName)
    {
        if (operation.Get("responses") is not JsonObject responses)
        {
            return new ResponseSpec(200, null, null);
        }

        // The first success status in numeric order is the one the method returns.
        JsonProperty? first = responses.Properties
            .Where(static r => r.Name.Length == 3 && r.Name[0] == '2' && int.TryParse(r.Name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .OrderBy(static r => r.Name, StringComparer.Ordinal)
            .Select(static r => (JsonProperty?)r)
            .FirstOrDefault();
        if ((first ?? responses.Find("2XX")) is not JsonProperty success || ResolveObject(success.Value) is not JsonObject response)
        {
            return new ResponseSpec(200, null, null);
        }

        int status = int.TryParse(success.Name, NumberStyles.None, CultureInfo.InvariantCulture, out int code) ? code : 200;
        string? description = (response.Get("description") as JsonString)?.Value;
        JsonObject? schema = JsonSchemaOf(response, success.Value, out _);
        return schema is null
            ? new ResponseSpec(status, null, description)
            : new ResponseSpec(status, BuildValue(schema, pointer + "/responses/" + success.Name, methodName + "Response"), description);
    }

    /// <summary>The schema of the JSON media type of a request body or response, if it has one.</summary>
    private JsonObject? JsonSchemaOf(JsonObject bodyOrResponse, JsonNode at, out bool hasContent)
    {
        hasContent = false;
        if (bodyOrResponse.Get("content") is not JsonObject content || content.Properties.Length == 0)
        {
            return null;
        }

        hasContent = true;
        JsonProperty? found = content.Properties.Where(static m => IsJsonMediaType(m.Name)).Select(static m => (JsonProperty?)m).FirstOrDefault();
        if (found is not JsonProperty json)
        {
            Report(DiagnosticDescriptors.UntypedSchema, at, "only JSON bodies are supported yet, this one is " + content.Properties[0].Name);
            return null;
        }

        return json.Value is JsonObject mediaType && mediaType.Get("schema") is JsonObject schema ? schema : null;
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

    private static bool IsScalar(ValueSpec value) =>
        value.Kind is ValueKind.String or ValueKind.Boolean or ValueKind.Enum || value.IsNumber || value.IsFormattedString;

    private static bool SameParameter(JsonObject a, JsonObject b) => Name(a) == Name(b) && Location(a) == Location(b);

    private static string? Name(JsonObject parameter) => (parameter.Get("name") as JsonString)?.Value;

    private static string? Location(JsonObject parameter) => (parameter.Get("in") as JsonString)?.Value;
}
