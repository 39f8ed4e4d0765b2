namespace SchemaBind.Corpus.Tests;

/// <summary>What a listed file does today, instead of passing.</summary>
internal enum KnownStatus
{
    /// <summary>Refused as a whole with SB0001, SB0002 or SB0003 (YAML, OpenAPI 3.0, Swagger 2.0 today).</summary>
    Refused,

    /// <summary>Accepted, but the check fails: compiler errors or warnings, an unlocated or crash diagnostic.</summary>
    Broken,

    /// <summary>Kills the process (a stack overflow): never run in the test host, only as a schemabind process.</summary>
    Crash,

    /// <summary>Takes minutes: skipped unless SCHEMABIND_CORPUS_SLOW=1, and then it must pass like an unlisted file.</summary>
    Slow,
}

internal sealed record KnownEntry(string Path, KnownStatus Status, string Reason, int Line);

/// <summary>
/// A reviewed list of files that do not pass today, one a line: <c>path | status | reason</c>, where status is
/// refused, broken, crash or slow; <c>#</c> starts a comment. A test of a listed file fails when the file
/// now passes (so the list shrinks as support lands), and a test of an unlisted file fails when it does not.
/// </summary>
internal sealed class KnownList
{
    private readonly Dictionary<string, KnownEntry> _entries;

    private KnownList(string file, Dictionary<string, KnownEntry> entries)
    {
        File = file;
        _entries = entries;
    }

    public string File { get; }

    public IReadOnlyCollection<KnownEntry> Entries => _entries.Values;

    public KnownEntry? this[string path] => _entries.GetValueOrDefault(path);

    public static KnownList Load(string fileName)
    {
        string file = Path.Combine(Inputs.ProjectFolder, fileName);
        var entries = new Dictionary<string, KnownEntry>(StringComparer.Ordinal);
        string[] lines = System.IO.File.ReadAllLines(file);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] parts = line.Split('|', 3, StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || parts[2].Length == 0 || !Enum.TryParse(parts[1], ignoreCase: true, out KnownStatus status))
            {
                throw new FormatException($"{file}({i + 1}): expected 'path | refused|broken|crash|slow | reason', not '{line}'");
            }

            if (!entries.TryAdd(parts[0], new KnownEntry(parts[0], status, parts[2], i + 1)))
            {
                throw new FormatException($"{file}({i + 1}): '{parts[0]}' is listed twice");
            }
        }

        return new KnownList(file, entries);
    }
}
