namespace SchemaBind.Packaging.Tests;

/// <summary>
/// A fresh user project: the two packages by version, a SchemaBindApi line for the Buddy JSON document and one for a
/// small YAML document, the strictest usual settings, and a program that adds the seed's Docker action through the
/// generated client and uses a type of the YAML document (so YamlDotNet, packed beside the generator, must load
/// in the real compiler).
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
            <SchemaBindApi Include="pets.openapi.yaml" Namespace="Pets.Api" ClientName="PetsClient" />
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

        // A type of the YAML document: the generator read it with YamlDotNet inside the compiler.
        var pet = new Pets.Api.Pet { Id = 1, Name = "Rex", Tags = ["good"] };
        if (pet.Name.Length == 0 || typeof(Pets.Api.PetsClient).GetMethod("GetPetAsync") is null)
        {
            return 3;
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

    /// <summary>An OpenAPI 3.1 document in YAML, with an anchor, an alias and a merge key.</summary>
    public const string PetsYaml = """
        openapi: 3.1.0
        info: { title: Pets, version: "1" }
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters:
                - { name: id, in: path, required: true, schema: &id { type: integer, format: int64 } }
              responses:
                200:
                  description: The pet.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Pet' }
        components:
          schemas:
            Named: &named
              type: object
              required: [id, name]
              properties:
                id: *id
                name: { type: string, minLength: 1 }
            Pet:
              <<: *named
              description: A pet.
              properties:
                id: *id
                name: { type: string, minLength: 1 }
                tags: { type: array, items: { type: string } }
        """;

    /// <summary>Writes the project into <paramref name="directory"/>, with a copy of the Buddy schema.</summary>
    public static void Write(string directory, string version)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Name + ".csproj"), Csproj(version));
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        File.Copy(DotNet.RepoFile("schema", "buddy", "pipeline-actions.openapi.json"), Path.Combine(directory, "pipeline-actions.openapi.json"), overwrite: true);
        File.WriteAllText(Path.Combine(directory, "pets.openapi.yaml"), PetsYaml);
    }
}
