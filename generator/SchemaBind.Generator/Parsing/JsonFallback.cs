namespace SchemaBind.Generator.Parsing;

/// <summary>
/// A type being built whose JSON form can be validated against its own schema (an object or a choice with a pointer
/// into the embedded document): a keyword its typed code does not express is left to that validation, and the type's
/// <c>Validate()</c> then checks its JSON form (<see cref="Model.ObjectSpec"/>'s ValidatesJson).
/// </summary>
internal sealed class JsonFallback
{
    /// <summary>Whether a keyword was left to the JSON form's validation.</summary>
    public bool Needed { get; private set; }

    /// <summary>Leaves a keyword to the JSON form's validation.</summary>
    public void Need() => Needed = true;
}
