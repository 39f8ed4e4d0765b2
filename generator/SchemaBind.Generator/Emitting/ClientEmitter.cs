using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SchemaBind.Generator.Emitting;

/// <summary>Emits the client class: one pair of async methods per operation.</summary>
internal static class ClientEmitter
{
    public static SourceText Emit(string @namespace, ClientSpec client, bool nullableWarnings = false) => TypeEmitter.File(@namespace, nullableWarnings, w =>
    {
        ClientSpec qualified = QualifiedTypes(client, @namespace);
        InterfaceEmitter.Emit(w, qualified);
        w.Line();
        EmitClient(w, qualified);
        w.Line();
        EmitResultTypes(w, qualified);
        EmitHeadersTypes(w, qualified);
        GroupEmitter.Emit(w, qualified);
        EmitRegistration(w, client);
    });

    /// <summary>The client with the types it names written in full where a member of the client hides them (a schema named <c>BaseAddress</c>).</summary>
    private static ClientSpec QualifiedTypes(ClientSpec client, string @namespace)
    {
        var hiding = new HashSet<string>(System.StringComparer.Ordinal) { "DefaultBaseAddress", "BaseAddress" };
        foreach (OperationSpec operation in client.Operations)
        {
            hiding.Add(operation.MethodName + "Async");
            hiding.Add(operation.MethodName + "WithResponseAsync");
        }

        GroupEmitter.AddHidingNames(client, hiding);

        bool Hidden(OperationSpec o) => o.Parameters.Any(p => CSharp.IsHidden(p.Value, hiding))
            || (o.Body is not null && CSharp.IsHidden(o.Body.Value, hiding))
            || (o.Body?.Parts is { } parts && parts.Any(p => CSharp.IsHidden(p.Value, hiding)))
            || (o.Response.Value is not null && CSharp.IsHidden(o.Response.Value, hiding))
            || o.Response.Errors.Any(e => CSharp.IsHidden(e.Value, hiding))
            || o.Response.Alternatives.Any(a => a.Value is not null && CSharp.IsHidden(a.Value, hiding));
        if (!client.Operations.Any(Hidden))
        {
            return client;
        }

        return client with
        {
            Operations = client.Operations.Select(o => !Hidden(o) ? o : o with
            {
                Parameters = o.Parameters.Select(p => p with { Value = CSharp.Qualified(p.Value, hiding, @namespace) }).ToEquatableArray(),
                Body = o.Body is null ? null : o.Body with
                {
                    Value = CSharp.Qualified(o.Body.Value, hiding, @namespace),
                    Parts = o.Body.Parts?.Select(p => p with { Value = CSharp.Qualified(p.Value, hiding, @namespace) }).ToEquatableArray(),
                },
                Response = o.Response with
                {
                    Value = o.Response.Value is null ? null : CSharp.Qualified(o.Response.Value, hiding, @namespace),
                    Errors = o.Response.Errors.Select(e => e with { Value = CSharp.Qualified(e.Value, hiding, @namespace) }).ToEquatableArray(),
                    Alternatives = o.Response.Alternatives.Select(a => a.Value is null ? a : a with { Value = CSharp.Qualified(a.Value, hiding, @namespace) }).ToEquatableArray(),
                },
            }).ToEquatableArray(),
        };
    }

