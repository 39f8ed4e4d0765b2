namespace SchemaBind.Generator.Model;

/// <summary>
/// Which operations of an OpenAPI document to generate (the SchemaBindApi item's IncludeTags, ExcludeTags,
/// IncludePaths, ExcludePaths, IncludeOperations and ExcludeOperations). An operation is kept when it matches
/// an include entry (or no include entry is given) and matches no exclude entry.
/// </summary>
/// <param name="IncludeTags">Tags (exact, any case; <c>*</c> matches any text).</param>
/// <param name="ExcludeTags">Tags to leave out.</param>
/// <param name="IncludePaths">Path templates: a prefix on whole segments (<c>/repos</c>), or a glob (<c>/repos/*/*/issues/**</c>).</param>
/// <param name="ExcludePaths">Paths to leave out.</param>
/// <param name="IncludeOperations">operationIds (exact, any case; <c>*</c> matches any text).</param>
/// <param name="ExcludeOperations">operationIds to leave out.</param>
internal sealed record OperationFilter(
    EquatableArray<string> IncludeTags,
    EquatableArray<string> ExcludeTags,
    EquatableArray<string> IncludePaths,
    EquatableArray<string> ExcludePaths,
    EquatableArray<string> IncludeOperations,
    EquatableArray<string> ExcludeOperations)
{
    /// <summary>The metadata names, in the order of the record's members.</summary>
    public static readonly string[] MetadataNames = { "IncludeTags", "ExcludeTags", "IncludePaths", "ExcludePaths", "IncludeOperations", "ExcludeOperations" };

    /// <summary>
    /// The filter of the six metadata values (entries separated by <c>;</c> or <c>,</c>, blanks ignored), or null when all are empty.
    /// The buildTransitive targets turn MSBuild's <c>;</c> into <c>,</c>: the compiler's options file would cut a value at a <c>;</c>.
    /// </summary>
    public static OperationFilter? Create(params string?[] values)
    {
        EquatableArray<string>[] lists = values.Select(Split).ToArray();
        if (lists.All(static l => l.IsEmpty))
        {
            return null;
        }

        return new OperationFilter(lists[0], lists[1], lists[2], lists[3], lists[4], lists[5]);
    }

    /// <summary>The entries of one metadata name, by its index in <see cref="MetadataNames"/>.</summary>
    public EquatableArray<string> this[int index] => index switch
    {
        0 => IncludeTags,
        1 => ExcludeTags,
        2 => IncludePaths,
        3 => ExcludePaths,
        4 => IncludeOperations,
        _ => ExcludeOperations,
    };

    private static EquatableArray<string> Split(string? value) => value is null
        ? EquatableArray<string>.Empty
        : value.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(static v => v.Trim())
            .Where(static v => v.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToEquatableArray();
}
