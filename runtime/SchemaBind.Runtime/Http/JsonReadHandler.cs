using System.Text.Json;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// Reads one value of <typeparamref name="T"/> from a reader positioned on the value's first token.
/// Generated types provide these as static methods.
/// </summary>
/// <typeparam name="T">The type of the value to read.</typeparam>
/// <param name="reader">
/// A reader positioned on the first token of the value. On return the reader is positioned on the
/// value's last token (the <see cref="System.Text.Json.Serialization.JsonConverter{T}"/> convention).
/// </param>
/// <returns>The value read.</returns>
/// <exception cref="JsonException">The JSON is not a valid representation of <typeparamref name="T"/>.</exception>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public delegate T JsonReadHandler<T>(ref Utf8JsonReader reader);
