using System.Collections.Concurrent;
using SchemaBind.Generator.Diagnostics;

namespace SchemaBind.Generator.Parsing;

/// <summary>
/// The diagnostics of the generator's parse of each schema file, kept for <see cref="Analyzers.SchemaFileAnalyzer"/>.
/// In a build the compiler runs the generator and then the analyzers in one process, on the same files, and the analyzer
/// would otherwise parse each document a second time: as long as the generator's own parse on a large document (1.6 s
/// of a build of ghes-3.19). The analyzer takes an entry only for an input equal to its own (path, text, options and
/// parts), and parses the file itself otherwise: in another process (the IDE may run them apart), after an edit, or for
/// a file whose <c>$ref</c>s reach other files (its diagnostics depend on theirs).
/// </summary>
/// <remarks>
/// An entry holds its input (the document's text) until the analyzer takes it or the next parse of the same path
/// replaces it: a weak reference is not enough, since the command-line compiler drops the generator's state, and with it
/// the input, before the analyzers run.
/// </remarks>
internal static class ParsedDiagnostics
{
    private static readonly ConcurrentDictionary<string, Entry> s_byPath = new(StringComparer.Ordinal);

    /// <summary>Keeps the diagnostics of a parse of <paramref name="input"/> made with the mistake checks.</summary>
    /// <param name="input">The parsed file.</param>
    /// <param name="result">Its result; not kept when the file refers to other files.</param>
    public static void Remember(SchemaFileInput input, ParseResult result)
    {
        if (!result.HasExternalReferences)
        {
            s_byPath[input.Path] = new Entry(input, result.Diagnostics);
        }
    }

    /// <summary>Takes the diagnostics of an earlier parse of an input equal to <paramref name="input"/>, if one is kept.</summary>
    /// <param name="input">The file the analyzer is about to parse.</param>
    /// <param name="diagnostics">Every diagnostic of that parse, those that stop generation included.</param>
    /// <returns>True when an equal input was parsed; the entry is then released.</returns>
    public static bool TryRecall(SchemaFileInput input, out EquatableArray<DiagnosticInfo> diagnostics)
    {
        if (s_byPath.TryGetValue(input.Path, out Entry? entry) && entry.Input.Equals(input))
        {
            // Released only if it is still this entry: a parse that replaced it meanwhile stays.
            ((ICollection<KeyValuePair<string, Entry>>)s_byPath).Remove(new KeyValuePair<string, Entry>(input.Path, entry));
            diagnostics = entry.Diagnostics;
            return true;
        }

        diagnostics = EquatableArray<DiagnosticInfo>.Empty;
        return false;
    }

    private sealed class Entry(SchemaFileInput input, EquatableArray<DiagnosticInfo> diagnostics)
    {
        public SchemaFileInput Input { get; } = input;

        public EquatableArray<DiagnosticInfo> Diagnostics { get; } = diagnostics;
    }
}
