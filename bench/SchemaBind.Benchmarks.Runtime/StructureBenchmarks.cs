using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EndToEnd.Catalog;

namespace SchemaBind.Benchmarks.Runtime;

/// <summary>
/// The cost of reading a union without a discriminator (tests/SchemaBind.EndToEnd.Tests/Schemas/catalog.schema.json):
/// each alternative's schema is tested on the parsed JSON, then the matching case is read, against reading the
/// case's record directly; and a record with an additionalProperties dictionary.
/// </summary>
[MemoryDiagnoser]
public class StructureBenchmarks
{
    private static readonly byte[] DogJson = Encoding.UTF8.GetBytes("""{"name":"Rex","barks":true}""");
    private static readonly byte[] PriceJson = Encoding.UTF8.GetBytes("\"12 EUR\"");
    private static readonly byte[] LabelsJson = Encoding.UTF8.GetBytes("""{"root":{"name":"All"},"labels":{"team":"core","tier":"gold"},"stock":7,"sold":3}""");

    [Benchmark(Baseline = true, Description = "read Dog (record)")]
    public Dog ReadDog() => Dog.FromJson(DogJson);

    [Benchmark(Description = "read Pet (oneOf: Dog | Cat)")]
    public Pet ReadPet() => Pet.FromJson(DogJson);

    [Benchmark(Description = "read Price (anyOf, 2nd case)")]
    public Price ReadPrice() => Price.FromJson(PriceJson);

    [Benchmark(Description = "read Catalog with maps")]
    public Catalog ReadCatalog() => Catalog.FromJson(LabelsJson);

    [Benchmark(Description = "write Pet")]
    public string WritePet() => s_pet.ToJson();

    private static readonly Pet s_pet = new Dog { Name = "Rex", Barks = true };
}
