using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// Lets System.Text.Json read and write a generated type with the type's own generated code, without reflection:
/// each generated type names it in its <c>[JsonConverter]</c> attribute, and it calls the type's <c>ReadJson</c>
/// and <c>WriteJson</c> (<see cref="IJsonModel{TSelf}"/>).
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // named by generated code, not by users
public sealed class GeneratedJsonConverter<T> : JsonConverter<T>
    where T : IJsonModel<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => T.ReadJson(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => T.WriteJson(writer, value);
}
