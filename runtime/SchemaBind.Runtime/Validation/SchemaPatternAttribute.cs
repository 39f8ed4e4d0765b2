using System;
using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace SchemaBind.Runtime;

/// <summary>
/// The JSON Schema <c>pattern</c> of a generated member: the value must contain a match of the
/// ECMA-262 regular expression (it is not anchored unless the pattern says so). Understood by
/// DataAnnotations validation (ASP.NET, options validation) and by SchemaBind's analyzer, which
/// reports a constant that can never match.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class SchemaPatternAttribute : ValidationAttribute
{
    private Regex? _regex;

    /// <summary>Creates the attribute for a pattern.</summary>
    /// <param name="pattern">The regular expression, as written in the schema.</param>
    public SchemaPatternAttribute(string pattern)
        : base("The field {0} must match the pattern {1}.")
    {
        Pattern = pattern;
    }

    /// <summary>The regular expression, as written in the schema.</summary>
    public string Pattern { get; }

    /// <inheritdoc/>
    public override bool IsValid(object? value)
    {
        if (value is not string text)
        {
            return true; // null and non-strings are other keywords' business.
        }

        _regex ??= CreateRegex(Pattern);
        return _regex.IsMatch(text);
    }

    /// <inheritdoc/>
    public override string FormatErrorMessage(string name) =>
        string.Format(System.Globalization.CultureInfo.CurrentCulture, ErrorMessageString, name, Pattern);

    private static Regex CreateRegex(string pattern) => SchemaRegex.Create(pattern);
}
