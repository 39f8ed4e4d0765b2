namespace SchemaBind.Generator.Tests;

/// <summary>Proves the harness would catch what the snapshot and compile tests claim to catch.</summary>
public sealed class HarnessTests
{
    [Fact]
    public void The_compile_check_sees_a_missing_xml_doc_and_a_nullable_warning()
    {
        GeneratorResult result = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(
            "namespace P { public class Undocumented { public string Name { get; set; } } }"));
        var ids = result.CompilationDiagnostics.Select(static d => d.Id).ToList();
        Assert.Contains("CS1591", ids);
        Assert.Contains("CS8618", ids);
    }
}
