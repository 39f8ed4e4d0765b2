namespace SchemaBind.Runtime;

/// <summary>How a streamed response body separates its items.</summary>
public enum ApiStreamFormat
{
    /// <summary>
    /// Newline-delimited JSON (<c>application/x-ndjson</c>, <c>application/jsonl</c>): one JSON value a line; empty
    /// lines are skipped.
    /// </summary>
    JsonLines,

    /// <summary>
    /// Server-sent events (<c>text/event-stream</c>): the <c>data</c> lines of each event, joined with line feeds, are one
    /// JSON value; comments, <c>event</c>, <c>id</c> and <c>retry</c> fields are read past.
    /// </summary>
    EventStream,
}
