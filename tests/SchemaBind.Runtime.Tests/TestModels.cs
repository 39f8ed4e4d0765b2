using System.Text;
using System.Text.Json;

namespace SchemaBind.Runtime.Tests;

/// <summary>A hand-written stand-in for a generated model: static read/write methods, no reflection.</summary>
internal sealed record Pet(long Id, string Name)
{
    public static void Write(Utf8JsonWriter writer, Pet pet)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", pet.Id);
        writer.WriteString("name", pet.Name);
        writer.WriteEndObject();
    }

    public static Pet Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object, got {reader.TokenType}.");
        }

        long? id = null;
        string? name = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string property = reader.GetString()!;
            reader.Read();
            switch (property)
            {
                case "id": id = reader.GetInt64(); break;
                case "name": name = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        return new Pet(id ?? throw new JsonException("Missing 'id'."), name ?? throw new JsonException("Missing 'name'."));
    }

    /// <summary>What <see cref="Write"/> produces, written independently of the transport.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, this);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

internal static class Tokens
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
