using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace SchemaBind.SyntheticSpecs;

/// <summary>
/// A synthetic OpenAPI document that grows linearly: every "resource" brings five operations
/// (list, create, get, patch, delete) and five component schemas (the resource, its create and
/// patch bodies, its page and its status enum), so 1,000 operations come with 1,000 schemas.
/// </summary>
/// <remarks>
/// The document keeps to what both SchemaBind (OpenAPI 3.1) and NSwag (OpenAPI 3.0) read the same
/// way: no <c>type</c> arrays, no <c>const</c>, no <c>oneOf</c>; path and query parameters, JSON
/// bodies, <c>$ref</c> to components, string enums, numeric and length constraints, patterns,
/// arrays, <c>format</c>, a 204 response. Only the <c>openapi</c> version string differs between
/// the two dialects. The output is deterministic: the same size always gives the same text.
/// </remarks>
public static class SyntheticSpec
{
    /// <summary>Operations per resource (list, create, get, patch, delete).</summary>
    public const int OperationsPerResource = 5;

    /// <summary>A description found exactly once in every document, for "one-line schema edit" measurements.</summary>
    public const string EditableDescription = "The display name of resource 0.";

    /// <summary>Builds a document with <paramref name="operations"/> operations (a multiple of 5).</summary>
    /// <param name="operations">How many operations; rounded up to a multiple of <see cref="OperationsPerResource"/>.</param>
    /// <param name="openApiVersion">The <c>openapi</c> version string: "3.1.0" for SchemaBind, "3.0.3" for NSwag.</param>
    public static string Build(int operations, string openApiVersion = "3.1.0")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(operations);
        int resources = (operations + OperationsPerResource - 1) / OperationsPerResource;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("openapi", openApiVersion);
            w.WriteStartObject("info");
            w.WriteString("title", "Synthetic " + operations.ToString(CultureInfo.InvariantCulture));
            w.WriteString("version", "1.0.0");
            w.WriteString("description", "A synthetic API with " + resources.ToString(CultureInfo.InvariantCulture) + " resources, for benchmarks.");
            w.WriteEndObject();
            w.WriteStartArray("servers");
            w.WriteStartObject();
            w.WriteString("url", "https://api.example.com");
            w.WriteEndObject();
            w.WriteEndArray();

            w.WriteStartObject("paths");
            for (int r = 0; r < resources; r++)
            {
                WritePaths(w, r);
            }

            w.WriteEndObject();

