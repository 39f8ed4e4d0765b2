using System.Text.Json;
using SchemaBind.Runtime.GeneratedCode;

namespace SchemaBind.Runtime.Tests;

public sealed class UnknownEnumValuesTests
{
    [Fact]
    public void Each_distinct_name_gets_its_own_negative_value_and_keeps_its_text()
    {
        var values = new UnknownEnumValues("Colour");

        Assert.Equal(-1, values.GetOrAdd("teal"));
        Assert.Equal(-2, values.GetOrAdd("Teal"));
        Assert.Equal(-1, values.GetOrAdd("teal"));
        Assert.True(values.TryGetName(-2, out string name));
        Assert.Equal("Teal", name);
        Assert.False(values.TryGetName(-3, out _));
        Assert.False(values.TryGetName(0, out _));
        Assert.False(values.TryGetName(int.MinValue, out _));
    }

    [Fact]
    public void Past_its_capacity_a_new_name_is_a_JsonException_and_known_names_still_work()
    {
        var values = new UnknownEnumValues("Colour");
        for (int i = 0; i < UnknownEnumValues.Capacity; i++)
        {
            values.GetOrAdd("c" + i);
        }

        var ex = Assert.Throws<JsonException>(() => values.GetOrAdd("one-too-many"));
        Assert.Contains("Colour", ex.Message, StringComparison.Ordinal);
        Assert.Equal(-1, values.GetOrAdd("c0"));
    }

    [Fact]
    public void Concurrent_readers_agree_on_every_value()
    {
        var values = new UnknownEnumValues("Colour");
        int[][] seen = new int[4][];
        Parallel.For(0, 4, t => seen[t] = Enumerable.Range(0, 200).Select(i => values.GetOrAdd("c" + ((i * (t + 1)) % 200))).ToArray());

        var byName = Enumerable.Range(0, 200).ToDictionary(static i => "c" + i, i => values.GetOrAdd("c" + i));
        Assert.Equal(200, byName.Values.Distinct().Count());
        for (int t = 0; t < 4; t++)
        {
            for (int i = 0; i < 200; i++)
            {
                Assert.Equal(byName["c" + ((i * (t + 1)) % 200)], seen[t][i]);
            }
        }
    }
}
