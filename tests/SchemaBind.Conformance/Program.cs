using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaBind.Generator;
using SchemaBind.Runtime;

// Runs a folder in the JSON Schema Test Suite's format through SchemaBind's generated code and
// prints one line per file, then "N passed, N failed, N skipped".
string? suite = null;
string? remotes = null;
bool assertFormat = false;
string? errorsFile = null;
string? dialect = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--suite" when i + 1 < args.Length: suite = args[++i]; break;
        case "--remotes" when i + 1 < args.Length: remotes = args[++i]; break;
        case "--assert-format": assertFormat = true; break;
        case "--errors" when i + 1 < args.Length: errorsFile = args[++i]; break;
        case "--dialect" when i + 1 < args.Length: dialect = args[++i]; break;
        default:
            Console.Error.WriteLine("usage: SchemaBind.Conformance --suite <dir> [--remotes <dir>] [--assert-format] [--errors <file>] [--dialect <$schema uri>]");
            return 2;
    }
}

if (suite is null || !Directory.Exists(suite))
{
    Console.Error.WriteLine("usage: SchemaBind.Conformance --suite <dir> [--remotes <dir>] [--assert-format] [--errors <file>] [--dialect <$schema uri>]");
    return 2;
}

// --errors writes every test's reported errors (Validate) to a file, one line each, to compare two builds' output.
using StreamWriter? errorLog = errorsFile is null ? null : new StreamWriter(errorsFile);
// --dialect gives each test schema without a "$schema" that one: the suite's older draft folders write none.
var runner = new ConformanceRunner(remotes, errorLog, dialect);
int passed = 0, failed = 0, skipped = 0;
foreach (string file in Directory.EnumerateFiles(suite, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
{
    string relative = Path.GetRelativePath(suite, file).Replace('\\', '/');
    // Format is an assertion in optional/format (that is what those files test), else an annotation.
    bool formatOn = assertFormat || relative.StartsWith("optional/format/", StringComparison.Ordinal);
    errorLog?.WriteLine("# " + relative);
    FileResult result = runner.Run(file, formatOn);
    passed += result.Passed;
    failed += result.Failed;
    skipped += result.Skipped;
    Console.WriteLine($"{relative}: {result.Passed} passed, {result.Failed} failed, {result.Skipped} skipped");
    foreach (string failure in result.Failures)
    {
        Console.WriteLine("    FAIL " + failure);
    }
}

Console.WriteLine($"{passed} passed, {failed} failed, {skipped} skipped");
return 0;

internal sealed record FileResult(int Passed, int Failed, int Skipped, List<string> Failures);

internal sealed class ConformanceRunner(string? remotes, TextWriter? errorLog, string? dialect)
{
    private static readonly ImmutableArray<MetadataReference> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(static p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(JsonSchemaValidator).Assembly.Location)
            .Select(static p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

    public FileResult Run(string file, bool assertFormat)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
        JsonElement[] groups = document.RootElement.EnumerateArray().ToArray();
        var result = new FileResult(0, 0, 0, new List<string>());
        string[] schemas = groups.Select(g => WithDialect(g.GetProperty("schema"))).ToArray();
        Dictionary<int, Func<JsonSchemaOptions, JsonSchemaValidator>?> factories = Compile(schemas, out Dictionary<int, string> compileErrors);

        for (int g = 0; g < groups.Length; g++)
        {
            JsonElement group = groups[g];
            string description = group.GetProperty("description").GetString()!;
            JsonElement[] tests = group.GetProperty("tests").EnumerateArray().ToArray();
            JsonSchemaValidator? validator = null;
            string? problem = compileErrors.GetValueOrDefault(g);
            if (problem is null && factories.GetValueOrDefault(g) is { } create)
            {
                try
                {
                    validator = create(new JsonSchemaOptions { AssertFormat = assertFormat, DocumentResolver = Resolve });
                }
                catch (Exception ex) when (ex is InvalidOperationException or JsonException or TargetInvocationException)
                {
                    problem = "building the validator failed: " + (ex.InnerException ?? ex).Message;
                }
            }

            foreach (JsonElement test in tests)
            {
                string name = description + " / " + test.GetProperty("description").GetString();
                bool expected = test.GetProperty("valid").GetBoolean();
                if (validator is null)
                {
                    result = Fail(result, name, problem ?? "no validator was generated");
                    continue;
                }

                try
                {
                    bool actual = validator.IsValid(test.GetProperty("data"));
                    if (errorLog is not null)
                    {
                        // Every error, and whether the errors agree with the verdict (none exactly when valid).
                        IReadOnlyList<ValidationError> errors = validator.Validate(test.GetProperty("data"));
                        errorLog.WriteLine(name + (errors.Count == 0 == actual ? string.Empty : " — ERRORS DISAGREE WITH THE VERDICT"));
                        foreach (ValidationError error in errors)
                        {
                            errorLog.WriteLine("    " + error.InstanceLocation + " [" + error.Keyword + "] " + error.Message);
                        }
                    }

                    if (actual == expected)
                    {
                        result = result with { Passed = result.Passed + 1 };
                    }
                    else
                    {
                        result = Fail(result, name, expected ? "valid, but reported invalid" : "invalid, but reported valid");
                    }
                }
                catch (Exception ex) when (ex is InvalidOperationException or JsonException or ArgumentException)
                {
                    result = Fail(result, name, ex.GetType().Name + ": " + ex.Message);
                }
            }
        }

        return result;
    }

    /// <summary>The schema's text, with the runner's dialect as its "$schema" when it names none.</summary>
    private string WithDialect(JsonElement schema)
    {
        if (dialect is null || schema.ValueKind != JsonValueKind.Object || schema.TryGetProperty("$schema", out _))
        {
            return schema.GetRawText();
        }

        var node = System.Text.Json.Nodes.JsonObject.Create(schema)!;
        var result = new System.Text.Json.Nodes.JsonObject { ["$schema"] = dialect };
        foreach (var member in node.ToList())
        {
            node.Remove(member.Key);
            result[member.Key] = member.Value;
        }

        return result.ToJsonString();
    }

    private static FileResult Fail(FileResult result, string name, string reason)
    {
        result.Failures.Add(name + " — " + reason);
        return result with { Failed = result.Failed + 1 };
    }

    /// <summary>Maps http://localhost:1234/ to the remotes folder, as the suite asks.</summary>
    private JsonElement? Resolve(Uri uri)
    {
        if (remotes is null || uri.Host != "localhost" || uri.Port != 1234)
        {
            return null;
        }

        string path = Path.Combine(remotes, uri.AbsolutePath.TrimStart('/'));
        return File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone() : null;
    }

    /// <summary>
    /// Generates code for every group's schema in one compilation (one namespace per group), compiles
    /// it and returns, per group, the generated document class's Create method. A group whose code does
    /// not compile is retried alone, so one bad group does not fail the file.
    /// </summary>
    private static Dictionary<int, Func<JsonSchemaOptions, JsonSchemaValidator>?> Compile(string[] groups, out Dictionary<int, string> errors)
    {
        errors = new Dictionary<int, string>();
        int[] all = Enumerable.Range(0, groups.Length).ToArray();
        var factories = TryCompile(groups, all, out string? error);
        if (factories is not null)
        {
            return factories;
        }

        factories = new Dictionary<int, Func<JsonSchemaOptions, JsonSchemaValidator>?>();
        foreach (int g in all)
        {
            var single = TryCompile(groups, new[] { g }, out string? groupError);
            if (single is null)
            {
                errors[g] = "generated code does not compile: " + groupError;
            }
            else
            {
                factories[g] = single[g];
            }
        }

        return factories;
    }

    private static Dictionary<int, Func<JsonSchemaOptions, JsonSchemaValidator>?>? TryCompile(string[] groups, int[] indexes, out string? error)
    {
        var texts = indexes.Select(g => (AdditionalText)new Text("/suite/group" + g + ".json", groups[g])).ToArray();
        var options = new Options(indexes.ToDictionary(g => "/suite/group" + g + ".json", g => "Conformance.G" + g));
        var compilation = CSharpCompilation.Create(
            "Conformance" + Guid.NewGuid().ToString("N"),
            Array.Empty<SyntaxTree>(),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SchemaBindGenerator().AsSourceGenerator() },
            texts,
            new CSharpParseOptions(LanguageVersion.CSharp12),
            options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        if (!emit.Success)
        {
            error = emit.Diagnostics.First(static d => d.Severity == DiagnosticSeverity.Error).ToString();
            return null;
        }

        error = null;
        stream.Position = 0;
        Assembly assembly = new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(stream);
        var factories = new Dictionary<int, Func<JsonSchemaOptions, JsonSchemaValidator>?>();
        foreach (int g in indexes)
        {
            MethodInfo? create = assembly.GetType("Conformance.G" + g + ".Group" + g + "JsonSchema")?.GetMethod("Create");
            factories[g] = create is null ? null : o => (JsonSchemaValidator)create.Invoke(null, new object[] { o })!;
        }

        return factories;
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(Dictionary<string, string> namespaces) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.SchemaBindApi"] = "true",
            ["build_metadata.AdditionalFiles.SchemaBindKind"] = "JsonSchema",
            ["build_metadata.AdditionalFiles.SchemaBindNamespace"] = namespaces[textFile.Path],
        });
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
