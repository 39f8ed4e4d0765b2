using System;
using System.Text.Json;

namespace SchemaBind.Runtime;

/// <summary>How a <see cref="JsonSchemaValidator"/> is built.</summary>
public sealed class JsonSchemaOptions
{
    /// <summary>
    /// When true, <c>format</c> is an assertion for every format JSON Schema 2020-12 defines (date-time,
    /// date, time, duration, email, idn-email, hostname, idn-hostname, ipv4, ipv6, uri, uri-reference,
    /// iri, iri-reference, uri-template, uuid, regex, json-pointer, relative-json-pointer); when false
    /// (the JSON Schema 2020-12 default) it is only an annotation. Unknown formats are annotations.
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
