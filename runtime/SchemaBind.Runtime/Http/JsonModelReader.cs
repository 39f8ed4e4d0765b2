using System.Collections.Generic;
using System.Text.Json;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// The reader of a generated type as one cached delegate: a client passes <c>JsonModelReader&lt;T&gt;.Read</c> for a
/// response or error body of that type (and <c>ReadList</c> for an array of them) instead of writing the same lambda
/// in every method.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public static class JsonModelReader<T>
    where T : IJsonModel<T>
{
    /// <summary>Reads a value with <see cref="IJsonModel{TSelf}.ReadJson"/>.</summary>
    public static readonly JsonReadHandler<T> Read = static (ref Utf8JsonReader reader) => T.ReadJson(ref reader);

    /// <summary>Reads a JSON array of values with <see cref="JsonRead.Array{T}"/> and <see cref="Read"/>.</summary>
    public static readonly JsonReadHandler<IReadOnlyList<T>> ReadList = static (ref Utf8JsonReader reader) => JsonRead.Array(ref reader, Read);
}