    /// <summary>services.Add{Client}(...): the client through IHttpClientFactory, in one call.</summary>
    private static void EmitRegistration(SourceWriter w, ClientSpec client)
    {
        string name = client.Name;
        string @interface = InterfaceEmitter.NameOf(client);
        w.Line($"/// <summary>Registers <see cref=\"{name}\"/> with <c>IHttpClientFactory</c>.</summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.OpenBlock($"public static partial class {name}ServiceCollectionExtensions");
        w.Line("/// <summary>");
        w.Line($"/// Registers <see cref=\"{name}\"/> as a typed client of <c>IHttpClientFactory</c>, with its options");
        w.Line("/// (base address, token or token provider, retries, timeouts), and <see cref=\"" + @interface + "\"/> as the same");
        w.Line("/// client, so that code which takes the interface can be given a fake in tests. The returned builder");
        w.Line("/// composes with handlers such as <c>AddStandardResilienceHandler()</c>.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <param name=\"configure\">Sets the client's options.</param>");
        w.Line("/// <returns>The HTTP client builder, to add handlers.</returns>");
        w.Line($"public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{name}(");
        w.Line("    this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,");
        w.Line($"    global::System.Action<{CSharp.Runtime}ApiClientOptions>? configure = null)");
        w.OpenBlock(string.Empty);
        w.Line($"global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder builder = global::Microsoft.Extensions.DependencyInjection.SchemaBindServiceCollectionExtensions.AddSchemaBindClient<{name}>(services, static (http, options) => new {name}(http, options), configure);");
        w.Line($"global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddTransient<{@interface}>(services, static provider => global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<{name}>(provider));");
        foreach (ClientGroupSpec group in client.Groups)
        {
            w.Line($"global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddTransient<{group.InterfaceName}>(services, static provider => global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<{name}>(provider).{group.PropertyName});");
        }

        w.Line("return builder;");
        w.CloseBlock();
        w.CloseBlock();
    }

    private static void EmitClient(SourceWriter w, ClientSpec client)
    {
        string name = client.Name;
        CSharp.DocComment(w, "summary", client.Title is null ? null : "A client for " + client.Title + ".", "A client for the API.");
        if (!string.IsNullOrWhiteSpace(client.Description))
        {
            CSharp.DocComment(w, "remarks", client.Description, string.Empty);
        }

        w.Line(CSharp.GeneratedCodeAttribute);
        w.OpenBlock($"public sealed partial class {name} : {InterfaceEmitter.NameOf(client)}");
        if (client.DefaultServerUrl.Length > 0)
        {
            ServerSpec server = client.Servers.First(s => s.Url == client.DefaultServerUrl);
            w.Line("/// <summary>The server used when neither the options nor the <see cref=\"global::System.Net.Http.HttpClient\"/> set a base address: <c>"
                + CSharp.Xml(server.Url) + "</c>" + (server.Description is null ? string.Empty : " (" + CSharp.Xml(server.Description) + ")") + ".</summary>");
            w.Line($"public static readonly global::System.Uri DefaultBaseAddress = new({CSharp.Quote(client.DefaultServerUrl)});");
        }
        else
        {
            w.Line("/// <summary>The document names no absolute server URL, so a base address must be given in the options or on the <see cref=\"global::System.Net.Http.HttpClient\"/>.</summary>");
            w.Line("public static readonly global::System.Uri? DefaultBaseAddress = null;");
        }

        w.Line();
        w.Line($"private readonly {CSharp.GeneratedRuntime}ApiTransport _transport;");
        w.Line();
        var securityFields = new Dictionary<EquatableArray<SecurityRequirementSpec>, string>();
        foreach (OperationSpec operation in client.Operations)
        {
            if (operation.Security is { } security && !securityFields.ContainsKey(security))
            {
                string field = "s_security" + securityFields.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                securityFields.Add(security, field);
                EmitSecurityField(w, field, security);
            }
        }

        // The error bodies of the operations, one field per distinct set (many operations share theirs).
        var errorFields = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var errorFieldOf = new string?[client.Operations.Count];
        for (int i = 0; i < client.Operations.Count; i++)
        {
            EquatableArray<ErrorResponseSpec> errors = client.Operations[i].Response.Errors;
            if (errors.Count == 0)
            {
                continue;
            }

            string key = ErrorsKey(errors);
            if (!errorFields.TryGetValue(key, out string? field))
            {
                field = "s_errors" + errorFields.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                errorFields.Add(key, field);
                EmitErrorsField(w, field, errors);
            }

            errorFieldOf[i] = field;
        }

        foreach (OperationSpec operation in client.Operations)
        {
            if (operation.Response.ResultTypeName is not null)
            {
                EmitSuccessBodiesField(w, operation);
            }
        }

        w.Line("/// <summary>Creates a client that sends its requests through <paramref name=\"httpClient\"/>.</summary>");
        w.Line("/// <param name=\"httpClient\">The HTTP client; its handler, timeout and default headers apply.</param>");
        w.Line($"/// <param name=\"options\">The base address and credentials; see <see cref=\"{CSharp.Runtime}ApiClientOptions\"/>.</param>");
        w.OpenBlock($"public {name}(global::System.Net.Http.HttpClient httpClient, {CSharp.Runtime}ApiClientOptions? options = null)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(httpClient);");
        if (client.DefaultServerUrl.Length > 0)
        {
            w.Line($"_transport = new {CSharp.GeneratedRuntime}ApiTransport(httpClient, options, DefaultBaseAddress);");
        }
        else
        {
            w.Line("global::System.Uri baseAddress = options?.BaseAddress ?? httpClient.BaseAddress");
            w.Line("    ?? throw new global::System.ArgumentException(\"The API description names no server: set ApiClientOptions.BaseAddress or HttpClient.BaseAddress.\", nameof(options));");
            w.Line($"_transport = new {CSharp.GeneratedRuntime}ApiTransport(httpClient, options, baseAddress);");
        }

        w.CloseBlock();
        w.Line();
        w.Line("/// <summary>The address that request paths are appended to.</summary>");
        w.Line("public global::System.Uri BaseAddress => _transport.BaseAddress;");

        var patterns = new List<string>();
        for (int i = 0; i < client.Operations.Count; i++)
        {
            OperationSpec operation = client.Operations[i];
            w.Line();
            EmitOperation(w, operation, patterns, operation.Security is { } security ? securityFields[security] : null, errorFieldOf[i]);
        }

        if (patterns.Count > 0)
        {
            w.Line();
            TypeEmitter.EmitPatternFields(w, patterns);
        }

        w.CloseBlock();
    }

    private static void EmitOperation(SourceWriter w, OperationSpec operation, List<string> patterns, string? securityField, string? errorsField)
    {
        var locals = new Locals(operation);
        OperationParameters parameters = OperationParameters.Of(operation);
        if (IsStreamed(operation))
        {
            // A stream of items has one method: the request is sent when the items are enumerated.
            EmitImplementationDocs(w, operation);
            w.OpenBlock("public " + PlainSignature(operation, parameters));
            EmitSend(w, operation, patterns, securityField, errorsField, locals);
            return;
        }

        // The plain method: the body alone (without one, the full method's task is the plain one's). Its
        // documentation is the interface's. Argument errors are thrown at the call, as the full method throws them.
        EmitImplementationDocs(w, operation);
        w.Line("public " + PlainSignature(operation, parameters));
        w.Line(ResultType(operation.Response) is null
            ? $"    => {operation.MethodName}WithResponseAsync({parameters.Arguments});"
            : $"    => {CSharp.GeneratedRuntime}GeneratedClient.ValueOf({operation.MethodName}WithResponseAsync({parameters.Arguments}));");
        w.Line();

        // The full method: body, status, headers and rate-limit figures.
        EmitImplementationDocs(w, operation);
        w.OpenBlock("public " + WithResponseSignature(operation, parameters));
        EmitSend(w, operation, patterns, securityField, errorsField, locals);
    }

    /// <summary>The checks, the request and the call of the transport: the body of the method that sends.</summary>
    private static void EmitSend(SourceWriter w, OperationSpec operation, List<string> patterns, string? securityField, string? errorsField, Locals locals)
    {
        ValueSpec? result = operation.Response.Value;
        foreach (ParameterSpec parameter in operation.Parameters.Where(static p => p.Required && !p.Value.IsValueType))
        {
            // A plain string segment is null-checked where the path is built (UriPath.Segment, with its name).
            if (!IsPlainSegment(operation, parameter))
            {
                w.Line($"global::System.ArgumentNullException.ThrowIfNull({parameter.Name});");
            }
        }

        // A body of a generated type is null-checked by GeneratedClient.Validate, when no parameter check comes first.
        bool validatedObject = IsValidated(operation.Body) && operation.Body!.Value.Kind == ValueKind.Object;
        if (operation.Body is { Kind: not BodyKind.Multipart } && !operation.Body.Value.IsValueType && !(validatedObject && !HasParameterChecks(operation)))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
        }

        foreach (PartSpec part in operation.Body?.Parts ?? default)
        {
            if (part.Required && (part.Kind == PartKind.File || part.Repeated || !part.Value.IsValueType))
            {
                w.Line($"global::System.ArgumentNullException.ThrowIfNull({part.Name});");
            }
        }

        EmitParameterChecks(w, operation, patterns, locals);
        if (validatedObject)
        {
            // Nothing is sent when the request breaks its schema (a generated type validates itself).
            w.Line($"{CSharp.GeneratedRuntime}GeneratedClient.Validate(body, {CSharp.Quote(operation.OperationId)});");
            w.Line();
        }
        else if (IsValidated(operation.Body))
        {
            // Nothing is sent when the request breaks its schema.
            // A rented context: a valid request costs no allocation here.
            w.Line($"var context = {CSharp.Runtime}ValidationContext.Rent();");
            ValueCode.Validate(w, ValueCode.NonNull(operation.Body!.Value), "body", patterns);
            w.OpenBlock("if (context.HasErrors)");
            w.Line($"throw new {CSharp.Runtime}RequestValidationException({CSharp.Quote(operation.OperationId)}, {CSharp.Runtime}ValidationContext.Return(context));");
            w.CloseBlock();
            w.Line();
            w.Line($"{CSharp.Runtime}ValidationContext.Return(context);");
            w.Line();
        }

        List<ParameterSpec> queryParameters = operation.Parameters.Where(static p => p.Location == ParameterLocation.Query).ToList();
        string path = locals.Take("path");
        if (queryParameters.Count == 0)
        {
            w.Line($"string {path} = {PathExpression(operation)};");
        }
        else
        {
            string query = locals.Take("query");
            w.Line($"var {query} = new {CSharp.GeneratedRuntime}QueryString();");
            foreach (ParameterSpec parameter in queryParameters)
            {
                EmitQueryAdd(w, parameter, query, locals);
            }

            w.Line($"string {path} = {PathExpression(operation)} + {query}.ToString();");
        }


        string method = "global::System.Net.Http.HttpMethod." + char.ToUpperInvariant(operation.HttpMethod[0]) + operation.HttpMethod.Substring(1);
        var arguments2 = new List<string> { method, path };
        if (NeedsRequest(operation))
        {
            // Headers, cookies or a form body: the parts go in an ApiRequest (operations without them never create one).
            string request = locals.Take("request");
            w.Line($"var {request} = new {CSharp.GeneratedRuntime}ApiRequest();");
            if (securityField is not null)
            {
                w.Line($"{request}.Security = {securityField};");
            }

            if (errorsField is not null)
            {
                w.Line($"{request}.Errors = {errorsField};");
            }

            foreach (ParameterSpec parameter in operation.Parameters.Where(static p => p.Location is ParameterLocation.Header or ParameterLocation.Cookie))
            {
                if (EmitStyledPartAdd(w, parameter, request))
                {
                    continue;
                }

                EmitPartAdd(w, parameter.WireName, parameter.Name, parameter.Value, parameter.Required, parameter.Location == ParameterLocation.Header ? "AddHeader" : "AddCookie", request, locals);
            }

            if (operation.Response.Kind != ResponseKind.Json)
            {
                w.Line($"{request}.Accept = {CSharp.Quote(operation.Response.MediaType!)};");
            }

            if (operation.Body?.FormFields is { } fields)
            {
                bool deprecated = fields.Any(static f => f.Deprecated);
                if (deprecated)
                {
                    w.Line("#pragma warning disable CS0618 // the schema deprecates a property the form still sends when it is set");
                }

                foreach (PropertySpec field in fields)
                {
                    if (field.Value.IsScalar || (field.Value.Kind == ValueKind.Array && field.Value.Items!.IsScalar))
                    {
                        EmitPartAdd(w, field.JsonName, "body." + field.Name, field.Value with { Nullable = field.Value.Nullable || !field.Required }, field.Required && !field.Value.Nullable, "AddFormField", request, locals);
                    }
                    else if (field.Value.IsValueType && (!field.Required || field.Value.Nullable))
                    {
                        // An object, a map, a nested array or any JSON: its JSON text in one field; left out when null.
                        string value = locals.Take(LocalName("body." + field.Name) + "Value");
                        w.OpenBlock($"if (body.{field.Name} is {{ }} {value})");
                        w.Line($"{request}.AddJsonFormField({CSharp.String(field.JsonName)}, {value}, {WriteHandler(ValueCode.NonNull(field.Value))});");
                        w.CloseBlock();
                    }
                    else
                    {
                        w.Line($"{request}.AddJsonFormField({CSharp.String(field.JsonName)}, body.{field.Name}, {WriteHandler(ValueCode.NonNull(field.Value))});");
                    }
                }

                if (deprecated)
                {
                    w.Line("#pragma warning restore CS0618");
                }
            }
            else if (operation.Body?.Parts is { } parts)
            {
                EmitMultipart(w, parts, request, locals);
            }
            else if (operation.Body is { Kind: BodyKind.File or BodyKind.Text })
            {
                w.Line($"{request}.{(operation.Body.Kind == BodyKind.File ? "SetFileBody" : "SetTextBody")}(body, {CSharp.Quote(operation.Body.MediaType!)});");
            }
            else if (operation.Body is not null)
            {
                string contentType = operation.Body.MediaType is { } declared ? ", " + CSharp.String(declared) : string.Empty;
                w.Line($"{request}.SetJsonBody(body, {WriteHandler(operation.Body.Value)}{contentType});");
            }

            arguments2.Add(request);
        }
        else if (operation.Body is not null)
        {
            arguments2.Add("body");
            arguments2.Add(WriteHandler(operation.Body.Value));
        }

        if (operation.Response.Kind is ResponseKind.JsonLines or ResponseKind.EventStream)
        {
            arguments2.Add(CSharp.Runtime + "ApiStreamFormat." + operation.Response.Kind);
        }

        if (operation.Response.ResultTypeName is not null)
        {
            arguments2.Add(SuccessBodiesField(operation));
        }
        else if (result is not null)
        {
            arguments2.Add(ReadHandler(result));
        }

        if (errorsField is not null && !NeedsRequest(operation))
        {
            arguments2.Add(errorsField);
        }

        arguments2.Add("cancellationToken");
        string send = operation.Response.Kind switch
        {
            ResponseKind.Text => "SendForTextAsync",
            ResponseKind.File => "SendForFileAsync",
            ResponseKind.JsonLines or ResponseKind.EventStream => "SendForStreamAsync",
            _ => operation.Response.ResultTypeName is null ? "SendAsync" : "SendForResultAsync",
        };
        if (arguments2.Any(static a => a.Contains("=>")))
        {
            // A lambda argument reads better on a line of its own.
            w.Line($"return _transport.{send}(");
            w.Indent();
            for (int i = 0; i < arguments2.Count; i++)
            {
                w.Line(arguments2[i] + (i == arguments2.Count - 1 ? ");" : ","));
            }

            w.Unindent();
        }
        else
        {
            w.Line($"return _transport.{send}({string.Join(", ", arguments2)});");
        }

        w.CloseBlock();
    }

