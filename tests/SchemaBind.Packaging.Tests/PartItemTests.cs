using System.Text.Json;

namespace SchemaBind.Packaging.Tests;

/// <summary>The build files' choice of part files (documents split over files), run by MSBuild on a bare project.</summary>
public sealed class PartItemTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("schemabind-parts-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>The full paths of the AdditionalFiles marked SchemaBindPart, relative to the project, sorted.</summary>
    private async Task<List<string>> PartsAsync(params string[] properties)
    {
        foreach (string file in new[]
        {
            "api/root.yaml", "api/other.json", "api/components/schemas/Pet.yaml", "api/paths/pets.yml", "api/notes.txt",
            "api/node_modules/x/package.json", "api/.cache/a.json", "api/obj/b.json", "obj/project.assets.json", "appsettings.json",
        })
        {
            string path = Path.Combine(_directory, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, "{}");
        }

        string buildTransitive = DotNet.RepoFile("generator", "SchemaBind.Generator", "buildTransitive");
        string project = Path.Combine(_directory, "parts.proj");
        await File.WriteAllTextAsync(project, $"""
            <Project>
              <Import Project="{Path.Combine(buildTransitive, "SchemaBind.Generator.props")}" />
              <PropertyGroup>
                <Language>C#</Language>
                <BaseIntermediateOutputPath>obj/</BaseIntermediateOutputPath>
                <BaseOutputPath>bin/</BaseOutputPath>
              </PropertyGroup>
              <ItemGroup>
                <SchemaBindApi Include="api/root.yaml" />
                <SchemaBindApi Include="api/other.json" />
              </ItemGroup>
              <Import Project="{Path.Combine(buildTransitive, "SchemaBind.Generator.targets")}" />
            </Project>
            """);
        ProcessResult result = await DotNet.RunAsync(_directory, ["msbuild", project, "-t:SchemaBindAddParts", "-getItem:AdditionalFiles", "-nologo", .. properties]);
        Assert.True(result.ExitCode == 0, result.Describe());
        string json = result.Output.Substring(result.Output.IndexOf('{'), result.Output.LastIndexOf('}') - result.Output.IndexOf('{') + 1);
        using JsonDocument items = JsonDocument.Parse(json);
        return items.RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
            .Where(static item => item.TryGetProperty("SchemaBindPart", out JsonElement part) && part.GetString() == "true")
            .Select(item => Path.GetRelativePath(_directory, item.GetProperty("FullPath").GetString()!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public async Task Schema_files_under_an_items_folder_are_parts_except_the_items_build_output_and_hidden_folders()
    {
        List<string> parts = await PartsAsync();

        Assert.Equal(new[] { "api/components/schemas/Pet.yaml", "api/paths/pets.yml" }, parts);
    }

    [Fact]
    public async Task SchemaBindIncludeParts_false_adds_none()
    {
        List<string> parts = await PartsAsync("-p:SchemaBindIncludeParts=false");

        Assert.Empty(parts);
    }
}
