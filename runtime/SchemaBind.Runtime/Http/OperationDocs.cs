namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// The exceptions of generated operation methods, written once: a method takes those of its shape with
/// <c>&lt;inheritdoc cref="SBG::OperationDocs.CallWithBody" path="/exception"/&gt;</c> instead of repeating the same
/// sentences in every method of a large API. The members are documentation only; they do nothing. (The cancellation
/// token's <c>param</c> cannot come this way: the compiler wants every parameter's tag written out, CS1573.)
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // named by generated documentation, not by users
public static class OperationDocs
{
    /// <summary>An operation without arguments that can be refused.</summary>
    /// <exception cref="ApiException">The call failed: an error status, a body that is not the documented JSON, a timeout or a lost connection. With an error status whose body the API description declares, <see cref="ApiException.Error"/> (or <see cref="ApiException.TryGetError{TError}"/>) has it as the type the operation's remarks name.</exception>
    public static void Call()
    {
    }

    /// <summary>An operation with arguments that can be refused.</summary>
    /// <exception cref="System.ArgumentException">An argument is null, breaks its schema, or is a path segment that is empty, "." or ".."; nothing was sent.</exception>
    /// <exception cref="ApiException">The call failed: an error status, a body that is not the documented JSON, a timeout or a lost connection. With an error status whose body the API description declares, <see cref="ApiException.Error"/> (or <see cref="ApiException.TryGetError{TError}"/>) has it as the type the operation's remarks name.</exception>
    public static void CallWithArguments()
    {
    }

    /// <summary>An operation with a body that is validated.</summary>
    /// <exception cref="RequestValidationException">The body breaks its schema; nothing was sent.</exception>
    /// <exception cref="ApiException">The call failed: an error status, a body that is not the documented JSON, a timeout or a lost connection. With an error status whose body the API description declares, <see cref="ApiException.Error"/> (or <see cref="ApiException.TryGetError{TError}"/>) has it as the type the operation's remarks name.</exception>
    public static void CallWithBody()
    {
    }

    /// <summary>An operation with a body that is validated and arguments that can be refused.</summary>
    /// <exception cref="RequestValidationException">The body breaks its schema; nothing was sent.</exception>
    /// <exception cref="System.ArgumentException">An argument is null, breaks its schema, or is a path segment that is empty, "." or ".."; nothing was sent.</exception>
    /// <exception cref="ApiException">The call failed: an error status, a body that is not the documented JSON, a timeout or a lost connection. With an error status whose body the API description declares, <see cref="ApiException.Error"/> (or <see cref="ApiException.TryGetError{TError}"/>) has it as the type the operation's remarks name.</exception>
    public static void CallWithArgumentsAndBody()
    {
    }
}
