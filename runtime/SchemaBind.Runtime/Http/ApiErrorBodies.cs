using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// The error bodies an operation's document declares: per status (<c>404</c>), range (<c>4XX</c>) or <c>default</c>,
/// which generated type the body of an error response is read as. Generated clients build one per distinct set of
/// error responses, once; the transport reads an error body with it only on the error path, and the value read
/// becomes <see cref="ApiException.Error"/>.
/// </summary>
/// <remarks>
/// The most specific declaration wins, as in OpenAPI: the exact status, then its range, then <c>default</c>.
/// A body that is empty, not JSON or not the declared shape is no error value; the status exception is thrown all the same.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)] // called by generated code, not by users
public sealed class ApiErrorBodies
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    private readonly List<KeyValuePair<int, Reader>> _statuses = [];
    private readonly Reader?[] _ranges = new Reader?[6];
    private Reader? _default;

    /// <summary>Declares the type of the error body of <paramref name="statuses"/>.</summary>
    /// <typeparam name="TError">The type the body is read as.</typeparam>
    /// <param name="read">Reads the body.</param>
    /// <param name="statuses">Status codes (<c>404</c>), ranges (<c>4XX</c>, <c>5XX</c>) or <c>default</c>, as the document writes them.</param>
    /// <returns>This instance, to declare the next type.</returns>
    /// <exception cref="ArgumentException">A status is neither a status code from 100 to 599, a range nor <c>default</c>.</exception>
    public ApiErrorBodies Add<TError>(JsonReadHandler<TError> read, params string[] statuses)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(statuses);
        var reader = new Reader<TError>(read);
        foreach (string status in statuses)
        {
            if (status == "default")
            {
                _default = reader;
            }
            else if (status is { Length: 3 } && status[0] is >= '1' and <= '5' && (status[1] is 'X' or 'x') && (status[2] is 'X' or 'x'))
            {
                _ranges[status[0] - '0'] = reader;
            }
            else if (int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out int code) && code is >= 100 and <= 599)
            {
                _statuses.Add(new KeyValuePair<int, Reader>(code, reader));
            }
            else
            {
                throw new ArgumentException("A status must be a status code from 100 to 599, a range such as 4XX, or default.", nameof(statuses));
            }
        }

        return this;
    }

    /// <summary>
    /// The body of an error response read as the type declared for <paramref name="status"/>; <see langword="null"/>
    /// when none is declared, or when the body is empty, not JSON or not that shape.
    /// </summary>
    /// <param name="status">The status code of the response.</param>
    /// <param name="text">The body as text, already free of secrets.</param>
    internal object? Read(int status, string? text)
    {
        Reader? reader = Find(status);
        if (reader is null || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        byte[] json = Encoding.UTF8.GetBytes(text);
        try
        {
            var jsonReader = new Utf8JsonReader(json, ReaderOptions);
            jsonReader.Read();
            object? value = reader.Read(ref jsonReader);

            // The reader ends on the value's last token; anything after it means the body is not that value.
            return jsonReader.Read() ? null : value;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private Reader? Find(int status)
    {
        foreach (KeyValuePair<int, Reader> entry in _statuses)
        {
            if (entry.Key == status)
            {
                return entry.Value;
            }
        }

        return (status is >= 100 and <= 599 ? _ranges[status / 100] : null) ?? _default;
    }

    private abstract class Reader
    {
        public abstract object? Read(ref Utf8JsonReader reader);
    }

    private sealed class Reader<T>(JsonReadHandler<T> read) : Reader
    {
        public override object? Read(ref Utf8JsonReader reader) => read(ref reader);
    }
}