            w.WriteStartObject("components");
            w.WriteStartObject("schemas");
            WriteShared(w);
            for (int r = 0; r < resources; r++)
            {
                WriteSchemas(w, r);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>The document with <see cref="EditableDescription"/> changed: one line of the file differs.</summary>
    public static string EditOneDescription(string document, int revision = 1) =>
        document.Replace(EditableDescription, "The display name of resource 0 (revision " + revision.ToString(CultureInfo.InvariantCulture) + ").", StringComparison.Ordinal);

    private static string Name(int r) => "Resource" + r.ToString("D4", CultureInfo.InvariantCulture);

    private static string Segment(int r) => "resource" + r.ToString("D4", CultureInfo.InvariantCulture) + "s";

    private static void WritePaths(Utf8JsonWriter w, int r)
    {
        string name = Name(r);
        string collection = "/tenants/{tenant_id}/" + Segment(r);

        w.WriteStartObject(collection);
        w.WriteStartArray("parameters");
        PathParameter(w, "tenant_id", "The tenant.", "string");
        w.WriteEndArray();

        w.WriteStartObject("get");
        w.WriteString("operationId", "list" + name);
        w.WriteString("summary", "Lists " + name + " items.");
        w.WriteStartArray("parameters");
        QueryInteger(w, "page", "The page, from 1.", 1);
        QueryInteger(w, "per_page", "Items per page.", 1, 100);
        w.WriteStartObject();
        w.WriteString("name", "status");
        w.WriteString("in", "query");
        w.WriteString("description", "Only items with one of these statuses.");
        w.WriteStartObject("schema");
        w.WriteString("type", "array");
        w.WriteStartObject("items");
        Ref(w, name + "Status");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        Responses(w, "200", name + "Page");
        w.WriteEndObject();

        w.WriteStartObject("post");
        w.WriteString("operationId", "create" + name);
        w.WriteString("summary", "Creates a " + name + ".");
        Body(w, name + "Create");
        Responses(w, "201", name);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject(collection + "/{id}");
        w.WriteStartArray("parameters");
        PathParameter(w, "tenant_id", "The tenant.", "string");
        PathParameter(w, "id", "The ID of the item.", "integer");
        w.WriteEndArray();

        w.WriteStartObject("get");
        w.WriteString("operationId", "get" + name);
        w.WriteString("summary", "Gets a " + name + ".");
        Responses(w, "200", name);
        w.WriteEndObject();

        w.WriteStartObject("patch");
        w.WriteString("operationId", "update" + name);
        w.WriteString("summary", "Changes a " + name + ".");
        Body(w, name + "Patch");
        Responses(w, "200", name);
        w.WriteEndObject();

        w.WriteStartObject("delete");
        w.WriteString("operationId", "delete" + name);
        w.WriteString("summary", "Deletes a " + name + ".");
        Responses(w, "204", null);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteShared(Utf8JsonWriter w)
    {
        w.WriteStartObject("Owner");
        w.WriteString("type", "object");
        w.WriteString("description", "Who owns an item.");
        w.WriteStartObject("properties");
        StringProperty(w, "id", "The owner's ID.", minLength: 1);
        StringProperty(w, "email", "The owner's e-mail address.", format: "email");
        w.WriteEndObject();
        Required(w, "id");
        w.WriteEndObject();

        w.WriteStartObject("Error");
        w.WriteString("type", "object");
        w.WriteString("description", "An error.");
        w.WriteStartObject("properties");
        StringProperty(w, "message", "What went wrong.");
        w.WriteEndObject();
        Required(w, "message");
        w.WriteEndObject();
    }

    private static void WriteSchemas(Utf8JsonWriter w, int r)
    {
        string name = Name(r);
        string index = r.ToString(CultureInfo.InvariantCulture);

        w.WriteStartObject(name + "Status");
        w.WriteString("type", "string");
        w.WriteString("description", "The state of a " + name + ".");
        w.WriteStartArray("enum");
        w.WriteStringValue("DRAFT");
        w.WriteStringValue("ACTIVE");
        w.WriteStringValue("ARCHIVED");
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject(name);
        w.WriteString("type", "object");
        w.WriteString("description", "Resource " + index + " as returned by the API.");
        w.WriteStartObject("properties");
        IntegerProperty(w, "id", "The ID of the item.", "int64", readOnly: true);
        StringProperty(w, "name", r == 0 ? EditableDescription : "The display name of resource " + index + ".", minLength: 1, maxLength: 200);
        RefProperty(w, "status", name + "Status");
        StringProperty(w, "code", "A short code.", pattern: "^[A-Z]{2,8}$");
        StringProperty(w, "created_at", "When the item was created.", format: "date-time", readOnly: true);
        TagsProperty(w);
        NumberProperty(w, "score", "A score from 0 to 100.");
        IntegerProperty(w, "count", "How many times the item was used.", "int32");
        RefProperty(w, "owner", "Owner");
        w.WriteEndObject();
        Required(w, "id", "name", "status");
        w.WriteEndObject();

        foreach ((string suffix, bool create) in new[] { ("Create", true), ("Patch", false) })
        {
            w.WriteStartObject(name + suffix);
            w.WriteString("type", "object");
            w.WriteString("description", (create ? "A new " : "Changes to a ") + name + ".");
            w.WriteStartObject("properties");
            StringProperty(w, "name", "The display name.", minLength: 1, maxLength: 200);
            RefProperty(w, "status", name + "Status");
            StringProperty(w, "code", "A short code.", pattern: "^[A-Z]{2,8}$");
            TagsProperty(w);
            NumberProperty(w, "score", "A score from 0 to 100.");
            RefProperty(w, "owner", "Owner");
            w.WriteEndObject();
            if (create)
            {
                Required(w, "name");
            }

            w.WriteEndObject();
        }

        w.WriteStartObject(name + "Page");
        w.WriteString("type", "object");
        w.WriteString("description", "One page of " + name + " items.");
        w.WriteStartObject("properties");
        w.WriteStartObject("items");
        w.WriteString("type", "array");
        w.WriteString("description", "The items of the page.");
        w.WriteStartObject("items");
        Ref(w, name);
        w.WriteEndObject();
        w.WriteEndObject();
        IntegerProperty(w, "next_page", "The next page, absent on the last one.", "int32");
        w.WriteEndObject();
        Required(w, "items");
        w.WriteEndObject();
    }

    private static void PathParameter(Utf8JsonWriter w, string name, string description, string type)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("in", "path");
        w.WriteBoolean("required", true);
        w.WriteString("description", description);
        w.WriteStartObject("schema");
        w.WriteString("type", type);
        if (type == "integer")
        {
            w.WriteString("format", "int64");
        }
        else
        {
            w.WriteNumber("minLength", 1);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void QueryInteger(Utf8JsonWriter w, string name, string description, int minimum, int? maximum = null)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("in", "query");
        w.WriteString("description", description);
        w.WriteStartObject("schema");
        w.WriteString("type", "integer");
        w.WriteString("format", "int32");
        w.WriteNumber("minimum", minimum);
        if (maximum is { } max)
        {
            w.WriteNumber("maximum", max);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Body(Utf8JsonWriter w, string schema)
    {
        w.WriteStartObject("requestBody");
        w.WriteBoolean("required", true);
        w.WriteStartObject("content");
        w.WriteStartObject("application/json");
        w.WriteStartObject("schema");
        Ref(w, schema);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Responses(Utf8JsonWriter w, string status, string? schema)
    {
        w.WriteStartObject("responses");
        w.WriteStartObject(status);
        w.WriteString("description", status == "204" ? "No content." : "Success.");
        if (schema is not null)
        {
            JsonContent(w, schema);
        }

        w.WriteEndObject();
        w.WriteStartObject("404");
        w.WriteString("description", "Not found.");
        JsonContent(w, "Error");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void JsonContent(Utf8JsonWriter w, string schema)
    {
        w.WriteStartObject("content");
        w.WriteStartObject("application/json");
        w.WriteStartObject("schema");
        Ref(w, schema);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Ref(Utf8JsonWriter w, string schema) => w.WriteString("$ref", "#/components/schemas/" + schema);

    /// <summary>A property that is only a <c>$ref</c>: siblings of <c>$ref</c> (a description) are OpenAPI 3.1 only.</summary>
    private static void RefProperty(Utf8JsonWriter w, string name, string schema)
    {
        w.WriteStartObject(name);
        Ref(w, schema);
        w.WriteEndObject();
    }

    private static void StringProperty(Utf8JsonWriter w, string name, string description, int? minLength = null, int? maxLength = null, string? pattern = null, string? format = null, bool readOnly = false)
    {
        w.WriteStartObject(name);
        w.WriteString("type", "string");
        w.WriteString("description", description);
        if (minLength is { } min)
        {
            w.WriteNumber("minLength", min);
        }

        if (maxLength is { } max)
        {
            w.WriteNumber("maxLength", max);
        }

        if (pattern is not null)
        {
            w.WriteString("pattern", pattern);
        }

        if (format is not null)
        {
            w.WriteString("format", format);
        }

        if (readOnly)
        {
            w.WriteBoolean("readOnly", true);
        }

        w.WriteEndObject();
    }

    private static void IntegerProperty(Utf8JsonWriter w, string name, string description, string format, bool readOnly = false)
    {
        w.WriteStartObject(name);
        w.WriteString("type", "integer");
        w.WriteString("format", format);
        w.WriteString("description", description);
        w.WriteNumber("minimum", 0);
        if (readOnly)
        {
            w.WriteBoolean("readOnly", true);
        }

        w.WriteEndObject();
    }

    private static void NumberProperty(Utf8JsonWriter w, string name, string description)
    {
        w.WriteStartObject(name);
        w.WriteString("type", "number");
        w.WriteString("description", description);
        w.WriteNumber("minimum", 0);
        w.WriteNumber("maximum", 100);
        w.WriteEndObject();
    }

    private static void TagsProperty(Utf8JsonWriter w)
    {
        w.WriteStartObject("tags");
        w.WriteString("type", "array");
        w.WriteString("description", "Free-form labels.");
        w.WriteNumber("maxItems", 20);
        w.WriteStartObject("items");
        w.WriteString("type", "string");
        w.WriteNumber("maxLength", 40);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Required(Utf8JsonWriter w, params string[] names)
    {
        w.WriteStartArray("required");
        foreach (string name in names)
        {
            w.WriteStringValue(name);
        }

        w.WriteEndArray();
    }
}