    private static string KindOf(ParameterSpec parameter) => parameter.Location switch
    {
        ParameterLocation.Path => "path",
        ParameterLocation.Query => "query",
        ParameterLocation.Header => "header",
        _ => "cookie",
    };

    /// <summary>Constraint attributes of a parameter; a string path segment can never be empty (a label or matrix one can: <c>.</c>, <c>;name</c>).</summary>
    private static string Attributes(ParameterSpec parameter) =>
        string.Concat(CSharp.ConstraintAttributes(parameter.Value, nonEmpty: parameter.Location == ParameterLocation.Path && parameter.Value.Kind == ValueKind.String && parameter.Style is not ("Label" or "Matrix"))
            .Select(static a => a + " "));

    /// <summary>
    /// The delegate that reads a response or error body: for a generated type its runtime reader
    /// (<c>JsonModelReader&lt;T&gt;.Read</c>, or <c>ReadList</c> for an array of them: one cached delegate), else a small lambda.
    /// </summary>
    private static string ReadHandler(ValueSpec value)
    {
        ValueSpec nonNull = ValueCode.NonNull(value);
        return nonNull switch
        {
            { Kind: ValueKind.Object } => CSharp.GeneratedRuntime + "JsonModelReader<" + nonNull.TypeName + ">.Read",
            { Kind: ValueKind.Array, Items: { Kind: ValueKind.Object, Nullable: false } items } => CSharp.GeneratedRuntime + "JsonModelReader<" + items.TypeName + ">.ReadList",
            _ => "static (ref " + CSharp.Json + "Utf8JsonReader reader) => " + ValueCode.Read(nonNull, "reader"),
        };
    }

    /// <summary>The delegate that writes the request body: the type's own writer, or a small lambda.</summary>
    private static string WriteHandler(ValueSpec body)
    {
        if (body.Kind == ValueKind.Object)
        {
            return body.TypeName + ".WriteJson";
        }

        var lambda = new SourceWriter();
        ValueCode.Write(lambda, ValueCode.NonNull(body), "value", "false");
        return "static (writer, value) => { " + string.Join(" ", lambda.ToString().Split('\n').Select(static l => l.Trim()).Where(static l => l.Length > 0)) + " }";
    }

    /// <summary>The response type of the <c>WithResponseAsync</c> method: <c>ApiResponse</c>, or <c>ApiResponse&lt;T&gt;</c> with the body.</summary>
    private static string ResponseType(OperationSpec operation) => ResultType(operation.Response) is { } result
        ? CSharp.Runtime + "ApiResponse<" + result + ">"
        : CSharp.Runtime + "ApiResponse";

    /// <summary>A response read item by item (NDJSON, server-sent events): one method, no <c>WithResponseAsync</c>.</summary>
    internal static bool IsStreamed(OperationSpec operation) => operation.Response.Kind is ResponseKind.JsonLines or ResponseKind.EventStream;

    /// <summary>
    /// The plain method's signature without modifiers, shared by the client and its interface: <c>Task&lt;T&gt; NameAsync(...)</c>,
    /// or <c>IAsyncEnumerable&lt;T&gt; NameAsync(...)</c> for a streamed response.
    /// </summary>
    internal static string PlainSignature(OperationSpec operation, OperationParameters parameters, string? methodName = null)
    {
        string? result = ResultType(operation.Response);
        string returns = IsStreamed(operation) ? "global::System.Collections.Generic.IAsyncEnumerable<" + result + ">"
            : result is null ? "global::System.Threading.Tasks.Task"
            : "global::System.Threading.Tasks.Task<" + result + ">";
        return returns + " " + (methodName ?? operation.MethodName) + "Async(" + parameters.Declarations + ")";
    }

    /// <summary>The full method's signature without modifiers, shared by the client and its interface.</summary>
    internal static string WithResponseSignature(OperationSpec operation, OperationParameters parameters, string? methodName = null) =>
        "global::System.Threading.Tasks.Task<" + ResponseType(operation) + "> " + (methodName ?? operation.MethodName) + "WithResponseAsync(" + parameters.Declarations + ")";

    /// <summary>An implementation's documentation is its interface member's; a deprecated operation stays marked on both.</summary>
    private static void EmitImplementationDocs(SourceWriter w, OperationSpec operation)
    {
        w.Line("/// <inheritdoc/>");
        if (operation.Deprecated)
        {
            w.Line(ObsoleteAttribute);
        }
    }

    /// <summary>
    /// An operation method's parameter list and the parameter types of its <c>cref</c>, made once per operation and
    /// used by each of its signatures (the interface's and the client's, plain and full) and by its documentation.
    /// </summary>
    /// <param name="Declarations">The declarations, the cancellation token last: <c>string owner, int? page = null, CancellationToken cancellationToken = default</c>.</param>
    /// <param name="CrefTypes">The types alone, for a <c>cref</c>.</param>
    /// <param name="Arguments">The names alone, in the same order: the arguments that pass the parameters on.</param>
    internal readonly record struct OperationParameters(string Declarations, string CrefTypes, string Arguments)
    {
        public static OperationParameters Of(OperationSpec operation)
        {
            List<(string Declaration, string CrefType, string Name)> parameters = Parameters(operation);
            return new OperationParameters(
                string.Join(", ", parameters.Select(static p => p.Declaration).Concat(new[] { "global::System.Threading.CancellationToken cancellationToken = default" })),
                string.Join(", ", parameters.Select(static p => p.CrefType).Concat(new[] { "global::System.Threading.CancellationToken" })),
                string.Join(", ", parameters.Select(static p => p.Name).Concat(new[] { "cancellationToken" })));
        }
    }

    /// <summary>
    /// The <c>cref</c> of the operation's plain method: its name and parameter types, so that it stays unambiguous
    /// when the user's part of the partial interface adds an overload.
    /// </summary>
    private static string PlainCref(OperationSpec operation, OperationParameters parameters) =>
        operation.MethodName + "Async(" + parameters.CrefTypes + ")";

