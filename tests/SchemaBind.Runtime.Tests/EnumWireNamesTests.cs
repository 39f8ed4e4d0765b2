using System.Text;
using System.Text.Json;
using SchemaBind.Runtime.GeneratedCode;

namespace SchemaBind.Runtime.Tests;

/// <summary>The table generated enum helpers call: both lookups (a scan up to 8 names, a dictionary above).</summary>
public sealed class EnumWireNamesTests
{
    public enum Small
    {
        Read,
        Write,
        Admin,
    }

    public enum Large
    {
        A0, A1, A2, A3, A4, A5, A6, A7, A8, A9,
    }

    private static readonly EnumWireNames<Small> SmallNames = new("Small", ["read", "write", "admin/all"]);
    private static readonly EnumWireNames<Large> LargeNames = new("Large", [.. Enumerable.Range(0, 10).Select(static i => "a-" + i)]);

    [Fact]
    public void Members_map_to_their_wire_names_both_ways()
    {
        Assert.Equal("admin/all", SmallNames.ToWireName(Small.Admin));
        Assert.True(SmallNames.TryParse("write", out Small small));
        Assert.Equal(Small.Write, small);
        Assert.False(SmallNames.TryParse("Write", out _));
        Assert.False(SmallNames.TryParse(null, out _));

        Assert.Equal("a-9", LargeNames.ToWireName(Large.A9));
        Assert.True(LargeNames.TryParse("a-7", out Large large));
        Assert.Equal(Large.A7, large);
        Assert.False(LargeNames.TryParse("a-10", out _));
        Assert.True(LargeNames.IsDefined(Large.A0));
        Assert.False(LargeNames.IsDefined((Large)10));
    }

    [Fact]
    public void An_unknown_name_is_kept_as_a_negative_value_that_writes_back_the_same_text()
    {
        var names = new EnumWireNames<Small>("Small", ["read", "write", "admin"]);

        Small unknown = names.FromWireName("maintain");

        Assert.True((int)unknown < 0);
        Assert.False(names.IsDefined(unknown));
        Assert.Equal("maintain", names.ToWireName(unknown));
        Assert.Equal(unknown, names.FromWireName("maintain"));
        Assert.Throws<ArgumentOutOfRangeException>(() => names.ToWireName((Small)(-50)));
        Assert.Throws<ArgumentOutOfRangeException>(() => names.ToWireName((Small)3));
    }

    [Theory]
    [InlineData("\"write\"", "write")]
    [InlineData("\"admin\\/all\"", "admin/all")]
    [InlineData("\"custom\"", "custom")]
    public void Read_matches_the_utf8_text_and_keeps_unknown_names(string json, string wireName)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        Small value = SmallNames.Read(ref reader);

        Assert.Equal(wireName, SmallNames.ToWireName(value));
    }

    [Fact]
    public void Read_of_a_non_string_is_a_JsonException()
    {
        Assert.Throws<JsonException>(() =>
        {
            var reader = new Utf8JsonReader("12"u8);
            reader.Read();
            return LargeNames.Read(ref reader);
        });
    }

    [Fact]
    public void The_converter_lets_System_Text_Json_read_and_write_by_wire_name()
    {
        var options = new JsonSerializerOptions { Converters = { new EnumWireNameConverter<Large>(LargeNames) } };

        Assert.Equal("[\"a-3\",\"a-0\"]", JsonSerializer.Serialize(new[] { Large.A3, Large.A0 }, options));
        Large[] read = JsonSerializer.Deserialize<Large[]>("[\"a-8\",\"a-new\"]", options)!;
        Assert.Equal(Large.A8, read[0]);
        Assert.Equal("a-new", LargeNames.ToWireName(read[1]));
    }

    [Fact]
    public void An_enum_that_is_not_int_sized_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new EnumWireNames<ByteEnum>("ByteEnum", ["a"]));
    }

    public enum ByteEnum : byte
    {
        A,
    }
}
