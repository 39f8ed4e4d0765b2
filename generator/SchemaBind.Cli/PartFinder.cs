using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace SchemaBind.Cli;

/// <summary>
/// The part files of documents split over files, for the command line (a build lists them by folder, see
/// SchemaBind.Generator.targets): the existing *.json, *.yaml and *.yml files that a relative <c>$ref</c> of a
/// schema, or of a part found so far, names. Found by a scan of the text, which may find a file no $ref of the
/// parsed document reaches (it is then read but not used); the parser decides what each $ref means.
/// </summary>
internal static partial class PartFinder
{
    [GeneratedRegex("""["']?\$ref["']?\s*:\s*["']?(?<file>[^"'#\s,{}\[\]]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    public static IReadOnlyList<SchemaInput> Find(IReadOnlyList<SchemaInput> schemas)
    {
        var known = new HashSet<string>(schemas.Select(static s => Path.GetFullPath(s.Path)), StringComparer.Ordinal);
        var parts = new List<SchemaInput>();
        var pending = new Queue<SchemaInput>(schemas);
        while (pending.Count > 0)
        {
            SchemaInput file = pending.Dequeue();
            string directory = Path.GetDirectoryName(Path.GetFullPath(file.Path)) ?? string.Empty;
            foreach (Match match in Reference().Matches(file.Text))
            {
                string target = match.Groups["file"].Value;
                if (Uri.TryCreate(target, UriKind.Absolute, out Uri? absolute) && !absolute.IsFile)
                {
                    continue;
                }

                string path = Path.GetFullPath(Path.Combine(directory, Uri.UnescapeDataString(target)));
                string extension = Path.GetExtension(path).ToLowerInvariant();
                if (extension is ".json" or ".yaml" or ".yml" && known.Add(path) && File.Exists(path))
                {
                    // Reported like the schema's own path: absolute, or relative to the current folder.
                    string shown = Path.IsPathRooted(file.Path) ? path : Path.GetRelativePath(Environment.CurrentDirectory, path);
                    var part = new SchemaInput(shown, File.ReadAllText(path, Encoding.UTF8), Part: true);
                    parts.Add(part);
                    pending.Enqueue(part);
                }
            }
        }

        return parts;
    }
}
