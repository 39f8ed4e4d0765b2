namespace SchemaBind.Generator.Tests;

/// <summary>The shared test input beside the repository (as CI lays it out) or in /work/shared.</summary>
internal static class SharedInputs
{
    private static readonly Lazy<string> s_root = new(() =>
        new[] { GeneratorHarness.RepositoryFile("..", "shared"), "/work/shared" }
            .Select(Path.GetFullPath)
            .FirstOrDefault(Directory.Exists)
            ?? throw new InvalidOperationException("The shared test input is neither beside the repository nor in /work/shared."));

    /// <summary>A file under shared/, such as <c>File("repros", "x.json")</c>; fails when it is missing.</summary>
    public static string File(params string[] parts)
    {
        string path = Path.Combine(new[] { s_root.Value }.Concat(parts).ToArray());
        return System.IO.File.Exists(path) ? path : throw new FileNotFoundException("A shared test input is missing.", path);
    }
}
