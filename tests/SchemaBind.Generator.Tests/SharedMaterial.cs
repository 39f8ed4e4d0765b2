namespace SchemaBind.Generator.Tests;

/// <summary>
/// The read-only test material shared between repositories (realworld API descriptions, repros): beside the
/// repository as CI lays it out (<c>&lt;repo root&gt;/../shared</c>), else at <c>/work/shared</c>.
/// </summary>
internal static class SharedMaterial
{
    public static string? Root { get; } = new[] { GeneratorHarness.RepositoryFile("..", "shared"), "/work/shared" }
        .Select(Path.GetFullPath)
        .FirstOrDefault(static p => Directory.Exists(Path.Combine(p, "realworld")));

    /// <summary>The path of a shared file or folder; skips the test when the material is not there.</summary>
    public static string File(params string[] parts)
    {
        Assert.SkipWhen(Root is null, "The shared test material (../shared or /work/shared) is not present.");
        return Path.Combine(new[] { Root! }.Concat(parts).ToArray());
    }
}
