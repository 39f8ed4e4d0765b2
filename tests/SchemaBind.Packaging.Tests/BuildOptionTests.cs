namespace SchemaBind.Packaging.Tests;

/// <summary>The build files' check of options with a fixed set of values (SBBUILD002), run by MSBuild on a bare project.</summary>
public sealed class BuildOptionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("schemabind-options-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<ProcessResult> CheckAsync(string projectNumberType, string itemNumberType, string groupBy = "", string schemas = "")
    {
        string buildTransitive = DotNet.RepoFile("generator", "SchemaBind.Generator", "buildTransitive");
        string project = Path.Combine(_directory, "options.proj");
        await File.WriteAllTextAsync(project, $"""
            <Project>
              <Import Project="{Path.Combine(buildTransitive, "SchemaBind.Generator.props")}" />
              <PropertyGroup>
                <Language>C#</Language>
                <SchemaBindNumberType>{projectNumberType}</SchemaBindNumberType>
              </PropertyGroup>
              <ItemGroup>
                <SchemaBindApi Include="a.json" NumberType="{itemNumberType}" />
                <SchemaBindApi Include="b.json" GroupBy="{groupBy}" />
                <SchemaBindApi Include="c.json" Schemas="{schemas}" />
              </ItemGroup>
              <Import Project="{Path.Combine(buildTransitive, "SchemaBind.Generator.targets")}" />
            </Project>
            """);
        return await DotNet.RunAsync(_directory, "msbuild", project, "-t:SchemaBindCheckOptions", "-nologo", "-v:m");
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("decimal", "double")]
    [InlineData("Decimal", "DOUBLE")]
    public async Task Known_values_pass_without_a_warning(string projectNumberType, string itemNumberType)
    {
        ProcessResult result = await CheckAsync(projectNumberType, itemNumberType);
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.DoesNotContain("SBBUILD002", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_number_type_is_a_warning_that_names_it()
    {
        ProcessResult result = await CheckAsync("decimall", "float");
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("warning SBBUILD002: SchemaBindNumberType is 'decimall'", result.Output, StringComparison.Ordinal);
        Assert.Contains("a.json : warning SBBUILD002: The NumberType of SchemaBindApi 'a.json' is 'float'", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("'b.json'", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tag")]
    [InlineData("Path")]
    [InlineData("None")]
    public async Task Known_group_by_values_pass_without_a_warning(string groupBy)
    {
        ProcessResult result = await CheckAsync("", "", groupBy);
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.DoesNotContain("SBBUILD002", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_group_by_is_a_warning_that_names_it()
    {
        ProcessResult result = await CheckAsync("", "", "tags");
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("b.json : warning SBBUILD002: The GroupBy of SchemaBindApi 'b.json' is 'tags', which is neither 'None', 'Tag' nor 'Path'; the client stays flat.", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("used")]
    [InlineData("All")]
    public async Task Known_schemas_values_pass_without_a_warning(string schemas)
    {
        ProcessResult result = await CheckAsync("", "", "", schemas);
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.DoesNotContain("SBBUILD002", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_schemas_value_is_a_warning_that_names_it()
    {
        ProcessResult result = await CheckAsync("", "", "", "every");
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("c.json : warning SBBUILD002: The Schemas of SchemaBindApi 'c.json' is 'every', which is neither 'Used' nor 'All'; only the component schemas the generated operations reach are generated.", result.Output, StringComparison.Ordinal);
    }
}
