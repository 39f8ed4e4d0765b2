using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SchemaBind.Runtime;

/// <summary>
/// The base of every record SchemaBind generates from an object schema, and of its unions: it holds, once, the members
/// every such record has and that are the same for each of them (parsing from JSON text, writing JSON text,
/// <see cref="Validate()"/>, the redacted <see cref="ToString"/>), each built on the members the generated record
/// declares itself (<c>ReadJson</c>, <c>WriteJson</c> and <see cref="Validate(ValidationContext)"/>).
/// </summary>
/// <remarks>
/// <para>
/// A generated record is declared as <c>public sealed partial record Pet : JsonSchemaRecord&lt;Pet&gt;, IJsonModel&lt;Pet&gt;,
/// IJsonSchemaModel&lt;Pet&gt;</c> (<c>JsonRecord&lt;Pet&gt;</c> and no <c>IJsonSchemaModel</c> for a schema inline in an
/// operation; a union's case derives from its union), so the static members here are reached through its name
/// (<c>Pet.FromJson(json)</c>) and implement <see cref="IJsonModel{TSelf}"/> for it (<c>T.FromJson(json)</c> in generic
/// code). Reflection finds them with <c>BindingFlags.FlattenHierarchy</c>, as static members of a base class. The base
/// class is taken: a partial part of a generated record that names another base class is an error (CS0263); add
/// interfaces and members instead.
/// </para>
/// <para>
/// It has no members of its own that take part in equality: two generated records are equal when they are of the same
/// type and their members are equal, as records are.
/// </para>
/// </remarks>
/// <typeparam name="TSelf">The generated record.</typeparam>
public abstract record JsonRecord<TSelf> where TSelf : JsonRecord<TSelf>, IJsonModel<TSelf>
{
    /// <summary>Parses a value from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The text is not JSON of this shape.</exception>
    public static TSelf FromJson(string json) => JsonRead.Parse<TSelf>(json);

    /// <summary>Parses a value from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The data is not JSON of this shape.</exception>
    public static TSelf FromJson(ReadOnlySpan<byte> utf8Json) => JsonRead.Parse<TSelf>(utf8Json);

    /// <summary>Writes <paramref name="value"/> as JSON.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value to write.</param>
    public static void WriteJson(Utf8JsonWriter writer, TSelf value) => TSelf.WriteJson(writer, value, redact: false);

    /// <summary>Serializes this value to JSON text.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonRead.Serialize((TSelf)this, redact: false);

    /// <summary>Checks this value against its schema.</summary>
    /// <returns>Every error, with its location; empty when the value is valid.</returns>
    public IReadOnlyList<ValidationError> Validate()
    {
        // A rented context: validating a valid value allocates nothing.
        var context = ValidationContext.Rent();
        Validate(context);
        return ValidationContext.Return(context);
    }

    /// <summary>Adds the errors of this value to <paramref name="context"/>, at the context's current location.</summary>
    /// <param name="context">The context that collects the errors.</param>
    public abstract void Validate(ValidationContext context);

    /// <summary>The value as JSON, with sensitive values (<c>writeOnly</c>, <c>format: password</c>) shown as <c>"***"</c>.</summary>
    /// <returns>The redacted JSON text.</returns>
    public sealed override string ToString() => JsonRead.Serialize((TSelf)this, redact: true);
}

/// <summary>
/// The base of a generated record whose schema has a place in the embedded schema document (a named schema, not one
/// inline in an operation): <see cref="JsonRecord{TSelf}"/> and <see cref="ValidateJson"/>, which validates JSON with the
/// record's <c>JsonSchema</c> (<see cref="IJsonSchemaModel{TSelf}"/>).
/// </summary>
/// <typeparam name="TSelf">The generated record.</typeparam>
public abstract record JsonSchemaRecord<TSelf> : JsonRecord<TSelf>
    where TSelf : JsonSchemaRecord<TSelf>, IJsonModel<TSelf>, IJsonSchemaModel<TSelf>
{
    /// <summary>Validates JSON against this type's schema, with every keyword of JSON Schema 2020-12.</summary>
    /// <param name="json">The JSON to validate.</param>
    /// <returns>Every error, with its JSON Pointer; empty when valid.</returns>
    public static IReadOnlyList<ValidationError> ValidateJson(JsonElement json) => TSelf.JsonSchema.Validate(json);
}
