using System.Collections.Concurrent;
using SchemaBind.Generator.Diagnostics;

namespace SchemaBind.Generator.Parsing;

/// <summary>
/// The diagnostics of the generator's parse of each schema file, kept for <see cref="Analyzers.SchemaFileAnalyzer"/>.
/// In a build the compiler runs the generator and then the analyzers in one process, on the same files, and the analyzer
/// would otherwise parse each document a second time: as long as the generator's own parse on a large document (0.85 s
/// of a build of ghes-3.19). The analyzer takes an entry only for an input equal to its own (path, text, options and
/// parts) and parses the file itself otherwise: in another process (the IDE may run them apart), after an edit, or for a
/// file whose <c>$ref</c>s reach other files (its diagnostics depend on theirs).
/// </summary>
internal static class ParsedDiagnostics
{
    /// <summary>The last parse of each path. The input is held weakly: the generator's state keeps it alive while it is current.</summary>
    private static readonly ConcurrentDictionary<string, Entry> s_byPath = new(StringComparer.Ordinal);

    /// <summary>Keeps the diagnostics of a parse of <paramref name="input"/> made with the mistake checks.</summary>
    /// <param name="input">The parsed file.</param>
    /// <param name="result">Its result; not kept when the file refers to other files.</param>
    public static void Remember(SchemaFileInput input, ParseResult result)
    {
        if (!result.HasExternalReferences)
        {
            s_byPath[input.Path] = new Entry(new WeakReference<SchemaFileInput>(input), result.Diagnostics);
        }
    }

    /// <summary>The diagnostics of an earlier parse of an input equal to <paramref name="input"/>, if one is kept.</summary>
    /// <param name="input">The file the analyzer is about to parse.</param>
    /// <param name="diagnostics">Every diagnostic of that parse, those that stop generation included.</param>
    /// <returns>True when an equal input was parsed and is still current.</returns>
    public static bool TryRecall(SchemaFileInput input, out EquatableArray<DiagnosticInfo> diagnostics)
    {
        if (s_byPath.TryGetValue(input.Path, out Entry? entry)
            && entry.Input.TryGetTarget(out SchemaFileInput? parsed)
            && parsed.Equals(input))
        {
            diagnostics = entry.Diagnostics;
            return true;
        }

        diagnostics = EquatableArray<DiagnosticInfo>.Empty;
        return false;
    }

    private sealed record Entry(WeakReference<SchemaFileInput> Input, EquatableArray<DiagnosticInfo> Diagnostics);
}
