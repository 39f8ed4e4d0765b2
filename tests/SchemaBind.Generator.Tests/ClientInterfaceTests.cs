namespace SchemaBind.Generator.Tests;

/// <summary>The client's interface (<c>I&lt;ClientName&gt;</c>): what a user fakes in tests and takes from DI.</summary>
public sealed class ClientInterfaceTests
{
    private const string Api = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Pets", "version": "1" },
          "servers": [ { "url": "https://pets.example/api" } ],
          "paths": {
            "/pets": {
              "get": {
                "operationId": "listPets",
                "description": "Lists the pets.",
                "parameters": [ { "name": "page", "in": "query", "schema": { "type": "integer", "minimum": 1 } } ],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Pet" } } } } } }
              },
              "post": {
                "operationId": "addPet",
                "deprecated": true,
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } },
                "responses": { "204": { "description": "added" } }
              }
            }
          },
          "components": { "schemas": {
            "Pet": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string", "minLength": 1 } } }
          } }
        }
        """;

    /// <summary>A user's fake of the interface, written by hand as a test project would, and code that takes the interface.</summary>
    private const string UserCode = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Pets;
        using SchemaBind.Runtime;

        namespace UserProject;

        internal sealed class FakePetsClient : IPetsClient
        {
            public List<Pet> Added { get; } = new();

            public Task<IReadOnlyList<Pet>> ListPetsAsync(long? page = null, CancellationToken cancellationToken = default) =>
                Task.FromResult<IReadOnlyList<Pet>>(Added);

            public Task<ApiResponse<IReadOnlyList<Pet>>> ListPetsWithResponseAsync(long? page = null, CancellationToken cancellationToken = default) =>
                throw new System.NotSupportedException();

            public Task AddPetAsync(Pet body, CancellationToken cancellationToken = default)
            {
                Added.Add(body);
                return Task.CompletedTask;
            }

            public Task<ApiResponse> AddPetWithResponseAsync(Pet body, CancellationToken cancellationToken = default) =>
                throw new System.NotSupportedException();
        }

        internal static class PetCounter
        {
            public static async Task<int> CountAsync(IPetsClient client) => (await client.ListPetsAsync(page: 1)).Count;

            public static Task<int> CountWithFakeAsync() => CountAsync(new FakePetsClient());

            public static Task<int> CountWithClientAsync(System.Net.Http.HttpClient http) => CountAsync(new PetsClient(http));
        }
        """;

    [Fact]
    public void A_hand_written_fake_of_the_interface_compiles_and_the_client_implements_it()
    {
        GeneratorResult result = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(UserCode), new SchemaFile("/p/pets.json", Api, "Pets"));
        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);

        string source = result.Source("Pets.PetsClient.g.cs");
        Assert.Contains("public partial interface IPetsClient", source, StringComparison.Ordinal);
        Assert.Contains("public sealed partial class PetsClient : IPetsClient", source, StringComparison.Ordinal);

        // The interface carries the documentation; the client's members inherit it.
        int interfaceStart = source.IndexOf("public partial interface IPetsClient", StringComparison.Ordinal);
        int classStart = source.IndexOf("public sealed partial class PetsClient", StringComparison.Ordinal);
        Assert.True(interfaceStart < classStart);
        string interfaceText = source[interfaceStart..classStart];
        Assert.Contains("/// <summary>Lists the pets.</summary>", interfaceText, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(interfaceText, "[global::System.Obsolete(\"The API marks this operation as deprecated.\")]"));
        Assert.DoesNotContain("/// <summary>Lists the pets.</summary>", source[classStart..], StringComparison.Ordinal);
        Assert.Equal(4, CountOf(source[classStart..], "/// <inheritdoc/>"));
        Assert.Equal(2, CountOf(source[classStart..], "[global::System.Obsolete(\"The API marks this operation as deprecated.\")]"));

        // Every method of the client that sends a request is a member of the interface.
        Microsoft.CodeAnalysis.INamedTypeSymbol client = result.Output.GetTypeByMetadataName("Pets.PetsClient")!;
        Microsoft.CodeAnalysis.INamedTypeSymbol @interface = result.Output.GetTypeByMetadataName("Pets.IPetsClient")!;
        var operations = client.GetMembers().OfType<Microsoft.CodeAnalysis.IMethodSymbol>()
            .Where(static m => m.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Public && m.Name.EndsWith("Async", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(4, operations.Count);
        foreach (Microsoft.CodeAnalysis.IMethodSymbol method in operations)
        {
            Assert.Contains(@interface.GetMembers(method.Name).OfType<Microsoft.CodeAnalysis.IMethodSymbol>(), m => Microsoft.CodeAnalysis.SymbolEqualityComparer.Default.Equals(client.FindImplementationForInterfaceMember(m), method));
        }
    }

    [Fact]
    public void A_schema_that_takes_the_interface_name_leaves_the_interface_another()
    {
        string api = Api.Replace("\"Pet\": {", "\"IPetsClient\": { \"type\": \"object\", \"properties\": { \"id\": { \"type\": \"string\" } } },\n    \"Pet\": {", StringComparison.Ordinal);
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/pets.json", api, "Pets"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        string source = result.Source("Pets.PetsClient.g.cs");
        Assert.Contains("public partial interface IPetsClient2", source, StringComparison.Ordinal);
        Assert.Contains("public sealed partial class PetsClient : IPetsClient2", source, StringComparison.Ordinal);
        Assert.Contains("AddTransient<IPetsClient2>", source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_response_method_takes_its_documentation_from_the_plain_method_even_next_to_a_users_overload()
    {
        // Optional value-type, list and enum parameters: their cref spellings differ from the declarations' (int?, List{T}, no '?' on references).
        string api = Api.Replace(
            "\"parameters\": [ { \"name\": \"page\", \"in\": \"query\", \"schema\": { \"type\": \"integer\", \"minimum\": 1 } } ]",
            "\"parameters\": [ { \"name\": \"page\", \"in\": \"query\", \"schema\": { \"type\": \"integer\", \"minimum\": 1 } }, { \"name\": \"tags\", \"in\": \"query\", \"schema\": { \"type\": \"array\", \"items\": { \"type\": \"string\" } } }, { \"name\": \"kind\", \"in\": \"query\", \"schema\": { \"type\": \"string\", \"enum\": [\"cat\", \"dog\"] } } ]",
            StringComparison.Ordinal);
        Assert.NotEqual(Api, api);

        // The user's part of the partial interface and client adds an overload of the plain method's name.
        const string overload = """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Pets
            {
                /// <summary>The user's part.</summary>
                public partial interface IPetsClient
                {
                    /// <summary>Pets of one name.</summary>
                    /// <param name="name">The name.</param>
                    /// <returns>The pets.</returns>
                    Task<IReadOnlyList<Pet>> ListPetsAsync(string name);
                }

                /// <summary>The user's part.</summary>
                public sealed partial class PetsClient
                {
                    /// <inheritdoc/>
                    public Task<IReadOnlyList<Pet>> ListPetsAsync(string name) => ListPetsAsync(page: null, cancellationToken: CancellationToken.None);
                }
            }
            """;
        GeneratorResult result = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(overload), new SchemaFile("/p/pets.json", api, "Pets"));
        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics); // a cref that is ambiguous (CS0419) or wrong (CS1574, CS1580) is a warning

        Microsoft.CodeAnalysis.INamedTypeSymbol @interface = result.Output.GetTypeByMetadataName("Pets.IPetsClient")!;
        foreach (string name in new[] { "ListPets", "AddPet" })
        {
            Microsoft.CodeAnalysis.IMethodSymbol plain = @interface.GetMembers(name + "Async").OfType<Microsoft.CodeAnalysis.IMethodSymbol>().Single(static m => m.Parameters.Length > 1);
            Microsoft.CodeAnalysis.IMethodSymbol withResponse = @interface.GetMembers(name + "WithResponseAsync").OfType<Microsoft.CodeAnalysis.IMethodSymbol>().Single();
            var docs = System.Xml.Linq.XElement.Parse(withResponse.GetDocumentationCommentXml()!);
            System.Xml.Linq.XElement inherit = Assert.Single(docs.Elements("inheritdoc"));
            Assert.Equal(plain.GetDocumentationCommentId(), (string?)inherit.Attribute("cref"));
            Assert.Equal("/node()[not(self::returns)]", (string?)inherit.Attribute("path"));
            Assert.Contains("response", Assert.Single(docs.Elements("returns")).Value, StringComparison.Ordinal);
            Assert.Empty(docs.Elements("summary")); // the summary, remarks and parameters are the plain method's, written once
            Assert.NotEmpty(System.Xml.Linq.XElement.Parse(plain.GetDocumentationCommentXml()!).Elements("summary"));
        }
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
