using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// Value equality for the list, dictionary and URI members of generated records: item by item, with
/// <see cref="JsonElement"/> items (free-form JSON) compared by their JSON value, byte strings by their
/// bytes and URIs by their text, not by reference or by <see cref="Uri"/>'s own looser equality.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public static class SchemaEquality
{
    /// <summary>True when both lists are null, or have equal items in the same order.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="left">One list.</param>
    /// <param name="right">The other list.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool SequenceEqual<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        for (int i = 0; i < left.Count; i++)
        {
            if (!ItemEquals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash code of the items, consistent with <see cref="SequenceEqual{T}"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="list">The list.</param>
    /// <returns>The hash code (0 for null).</returns>
    public static int SequenceHashCode<T>(IReadOnlyList<T>? list)
    {
        if (list is null)
        {
            return 0;
        }

        var hash = new HashCode();
        foreach (T item in list)
        {
            hash.Add(ItemHashCode(item));
        }

        return hash.ToHashCode();
    }

    /// <summary>True when both dictionaries are null, or have the same keys with equal values (in any order, as JSON objects).</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="left">One dictionary.</param>
    /// <param name="right">The other dictionary.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool DictionaryEqual<T>(IReadOnlyDictionary<string, T>? left, IReadOnlyDictionary<string, T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        foreach (KeyValuePair<string, T> entry in left)
        {
            if (!right.TryGetValue(entry.Key, out T? other) || !ItemEquals(entry.Value, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash code of the entries that does not depend on their order, consistent with <see cref="DictionaryEqual{T}"/>.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <returns>The hash code (0 for null).</returns>
    public static int DictionaryHashCode<T>(IReadOnlyDictionary<string, T>? dictionary)
    {
        if (dictionary is null)
        {
            return 0;
        }

        int hash = dictionary.Count;
        foreach (KeyValuePair<string, T> entry in dictionary)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(entry.Key), ItemHashCode(entry.Value));
        }

        return hash;
    }

    /// <summary>
    /// True when both URIs are null or have the same text. <see cref="Uri.Equals(object)"/> is not used: it
    /// ignores the fragment and the user information, which make two different JSON values.
    /// </summary>
    /// <param name="left">One URI.</param>
    /// <param name="right">The other URI.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool UriEqual(Uri? left, Uri? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null && string.Equals(left.OriginalString, right.OriginalString, StringComparison.Ordinal));

    /// <summary>A hash code consistent with <see cref="UriEqual"/>.</summary>
    /// <param name="value">The URI.</param>
    /// <returns>The hash code (0 for null).</returns>
    public static int UriHashCode(Uri? value) => value is null ? 0 : StringComparer.Ordinal.GetHashCode(value.OriginalString);

    // byte strings compare by their bytes and URIs by their text, as the JSON they are written as.
    private static bool ItemEquals<T>(T left, T right)
    {
        if (typeof(T) == typeof(JsonElement))
        {
            return JsonElement.DeepEquals((JsonElement)(object)left!, (JsonElement)(object)right!);
        }

        if (typeof(T) == typeof(byte[]))
        {
            return ReferenceEquals(left, right)
                || (left is byte[] a && right is byte[] b && a.AsSpan().SequenceEqual(b));
        }

        return typeof(T) == typeof(Uri)
            ? UriEqual((Uri?)(object?)left, (Uri?)(object?)right)
            : EqualityComparer<T>.Default.Equals(left, right);
    }

    // Equal JSON can be written in many ways (spacing, number forms), so a JsonElement hashes by its kind only.
    private static int ItemHashCode<T>(T item)
    {
        if (typeof(T) == typeof(JsonElement))
        {
            return (int)((JsonElement)(object)item!).ValueKind;
        }

        if (typeof(T) == typeof(byte[]))
        {
            var hash = new HashCode();
            hash.AddBytes(item is byte[] bytes ? bytes : ReadOnlySpan<byte>.Empty);
            return hash.ToHashCode();
        }

        return typeof(T) == typeof(Uri)
            ? UriHashCode((Uri?)(object?)item)
            : item is null ? 0 : EqualityComparer<T>.Default.GetHashCode(item);
    }
}
