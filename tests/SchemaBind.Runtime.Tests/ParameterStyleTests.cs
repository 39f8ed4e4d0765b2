using SchemaBind.Runtime.GeneratedCode;

namespace SchemaBind.Runtime.Tests;

/// <summary>The forms of the OpenAPI style table, item by item, and the escaping that goes with them.</summary>
public sealed class ParameterStyleTests
{
    private static readonly KeyValuePair<string, string?>[] Color = [new("R", "100"), new("G", "200"), new("B", null)];

    [Theory]
    [InlineData(ParameterStyle.Simple, false, "R,100,G,200")]
    [InlineData(ParameterStyle.Simple, true, "R=100,G=200")]
    [InlineData(ParameterStyle.Label, false, ".R,100,G,200")]
    [InlineData(ParameterStyle.Label, true, ".R=100.G=200")]
    [InlineData(ParameterStyle.Matrix, false, ";color=R,100,G,200")]
    [InlineData(ParameterStyle.Matrix, true, ";R=100;G=200")]
    public void Path_objects_follow_the_style_table_and_leave_out_null_members(ParameterStyle style, bool explode, string expected) =>
        Assert.Equal(expected, ParameterStyles.PathObject("color", style, explode, Color, "color"));

    [Theory]
    [InlineData(ParameterStyle.Simple, false, "blue,black,a%2Cb")]
    [InlineData(ParameterStyle.Simple, true, "blue,black,a%2Cb")]
    [InlineData(ParameterStyle.Label, false, ".blue,black,a%2Cb")]
    [InlineData(ParameterStyle.Label, true, ".blue.black.a%2Cb")]
    [InlineData(ParameterStyle.Matrix, false, ";color=blue,black,a%2Cb")]
    [InlineData(ParameterStyle.Matrix, true, ";color=blue;color=black;color=a%2Cb")]
    public void Path_arrays_escape_each_item_and_keep_the_style_delimiters(ParameterStyle style, bool explode, string expected) =>
        Assert.Equal(expected, ParameterStyles.PathArray("color", style, explode, ["blue", null, "black", "a,b"], "color"));

    [Theory]
    [InlineData(ParameterStyle.Form, true, "?R=100&G=200")]
    [InlineData(ParameterStyle.Form, false, "?color=R,100,G,200")]
    [InlineData(ParameterStyle.SpaceDelimited, false, "?color=R%20100%20G%20200")]
    [InlineData(ParameterStyle.PipeDelimited, false, "?color=R%7C100%7CG%7C200")]
    [InlineData(ParameterStyle.DeepObject, true, "?color%5BR%5D=100&color%5BG%5D=200")]
    public void Query_objects_follow_the_style_table(ParameterStyle style, bool explode, string expected)
    {
        var query = new QueryString();
        query.AddObject("color", style, explode, allowReserved: false, Color);
        Assert.Equal(expected, query.ToString());
    }

    [Fact]
    public void AllowReserved_keeps_reserved_characters_and_percent_triples_but_not_what_splits_a_query()
    {
        var query = new QueryString();
        query.Add("next", "/a:b@c!$'()*,;?%2F 100%&x=y+z#f[0]", allowReserved: true);
        query.Add("plain", "/a:b", allowReserved: false);
        Assert.Equal("?next=/a:b@c!$'()*,;?%2F%20100%25%26x%3Dy%2Bz%23f%5B0%5D&plain=%2Fa%3Ab", query.ToString());
    }

    [Fact]
    public void Empty_and_null_arrays_add_nothing_to_the_query()
    {
        var query = new QueryString();
        query.AddArray("a", ParameterStyle.Form, false, false, []);
        query.AddArray("b", ParameterStyle.PipeDelimited, false, false, null);
        query.AddObject("c", ParameterStyle.DeepObject, true, false, [new("x", null)]);
        Assert.Equal(string.Empty, query.ToString());
    }

    [Fact]
    public void Header_objects_and_cookie_objects_follow_their_styles()
    {
        Assert.Equal("R,100,G,200", ParameterStyles.HeaderObject(false, Color));
        Assert.Equal("R=100,G=200", ParameterStyles.HeaderObject(true, Color));
        Assert.Null(ParameterStyles.HeaderObject(true, null));
        Assert.Null(ParameterStyles.HeaderObject(true, [new("R", null)]));
    }

    [Theory]
    [InlineData(ParameterStyle.Simple, "")]
    [InlineData(ParameterStyle.Simple, "..")]
    [InlineData(ParameterStyle.Label, "")]
    [InlineData(ParameterStyle.Label, ".")]
    public void A_path_value_the_URI_would_drop_or_collapse_is_refused(ParameterStyle style, string value)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => ParameterStyles.PathValue("p", style, value, "p"));
        Assert.Equal("p", error.ParamName);
    }

    [Fact]
    public void An_empty_matrix_value_or_list_is_the_name_alone()
    {
        Assert.Equal(";p", ParameterStyles.PathValue("p", ParameterStyle.Matrix, string.Empty, "p"));
        Assert.Equal(";p", ParameterStyles.PathArray("p", ParameterStyle.Matrix, true, [], "p"));
    }
}
