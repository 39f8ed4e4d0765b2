using System;
using System.Collections.Generic;
using System.Linq;
namespace SchemaBind.Runtime;

/// <summary>
/// Thrown by a generated client before anything is sent, when the request breaks its schema.
/// </summary>
public sealed class RequestValidationException : Exception
{
    /// <summary>Creates the exception for an operation and the errors found.</summary>
    public RequestValidationException(string operationId, IReadOnlyList<ValidationError> errors)
        : base(FormatMessage(operationId, errors))
    {
        OperationId = operationId;
        Errors = errors;
    }

    /// <summary>The operation whose request was refused.</summary>
    public string OperationId { get; }

    /// <summary>Every error found, each with the JSON Pointer of the offending value.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string FormatMessage(string operationId, IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return "The request for '" + operationId + "' is not valid and was not sent: "
            + string.Join("; ", errors.Select(static e => e.ToString()));
    }
}
