using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SchemaBind.Runtime;
using SchemaBind.Runtime.GeneratedCode;

namespace SchemaBind.Benchmarks.Runtime;

/// <summary>
/// What a formatted string costs over a plain one: reading a JSON string value as string, DateTimeOffset
/// (SchemaBind's strict RFC 3339 parser, and System.Text.Json's ISO 8601 parser for comparison), Guid and Uri,
/// and writing it back.
/// </summary>
[MemoryDiagnoser]
public class FormatBenchmarks
{
    private static readonly byte[] s_dateTime = Encoding.UTF8.GetBytes("\"2024-05-01T12:30:00.25+02:00\"");
    private static readonly byte[] s_uuid = Encoding.UTF8.GetBytes("\"0f8fad5b-d9cb-469f-a165-70867728950e\"");
    private static readonly byte[] s_uri = Encoding.UTF8.GetBytes("\"https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2/actions/2\"");
    private static readonly DateTimeOffset s_dateTimeValue = new(2024, 5, 1, 12, 30, 0, 250, TimeSpan.FromHours(2));
    private static readonly Uri s_uriValue = new("https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2/actions/2");
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    private static Utf8JsonReader On(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return reader;
    }

    [Benchmark(Baseline = true, Description = "read date-time as string")]
    public string ReadDateTimeAsString()
    {
        Utf8JsonReader reader = On(s_dateTime);
        return JsonRead.String(ref reader);
    }

    [Benchmark(Description = "read date-time (RFC 3339, SchemaBind)")]
    public DateTimeOffset ReadDateTime()
    {
        Utf8JsonReader reader = On(s_dateTime);
        return JsonRead.DateTime(ref reader);
    }

    [Benchmark(Description = "read date-time (ISO 8601, STJ GetDateTimeOffset)")]
    public DateTimeOffset ReadDateTimeStj()
    {
        Utf8JsonReader reader = On(s_dateTime);
        return reader.GetDateTimeOffset();
    }

    [Benchmark(Description = "read uuid as string")]
    public string ReadUuidAsString()
    {
        Utf8JsonReader reader = On(s_uuid);
        return JsonRead.String(ref reader);
    }

    [Benchmark(Description = "read uuid as Guid")]
    public Guid ReadUuid()
    {
        Utf8JsonReader reader = On(s_uuid);
        return JsonRead.Uuid(ref reader);
    }

    [Benchmark(Description = "read uri as string")]
    public string ReadUriAsString()
    {
        Utf8JsonReader reader = On(s_uri);
        return JsonRead.String(ref reader);
    }

    [Benchmark(Description = "read uri as Uri")]
    public Uri ReadUri()
    {
        Utf8JsonReader reader = On(s_uri);
        return JsonRead.Uri(ref reader);
    }

    [Benchmark(Description = "write date-time (SchemaBind)")]
    public int WriteDateTime()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        SchemaFormats.Write(writer, s_dateTimeValue);
        writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "write date-time (STJ WriteStringValue)")]
    public int WriteDateTimeStj()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        writer.WriteStringValue(s_dateTimeValue);
        writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "write uri")]
    public int WriteUri()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        SchemaFormats.Write(writer, s_uriValue);
        writer.Flush();
        return _buffer.WrittenCount;
    }
}
