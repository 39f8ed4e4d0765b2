using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Parsing;

// How a parameter is serialized: OpenAPI's style, explode and allowReserved, checked against its location and shape.
internal sealed partial class ClientReader
{
    /// <summary>How the client sends one parameter (the runtime's style name and the object members it sends).</summary>
    private sealed record ParameterShape(string Style, bool Explode, bool AllowReserved, EquatableArray<PropertySpec>? Members);

    /// <summary>
    /// Reads <c>style</c>, <c>explode</c> and <c>allowReserved</c> and checks that the style defines a form for the
    /// parameter's location and value (OpenAPI's style table); returns null with the reason when it does not.
    /// </summary>
    private ParameterShape? ReadParameterShape(JsonObject parameter, string location, ValueSpec value, out string why, out JsonNode at)
    {
        why = string.Empty;
        at = parameter.Get("style") ?? parameter.Get("schema") ?? parameter;
        string defaultStyle = location is "query" or "cookie" ? "form" : "simple";
        string style = defaultStyle;
        if (parameter.Get("style") is JsonNode styleNode)
        {
            if (styleNode is not JsonString { Value: "form" or "simple" or "label" or "matrix" or "spaceDelimited" or "pipeDelimited" or "deepObject" } known)
            {
                why = "its style " + (styleNode is JsonString text ? "'" + text.Value + "'" : "value") + " is not one of OpenAPI's (form, simple, label, matrix, spaceDelimited, pipeDelimited, deepObject)";
                return null;
            }

            style = known.Value;
        }

        bool allowedHere = location switch
        {
            "path" => style is "simple" or "label" or "matrix",
            "query" => style is "form" or "spaceDelimited" or "pipeDelimited" or "deepObject",
            "header" => style is "simple",
            _ => style is "form",
        };
        if (!allowedHere)
        {
            why = "the style '" + style + "' is not defined for " + location + " parameters";
            return null;
        }

        bool explode = parameter.Get("explode") is JsonBoolean explodeNode ? explodeNode.Value : style == "form";
        bool allowReserved = location == "query" && parameter.Get("allowReserved") is JsonBoolean { Value: true };
        string runtimeStyle = char.ToUpperInvariant(style[0]) + style.Substring(1);

        if (value.IsScalar || (value.Kind == ValueKind.Array && value.Items!.IsScalar))
        {
            if (style == "deepObject")
            {
                why = "the style 'deepObject' is defined for objects only";
                return null;
            }

            return new ParameterShape(runtimeStyle, explode, allowReserved, null);
        }

        ObjectSpec? type = ObjectTypeOf(value);
        at = parameter.Get("schema") ?? parameter;
        if (type is null)
        {
            why = "a " + location + " parameter must be a string, number, boolean, string enum, an array of them or an object of them (nested arrays, maps and unions have no form in OpenAPI's styles)";
            return null;
        }

        if (type.Union is not null || type.AdditionalProperties is not null)
        {
            why = "its object has additional properties or is a case of a union, which OpenAPI's styles cannot list";
            return null;
        }

        if (type.Properties.FirstOrDefault(static p => !p.ReadOnly && !p.Value.IsScalar) is { } nested)
        {
            why = "its property '" + nested.JsonName + "' is not a scalar, and OpenAPI's styles send objects of scalars only";
            return null;
        }

        at = parameter.Get("style") ?? at;
        if (style is "spaceDelimited" or "pipeDelimited" && explode)
        {
            why = "the style '" + style + "' with explode: true is not defined for objects";
            return null;
        }

        if (style == "deepObject" && !explode)
        {
            why = "the style 'deepObject' is defined with explode: true only";
            return null;
        }

        return new ParameterShape(runtimeStyle, explode, allowReserved, type.Properties.Where(static p => !p.ReadOnly).ToEquatableArray());
    }
}
