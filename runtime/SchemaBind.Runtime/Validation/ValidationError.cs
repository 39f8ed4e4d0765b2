using System;
using System.Collections.Generic;
using System.Linq;
namespace SchemaBind.Runtime;

/// <summary>One way in which a value breaks its schema.</summary>
public sealed class ValidationError
{
    /// <summary>Creates a validation error.</summary>
    /// <param name="instanceLocation">The JSON Pointer (RFC 6901) of the offending value; empty for the root.</param>
    /// <param name="keyword">The JSON Schema keyword that failed, such as <c>minLength</c>.</param>
    /// <param name="message">A sentence that says what is wrong, without the value itself.</param>
    public ValidationError(string instanceLocation, string keyword, string message)
    {
        InstanceLocation = instanceLocation;
        Keyword = keyword;
        Message = message;
    }

    /// <summary>The JSON Pointer (RFC 6901) of the offending value, for example <c>/volume_mappings/0</c>; empty for the root.</summary>
    public string InstanceLocation { get; }

    /// <summary>The JSON Schema keyword that failed, such as <c>required</c> or <c>maximum</c>.</summary>
    public string Keyword { get; }

    /// <summary>What is wrong. Messages never include the value, which may be a secret.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() =>
        (InstanceLocation.Length == 0 ? "(root)" : InstanceLocation) + ": " + Message + " [" + Keyword + "]";
}
