using System.Reflection;

namespace SchemaBind.Generator.Emitting;

internal static class ThisAssembly
{
    /// <summary>
    /// The package version (from the build's $(Version), without the "+commit" suffix), written
    /// into [GeneratedCode] so that generated code names the generator that wrote it.
    /// </summary>
    public static readonly string Version = Read();

    private static string Read()
    {
        string? informational = typeof(ThisAssembly).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return "0.0.0";
        }

        int plus = informational!.IndexOf('+');
        return plus < 0 ? informational : informational.Substring(0, plus);
    }
}
