using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Parsing;

// The headers a success response declares (responses.<2xx>.headers; Swagger 2.0's are converted to the same shape):
// a generated {Operation}Headers type the caller reads from ApiResponse.Headers when it wants them.
internal sealed partial class ClientReader
{
    /// <summary>
    /// The headers .NET keeps with the response's content rather than in <c>HttpResponseMessage.Headers</c>: the client
    /// has read and disposed the content by the time the caller has the response, so they cannot be read afterwards.
    /// </summary>
    private static readonly HashSet<string> ContentHeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Allow", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length", "Content-Location",
        "Content-MD5", "Content-Range", "Content-Type", "Expires", "Last-Modified",
    };

    /// <summary><paramref name="spec"/> with the headers the success response declares, and the name of their type.</summary>
    private ResponseSpec WithResponseHeaders(ResponseSpec spec, JsonObject response, string status, string operationId, string methodName, string at)
    {
        if (response.Get("headers") is not JsonObject { Properties.Length: > 0 } declared)
        {
            return spec;
        }

        if (ChooseResponseMediaType(response) is { Kind: ResponseKind.JsonLines or ResponseKind.EventStream })
        {
            foreach (JsonProperty property in declared.Properties)
            {
                Report(DiagnosticDescriptors.ResponseHeaderLeftOut, property.NameStart, property.NameEnd, property.Name, status, operationId, "the client",
                    "the response is a stream of items, whose method returns the items alone; read the header with a DelegatingHandler on the HttpClient");
            }

            return spec;
        }

        // The type's name is claimed with the first header it keeps; a header left out is reported once it is known
        // whether there is a type at all (none when every header is left out).
        string? typeName = null;
        var leftOuts = new List<(JsonProperty Property, string Reason)>();
        var headers = new List<ResponseHeaderSpec>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var reserved = new HashSet<string>(Names.ReservedMemberNames, StringComparer.Ordinal) { "Read" };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (JsonProperty property in declared.Properties)
        {
            string name = property.Name;
            string? leftOut = !IsHeaderToken(name) ? "it is not a valid HTTP header name"
                : name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) ? "OpenAPI says a response header named Content-Type is ignored; the response's media type is in its content"
                : ContentHeaderNames.Contains(name) ? ".NET keeps it with the response content, which the client has read and disposed; it is not in ApiResponse.Headers"
                : !seen.Add(name) ? "another header of the response has the same name (header names are case-insensitive)"
                : null;
            JsonObject? header = leftOut is null ? ResolveObject(property.Value) : null;
            if (header is null)
            {
                leftOuts.Add((property, leftOut ?? "it is not a header object"));
                continue;
            }

            if (typeName is null)
            {
                typeName = _registry.Claim(methodName + "Headers", ValueKind.Object);
                reserved.Add(typeName);
            }

            string pointer = at + "/headers/" + JsonPointer.Escape(name);
            ValueSpec text = new(ValueKind.String, null, true, null, ConstraintSpec.None);
            ValueSpec value = text;
            string? asText = null;
            if (header.Get("schema") is JsonObject schema)
            {
                if (schema.Get("type") is JsonString { Value: "object" } || schema.Get("properties") is not null)
                {
                    asText = "its schema is an object, which the client does not read from a header's name=value pairs";
                }
                else
                {
                    ValueSpec built = BuildValue(schema, pointer + "/schema", methodName + Names.ToPascalCase(name));
                    if (built.IsScalar || (built.Kind == ValueKind.Array && built.Items!.IsScalar))
                    {
                        value = built with { Nullable = true };
                    }
                    else
                    {
                        asText = "its schema is not a scalar, an enum or an array of scalars";
                    }
                }
            }
            else if (header.Get("content") is not null)
            {
                asText = "it declares its value by 'content' (a media type), which the client does not parse";
            }

            if (asText is not null)
            {
                Report(DiagnosticDescriptors.ResponseHeaderAsText, property.NameStart, property.NameEnd, name, status, operationId, asText);
            }

            string wanted = Names.ToPascalCase(name);
            string propertyName = Names.Claim(wanted, taken, reserved);
            headers.Add(new ResponseHeaderSpec(name, propertyName, value, (header.Get("description") as JsonString)?.Value, header.Get("deprecated") is JsonBoolean { Value: true }));
        }

        foreach ((JsonProperty property, string reason) in leftOuts)
        {
            Report(DiagnosticDescriptors.ResponseHeaderLeftOut, property.NameStart, property.NameEnd, property.Name, status, operationId, typeName ?? "the client", reason);
        }

        return typeName is null ? spec : spec with { HeadersTypeName = typeName, Headers = headers.ToEquatableArray() };
    }

    /// <summary>An HTTP header name: a token of RFC 9110 (letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>).</summary>
    private static bool IsHeaderToken(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0))
            {
                return false;
            }
        }

        return true;
    }
}
