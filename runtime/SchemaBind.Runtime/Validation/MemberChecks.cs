using System;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// The checks of one member that generated <c>Validate</c> methods make in one call where they wrote several (the
/// location pushed, the check, the location popped): fewer operations for the compiler and the user's analyzers,
/// which visit every operation of generated code too. No allocation when the value is valid.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public static class MemberChecks
{
    /// <summary>An enum member: the error <c>enum</c> at the member's location when its value is not one of the enum's.</summary>
    /// <param name="context">Where the errors go.</param>
    /// <param name="isDefined">Whether the value is one of the enum's (the generated <c>IsDefined</c>).</param>
    /// <param name="propertyName">The member's name in JSON.</param>
    public static void Enum(ValidationContext context, bool isDefined, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!isDefined)
        {
            context.Push(propertyName);
            context.AddError("enum", Internal.ValidationMessages.Enum);
            context.Pop();
        }
    }
}