    /// <summary>An operation method's parameters before its cancellation token: required ones first, then optional ones with <c>= null</c>.</summary>
    private static List<(string Declaration, string CrefType, string Name)> Parameters(OperationSpec operation)
    {
        var parts = operation.Parameters.Where(static p => p.Required).Select(static p => (Attributes(p) + CSharp.TypeOf(p.Value, false) + " " + p.Name, CSharp.CrefTypeOf(p.Value, false), p.Name)).ToList();
        if (operation.Body?.Parts is { } bodyParts)
        {
            parts.AddRange(bodyParts.Where(static p => p.Required).Select(static p => (PartType(p, false) + " " + p.Name, PartCrefType(p, false), p.Name)));
        }
        else if (operation.Body is not null)
        {
            parts.Add(operation.Body.Kind switch
            {
                BodyKind.File => (CSharp.Runtime + "ApiFile body", CSharp.Runtime + "ApiFile", "body"),
                BodyKind.Text => ("string body", "string", "body"),
                _ => (CSharp.TypeOf(operation.Body.Value, false) + " body", CSharp.CrefTypeOf(operation.Body.Value, false), "body"),
            });
        }

        parts.AddRange(operation.Parameters.Where(static p => !p.Required).Select(static p => (Attributes(p) + CSharp.TypeOf(p.Value, true) + " " + p.Name + " = null", CSharp.CrefTypeOf(p.Value, true), p.Name)));
        if (operation.Body?.Parts is { } optionalParts)
        {
            parts.AddRange(optionalParts.Where(static p => !p.Required).Select(static p => (PartType(p, true) + " " + p.Name + " = null", PartCrefType(p, true), p.Name)));
        }

        return parts;
    }

    /// <summary>The attribute of a method whose operation the document marks as deprecated.</summary>
    internal const string ObsoleteAttribute = "[global::System.Obsolete(\"The API marks this operation as deprecated.\")]";

    /// <summary>
    /// An operation method's documentation (written on the client's interface), and its <c>Obsolete</c> attribute.
    /// The <c>WithResponseAsync</c> method makes the same call as the plain one and differs only in what it returns:
    /// it takes the rest (summary, the operation's description, parameters, exceptions) from the plain method's
    /// documentation instead of repeating it.
    /// </summary>
    internal static void EmitDocs(SourceWriter w, OperationSpec operation, OperationParameters parameters, bool withResponse)
    {
        if (withResponse)
        {
            w.Line($"/// <inheritdoc cref=\"{PlainCref(operation, parameters)}\" path=\"/node()[not(self::returns)]\"/>");
            EmitReturnsDoc(w, operation, withResponse: true);
            if (operation.Deprecated)
            {
                w.Line(ObsoleteAttribute);
            }

            return;
        }

        string summary = operation.Summary ?? operation.Description ?? operation.HttpMethod.ToUpperInvariant() + " " + operation.PathTemplate;
        CSharp.DocComment(w, "summary", summary, string.Empty);
        w.Line("/// <remarks>");
        w.Line($"/// <c>{operation.HttpMethod.ToUpperInvariant()} {CSharp.Xml(operation.PathTemplate)}</c> (operation <c>{CSharp.Xml(operation.OperationId)}</c>).");
        if (operation.Response.Errors.Count > 0)
        {
            w.Line($"/// Error bodies (<see cref=\"{CSharp.Runtime}ApiException.Error\"/>): {ErrorDocs(operation.Response.Errors)}.");
        }

        if (operation.Summary is not null && operation.Description is not null)
        {
            foreach (string line in operation.Description.Replace("\r\n", "\n").Split('\n'))
            {
                w.Line($"/// {CSharp.Xml(line.Trim())}");
            }
        }

        w.Line("/// </remarks>");
        foreach (ParameterSpec parameter in operation.Parameters)
        {
            CSharp.DocComment(w, "param", parameter.Description, "The <c>" + CSharp.Xml(parameter.WireName) + "</c> " + KindOf(parameter) + " parameter" + (parameter.Required ? "." : "; <see langword=\"null\"/> leaves it out."), " name=\"" + parameter.Name.TrimStart('@') + "\"");
        }

        if (operation.Body?.Parts is { } parts)
        {
            foreach (PartSpec part in parts)
            {
                string what = part.Kind == PartKind.File ? (part.Repeated ? "file parts" : "file part") : part.Repeated ? "parts, one per item" : part.Kind == PartKind.Json ? "JSON part" : "part";
                CSharp.DocComment(w, "param", part.Description, "The <c>" + CSharp.Xml(part.WireName) + "</c> " + what + " of the multipart body" + (part.Required ? "." : "; <see langword=\"null\"/> leaves it out."), " name=\"" + part.Name.TrimStart('@') + "\"");
            }
        }
        else if (operation.Body is { Kind: BodyKind.File })
        {
            CSharp.DocComment(w, "param", operation.Body.Description, "The request body, sent as it is (a stream is read as it is sent, not buffered).", " name=\"body\"");
        }
        else if (operation.Body is not null)
        {
            CSharp.DocComment(w, "param", operation.Body.Description, operation.Body.Kind == BodyKind.Text ? "The request body, sent as UTF-8 text." : "The request body; it is validated before anything is sent.", " name=\"body\"");
        }

        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        EmitReturnsDoc(w, operation, withResponse);
        // The exceptions are the same sentences for every operation of a shape: written once, in the runtime.
        bool arguments = operation.Parameters.Any(static p => p.Value.Kind == ValueKind.String || ValueCode.NeedsValidation(p.Value) || (p.Required && !p.Value.IsValueType))
            || (operation.Body is not null && (operation.Body.Parts is { } requestParts ? requestParts.Any(static p => p.Required) : !operation.Body.Value.IsValueType));
        string shape = (arguments, IsValidated(operation.Body)) switch
        {
            (true, true) => "CallWithArgumentsAndBody",
            (true, false) => "CallWithArguments",
            (false, true) => "CallWithBody",
            _ => "Call",
        };
        w.Line($"/// <inheritdoc cref=\"{CSharp.GeneratedRuntime}OperationDocs.{shape}\" path=\"/exception\"/>");
        if (operation.Deprecated)
        {
            w.Line(ObsoleteAttribute);
        }
    }

