namespace SchemaBind.Generator.Emitting;

internal static class ThisAssembly
{
    /// <summary>Written into [GeneratedCode]; kept in step with the package version.</summary>
    public const string Version = "0.1.0";
}
