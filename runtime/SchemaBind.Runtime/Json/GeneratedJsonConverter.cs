using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchemaBind.Runtime;

/// <summary>
/// Lets System.Text.Json read and write a generated type with the type's own generated code, without reflection.
/// Each generated type's <c>Converter</c> derives from this with the type's <c>ReadJson</c> and <c>WriteJson</c>.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
/// <param name="read">The type's reader.</param>
/// <param name="write">The type's writer.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public class GeneratedJsonConverter<T>(JsonReadHandler<T> read, Action<Utf8JsonWriter, T> write) : JsonConverter<T>
{
    private readonly JsonReadHandler<T> _read = read ?? throw new ArgumentNullException(nameof(read));
    private readonly Action<Utf8JsonWriter, T> _write = write ?? throw new ArgumentNullException(nameof(write));

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value);
}