    /// <summary>The <c>returns</c> of an operation method: the body, or with <paramref name="withResponse"/> the whole response.</summary>
    private static void EmitReturnsDoc(SourceWriter w, OperationSpec operation, bool withResponse)
    {
        string responseText = operation.Response.Description is null ? string.Empty : " (" + CSharp.Xml(operation.Response.Description) + ")";
        if (operation.Response.Kind is ResponseKind.JsonLines or ResponseKind.EventStream)
        {
            w.Line($"/// <returns>The items of the {operation.Response.StatusCode} response{responseText} ({CSharp.Xml(operation.Response.MediaType!)}), each as it arrives; enumerating sends the request.</returns>");
        }
        else if (operation.Response.ResultTypeName is { } resultType)
        {
            string statuses = string.Join(", ", operation.Response.Alternatives.SelectMany(static a => a.Statuses).Select(static c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            w.Line(withResponse
                ? $"/// <returns>The response, whichever success status ({statuses}) it has, with its status, headers{DeclaredHeadersDocs(operation)} and rate-limit figures; its value has the body in the property of that status.</returns>"
                : $"/// <returns>The body of whichever success status ({statuses}) the server chose, in the property of <see cref=\"{resultType}\"/> for that status.</returns>");
        }
        else if (withResponse)
        {
            w.Line($"/// <returns>The {operation.Response.StatusCode} response{responseText} with its status, headers{DeclaredHeadersDocs(operation)} and rate-limit figures.</returns>");
        }
        else if (operation.Response.Kind == ResponseKind.File)
        {
            w.Line($"/// <returns>The body of the {operation.Response.StatusCode} response{responseText}: a stream with its content type and file name, which the caller disposes.</returns>");
        }
        else if (operation.Response.Kind == ResponseKind.Text)
        {
            w.Line($"/// <returns>The text of the {operation.Response.StatusCode} response{responseText}.</returns>");
        }
        else if (operation.Response.Value is not null)
        {
            w.Line($"/// <returns>The body of the {operation.Response.StatusCode} response{responseText}.</returns>");
        }
        else
        {
            w.Line("/// <returns>A task that completes when the server has answered.</returns>");
        }
    }

    /// <summary>A string path parameter whose only checks are <c>UriPath.Segment</c>'s (null, empty, "." and "..").</summary>
    private static bool IsPlainSegment(OperationSpec operation, ParameterSpec parameter) =>
        parameter is { Location: ParameterLocation.Path, Value.Kind: ValueKind.String } && parameter.Style is not ("Label" or "Matrix")
        && !ValueCode.NeedsValidation(parameter.Value) && operation.PathTemplate.Contains("{" + parameter.WireName + "}");

    /// <summary>Whether <see cref="EmitParameterChecks"/> writes any check.</summary>
    private static bool HasParameterChecks(OperationSpec operation) =>
        operation.Parameters.Any(static p => p.Value.Kind == ValueKind.Object || (p.Value.Kind != ValueKind.Array && ValueCode.NeedsValidation(p.Value)));

    /// <summary>Path parameters are method arguments: a value the schema forbids is an ArgumentException.</summary>
    private static void EmitParameterChecks(SourceWriter w, OperationSpec operation, List<string> patterns, Locals locals)
    {
        // Enum checks are one line each, written together; a blank line ends the group.
        bool enumChecks = false;
        foreach (ParameterSpec parameter in operation.Parameters)
        {
            if (enumChecks && parameter.Value.Kind != ValueKind.Enum && (parameter.Value.Kind == ValueKind.Object || (parameter.Value.Kind != ValueKind.Array && ValueCode.NeedsValidation(parameter.Value))))
            {
                w.Line();
                enumChecks = false;
            }

            if (parameter.Value.Kind == ValueKind.Object)
            {
                // An object parameter is checked like a body: every error, with its JSON Pointer.
                string check = $"{CSharp.GeneratedRuntime}GeneratedClient.Validate({parameter.Name}, {CSharp.Quote(operation.OperationId)});";
                if (parameter.Required)
                {
                    w.Line(check);
                }
                else
                {
                    w.OpenBlock($"if ({parameter.Name} is not null)");
                    w.Line(check);
                    w.CloseBlock();
                }

                w.Line();
                continue;
            }

            // Array-valued query parameters are sent as they are: their item constraints are not checked yet.
            if (parameter.Value.Kind == ValueKind.Array || !ValueCode.NeedsValidation(parameter.Value))
            {
                continue;
            }

            string kind = KindOf(parameter);
            if (parameter.Value.Kind == ValueKind.Enum)
            {
                // An enum's one check is that the value is a member: one call.
                w.Line($"{CSharp.GeneratedRuntime}GeneratedClient.CheckDefined({parameter.Name}, {ValueCode.ReaderOf(parameter.Value)}.IsDefined, {CSharp.String(kind)}, {CSharp.String(parameter.WireName)}, nameof({parameter.Name}));");
                enumChecks = true;
                continue;
            }

            // A block of its own per parameter, so the checks' locals never clash.
            string wireName = parameter.WireName;
            string argument = parameter.Name;
            string value = argument;
            if (parameter.Required)
            {
                w.OpenBlock("");
            }
            else
            {
                value = locals.Take(argument.TrimStart('@') + "Value");
                w.OpenBlock($"if ({argument} is {{ }} {value})");
            }

            ValueCode.Validate(w, ValueCode.NonNull(parameter.Value), value, patterns, error: (writer, keyword, message) =>
                writer.Line($"throw new global::System.ArgumentException({CSharp.Quote("The " + kind + " parameter '" + wireName + "' " + message)}, nameof({argument}));"));
            w.CloseBlock();
            w.Line();
        }

        if (enumChecks)
        {
            w.Line();
        }
    }

    private static void EmitQueryAdd(SourceWriter w, ParameterSpec parameter, string query, Locals locals)
    {
        string name = CSharp.String(parameter.WireName);
        ValueSpec value = parameter.Value;
        if (value.Kind == ValueKind.Object)
        {
            w.Line($"{query}.AddObject({name}, {StyleOf(parameter)}, {Bool(parameter.Explode)}, {Bool(parameter.AllowReserved)}, {MemberTexts(parameter, parameter.Name, parameter.Required)});");
            return;
        }

        if (value.Kind == ValueKind.Array && (parameter.Style is not ("" or "Form") || !parameter.Explode || parameter.AllowReserved))
        {
            // Another style than form, exploded (the OpenAPI default), or reserved characters allowed.
            w.Line($"{query}.AddArray({name}, {StyleOf(parameter)}, {Bool(parameter.Explode)}, {Bool(parameter.AllowReserved)}, {ItemTexts(value, parameter.Name, parameter.Required)});");
            return;
        }

        if (value.Kind != ValueKind.Array && parameter.AllowReserved)
        {
            string text = ScalarText(value with { Nullable = !parameter.Required }, parameter.Name);
            w.Line($"{query}.Add({name}, {text}, allowReserved: true);");
            return;
        }

        if (value.Kind == ValueKind.Array)
        {
            // style: form, explode: true (the OpenAPI default): one name=value pair per item.
            string item = locals.Take(parameter.Name.TrimStart('@') + "Item");
            w.OpenBlock($"foreach ({CSharp.TypeName(value.Items!, value.Items!.Nullable)} {item} in {parameter.Name}{(parameter.Required ? string.Empty : " ?? []")})");
            w.Line($"{query}.Add({name}, {ScalarQueryValue(value.Items!, item, locals)});");
            w.CloseBlock();
            return;
        }

        w.Line($"{query}.Add({name}, {ScalarQueryValue(value, parameter.Name, locals)});");
    }

    /// <summary>An operation whose request has parts beyond path, query and an application/json body, or whose response is not JSON.</summary>
    private static bool NeedsRequest(OperationSpec operation) =>
        operation.Security is not null || operation.Response.ResultTypeName is not null || operation.Body?.FormFields is not null || operation.Parameters.Any(static p => p.Location is ParameterLocation.Header or ParameterLocation.Cookie)
        || operation.Body is { Kind: BodyKind.Multipart or BodyKind.File or BodyKind.Text } || operation.Body is { Kind: BodyKind.Json, MediaType: not null }
        || operation.Response.Kind != ResponseKind.Json;

    /// <summary>A JSON or form body is validated against its schema before the request is sent.</summary>
    private static bool IsValidated(BodySpec? body) => body is { Kind: BodyKind.Json or BodyKind.Form } && ValueCode.NeedsValidation(body.Value);

    /// <summary>What the methods return: the JSON body's type, text, a file stream, or the type of a streamed item; null for no body.</summary>
    private static string? ResultType(ResponseSpec response) => response.Kind switch
    {
        _ when response.ResultTypeName is not null => response.ResultTypeName,
        ResponseKind.Text => "string",
        ResponseKind.File => CSharp.Runtime + "ApiFileResponse",
        _ => response.Value is null ? null : CSharp.TypeOf(response.Value, false),
    };

    /// <summary>The parameter type of a multipart part: a file (or a list of them), or the property's own type.</summary>
    private static string PartType(PartSpec part, bool nullable)
    {
        string type = part.Kind != PartKind.File ? CSharp.TypeOf(part.Value, nullable)
            : part.Repeated ? "global::System.Collections.Generic.IReadOnlyList<" + CSharp.Runtime + "ApiFile>" + (nullable ? "?" : string.Empty)
            : CSharp.Runtime + "ApiFile" + (nullable ? "?" : string.Empty);
        return type;
    }

    /// <summary><see cref="PartType"/> as a <c>cref</c> names it (see <see cref="CSharp.CrefTypeOf"/>).</summary>
    private static string PartCrefType(PartSpec part, bool nullable) =>
        part.Kind != PartKind.File ? CSharp.CrefTypeOf(part.Value, nullable)
            : part.Repeated ? "global::System.Collections.Generic.IReadOnlyList{" + CSharp.Runtime + "ApiFile}"
            : CSharp.Runtime + "ApiFile";

    /// <summary>
    /// The parts of a multipart body, in the schema's order: text fields (repeated for arrays), files (with the
    /// <c>encoding</c> content type, or the schema's), JSON values. Optional parts left null are not sent.
    /// </summary>
    private static void EmitMultipart(SourceWriter w, EquatableArray<PartSpec> parts, string request, Locals locals)
    {
        w.Line($"{request}.SetMultipartBody();");
        foreach (PartSpec part in parts)
        {
            string name = CSharp.String(part.WireName);
            string contentType = part.ContentType is null ? "null" : CSharp.String(part.ContentType);
            switch (part.Kind)
            {
                case PartKind.File when part.Repeated:
                    string file = locals.Take(part.Name.TrimStart('@') + "Item");
                    w.OpenBlock($"foreach ({CSharp.Runtime}ApiFile {file} in {part.Name}{(part.Required ? string.Empty : " ?? []")})");
                    w.Line($"{request}.AddFilePart({name}, {file}, {contentType});");
                    w.CloseBlock();
                    break;
                case PartKind.File:
                    w.Line($"{request}.AddFilePart({name}, {part.Name}, {contentType});");
                    break;
                case PartKind.Json when part.Value.IsValueType && (!part.Required || part.Value.Nullable):
                    string value = locals.Take(part.Name.TrimStart('@') + "Value");
                    w.OpenBlock($"if ({part.Name} is {{ }} {value})");
                    w.Line($"{request}.AddJsonPart({name}, {value}, {WriteHandler(ValueCode.NonNull(part.Value))}, {contentType});");
                    w.CloseBlock();
                    break;
                case PartKind.Json:
                    w.Line($"{request}.AddJsonPart({name}, {part.Name}, {WriteHandler(ValueCode.NonNull(part.Value))}, {contentType});");
                    break;
                case PartKind.Field when part.ContentType is not null && part.Value.Kind == ValueKind.String && !part.Repeated:
                    w.Line($"{request}.AddPart({name}, {part.Name}, {contentType});");
                    break;
                default:
                    EmitPartAdd(w, part.WireName, part.Name, part.Value with { Nullable = part.Value.Nullable || !part.Required }, part.Required, "AddPart", request, locals);
                    break;
            }
        }
    }

    /// <summary>The field with an operation's success bodies (<c>s_createItemBodies</c>).</summary>
    private static string SuccessBodiesField(OperationSpec operation) =>
        "s_" + char.ToLowerInvariant(operation.MethodName[0]) + operation.MethodName.Substring(1) + "Bodies";

    /// <summary>How each success status of an operation with a result type becomes the result, created once per client type.</summary>
    private static void EmitSuccessBodiesField(SourceWriter w, OperationSpec operation)
    {
        string type = operation.Response.ResultTypeName!;
        w.Line($"/// <summary>The success bodies of <c>{CSharp.Xml(operation.OperationId)}</c>, by status.</summary>");
        w.Line($"private static readonly {CSharp.GeneratedRuntime}ApiSuccessBodies<{type}> {SuccessBodiesField(operation)} = new {CSharp.GeneratedRuntime}ApiSuccessBodies<{type}>()");
        w.Indent();
        var lines = new List<string>();
        foreach (SuccessBodySpec alternative in operation.Response.Alternatives)
        {
            foreach (int status in alternative.Statuses)
            {
                string code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                lines.Add(alternative.Value is null
                    ? $".AddEmpty({code}, static () => new {type}())"
                    : $".Add({code}, static (ref {CSharp.Json}Utf8JsonReader reader) => new {type} {{ {alternative.PropertyName} = {ValueCode.Read(ValueCode.NonNull(alternative.Value), "reader")} }})");
            }
        }

        for (int i = 0; i < lines.Count; i++)
        {
            w.Line(lines[i] + (i == lines.Count - 1 ? ";" : string.Empty));
        }

        w.Unindent();
        w.Line();
    }

    /// <summary>
    /// The result types of operations whose success statuses declare different bodies: a property per body, the one
    /// of the status the server chose set, the others null.
    /// </summary>
    private static void EmitResultTypes(SourceWriter w, ClientSpec client)
    {
        foreach (OperationSpec operation in client.Operations)
        {
            if (operation.Response.ResultTypeName is not { } type)
            {
                continue;
            }

            w.Line($"/// <summary>The answer of <c>{CSharp.Xml(operation.OperationId)}</c>: the body of the success status the server chose, in that status's property; the others are <see langword=\"null\"/>.</summary>");
            w.Line("/// <remarks>The status itself is <c>StatusCode</c> of the response that the <c>WithResponseAsync</c> method returns.</remarks>");
            w.Line(CSharp.GeneratedCodeAttribute);
            w.OpenBlock($"public sealed class {type}");
            bool first = true;
            foreach (SuccessBodySpec alternative in operation.Response.Alternatives)
            {
                if (alternative.Value is null)
                {
                    continue;
                }

                if (!first)
                {
                    w.Line();
                }

                first = false;
                string statuses = string.Join(" or ", alternative.Statuses.Select(static c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                string description = alternative.Description is null ? string.Empty : " (" + CSharp.Xml(alternative.Description) + ")";
                w.Line($"/// <summary>The body of the {statuses} response{description}; <see langword=\"null\"/> for another status.</summary>");
                w.Line($"public {CSharp.TypeOf(alternative.Value, true)} {alternative.PropertyName} {{ get; init; }}");
            }

            w.CloseBlock();
            w.Line();
        }
    }

    /// <summary>
    /// The headers types of operations whose success response declares headers: a property per header, read from the
    /// response's headers only when the caller asks (<c>GetItemHeaders.Read(response.Headers)</c>), so a call that does
    /// not ask pays nothing.
    /// </summary>
    private static void EmitHeadersTypes(SourceWriter w, ClientSpec client)
    {
        foreach (OperationSpec operation in client.Operations)
        {
            if (operation.Response.HeadersTypeName is not { } type)
            {
                continue;
            }

            w.Line($"/// <summary>The headers the {operation.Response.StatusCode} response of <c>{CSharp.Xml(operation.OperationId)}</c> declares, read from a response's headers by <see cref=\"Read\"/>.</summary>");
            w.Line("/// <remarks>");
            w.Line("/// A header the response does not have, or whose value is not of its type, is <see langword=\"null\"/>: the call has");
            w.Line("/// succeeded, and the value as the server sent it is still in the response's <c>Headers</c>.");
            w.Line("/// </remarks>");
            w.Line(CSharp.GeneratedCodeAttribute);
            w.OpenBlock($"public sealed record {type}");
            foreach (ResponseHeaderSpec header in operation.Response.Headers)
            {
                string what = HeaderValueDocs(header.Value);
                CSharp.DocComment(w, "summary", header.Description, "The <c>" + CSharp.Xml(header.WireName) + "</c> header.", string.Empty);
                w.Line($"/// <remarks>The <c>{CSharp.Xml(header.WireName)}</c> header{what}; <see langword=\"null\"/> when the response has none or it is not one.{(header.Deprecated ? " The API description deprecates it." : string.Empty)}</remarks>");
                w.Line($"public {CSharp.TypeOf(header.Value, true)} {header.Name} {{ get; init; }}");
                w.Line();
            }

            w.Line($"/// <summary>Reads the headers <c>{CSharp.Xml(operation.OperationId)}</c> declares from a response's headers.</summary>");
            w.Line($"/// <param name=\"headers\">The response's headers: <c>Headers</c> of what <c>{operation.MethodName}WithResponseAsync</c> returns.</param>");
            w.Line("/// <returns>The headers, each <see langword=\"null\"/> when the response does not have it or its value is not of its type.</returns>");
            w.OpenBlock($"public static {type} Read(global::System.Net.Http.Headers.HttpResponseHeaders headers)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(headers);");
            w.Line($"return new {type}");
            w.OpenBlock(string.Empty);
            foreach (ResponseHeaderSpec header in operation.Response.Headers)
            {
                w.Line($"{header.Name} = {HeaderRead(header)},");
            }

            w.Unindent();
            w.Line("};");
            w.CloseBlock();
            w.CloseBlock();
            w.Line();
        }
    }

    /// <summary>For an operation whose response declares headers: how to read them typed.</summary>
    private static string DeclaredHeadersDocs(OperationSpec operation) => operation.Response.HeadersTypeName is { } type
        ? " (the ones the API description declares, typed: <see cref=\"" + type + ".Read\"/>)"
        : string.Empty;

    /// <summary>What a header's value is, for its documentation: ", an integer", ", comma-separated items".</summary>
    private static string HeaderValueDocs(ValueSpec value) => value.Kind switch
    {
        ValueKind.String => string.Empty,
        ValueKind.Array => ", comma-separated items",
        ValueKind.Int32 or ValueKind.Int64 => ", an integer",
        ValueKind.Double or ValueKind.Decimal => ", a number",
        ValueKind.Boolean => ", <c>true</c> or <c>false</c>",
        ValueKind.Enum => ", one of the enum's wire names",
        ValueKind.DateTime => ", an RFC 3339 or HTTP date",
        ValueKind.Date => ", a date",
        ValueKind.Uuid => ", a UUID",
        ValueKind.Uri => ", a URI",
        _ => ", base64",
    };

    /// <summary>The expression that reads a header from <c>headers</c>.</summary>
    private static string HeaderRead(ResponseHeaderSpec header)
    {
        string name = CSharp.String(header.WireName);
        ValueSpec value = header.Value;
        if (value.Kind == ValueKind.String)
        {
            return CSharp.Runtime + "ApiResponseHeaders.GetString(headers, " + name + ")";
        }

        if (value.Kind == ValueKind.Array)
        {
            return CSharp.Runtime + "ApiResponseHeaders.GetList<" + CSharp.TypeOf(value.Items!, false) + ">(headers, " + name + ", " + HeaderParser(value.Items!) + ")";
        }

        string get = value.IsValueType ? "GetValue" : "GetReference";
        return CSharp.Runtime + "ApiResponseHeaders." + get + "<" + CSharp.TypeOf(value, false) + ">(headers, " + name + ", " + HeaderParser(value) + ")";
    }

    /// <summary>The method that parses the text of a header value (or of one of its items).</summary>
    private static string HeaderParser(ValueSpec value) => value.Kind switch
    {
        ValueKind.Enum => value.TypeName + "Json.TryParse",
        ValueKind.Int32 => CSharp.Runtime + "ApiResponseHeaders.TryParseInt32",
        ValueKind.Int64 => CSharp.Runtime + "ApiResponseHeaders.TryParseInt64",
        ValueKind.Double => CSharp.Runtime + "ApiResponseHeaders.TryParseDouble",
        ValueKind.Decimal => CSharp.Runtime + "ApiResponseHeaders.TryParseDecimal",
        ValueKind.Boolean => CSharp.Runtime + "ApiResponseHeaders.TryParseBoolean",
        ValueKind.DateTime => CSharp.Runtime + "ApiResponseHeaders.TryParseDateTime",
        ValueKind.Date => CSharp.Runtime + "ApiResponseHeaders.TryParseDate",
        ValueKind.Uuid => CSharp.Runtime + "ApiResponseHeaders.TryParseUuid",
        ValueKind.Uri => CSharp.Runtime + "ApiResponseHeaders.TryParseUri",
        ValueKind.Bytes => CSharp.Runtime + "ApiResponseHeaders.TryParseBytes",
        _ => CSharp.Runtime + "ApiResponseHeaders.TryParseString",
    };

    /// <summary>What makes two operations' error bodies the same field: each status and the type read for it.</summary>
    private static string ErrorsKey(EquatableArray<ErrorResponseSpec> errors) =>
        string.Join(";", errors.Select(static e => e.Status + "=" + CSharp.TypeOf(e.Value, false)));

    /// <summary>The error bodies of one or more operations: which type the body of each error status is read as, created once per client type.</summary>
    private static void EmitErrorsField(SourceWriter w, string field, EquatableArray<ErrorResponseSpec> errors)
    {
        List<IGrouping<string, ErrorResponseSpec>> byType = ErrorsByType(errors);
        w.Line("/// <summary>The error bodies: " + CSharp.Xml(string.Join("; ", byType.Select(static g => StatusList(g) + " as " + g.Key))) + ".</summary>");
        w.Line($"private static readonly {CSharp.GeneratedRuntime}ApiErrorBodies {field} = new {CSharp.GeneratedRuntime}ApiErrorBodies()");
        w.Indent();
        for (int i = 0; i < byType.Count; i++)
        {
            ValueSpec value = byType[i].First().Value;
            string statuses = string.Join(", ", byType[i].Select(static e => CSharp.String(e.Status)));
            w.Line($".Add({ReadHandler(value)}, {statuses}){(i == byType.Count - 1 ? ";" : string.Empty)}");
        }

        w.Unindent();
        w.Line();
    }

    /// <summary>An operation's error responses by the type their bodies are read as, in the document's order.</summary>
    private static List<IGrouping<string, ErrorResponseSpec>> ErrorsByType(EquatableArray<ErrorResponseSpec> errors) =>
        errors.GroupBy(static e => CSharp.TypeOf(e.Value, false), System.StringComparer.Ordinal).ToList();

    /// <summary>"400, 401 and 404"; <c>default</c> is "any other status".</summary>
    private static string StatusList(IEnumerable<ErrorResponseSpec> errors)
    {
        List<string> statuses = errors.Select(static e => e.Status == "default" ? "any other status" : e.Status).ToList();
        return statuses.Count == 1 ? statuses[0] : string.Join(", ", statuses.Take(statuses.Count - 1)) + " and " + statuses[statuses.Count - 1];
    }

    /// <summary>
    /// Which type an operation's error bodies are read as (<c>ApiException.Error</c>), for its remarks:
    /// <c>BasicError for 404 and 403; ValidationError for 422</c>.
    /// </summary>
    private static string ErrorDocs(EquatableArray<ErrorResponseSpec> errors)
    {
        var parts = new List<string>();
        foreach (IGrouping<string, ErrorResponseSpec> byType in ErrorsByType(errors))
        {
            ValueSpec value = byType.First().Value;
            string type = value.Kind is ValueKind.Object or ValueKind.Enum ? "<see cref=\"" + value.TypeName + "\"/>"
                : value is { Kind: ValueKind.Array, Items.Kind: ValueKind.Object or ValueKind.Enum } ? "<see cref=\"global::System.Collections.Generic.IReadOnlyList{T}\"/> of <see cref=\"" + value.Items.TypeName + "\"/>"
                : "<c>" + CSharp.Xml(byType.Key.Replace("global::", string.Empty)) + "</c>";
            parts.Add(type + " for " + StatusList(byType));
        }

        return string.Join("; ", parts);
    }

    /// <summary>The security alternatives of one or more operations, created once per client type.</summary>
    private static void EmitSecurityField(SourceWriter w, string field, EquatableArray<SecurityRequirementSpec> security)
    {
        w.Line("/// <summary>The security alternatives: " + CSharp.Xml(string.Join(" or ", security.Select(static r => r.Schemes.Count == 0 ? "anonymous" : string.Join(" and ", r.Schemes.Select(static s => s.Name))))) + ".</summary>");
        w.Line($"private static readonly global::System.Collections.Generic.IReadOnlyList<{CSharp.GeneratedRuntime}ApiSecurityRequirement> {field} = new {CSharp.GeneratedRuntime}ApiSecurityRequirement[]");
        w.OpenBlock(string.Empty);
        foreach (SecurityRequirementSpec requirement in security)
        {
            string schemes = string.Join(", ", requirement.Schemes.Select(static s => s.Kind switch
            {
                "ApiKey" => $"{CSharp.GeneratedRuntime}ApiSecurityScheme.ApiKey({CSharp.Quote(s.Name)}, {CSharp.Quote(s.ParameterName!)}, {CSharp.GeneratedRuntime}ApiKeyLocation.{s.Location})",
                "OAuth2" => $"{CSharp.GeneratedRuntime}ApiSecurityScheme.OAuth2ClientCredentials({CSharp.Quote(s.Name)}, {CSharp.Quote(s.TokenUrl!)}"
                    + string.Concat(s.Scopes.Select(static scope => ", " + CSharp.Quote(scope))) + ")",
                _ => $"{CSharp.GeneratedRuntime}ApiSecurityScheme.{s.Kind}({CSharp.Quote(s.Name)})",
            }));
            w.Line($"new {CSharp.GeneratedRuntime}ApiSecurityRequirement({schemes}),");
        }

        w.CloseBlock(";");
        w.Line();
    }

    /// <summary>
    /// Adds a header, cookie or form field to the request: scalars by value, arrays item by item (a header's items
    /// joined with commas, <c>style: simple</c>; a form field repeated, <c>explode: true</c>).
    /// </summary>
    private static void EmitPartAdd(SourceWriter w, string wireName, string expression, ValueSpec value, bool required, string add, string request, Locals locals)
    {
        string name = CSharp.String(wireName);
        if (value.Kind == ValueKind.Array)
        {
            string item = locals.Take(LocalName(expression) + "Item");
            string addItem = add == "AddHeader" ? "AddHeaderItem" : add;
            w.OpenBlock($"foreach ({CSharp.TypeName(value.Items!, value.Items!.Nullable)} {item} in {expression}{(required ? string.Empty : " ?? []")})");
            w.Line($"{request}.{addItem}({name}, {ScalarQueryValue(value.Items!, item, locals)});");
            w.CloseBlock();
            return;
        }

        w.Line($"{request}.{add}({name}, {ScalarQueryValue(value, expression, locals, LocalName(expression))});");
    }

    /// <summary>A local's stem from a parameter (<c>xTags</c>) or a body property (<c>body.ValidUntil</c> gives <c>validUntil</c>).</summary>
    private static string LocalName(string expression)
    {
        string name = expression.Substring(expression.LastIndexOf('.') + 1).TrimStart('@');
        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private static string ScalarQueryValue(ValueSpec value, string expression, Locals locals, string? localName = null)
    {
        if (value.Kind != ValueKind.Enum && !value.IsFormattedString)
        {
            return expression;
        }

        string toWire = value.Kind == ValueKind.Enum ? value.TypeName + "Json.ToWireName" : CSharp.GeneratedRuntime + "SchemaFormats.ToText";
        if (!value.Nullable)
        {
            return toWire + "(" + expression + ")";
        }

        string wire = locals.Take((localName ?? expression).TrimStart('@') + "Wire");
        return "(" + expression + " is { } " + wire + " ? " + toWire + "(" + wire + ") : null)";
    }

    /// <summary>
    /// Adds an object header (<c>style: simple</c>) or an array or object cookie (<c>style: form</c>) to the request;
    /// false for the parameters <see cref="EmitPartAdd"/> sends.
    /// </summary>
    private static bool EmitStyledPartAdd(SourceWriter w, ParameterSpec parameter, string request)
    {
        string name = CSharp.String(parameter.WireName);
        if (parameter.Value.Kind == ValueKind.Object)
        {
            string members = MemberTexts(parameter, parameter.Name, parameter.Required);
            w.Line(parameter.Location == ParameterLocation.Header
                ? $"{request}.AddHeader({name}, {CSharp.GeneratedRuntime}ParameterStyles.HeaderObject({Bool(parameter.Explode)}, {members}));"
                : $"{request}.AddCookieObject({name}, {Bool(parameter.Explode)}, {members});");
            return true;
        }

        if (parameter.Value.Kind == ValueKind.Array && parameter.Location == ParameterLocation.Cookie)
        {
            w.Line($"{request}.AddCookieArray({name}, {Bool(parameter.Explode)}, {ItemTexts(parameter.Value, parameter.Name, parameter.Required)});");
            return true;
        }

        return false;
    }

    private static string StyleOf(ParameterSpec parameter) => CSharp.GeneratedRuntime + "ParameterStyle." + (parameter.Style.Length == 0 ? "Simple" : parameter.Style);

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A scalar as text (<c>string?</c>): strings as they are, enums by wire name, formats as the document says, numbers invariant.</summary>
    private static string ScalarText(ValueSpec value, string expression)
    {
        if (value.Kind == ValueKind.String)
        {
            return expression;
        }

        if (value.Kind == ValueKind.Enum || value.IsFormattedString)
        {
            string toWire = value.Kind == ValueKind.Enum ? value.TypeName + "Json.ToWireName" : CSharp.GeneratedRuntime + "SchemaFormats.ToText";
            return value.Nullable && value.IsValueType
                ? "(" + expression + ".HasValue ? " + toWire + "(" + expression + ".Value) : null)"
                : value.Nullable ? "(" + expression + " is null ? null : " + toWire + "(" + expression + "))" : toWire + "(" + expression + ")";
        }

        return CSharp.GeneratedRuntime + "ParameterText.Of(" + expression + ")";
    }

    /// <summary>The items of an array parameter as texts: the strings themselves, or a projection.</summary>
    private static string ItemTexts(ValueSpec value, string expression, bool required = true)
    {
        ValueSpec items = value.Items!;
        if (items.Kind == ValueKind.String)
        {
            return expression;
        }

        string projection = "global::System.Linq.Enumerable.Select(" + expression + ", static item => " + ScalarText(items, "item") + ")";
        return required ? projection : "(" + expression + " is null ? null : " + projection + ")";
    }

    /// <summary>The members of an object parameter as (JSON name, text) pairs; an absent member's text is null.</summary>
    private static string MemberTexts(ParameterSpec parameter, string expression, bool required)
    {
        var members = parameter.Members!.Value.Select(p =>
            "new(" + CSharp.String(p.JsonName) + ", " + ScalarText(p.Value with { Nullable = p.Value.Nullable || !p.Required }, expression + "." + p.Name) + ")");
        string array = "new global::System.Collections.Generic.KeyValuePair<string, string?>[] { " + string.Join(", ", members) + " }";
        return required ? array : "(" + expression + " is null ? null : " + array + ")";
    }

    /// <summary>
    /// The names of an operation method's own locals: the one wanted, or with the smallest numeric suffix
    /// that no parameter and no other local of the method has (a parameter named <c>path</c> leaves the
    /// local <c>path2</c>). The parser keeps parameters off the names the method's fixed code uses
    /// (<c>body</c>, <c>cancellationToken</c>, <c>context</c>, <c>nameof</c>, the validation locals).
    /// </summary>
    private sealed class Locals
    {
        private readonly HashSet<string> _taken = new(System.StringComparer.Ordinal) { "body", "cancellationToken", "context" };

        public Locals(OperationSpec operation)
        {
            foreach (ParameterSpec parameter in operation.Parameters)
            {
                _taken.Add(parameter.Name.TrimStart('@'));
            }

            foreach (PartSpec part in operation.Body?.Parts ?? default)
            {
                _taken.Add(part.Name.TrimStart('@'));
            }
        }

        public string Take(string wanted)
        {
            string name = wanted;
            for (int i = 2; !_taken.Add(name); i++)
            {
                name = wanted + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }
    }

    /// <summary>
    /// The path: a literal without parameters; else an interpolated string whose holes are all strings (integers
    /// through <c>UriPath.Segment</c>, invariant), which the compiler makes a plain <c>string.Concat</c>; with a
    /// non-integer number, <c>string.Create</c> with the invariant culture (numbers in a URL never follow the user's culture).
    /// </summary>
    private static string PathExpression(OperationSpec operation)
    {
        if (operation.PathTemplate.IndexOf('{') < 0)
        {
            return CSharp.String(operation.PathTemplate);
        }

        bool culture = operation.Parameters.Any(p => p.Location == ParameterLocation.Path && p.Value.Kind is ValueKind.Double or ValueKind.Decimal
            && p.Style is not ("Label" or "Matrix") && operation.PathTemplate.Contains("{" + p.WireName + "}"));
        var builder = new StringBuilder(culture ? "string.Create(global::System.Globalization.CultureInfo.InvariantCulture, $\"" : "$\"");
        string template = operation.PathTemplate;
        int position = 0;
        while (position < template.Length)
        {
            int open = template.IndexOf('{', position);
            if (open < 0)
            {
                builder.Append(EscapeInterpolated(template.Substring(position)));
                break;
            }

            int close = template.IndexOf('}', open);
            builder.Append(EscapeInterpolated(template.Substring(position, open - position)));
            string wireName = template.Substring(open + 1, close - open - 1);
            ParameterSpec parameter = operation.Parameters.First(p => p.WireName == wireName);
            string segment = SegmentExpression(parameter);
            builder.Append(segment.IndexOf(':') >= 0 ? "{(" + segment + ")}" : "{" + segment + "}");
            position = close + 1;
        }

        return builder.Append(culture ? "\")" : "\"").ToString();
    }

    private static string SegmentExpression(ParameterSpec parameter) => parameter.Value.Kind switch
    {
        ValueKind.Array => CSharp.GeneratedRuntime + "ParameterStyles.PathArray(" + CSharp.String(parameter.WireName) + ", " + StyleOf(parameter) + ", " + Bool(parameter.Explode) + ", "
            + ItemTexts(parameter.Value, parameter.Name) + ", nameof(" + parameter.Name + "))",
        ValueKind.Object => CSharp.GeneratedRuntime + "ParameterStyles.PathObject(" + CSharp.String(parameter.WireName) + ", " + StyleOf(parameter) + ", " + Bool(parameter.Explode) + ", "
            + MemberTexts(parameter, parameter.Name, required: true) + ", nameof(" + parameter.Name + "))",
        _ when parameter.Style is "Label" or "Matrix" => CSharp.GeneratedRuntime + "ParameterStyles.PathValue(" + CSharp.String(parameter.WireName) + ", " + StyleOf(parameter) + ", "
            + ScalarText(parameter.Value, parameter.Name) + ", nameof(" + parameter.Name + "))",
        // The parameter's name comes from the argument's expression, but for a name that needs its @ (nameof drops it).
        ValueKind.String => CSharp.GeneratedRuntime + "UriPath.Segment(" + parameter.Name + (parameter.Name.StartsWith("@", System.StringComparison.Ordinal) ? ", nameof(" + parameter.Name + "))" : ")"),
        ValueKind.Int32 or ValueKind.Int64 => CSharp.GeneratedRuntime + "UriPath.Segment(" + parameter.Name + ")",
        ValueKind.Enum => "global::System.Uri.EscapeDataString(" + parameter.Value.TypeName + "Json.ToWireName(" + parameter.Name + "))",
        ValueKind.Boolean => "(" + parameter.Name + " ? \"true\" : \"false\")",
        _ when parameter.Value.IsFormattedString => "global::System.Uri.EscapeDataString(" + CSharp.FormattedText(parameter.Name) + ")",
        _ => parameter.Name,
    };

    /// <summary>Text inside an interpolated string literal: braces doubled, and every char a literal cannot hold escaped.</summary>
    private static string EscapeInterpolated(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '{' or '}')
            {
                builder.Append(c, 2);
            }
            else if (CSharp.StringEscape(c) is string escape)
            {
                builder.Append(escape);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
