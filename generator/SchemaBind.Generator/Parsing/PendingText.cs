namespace SchemaBind.Generator.Parsing;

/// <summary>
/// Text made of up to three parts, joined only when it is asked for (<see cref="ToString"/>): the parser hands
/// every property's JSON Pointer and type-name hint down to the code that reads its schema, and most of them are
/// never used as text (a property that is a $ref or a string needs neither).
/// </summary>
internal readonly struct PendingText
{
    private readonly string _first;
    private readonly string? _second;
    private readonly string? _third;

    public PendingText(string first, string? second = null, string? third = null)
    {
        _first = first;
        _second = second;
        _third = third;
    }

    public static implicit operator PendingText(string text) => new(text);

    /// <summary>The parts joined; a new string each time there is more than one part.</summary>
    public override string ToString() => _second is null ? _first : _third is null ? _first + _second : _first + _second + _third;
}
