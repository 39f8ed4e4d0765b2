using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// Small, reflection-free reading helpers that generated serialization code calls. Each reads
/// the value the reader is positioned on and leaves the reader on that value's last token.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public static partial class JsonRead
{
    /// <summary>Reads a string; anything else is a <see cref="JsonException"/>.</summary>
    public static string String(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a string");
        return reader.GetString()!;
    }

    /// <summary>
    /// Reads the string of a <c>const</c> member (a union case's discriminator above all): <paramref name="value"/> itself
    /// when the JSON has it, so no string is made; else the string the JSON has, which the caller reports.
    /// </summary>
    public static string Const(ref Utf8JsonReader reader, string value) =>
        reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(value) ? value : String(ref reader);

    /// <summary>Reads a string or <c>null</c>.</summary>
    public static string? StringOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : String(ref reader);

    /// <summary>Reads a boolean.</summary>
    public static bool Boolean(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
        {
            throw Unexpected(ref reader, "a boolean");
        }

        return reader.GetBoolean();
    }

    /// <summary>Reads a boolean or <c>null</c>.</summary>
    public static bool? BooleanOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Boolean(ref reader);

    /// <summary>Reads an integer that fits in 32 bits.</summary>
    public static int Int32(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "an integer");
        if (reader.TryGetInt32(out int value))
        {
            return value;
        }

        // 1.0 is an integer in JSON Schema; 1.5, 1e-400 and 1e100 are not int32 values.
        if (TryGetInteger(ref reader, out BigInteger d) && d >= int.MinValue && d <= int.MaxValue)
        {
            return (int)d;
        }

        throw Unexpected(ref reader, "an integer between -2147483648 and 2147483647");
    }

    /// <summary>
    /// The integer the number token denotes, exactly: decimal would round 1.0000000000000000000000000001 to 1
    /// and underflow 1e-400 to 0, and take them for integers.
    /// </summary>
    private static bool TryGetInteger(ref Utf8JsonReader reader, out BigInteger value)
    {
        // A number token has no escapes: its bytes are its ASCII text.
        string raw = reader.HasValueSequence
            ? Encoding.ASCII.GetString(reader.ValueSequence.ToArray())
            : Encoding.ASCII.GetString(reader.ValueSpan);
        return JsonNumbers.TryGetInteger(raw, out value);
    }

    /// <summary>Reads a 32-bit integer or <c>null</c>.</summary>
    public static int? Int32OrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Int32(ref reader);

    /// <summary>Reads an integer that fits in 64 bits.</summary>
    public static long Int64(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "an integer");
        if (reader.TryGetInt64(out long value))
        {
            return value;
        }

        if (TryGetInteger(ref reader, out BigInteger d) && d >= long.MinValue && d <= long.MaxValue)
        {
            return (long)d;
        }

        throw Unexpected(ref reader, "an integer between -9223372036854775808 and 9223372036854775807");
    }

    /// <summary>Reads a 64-bit integer or <c>null</c>.</summary>
    public static long? Int64OrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Int64(ref reader);

    /// <summary>Reads a number.</summary>
    public static double Double(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "a number");
        return reader.GetDouble();
    }

    /// <summary>Reads a number or <c>null</c>.</summary>
    public static double? DoubleOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Double(ref reader);

    /// <summary>Reads any JSON value as a <see cref="JsonElement"/>.</summary>
    public static JsonElement Element(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Reads an array, each item with <paramref name="readItem"/>.</summary>
    public static IReadOnlyList<T> Array<T>(ref Utf8JsonReader reader, JsonReadHandler<T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        Expect(ref reader, JsonTokenType.StartArray, "an array");
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(readItem(ref reader));
        }

        return items;
    }

    /// <summary>Reads an array or <c>null</c>.</summary>
    public static IReadOnlyList<T>? ArrayOrNull<T>(ref Utf8JsonReader reader, JsonReadHandler<T> readItem) =>
        reader.TokenType == JsonTokenType.Null ? null : Array(ref reader, readItem);

    /// <summary>
    /// Reads an object whose members are all values of one schema (<c>additionalProperties</c>) as a
    /// dictionary, each value read with <paramref name="readValue"/>; the dictionary enumerates the
    /// members in the order of the JSON.
    /// </summary>
    public static IReadOnlyDictionary<string, T> Map<T>(ref Utf8JsonReader reader, JsonReadHandler<T> readValue)
    {
        ArgumentNullException.ThrowIfNull(readValue);
        Expect(ref reader, JsonTokenType.StartObject, "an object");
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            map[name] = readValue(ref reader);
        }

        return map;
    }

    /// <summary>Reads a map or <c>null</c>.</summary>
    public static IReadOnlyDictionary<string, T>? MapOrNull<T>(ref Utf8JsonReader reader, JsonReadHandler<T> readValue) =>
        reader.TokenType == JsonTokenType.Null ? null : Map(ref reader, readValue);

    /// <summary>Reads a value already parsed into <paramref name="element"/> with a generated reader.</summary>
    public static T FromElement<T>(JsonElement element, JsonReadHandler<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);

        // The element's own UTF-8 text, without writing it out again.
        return Parse(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element), read);
    }

    /// <summary>The error for a value that is none of a union's alternatives (or, for oneOf, more than one).</summary>
    /// <param name="typeName">The union type.</param>
    /// <param name="keyword"><c>oneOf</c> or <c>anyOf</c>.</param>
    /// <param name="matches">How many alternatives the value matched.</param>
    public static JsonException NoUnionCase(string typeName, string keyword, int matches) =>
        new(matches == 0
            ? $"The JSON value is none of the alternatives of {typeName} ({keyword})."
            : $"The JSON value matches {matches} alternatives of {typeName}, but {keyword} allows exactly one.");

    /// <summary>Throws unless the reader is on the start of an object.</summary>
    public static void StartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A {typeName} must be a JSON object, but the value is {Describe(reader.TokenType)}.");
        }
    }

    /// <summary>
    /// Finds the string value of a discriminator property in the object the reader is on,
    /// without moving the caller's reader (the reader is taken by value).
    /// </summary>
    /// <returns>The value, or <c>null</c> when the property is missing or not a string.</returns>
    public static string? PeekDiscriminator(Utf8JsonReader reader, ReadOnlySpan<byte> propertyName)
    {
        return SeekProperty(ref reader, propertyName) && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }

    /// <summary>
    /// Finds the string value of a discriminator property in the object the reader is on, without moving the caller's
    /// reader (the reader is taken by value), and unescapes it into <paramref name="buffer"/>: a generated union
    /// matches it against its cases' values with no string made (a value longer than the buffer gets an array).
    /// </summary>
    /// <param name="reader">The reader, on the start of the object.</param>
    /// <param name="propertyName">The discriminator's JSON name, in UTF-8.</param>
    /// <param name="buffer">Where the value is unescaped, usually on the caller's stack.</param>
    /// <param name="typeName">The union, named in the error.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The object has no such property, or its value is not a string.</exception>
    public static ReadOnlySpan<char> PeekDiscriminator(Utf8JsonReader reader, ReadOnlySpan<byte> propertyName, Span<char> buffer, string typeName)
    {
        if (SeekProperty(ref reader, propertyName) && reader.TokenType == JsonTokenType.String)
        {
            // Unescaped, a string has at most as many UTF-16 code units as it has bytes in the JSON.
            long length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
            return length <= buffer.Length ? buffer.Slice(0, reader.CopyString(buffer)) : reader.GetString().AsSpan();
        }

        throw UnknownDiscriminator(typeName, System.Text.Encoding.UTF8.GetString(propertyName), null);
    }

    /// <summary>
    /// Moves a reader on the start of an object to the value of its property <paramref name="propertyName"/>, skipping the
    /// members before it; false when the reader is not on an object or the object has no such property.
    /// </summary>
    private static bool SeekProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> propertyName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (Property(ref reader, propertyName))
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    /// <summary>The error for a required property that the JSON lacks.</summary>
    public static JsonException MissingProperty(string typeName, string jsonName) =>
        new($"A {typeName} requires the property '{jsonName}', which the JSON lacks.");

    /// <summary>The error for a required property of <typeparamref name="T"/> that the JSON lacks.</summary>
    /// <typeparam name="T">The generated type, named in the message.</typeparam>
    public static JsonException MissingProperty<T>(string jsonName) => MissingProperty(typeof(T).Name, jsonName);

    /// <summary>
    /// True when the reader is on the property name <paramref name="utf8Name"/>; then it moves the reader to the
    /// property's value. A generated reader's branch for one member: the one comparison it makes anyway, no allocation.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool Property(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Name)
    {
        if (!NameEquals(ref reader, utf8Name))
        {
            return false;
        }

        reader.Read();
        return true;
    }

    /// <summary>
    /// <see cref="Property(ref Utf8JsonReader, ReadOnlySpan{byte})"/> for a required member: when the name matches, it
    /// also sets bit <paramref name="index"/> of <paramref name="seen"/>, which <see cref="Required{T}(uint, uint, string)"/>
    /// checks after the object.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool Property(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Name, ref uint seen, int index)
    {
        if (!Property(ref reader, utf8Name))
        {
            return false;
        }

        seen |= 1u << index;
        return true;
    }

    /// <summary>Throws <see cref="MissingProperty{T}(string)"/> when bit <paramref name="index"/> of <paramref name="seen"/> is not set: the required member was not read.</summary>
    /// <typeparam name="T">The generated type, named in the message.</typeparam>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void Required<T>(uint seen, int index, string jsonName)
    {
        if ((seen & (1u << index)) == 0)
        {
            ThrowMissing<T>(jsonName);
        }
    }

    /// <summary>
    /// Throws <see cref="MissingProperty{T}(string)"/> for the first required member not read: the lowest bit of
    /// <paramref name="mask"/> not set in <paramref name="seen"/>. One call checks up to 32 required members, where a call
    /// a member would cost the compiler and the user's analyzers one invocation each.
    /// </summary>
    /// <typeparam name="T">The generated type, named in the message.</typeparam>
    /// <param name="seen">The bits set by <see cref="Property(ref Utf8JsonReader, ReadOnlySpan{byte}, ref uint, int)"/>.</param>
    /// <param name="mask">The bits of the required members: bit 0 to bit n - 1.</param>
    /// <param name="jsonNames">The JSON names of the members of <paramref name="mask"/>, bit 0 first, separated by commas (no name has a comma).</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void Required<T>(uint seen, uint mask, string jsonNames)
    {
        if ((seen & mask) != mask)
        {
            ThrowMissing<T>(seen, mask, jsonNames);
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowMissing<T>(uint seen, uint mask, string jsonNames)
    {
        ArgumentNullException.ThrowIfNull(jsonNames);
        int index = System.Numerics.BitOperations.TrailingZeroCount(~seen & mask);
        string[] names = jsonNames.Split(',');
        throw MissingProperty<T>(index < names.Length ? names[index] : jsonNames);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowMissing<T>(string jsonName) => throw MissingProperty<T>(jsonName);

    /// <summary>
    /// <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> for the reader's property name. A generated reader
    /// tries a name against its members one after the other, and most tries fail on the length: a name as written
    /// (neither escaped nor split over segments, nearly always) is compared as bytes here, inline, with no call.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool NameEquals(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Name) =>
        !reader.ValueIsEscaped && !reader.HasValueSequence
            ? reader.ValueSpan.SequenceEqual(utf8Name)
            : reader.ValueTextEquals(utf8Name);

    /// <summary>The error for a discriminator value that selects no known type.</summary>
    public static JsonException UnknownDiscriminator(string typeName, string propertyName, string? value) =>
        new(value is null
            ? $"A {typeName} needs the string property '{propertyName}' to tell which type it is."
            : $"'{value}' is not a known '{propertyName}' of {typeName}.");

    /// <summary>The error for a const property (such as a discriminator) that is missing or has another value.</summary>
    public static JsonException WrongConst(string typeName, string jsonName, string expected, string? actual) =>
        new(actual is null
            ? $"A {typeName} requires the property '{jsonName}' with the value '{expected}', which the JSON lacks."
            : $"A {typeName} has '{jsonName}' '{expected}', not '{actual}'.");

    /// <summary>The error for a string that is not one of an enum's values.</summary>
    public static JsonException UnknownEnumValue(string typeName, string value) =>
        new($"'{value}' is not a value of {typeName}.");

    /// <summary>Parses a whole UTF-8 JSON document with <paramref name="read"/>.</summary>
    public static T Parse<T>(ReadOnlySpan<byte> utf8Json, JsonReadHandler<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        Utf8JsonReader reader = BeginDocument(utf8Json);
        T value = read(ref reader);
        EndDocument(ref reader);
        return value;
    }

    /// <summary>Parses a whole JSON document held in a string.</summary>
    public static T Parse<T>(string json, JsonReadHandler<T> read)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), read);
    }

    /// <summary>Parses a whole UTF-8 JSON document as a <typeparamref name="T"/> (<see cref="JsonRecord{TSelf}"/>'s <c>FromJson</c>).</summary>
    internal static T Parse<T>(ReadOnlySpan<byte> utf8Json) where T : IJsonModel<T>
    {
        Utf8JsonReader reader = BeginDocument(utf8Json);
        T value = T.ReadJson(ref reader);
        EndDocument(ref reader);
        return value;
    }

    /// <summary>Parses a whole JSON document held in a string as a <typeparamref name="T"/>.</summary>
    internal static T Parse<T>(string json) where T : IJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse<T>(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Writes a value with <paramref name="write"/> and returns the JSON text.</summary>
    public static string Serialize<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a <typeparamref name="T"/> with its own <c>WriteJson</c> and returns the JSON text (<see cref="JsonRecord{TSelf}"/>'s <c>ToJson</c> and <c>ToString</c>).</summary>
    internal static string Serialize<T>(T value, bool redact) where T : IJsonModel<T>
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            T.WriteJson(writer, value, redact);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A reader on the first token of a whole document.</summary>
    private static Utf8JsonReader BeginDocument(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read())
        {
            throw new JsonException("The JSON document is empty.");
        }

        return reader;
    }

    /// <summary>Checks that nothing follows the value the reader ends on.</summary>
    private static void EndDocument(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException("Unexpected data after the end of the JSON value.");
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string expected)
    {
        if (reader.TokenType != type)
        {
            throw Unexpected(ref reader, expected);
        }
    }

    private static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected}, but the value is {Describe(reader.TokenType)}.");

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };
}
