using System.Collections.Generic;

namespace SchemaBind.Runtime.Internal;

/// <summary>
/// The text of every validation message, one place for each keyword. This file is compiled into both the
/// runtime (the JSON validator, <c>ValidationContext</c>) and the generator (which writes the same text into
/// generated validators as literals, so that a valid value costs nothing), so that a value gets the same message
/// from the typed and the JSON validator.
/// </summary>
internal static class ValidationMessages
{
    /// <summary>A value of the wrong JSON type ("must be string or null.").</summary>
    public static string Type(IEnumerable<string> types) => "must be " + string.Join(" or ", types) + ".";

    /// <summary>A null where the schema allows none.</summary>
    public const string NotNull = "must not be null.";

    /// <summary><c>enum</c>.</summary>
    public const string Enum = "must be one of the enum values.";

    /// <summary><c>const</c>.</summary>
    public const string Const = "must be the const value.";

    /// <summary><c>anyOf</c>.</summary>
    public const string AnyOf = "must match at least one of the anyOf schemas.";

    /// <summary><c>oneOf</c>, when no alternative matches.</summary>
    public const string OneOfNone = "must match exactly one of the oneOf schemas, but matches none.";

    /// <summary><c>oneOf</c>, when more than one matches: this, the count, then <see cref="End"/>.</summary>
    public const string OneOfMany = "must match exactly one of the oneOf schemas, but matches ";

    /// <summary>The end of a message built in parts.</summary>
    public const string End = ".";

    /// <summary><c>not</c>.</summary>
    public const string Not = "must not match the 'not' schema.";

    /// <summary><c>required</c>.</summary>
    public static string Required(string name) => "The property '" + name + "' is required.";

    /// <summary><c>dependentRequired</c>.</summary>
    public static string RequiredWhen(string name, string present) => "The property '" + name + "' is required when '" + present + "' is present.";

    /// <summary><c>pattern</c>, with the pattern as written in the schema.</summary>
    public static string Pattern(string pattern) => PatternWords + pattern + End;

    /// <summary>The words before the pattern of <see cref="Pattern"/>.</summary>
    public const string PatternWords = "must match the pattern ";

    /// <summary>
    /// A numeric bound (<c>minimum</c>, <c>exclusiveMinimum</c>, <c>maximum</c>, <c>exclusiveMaximum</c>,
    /// <c>multipleOf</c>), with the bound as written in the schema ("must be at least 1.5.").
    /// </summary>
    public static string Bound(string keyword, string bound) => BoundWords(keyword) + bound + End;

    /// <summary>The words before the bound of <see cref="Bound"/>: "must be at least ", "must be less than ", ...</summary>
    public static string BoundWords(string keyword) => keyword switch
    {
        "multipleOf" => "must be a multiple of ",
        "maximum" => "must be at most ",
        "exclusiveMaximum" => "must be less than ",
        "minimum" => "must be at least ",
        _ => "must be greater than ",
    };

    /// <summary>
    /// A count bound (<c>minLength</c>, <c>maxLength</c>, <c>minItems</c>, <c>maxItems</c>, <c>minProperties</c>,
    /// <c>maxProperties</c>), with the count in invariant digits ("must be at least 1 character long.",
    /// "must have at most 2 items.").
    /// </summary>
    public static string Count(string keyword, string count) =>
        CountWords(keyword, count) + (keyword.EndsWith("Length", System.StringComparison.Ordinal) ? " long." : End);

    /// <summary>The words of <see cref="Count"/> without its end: "must be at least 1 character", "must have at most 2 items".</summary>
    public static string CountWords(string keyword, string count)
    {
        string bound = (keyword.StartsWith("max", System.StringComparison.Ordinal) ? "at most " : "at least ") + count;
        bool one = count == "1";
        return keyword.EndsWith("Length", System.StringComparison.Ordinal) ? "must be " + bound + (one ? " character" : " characters")
            : keyword.EndsWith("Items", System.StringComparison.Ordinal) ? "must have " + bound + (one ? " item" : " items")
            : "must have " + bound + (one ? " property" : " properties");
    }
}
