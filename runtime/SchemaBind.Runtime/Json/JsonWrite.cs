using System;
using System.Text.Json;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// Writing helpers that generated serialization code calls: what every generated <c>WriteJson</c> did in several calls,
/// in one, which costs the compiler and the user's analyzers (they visit every operation of generated code too) less.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public static class JsonWrite
{
    /// <summary>
    /// The start of a generated record's <c>WriteJson</c>: checks its arguments, as the public method does (an
    /// <see cref="ArgumentNullException"/> names <c>writer</c> or <c>value</c>), and writes the start of the object.
    /// </summary>
    /// <typeparam name="T">The generated type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value to write.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void StartObject<T>(Utf8JsonWriter writer, T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
    }
}
