namespace SchemaBind.Packaging.Tests;

/// <summary>
/// A fresh user project: the two packages by version, one SchemaBindApi line, the strictest usual
/// settings, and a program that adds the seed's Docker action through the generated client.
/// </summary>
internal static class ConsumerProject
{
    public const string Name = "Consumer";

    public static string Csproj(string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <GenerateDocumentationFile>true</GenerateDocumentationFile>
            <AnalysisLevel>latest</AnalysisLevel>
            <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="SchemaBind.Generator" Version="{version}" PrivateAssets="all" />
            <PackageReference Include="SchemaBind.Runtime" Version="{version}" />
            <SchemaBindApi Include="pipeline-actions.openapi.json" Namespace="Buddy.Api" ClientName="BuddyClient" />
          </ItemGroup>
        </Project>
        """;

    public const string Program = """
        using Buddy.Api;
        using SchemaBind.Runtime;

        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: Consumer <base-url> <token>");
            return 2;
        }

        using var http = new HttpClient();
        var client = new BuddyClient(http, new ApiClientOptions { BaseAddress = new Uri(args[0]), AccessToken = args[1] });
        PipelineAction created = await client.AddActionAsync("buddy", "company-website", 2, new RunDockerContainerActionRequest
        {
            Name = "Run container",
            DockerImageName = "library/ubuntu",
            DockerImageTag = "latest",
            InlineCommands = "ls -al > ls.log",
        });

        if (created is RunDockerContainerAction action)
        {
            Console.WriteLine($"created action {action.Id}: {action.Name}");
            return 0;
        }

        Console.Error.WriteLine("unexpected response type " + created.GetType().Name);
        return 1;
        """;

    /// <summary>Writes the project into <paramref name="directory"/>, with a copy of the Buddy schema.</summary>
    public static void Write(string directory, string version)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Name + ".csproj"), Csproj(version));
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        File.Copy(DotNet.RepoFile("schema", "buddy", "pipeline-actions.openapi.json"), Path.Combine(directory, "pipeline-actions.openapi.json"), overwrite: true);
    }
}
