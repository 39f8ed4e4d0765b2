using System.Reflection;

namespace SchemaBind.Corpus.Tests;

/// <summary>Where the repository, the shared test material and this project's lists are.</summary>
internal static class Inputs
{
    public static string RepoRoot { get; } =
        typeof(Inputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(static a => a.Key == "SchemaBindRepoRoot").Value!;

    /// <summary>
    /// The shared folder: beside the repository as CI lays it out (<c>../shared</c>), else <c>/work/shared</c>
    /// (a worktree elsewhere); null when neither exists.
    /// </summary>
    public static string? Shared { get; } = new[] { Path.Combine(RepoRoot, "..", "shared"), "/work/shared" }
        .Select(Path.GetFullPath)
        .FirstOrDefault(Directory.Exists);

    public static string? RealWorld => Folder("realworld");

    public static string? Repros => Folder("repros");

    /// <summary>This project's folder in the repository (lists and regression schemas live there).</summary>
    public static string ProjectFolder { get; } = Path.Combine(RepoRoot, "tests", "SchemaBind.Corpus.Tests");

    public static string Regressions { get; } = Path.Combine(ProjectFolder, "Regressions");

    private static string? Folder(string name) =>
        Shared is null || !Directory.Exists(Path.Combine(Shared, name)) ? null : Path.Combine(Shared, name);

    /// <summary>Relative paths with forward slashes, in ordinal order, of the files under <paramref name="root"/> that match.</summary>
    public static IEnumerable<string> Files(string root, Func<string, bool> include) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(include)
            .Order(StringComparer.Ordinal);

    public static bool IsApiDocument(string relativePath) =>
        relativePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || relativePath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || relativePath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
