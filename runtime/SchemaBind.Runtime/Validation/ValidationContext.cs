using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SchemaBind.Runtime;

/// <summary>
/// Collects validation errors while generated validators walk a value. It tracks the current
/// location as a stack of segments and formats a JSON Pointer only when an error is added, so
/// validating a valid value builds no strings and, with a context from <see cref="Rent"/>,
/// allocates nothing at all.
/// </summary>
public sealed class ValidationContext
{
    [ThreadStatic]
    private static ValidationContext? t_cached;

    private Segment[] _segments = new Segment[8];
    private int _depth;
    private List<ValidationError>? _errors;

    /// <summary>
    /// A context for one validation: the thread's cached context when it is free, else a new one.
    /// Give it back with <see cref="Return"/>, which hands over the errors found.
    /// </summary>
    /// <returns>An empty context at the root.</returns>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static ValidationContext Rent()
    {
        ValidationContext? context = t_cached;
        if (context is null)
        {
            return new ValidationContext();
        }

        t_cached = null;
        return context;
    }

    /// <summary>
    /// Ends a validation begun with <see cref="Rent"/>: returns its errors (the same empty list for
    /// every valid value) and keeps the emptied context for the thread's next validation. The context
    /// must not be used afterwards.
    /// </summary>
    /// <param name="context">The rented context.</param>
    /// <returns>Every error found, in the order found; empty when the value is valid.</returns>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static IReadOnlyList<ValidationError> Return(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<ValidationError> errors = context.Errors;
        context._errors = null;
        Array.Clear(context._segments, 0, context._depth);
        context._depth = 0;
        t_cached = context;
        return errors;
    }

    /// <summary>True once any error has been added.</summary>
    public bool HasErrors => _errors is not null;

    /// <summary>The number of errors added so far.</summary>
    public int ErrorCount => _errors?.Count ?? 0;

    /// <summary>Every error added so far, in the order found.</summary>
    public IReadOnlyList<ValidationError> Errors => _errors ?? (IReadOnlyList<ValidationError>)Array.Empty<ValidationError>();

    /// <summary>Enters a property of the current object, by its JSON name.</summary>
    public void Push(string propertyName) => PushSegment(new Segment(propertyName, -1));

    /// <summary>Enters an item of the current array.</summary>
    public void Push(int index) => PushSegment(new Segment(null, index));

    /// <summary>Leaves the segment entered last.</summary>
    public void Pop()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("Pop was called more often than Push.");
        }

        _segments[--_depth] = default;
    }

    /// <summary>Adds an error at the current location.</summary>
    public void AddError(string keyword, string message) =>
        (_errors ??= new List<ValidationError>()).Add(new ValidationError(CurrentPointer(), keyword, message));

    /// <summary>
    /// Adds the <c>required</c> error of the property <paramref name="propertyName"/> when <paramref name="value"/>
    /// is null: a member that C# makes required can still be set to <c>null!</c>. Generated <c>Validate</c> calls it.
    /// </summary>
    /// <typeparam name="T">The member's type.</typeparam>
    /// <param name="value">The member's value.</param>
    /// <param name="propertyName">The property's name in JSON.</param>
    public void Required<T>(T? value, string propertyName)
        where T : class
    {
        if (value is null)
        {
            AddError("required", Internal.ValidationMessages.Required(propertyName));
        }
    }

    /// <summary>
    /// Checks a required member whose type is a generated type: the <c>required</c> error when it is null (as the
    /// compiler's <c>required</c> lets <c>null!</c> through), else the value's own checks, at the member's location.
    /// </summary>
    /// <typeparam name="T">The member's type.</typeparam>
    /// <param name="value">The member's value.</param>
    /// <param name="propertyName">The property's name in JSON.</param>
    public void RequiredMember<T>(T? value, string propertyName)
        where T : class, IJsonModel<T>
    {
        if (value is null)
        {
            AddError("required", Internal.ValidationMessages.Required(propertyName));
        }
        else
        {
            Member(value, propertyName);
        }
    }

    /// <summary>Checks a member whose type is a generated type, when it is set: the value's own checks, at the member's location.</summary>
    /// <typeparam name="T">The member's type.</typeparam>
    /// <param name="value">The member's value; nothing is checked when it is null.</param>
    /// <param name="propertyName">The property's name in JSON.</param>
    public void Member<T>(T? value, string propertyName)
        where T : class, IJsonModel<T>
    {
        if (value is not null)
        {
            Push(propertyName);
            value.Validate(this);
            Pop();
        }
    }

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
            Segment segment = _segments[i];
            if (segment.Name is null)
            {
                builder.Append(segment.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                // RFC 6901: '~' is written '~0' and '/' is written '~1'.
                builder.Append(segment.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
            }
        }

        return builder.ToString();
    }

    private void PushSegment(Segment segment)
    {
        if (_depth == _segments.Length)
        {
            Array.Resize(ref _segments, _segments.Length * 2);
        }

        _segments[_depth++] = segment;
    }

    /// <summary>A property name, or (when the name is null) an array index: a struct, so pushing an index boxes nothing.</summary>
    private readonly record struct Segment(string? Name, int Index);
}
