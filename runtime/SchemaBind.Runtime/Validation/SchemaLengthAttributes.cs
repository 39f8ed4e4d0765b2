using System;
using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace SchemaBind.Runtime;

/// <summary>
/// The JSON Schema <c>minLength</c> (strings, in code points) or <c>minItems</c> (collections) of a generated member.
/// A trim- and Native-AOT-safe replacement for <see cref="MinLengthAttribute"/>, whose constructor is marked
/// <c>RequiresUnreferencedCode</c> (it reflects over <c>Count</c>) and so warns (IL2026) in every trimmed or AOT app.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class SchemaMinLengthAttribute : ValidationAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="length">The smallest length allowed.</param>
    public SchemaMinLengthAttribute(int length)
        : base("The field {0} must have a length of at least {1}.")
    {
        Length = length;
    }

    /// <summary>The smallest length allowed.</summary>
    public int Length { get; }

    /// <inheritdoc/>
    public override bool IsValid(object? value) => SchemaLength.Of(value) is not int length || length >= Length;

    /// <inheritdoc/>
    public override string FormatErrorMessage(string name)
        => string.Format(System.Globalization.CultureInfo.CurrentCulture, ErrorMessageString, name, Length);
}

/// <summary>
/// The JSON Schema <c>maxLength</c> (strings, in code points) or <c>maxItems</c> (collections) of a generated member.
/// A trim- and Native-AOT-safe replacement for <see cref="MaxLengthAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class SchemaMaxLengthAttribute : ValidationAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="length">The largest length allowed.</param>
    public SchemaMaxLengthAttribute(int length)
        : base("The field {0} must have a length of at most {1}.")
    {
        Length = length;
    }

    /// <summary>The largest length allowed.</summary>
    public int Length { get; }

    /// <inheritdoc/>
    public override bool IsValid(object? value) => SchemaLength.Of(value) is not int length || length <= Length;

    /// <inheritdoc/>
    public override string FormatErrorMessage(string name)
        => string.Format(System.Globalization.CultureInfo.CurrentCulture, ErrorMessageString, name, Length);
}

internal static class SchemaLength
{
    /// <summary>The length of a string in code points or the count of a collection; <see langword="null"/> for anything else (other keywords' business).</summary>
    public static int? Of(object? value) => value switch
    {
        string text => SchemaText.CodePointLength(text),
        ICollection collection => collection.Count,
        _ => null,
    };
}
