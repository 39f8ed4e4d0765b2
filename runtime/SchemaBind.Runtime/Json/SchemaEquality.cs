using System;
using System.Collections.Generic;

namespace SchemaBind.Runtime;

/// <summary>Value equality for the list members of generated records: item by item, in order.</summary>
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

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
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
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
