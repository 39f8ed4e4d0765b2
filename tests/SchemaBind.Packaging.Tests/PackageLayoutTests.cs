using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace SchemaBind.Packaging.Tests;

/// <summary>What is inside each .nupkg, read as the zip file it is.</summary>
public sealed class PackageLayoutTests(PackagesFixture packages)
{
    /// <summary>Assemblies that every C# compiler host loads itself; an analyzer must not bring them.</summary>
    private static readonly HashSet<string> s_compilerProvided = new(StringComparer.Ordinal)
    {
        "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp",
        "System.Collections.Immutable", "System.Reflection.Metadata", "System.Memory", "System.Text.Encoding.CodePages",
        "System.Runtime.CompilerServices.Unsafe", "System.Threading.Tasks.Extensions", "System.Numerics.Vectors", "System.Buffers",
    };

    [Fact]
    public void Generator_package_is_an_analyzer_with_build_logic_and_no_library()
    {
        List<string> entries = Entries("SchemaBind.Generator");

        Assert.Contains("analyzers/dotnet/cs/SchemaBind.Generator.dll", entries);
        Assert.Contains("buildTransitive/SchemaBind.Generator.props", entries);
        Assert.Contains("buildTransitive/SchemaBind.Generator.targets", entries);
        Assert.Contains("PACKAGE.md", entries);
        Assert.DoesNotContain(entries, static e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));
        // The analyzer and the YAML parser it uses (netstandard2.0, no dependencies), nothing else for the compiler to load.
        Assert.Equal(
            ["analyzers/dotnet/cs/SchemaBind.Generator.dll", "analyzers/dotnet/cs/YamlDotNet.dll"],
            entries.Where(static e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        XElement metadata = Nuspec("SchemaBind.Generator");
        Assert.Equal("true", Value(metadata, "developmentDependency"));
        Assert.Null(metadata.Element(metadata.Name.Namespace + "dependencies"));
    }

    [Fact]
    public void Generator_needs_nothing_the_compiler_does_not_load_itself()
    {
        Dictionary<string, Version> references = References("analyzers/dotnet/cs/SchemaBind.Generator.dll");

        // Besides the compiler's own assemblies, only YamlDotNet, which is beside it in the package, at its version.
        Assert.All(references.Keys, name => Assert.True(s_compilerProvided.Contains(name) || name == "YamlDotNet", name));
        Assert.Equal(AssemblyVersion("analyzers/dotnet/cs/YamlDotNet.dll"), references["YamlDotNet"]);

        // YamlDotNet itself needs nothing but netstandard.
        Assert.Equal(["netstandard"], References("analyzers/dotnet/cs/YamlDotNet.dll").Keys);
        // The Roslyn floor: built against Microsoft.CodeAnalysis 4.8, which SDK 8.0.100 / VS 17.8 load.
        Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis"]);
        Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis.CSharp"]);
    }

    [Fact]
    public void Runtime_package_has_the_library_its_docs_dependencies_and_symbols()
    {
        List<string> entries = Entries("SchemaBind.Runtime");

        Assert.Contains("lib/net10.0/SchemaBind.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/SchemaBind.Runtime.xml", entries);
        Assert.DoesNotContain(entries, static e => e.StartsWith("analyzers/", StringComparison.Ordinal));

        XElement metadata = Nuspec("SchemaBind.Runtime");
        var dependencies = metadata.Descendants(metadata.Name.Namespace + "dependency").Select(static d => (string?)d.Attribute("id")).ToList();
        Assert.Contains("Microsoft.Extensions.Http", dependencies);
        Assert.Contains("Microsoft.Extensions.Logging.Abstractions", dependencies);

        using ZipArchive symbols = ZipFile.OpenRead(packages.PackagePath("SchemaBind.Runtime", "snupkg"));
        Assert.Contains(symbols.Entries, static e => e.FullName == "lib/net10.0/SchemaBind.Runtime.pdb");
    }

    [Fact]
    public void Cli_package_is_a_dotnet_tool_named_schemabind()
    {
        List<string> entries = Entries("SchemaBind.Cli");

        Assert.Contains("tools/net10.0/any/SchemaBind.Cli.dll", entries);
        Assert.Contains("tools/net10.0/any/SchemaBind.Generator.dll", entries);
        Assert.Contains("tools/net10.0/any/YamlDotNet.dll", entries);
        Assert.Contains("tools/net10.0/any/SchemaBind.Runtime.dll", entries);
        Assert.Contains("tools/net10.0/any/Microsoft.CodeAnalysis.CSharp.dll", entries);

        using ZipArchive zip = ZipFile.OpenRead(packages.PackagePath("SchemaBind.Cli"));
        using Stream settings = zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open();
        XElement command = XDocument.Load(settings).Descendants("Command").Single();
        Assert.Equal("schemabind", (string?)command.Attribute("Name"));
        Assert.Equal("SchemaBind.Cli.dll", (string?)command.Attribute("EntryPoint"));
        Assert.Contains(Nuspec("SchemaBind.Cli").Descendants(Nuspec("SchemaBind.Cli").Name.Namespace + "packageType"), static t => (string?)t.Attribute("name") == "DotnetTool");
    }

    [Theory]
    [InlineData("SchemaBind.Generator")]
    [InlineData("SchemaBind.Runtime")]
    [InlineData("SchemaBind.Cli")]
    public void Every_package_has_licence_readme_repository_and_description(string id)
    {
        XElement metadata = Nuspec(id);
        XNamespace ns = metadata.Name.Namespace;

        Assert.Equal(packages.Version, Value(metadata, "version"));
        XElement license = metadata.Element(ns + "license")!;
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
        Assert.Equal("PACKAGE.md", Value(metadata, "readme"));
        Assert.Contains("PACKAGE.md", Entries(id));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "authors")));
        Assert.Contains("openapi", Value(metadata, "tags")!.Split(' '));

        // Source Link fills in the commit (and the URL of the "origin" remote when there is one).
        XElement repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? string.Empty);
    }

    /// <summary>The assemblies an assembly of the generator package references, with their versions.</summary>
    private Dictionary<string, Version> References(string entry) => WithMetadata(entry, static reader => reader.AssemblyReferences
        .Select(handle => reader.GetAssemblyReference(handle))
        .ToDictionary(r => reader.GetString(r.Name), r => r.Version));

    private Version AssemblyVersion(string entry) => WithMetadata(entry, static reader => reader.GetAssemblyDefinition().Version);

    private T WithMetadata<T>(string entry, Func<MetadataReader, T> read)
    {
        using ZipArchive zip = ZipFile.OpenRead(packages.PackagePath("SchemaBind.Generator"));
        using var stream = new MemoryStream();
        using (Stream dll = zip.GetEntry(entry)!.Open())
        {
            dll.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new PEReader(stream);
        return read(pe.GetMetadataReader());
    }

    private List<string> Entries(string id)
    {
        using ZipArchive zip = ZipFile.OpenRead(packages.PackagePath(id));
        return zip.Entries.Select(static e => e.FullName).ToList();
    }

    private XElement Nuspec(string id)
    {
        using ZipArchive zip = ZipFile.OpenRead(packages.PackagePath(id));
        using Stream nuspec = zip.GetEntry(id + ".nuspec")!.Open();
        XElement package = XDocument.Load(nuspec).Root!;
        return package.Element(package.Name.Namespace + "metadata")!;
    }

    private static string? Value(XElement metadata, string name) => metadata.Element(metadata.Name.Namespace + name)?.Value;
}
