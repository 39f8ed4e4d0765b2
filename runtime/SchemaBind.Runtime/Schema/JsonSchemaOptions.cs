using System;
using System.Text.Json;

namespace SchemaBind.Runtime;

/// <summary>How a <see cref="JsonSchemaValidator"/> is built.</summary>
public sealed class JsonSchemaOptions
{
    /// <summary>
    /// When true, <c>format</c> is an assertion for the formats SchemaBind knows (date-time, date,
    /// time, duration, email, hostname, ipv4, ipv6, uri, uri-reference, uuid, regex, json-pointer);
    /// when false (the JSON Schema 2020-12 default) it is only an annotation.
    /// </summary>
    public bool AssertFormat { get; set; }

    /// <summary>The base URI of a schema without <c>$id</c>; references are resolved against it.</summary>
    public Uri? BaseUri { get; set; }

    /// <summary>
    /// Loads a schema document referenced by an absolute URI that is not part of the schema itself
    /// (another file of the project, a remote document). Return <see langword="null"/> when unknown.
    /// </summary>
    public Func<Uri, JsonElement?>? DocumentResolver { get; set; }
}
