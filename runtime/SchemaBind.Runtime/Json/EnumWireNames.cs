using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// The wire names of one generated enum: its members are numbered 0, 1, 2... in the schema's order, and
/// member <c>i</c> is written as the <c>i</c>-th name. A name the schema does not list is read as a negative
/// value that keeps the name (<see cref="UnknownEnumValues"/>), so it round-trips.
/// </summary>
/// <remarks>
/// Generated enum helpers (<c>XxxJson</c>) call this one table instead of each writing its own switches: on a
/// large API description (thousands of enums) that is most of their code.
/// </remarks>
/// <typeparam name="TEnum">The generated enum (underlying type <see cref="int"/>).</typeparam>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public sealed class EnumWireNames<TEnum>
    where TEnum : struct, Enum
{
    // Up to this many members, a name is found by comparing it with each; above, through a dictionary.
    private const int MaxScanned = 8;

    private readonly string _typeName;
    private readonly string[] _names;
    private readonly byte[][] _utf8Names;
    private readonly Dictionary<string, int>? _byName;
    private readonly UnknownEnumValues _unknown;

    /// <summary>Creates the table of one enum.</summary>
    /// <param name="typeName">The enum's name, for error messages.</param>
    /// <param name="names">The wire names, by member value.</param>
    public EnumWireNames(string typeName, string[] names)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(names);
        if (Unsafe.SizeOf<TEnum>() != sizeof(int))
        {
            throw new ArgumentException($"{typeof(TEnum).Name} must have the underlying type int.", nameof(TEnum));
        }

        _typeName = typeName;
        _names = names;
        _utf8Names = new byte[names.Length][];
        for (int i = 0; i < names.Length; i++)
        {
            _utf8Names[i] = Encoding.UTF8.GetBytes(names[i]);
        }

        if (names.Length > MaxScanned)
        {
            _byName = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
            for (int i = 0; i < names.Length; i++)
            {
                _byName.Add(names[i], i);
            }
        }

        _unknown = new UnknownEnumValues(typeName);
    }

    /// <summary>The name of <paramref name="value"/> in JSON.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The wire name, exactly as in the schema, or as the server sent it for a value the schema does not list.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is neither a member nor a value that was read.</exception>
    public string ToWireName(TEnum value)
    {
        int number = Unsafe.As<TEnum, int>(ref value);
        if ((uint)number < (uint)_names.Length)
        {
            return _names[number];
        }

        return _unknown.TryGetName(number, out string wireName)
            ? wireName
            : throw new ArgumentOutOfRangeException(nameof(value), $"Not a value of {_typeName}.");
    }

    /// <summary>
    /// The value for <paramref name="wireName"/>: its member, or for a name the schema does not list a value
    /// that keeps the name (<see cref="IsDefined"/> is false for it, <see cref="ToWireName"/> gives the name back).
    /// </summary>
    /// <param name="wireName">The name in JSON (case-sensitive).</param>
    /// <returns>The value.</returns>
    public TEnum FromWireName(string wireName)
    {
        ArgumentNullException.ThrowIfNull(wireName);
        if (TryParse(wireName, out TEnum value))
        {
            return value;
        }

        int number = _unknown.GetOrAdd(wireName);
        return Unsafe.As<int, TEnum>(ref number);
    }

    /// <summary>Finds the member with the wire name <paramref name="wireName"/>.</summary>
    /// <param name="wireName">The name in JSON (case-sensitive).</param>
    /// <param name="value">The member, when found.</param>
    /// <returns>True when <paramref name="wireName"/> is a value of the schema.</returns>
    public bool TryParse(string? wireName, out TEnum value)
    {
        int number = IndexOf(wireName);
        value = Unsafe.As<int, TEnum>(ref number);
        if (number >= 0)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>True when <paramref name="value"/> is one of the named members.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether the value is defined.</returns>
    public bool IsDefined(TEnum value) => (uint)Unsafe.As<TEnum, int>(ref value) < (uint)_names.Length;

    /// <summary>Reads a value from a JSON string; a string the schema does not list is kept (see <see cref="FromWireName"/>).</summary>
    /// <param name="reader">The reader, positioned on the string.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The value is not a string.</exception>
    public TEnum Read(ref Utf8JsonReader reader)
    {
        if (_byName is null && reader.TokenType == JsonTokenType.String)
        {
            // A member's name is matched on the UTF-8 text, without making a string.
            for (int i = 0; i < _utf8Names.Length; i++)
            {
                if (reader.ValueTextEquals(_utf8Names[i]))
                {
                    return Unsafe.As<int, TEnum>(ref i);
                }
            }
        }

        return FromWireName(JsonRead.String(ref reader));
    }

    /// <summary>Writes <paramref name="value"/> as its wire name.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public void Write(Utf8JsonWriter writer, TEnum value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ToWireName(value));
    }

    private int IndexOf(string? wireName)
    {
        if (wireName is null)
        {
            return -1;
        }

        if (_byName is not null)
        {
            return _byName.TryGetValue(wireName, out int found) ? found : -1;
        }

        for (int i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], wireName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Lets System.Text.Json read and write a generated enum by its wire names, without reflection.</summary>
/// <typeparam name="TEnum">The generated enum.</typeparam>
/// <param name="names">The enum's wire names.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public class EnumWireNameConverter<TEnum>(EnumWireNames<TEnum> names) : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => names.Read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => names.Write(writer, value);
}
