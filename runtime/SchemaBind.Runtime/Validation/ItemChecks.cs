using System;
using System.Collections.Generic;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// The checks of a list's items that generated <c>Validate</c> methods make, each in one call where the generated code
/// wrote a loop (a loop a list cost the compiler and the user's analyzers, which visit every operation of generated code
/// too, a dozen operations). Each item is checked at its index below the current location; no allocation.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public static class ItemChecks
{
    /// <summary>Items of a generated type: a <c>null</c> item is the error <c>type</c>, any other is checked by its own <c>Validate</c>.</summary>
    /// <typeparam name="T">The items' generated type.</typeparam>
    /// <param name="context">Where the errors go.</param>
    /// <param name="items">The list.</param>
    public static void Models<T>(ValidationContext context, IReadOnlyList<T> items)
        where T : class, IJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(items);
        for (int i = 0; i < items.Count; i++)
        {
            context.Push(i);
            if (items[i] is { } item)
            {
                item.Validate(context);
            }
            else
            {
                context.AddError("type", Internal.ValidationMessages.NotNull);
            }

            context.Pop();
        }
    }

    /// <summary>Items with nothing else to check: a <c>null</c> item is the error <c>type</c>.</summary>
    /// <typeparam name="T">The items' type.</typeparam>
    /// <param name="context">Where the errors go.</param>
    /// <param name="items">The list.</param>
    public static void NotNull<T>(ValidationContext context, IReadOnlyList<T> items)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(items);
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                context.Push(i);
                context.AddError("type", Internal.ValidationMessages.NotNull);
                context.Pop();
            }
        }
    }
}
