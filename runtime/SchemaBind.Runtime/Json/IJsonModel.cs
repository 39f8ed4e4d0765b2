using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SchemaBind.Runtime;

/// <summary>
/// A type SchemaBind generated from a schema (an object, a union or a choice): read and written as JSON by its own
/// generated code, without reflection, and validated against its schema. The generated members document themselves
/// by this interface (<c>inheritdoc</c>), and generic code can use it: <c>T.FromJson(json)</c>.
/// </summary>
/// <typeparam name="TSelf">The generated type.</typeparam>
public interface IJsonModel<TSelf> where TSelf : IJsonModel<TSelf>
{
    /// <summary>Parses a value from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The text is not JSON of this shape.</exception>
    static abstract TSelf FromJson(string json);

    /// <summary>Parses a value from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The data is not JSON of this shape.</exception>
    static abstract TSelf FromJson(ReadOnlySpan<byte> utf8Json);

    /// <summary>
    /// Reads a value from a reader on its first token (an object's start, or the value of a choice), and leaves the
    /// reader on its last token. Members the schema does not declare are skipped, or kept where the schema allows them
    /// (<c>additionalProperties</c>); a union's case that the schema does not list is kept as the JSON read.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The JSON does not have this shape (a required property missing, a value of the wrong type).</exception>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);

    /// <summary>Writes <paramref name="value"/> as JSON.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value to write.</param>
    static abstract void WriteJson(Utf8JsonWriter writer, TSelf value);

    /// <summary>
    /// Writes <paramref name="value"/> as JSON; with <paramref name="redact"/>, sensitive values (<c>writeOnly</c>,
    /// <c>format: password</c>) as <c>"***"</c>, for logs.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="redact">True to write sensitive values as <c>"***"</c>.</param>
    static abstract void WriteJson(Utf8JsonWriter writer, TSelf value, bool redact);

    /// <summary>Serializes this value to JSON text.</summary>
    /// <returns>The JSON text.</returns>
    string ToJson();

    /// <summary>Checks this value against its schema.</summary>
    /// <returns>Every error, with its location; empty when the value is valid.</returns>
    IReadOnlyList<ValidationError> Validate();

    /// <summary>Adds the errors of this value to <paramref name="context"/>, at the context's current location.</summary>
    /// <param name="context">The context that collects the errors.</param>
    void Validate(ValidationContext context);
}

/// <summary>
/// A generated type whose schema has a place in the embedded schema document (a named schema, not one inline in an
/// operation): its JSON Schema validates JSON directly, with every keyword of JSON Schema 2020-12.
/// </summary>
/// <typeparam name="TSelf">The generated type.</typeparam>
public interface IJsonSchemaModel<TSelf> where TSelf : IJsonSchemaModel<TSelf>
{
    /// <summary>The JSON Schema of this type: its subschema of the embedded document, to validate JSON such as responses, webhooks or stored documents.</summary>
    static abstract JsonSchemaValidator JsonSchema { get; }

    /// <summary>Validates JSON against this type's schema, with every keyword of JSON Schema 2020-12.</summary>
    /// <param name="json">The JSON to validate.</param>
    /// <returns>Every error, with its JSON Pointer; empty when valid.</returns>
    static abstract IReadOnlyList<ValidationError> ValidateJson(JsonElement json);
}
