using System;
using System.Collections.Generic;

namespace SchemaBind.Cli;

/// <summary>What the user asked for, once the command line has been read.</summary>
internal sealed record CommandLine(
    string Command,
    IReadOnlyList<string> Schemas,
    string? OutputDirectory,
    string? Namespace,
    string? ClientName,
    string? Kind,
    string? RootNamespace,
    string? NumberType = null)
{
    /// <summary>
    /// The operation filters, by the item metadata name each option stands for (<c>--include-tags</c>: <c>IncludeTags</c>);
    /// an option given twice adds its entries to the first.
    /// </summary>
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();

    /// <summary>none, tag or path: the client's operations grouped into sub-clients (the item's GroupBy).</summary>
    public string? GroupBy { get; init; }

    /// <summary>used or all: the component schemas the generated operations reach, or every one (the item's Schemas).</summary>
    public string? SchemaSelection { get; init; }

    /// <summary><c>--timings</c>: print where the time went (read, generate, analyze, compile, write) after the result.</summary>
    public bool Timings { get; init; }

    private static readonly Dictionary<string, string> s_filterOptions = new(StringComparer.Ordinal)
    {
        ["--include-tags"] = "IncludeTags",
        ["--exclude-tags"] = "ExcludeTags",
        ["--include-paths"] = "IncludePaths",
        ["--exclude-paths"] = "ExcludePaths",
        ["--include-operations"] = "IncludeOperations",
        ["--exclude-operations"] = "ExcludeOperations",
    };

    public const string Usage = """
        Usage:
          schemabind generate <schema> -o <dir> [--namespace N] [--client-name C] [--kind openapi|jsonschema] [--number-type double|decimal] [--root-namespace R] [filters]
          schemabind check <schema>... [--namespace N] [--client-name C] [--kind openapi|jsonschema] [--number-type double|decimal] [--root-namespace R] [filters]
          (either command) --timings    print where the time went: read, generate, analyze, compile, write

        On a terminal, a long run shows its phase on standard error; redirected, it stays quiet.

        generate  writes the C# that the SchemaBind generator makes from the schema into <dir>.
        check     generates, compiles the result in memory against SchemaBind.Runtime and prints every
                  diagnostic as file(line,col): severity ID: message.

        Options (the metadata of a <SchemaBindApi> item in a project):
          -o, --output <dir>      where `generate` writes the files (created if missing)
          --namespace <N>         namespace of the generated code (default: <root namespace>.<FileName>)
          --client-name <C>       name of the client class (default: info.title + "Client")
          --kind <K>              read the file as openapi or jsonschema (default: detected)
          --number-type <T>       double or decimal: the C# type of `type: number` (default: double)
          --root-namespace <R>    the project's root namespace used by the default (default: Generated)

        Filters (an OpenAPI document's operations to generate; entries separated by , or ;):
          --include-tags <T,...>        operations with one of these tags (* matches any text)
          --exclude-tags <T,...>        leave out operations with one of these tags
          --include-paths <P,...>       operations under these paths: /repos (whole segments) or a glob /repos/*/*/issues/**
          --exclude-paths <P,...>       leave out operations under these paths
          --include-operations <O,...>  operations with these operationIds (any case; * matches any text)
          --exclude-operations <O,...>  leave out operations with these operationIds
          --schemas <S>                 used (default): only the component schemas the generated operations reach;
                                        all: every component schema (filters then only choose operations)
          --group-by <G>                none (default), tag or path: operations also as sub-clients, client.Issues.GetAsync(...)

        Exit codes: 0 no error, 1 at least one error, 2 bad usage.
        """;

    /// <summary>Reads <paramref name="args"/>; returns null and sets <paramref name="error"/> when they are not valid.</summary>
    public static CommandLine? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        if (args.Count == 0)
        {
            error = "No command given.";
            return null;
        }

        string command = args[0];
        if (command is "-h" or "--help" or "help")
        {
            return new CommandLine("help", Array.Empty<string>(), null, null, null, null, null);
        }

        if (command is "--version")
        {
            return new CommandLine("version", Array.Empty<string>(), null, null, null, null, null);
        }

        if (command is not ("generate" or "check"))
        {
            error = $"Unknown command '{command}'.";
            return null;
        }

        var schemas = new List<string>();
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        string? groupBy = null, schemaSelection = null;
        bool timings = false;
        string? output = null, @namespace = null, clientName = null, kind = null, rootNamespace = null, numberType = null;
        for (int i = 1; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg is "-h" or "--help")
            {
                return new CommandLine("help", Array.Empty<string>(), null, null, null, null, null);
            }

            if (!arg.StartsWith('-') || arg == "-")
            {
                schemas.Add(arg);
                continue;
            }

            if (arg == "--timings")
            {
                timings = true;
                continue;
            }

            // --name value and --name=value are both accepted.
            string name = arg, value;
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                error = $"Option '{arg}' needs a value.";
                return null;
            }

            if (value.Length == 0)
            {
                error = $"Option '{name}' needs a non-empty value.";
                return null;
            }

            switch (name)
            {
                case "-o" or "--output" when command == "generate": output = value; break;
                case "--namespace": @namespace = value; break;
                case "--client-name": clientName = value; break;
                case "--root-namespace": rootNamespace = value; break;
                case "--group-by":
                    if (value.ToLowerInvariant() is not ("none" or "tag" or "path"))
                    {
                        error = $"--group-by must be none, tag or path, not '{value}'.";
                        return null;
                    }

                    groupBy = value;
                    break;
                case "--schemas":
                    if (value.ToLowerInvariant() is not ("used" or "all"))
                    {
                        error = $"--schemas must be used or all, not '{value}'.";
                        return null;
                    }

                    schemaSelection = value;
                    break;
                case var filter when s_filterOptions.TryGetValue(filter, out string? metadata):
                    filters[metadata] = filters.TryGetValue(metadata, out string? earlier) ? earlier + "," + value : value;
                    break;
                case "--kind":
                    if (value.ToLowerInvariant() is not ("openapi" or "jsonschema"))
                    {
                        error = $"--kind must be openapi or jsonschema, not '{value}'.";
                        return null;
                    }

                    kind = value;
                    break;
                case "--number-type":
                    if (value.ToLowerInvariant() is not ("double" or "decimal"))
                    {
                        error = $"--number-type must be double or decimal, not '{value}'.";
                        return null;
                    }

                    numberType = value;
                    break;
                default:
                    error = $"Unknown option '{name}' for '{command}'.";
                    return null;
            }
        }

        if (schemas.Count == 0)
        {
            error = $"'{command}' needs a schema file.";
            return null;
        }

        if (command == "generate" && schemas.Count != 1)
        {
            error = "'generate' takes exactly one schema file.";
            return null;
        }

        if (command == "generate" && output is null)
        {
            error = "'generate' needs an output directory (-o <dir>).";
            return null;
        }

        if (schemas.Count > 1 && (@namespace is not null || clientName is not null))
        {
            error = "--namespace and --client-name apply to one schema file; give them one file at a time.";
            return null;
        }

        return new CommandLine(command, schemas, output, @namespace, clientName, kind, rootNamespace, numberType) { Filters = filters, GroupBy = groupBy, SchemaSelection = schemaSelection, Timings = timings };
    }
}
