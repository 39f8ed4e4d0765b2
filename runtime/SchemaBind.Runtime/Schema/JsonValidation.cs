using System;
using System.Text.Json;

namespace SchemaBind.Runtime;

/// <summary>Brings the JSON validator's findings into a typed validation.</summary>
public static class JsonValidation
{
    /// <summary>
    /// Validates the JSON form of a value and adds each error the typed checks have not already
    /// reported (same location and keyword), at the context's current location.
    /// </summary>
    /// <param name="context">The typed validation's context.</param>
    /// <param name="schema">The value's JSON Schema.</param>
    /// <param name="json">The value serialized to JSON.</param>
    public static void AddErrors(ValidationContext context, JsonSchemaValidator schema, string json)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(schema);
        using JsonDocument document = JsonDocument.Parse(json);
        foreach (ValidationError error in schema.Validate(document.RootElement))
        {
            context.AddError(error.InstanceLocation, error.Keyword, error.Message, skipDuplicate: true);
        }
    }
}
