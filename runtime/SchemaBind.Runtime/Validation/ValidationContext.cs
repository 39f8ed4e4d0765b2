using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SchemaBind.Runtime;

/// <summary>
/// Collects validation errors while generated validators walk a value. It tracks the current
/// location as a stack of segments and formats a JSON Pointer only when an error is added, so
/// validating a valid value builds no strings.
/// </summary>
public sealed class ValidationContext
{
    private object[] _segments = new object[8];
    private int _depth;
    private List<ValidationError>? _errors;

    /// <summary>True once any error has been added.</summary>
    public bool HasErrors => _errors is not null;

    /// <summary>The number of errors added so far.</summary>
    public int ErrorCount => _errors?.Count ?? 0;

    /// <summary>Every error added so far, in the order found.</summary>
    public IReadOnlyList<ValidationError> Errors => _errors ?? (IReadOnlyList<ValidationError>)Array.Empty<ValidationError>();

    /// <summary>Enters a property of the current object, by its JSON name.</summary>
    public void Push(string propertyName) => PushSegment(propertyName);

    /// <summary>Enters an item of the current array.</summary>
    public void Push(int index) => PushSegment(index);

    /// <summary>Leaves the segment entered last.</summary>
    public void Pop()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("Pop was called more often than Push.");
        }

        _segments[--_depth] = null!;
    }

    /// <summary>Adds an error at the current location.</summary>
    public void AddError(string keyword, string message) =>
        (_errors ??= new List<ValidationError>()).Add(new ValidationError(CurrentPointer(), keyword, message));

    /// <summary>Adds an error at a location below the current one.</summary>
    /// <param name="relativePointer">A JSON Pointer relative to the current location ("" for here).</param>
    /// <param name="keyword">The keyword that failed.</param>
    /// <param name="message">What is wrong, without the value.</param>
    /// <param name="skipDuplicate">When true, nothing is added if an error with the same location and keyword exists.</param>
    public void AddError(string relativePointer, string keyword, string message, bool skipDuplicate)
    {
        ArgumentNullException.ThrowIfNull(relativePointer);
        string pointer = CurrentPointer() + relativePointer;
        if (skipDuplicate && _errors is not null && _errors.Exists(e => e.InstanceLocation == pointer && e.Keyword == keyword))
        {
            return;
        }

        (_errors ??= new List<ValidationError>()).Add(new ValidationError(pointer, keyword, message));
    }

    /// <summary>
    /// True when an error added since <paramref name="firstError"/> already explains an error at
    /// <paramref name="pointer"/>: the same location and keyword, or a location at or above it.
    /// </summary>
    internal bool IsExplained(int firstError, string pointer, string keyword)
    {
        if (_errors is null)
        {
            return false;
        }

        for (int i = firstError; i < _errors.Count; i++)
        {
            string known = _errors[i].InstanceLocation;
            if ((known == pointer && _errors[i].Keyword == keyword)
                || (known != pointer && pointer.StartsWith(known + "/", StringComparison.Ordinal))
                || (known == pointer && _errors[i].Keyword is "required" or "type" or "enum"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The JSON Pointer of the current location.</summary>
    public string CurrentPointer()
    {
        if (_depth == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        for (int i = 0; i < _depth; i++)
        {
            builder.Append('/');
            if (_segments[i] is int index)
            {
                builder.Append(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                // RFC 6901: '~' is written '~0' and '/' is written '~1'.
                builder.Append(((string)_segments[i]).Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
            }
        }

        return builder.ToString();
    }

    private void PushSegment(object segment)
    {
        if (_depth == _segments.Length)
        {
            Array.Resize(ref _segments, _segments.Length * 2);
        }

        _segments[_depth++] = segment;
    }
}
