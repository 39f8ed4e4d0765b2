using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// The success bodies of an operation whose success statuses declare different bodies (a <c>200</c> with the resource,
/// a <c>202</c> with a job): per status, how the response becomes the operation's result type. Generated clients build
/// one per such operation, once.
/// </summary>
/// <typeparam name="TResult">The operation's generated result type.</typeparam>
/// <remarks>A 2xx status the document does not declare is read as the first status added, as a single-body operation reads any 2xx.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)] // called by generated code, not by users
public sealed class ApiSuccessBodies<TResult>
{
    private readonly List<Entry> _entries = [];

    /// <summary>Declares a status whose JSON body <paramref name="read"/> turns into the result.</summary>
    /// <param name="status">The status code, from 200 to 299.</param>
    /// <param name="read">Reads the body and wraps it in the result.</param>
    /// <returns>This instance, to declare the next status.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a 2xx status.</exception>
    public ApiSuccessBodies<TResult> Add(int status, JsonReadHandler<TResult> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 299);
        _entries.Add(new Entry(status, read, null));
        return this;
    }

    /// <summary>Declares a status without a body (a <c>204</c>); its body, if any, is not read.</summary>
    /// <param name="status">The status code, from 200 to 299.</param>
    /// <param name="create">Makes the result.</param>
    /// <returns>This instance, to declare the next status.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a 2xx status.</exception>
    public ApiSuccessBodies<TResult> AddEmpty(int status, Func<TResult> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 299);
        _entries.Add(new Entry(status, null, create));
        return this;
    }

    /// <summary>The declaration for <paramref name="status"/>, else the first one.</summary>
    internal (JsonReadHandler<TResult>? Read, Func<TResult>? Create) Find(int status)
    {
        if (_entries.Count == 0)
        {
            throw new InvalidOperationException("No success status was declared.");
        }

        foreach (Entry entry in _entries)
        {
            if (entry.Status == status)
            {
                return (entry.Read, entry.Create);
            }
        }

        return (_entries[0].Read, _entries[0].Create);
    }

    private readonly record struct Entry(int Status, JsonReadHandler<TResult>? Read, Func<TResult>? Create);
}
