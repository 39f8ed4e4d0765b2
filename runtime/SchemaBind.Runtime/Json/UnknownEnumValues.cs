using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// The wire names of one generated enum that the schema does not list but a server sent. Each
/// distinct name gets a negative value of the enum (-1, -2, ...), so that an unknown value is
/// read without an error, is told apart with <c>IsDefined</c>, compares equal to itself, and is
/// written back with exactly the text that was read.
/// </summary>
/// <remarks>
/// The names are kept for the life of the process, at most <see cref="Capacity"/> per enum:
/// a server that invents more distinct values than that gets a <see cref="JsonException"/>
/// rather than unbounded memory.
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public sealed class UnknownEnumValues
{
    /// <summary>How many distinct unknown names one enum keeps.</summary>
    public const int Capacity = 1024;

    private readonly string _typeName;
    private readonly Dictionary<string, int> _values = new(StringComparer.Ordinal);
    private readonly List<string> _names = new();
    private readonly object _gate = new();

    /// <summary>Creates the store of one enum.</summary>
    /// <param name="typeName">The enum's name, for error messages.</param>
    public UnknownEnumValues(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        _typeName = typeName;
    }

    /// <summary>The (negative) value that stands for <paramref name="wireName"/>.</summary>
    /// <param name="wireName">A name the schema does not list.</param>
    /// <returns>-1 for the first name seen, -2 for the second, and so on.</returns>
    /// <exception cref="JsonException">More than <see cref="Capacity"/> distinct names were seen.</exception>
    public int GetOrAdd(string wireName)
    {
        ArgumentNullException.ThrowIfNull(wireName);
        lock (_gate)
        {
            if (_values.TryGetValue(wireName, out int value))
            {
                return value;
            }

            if (_names.Count >= Capacity)
            {
                throw new JsonException($"'{wireName}' is not a value of {_typeName}, and {Capacity} other unknown values have been seen already.");
            }

            _names.Add(wireName);
            value = -_names.Count;
            _values.Add(wireName, value);
            return value;
        }
    }

    /// <summary>The wire name that <paramref name="value"/> stands for, if it is one from <see cref="GetOrAdd"/>.</summary>
    /// <param name="value">The enum's value as an integer.</param>
    /// <param name="wireName">The wire name, when found.</param>
    /// <returns>True when <paramref name="value"/> was made by <see cref="GetOrAdd"/>.</returns>
    public bool TryGetName(int value, out string wireName)
    {
        lock (_gate)
        {
            int index = -value - 1;
            if (value < 0 && index < _names.Count)
            {
                wireName = _names[index];
                return true;
            }
        }

        wireName = string.Empty;
        return false;
    }
}
