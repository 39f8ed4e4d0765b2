using System.Diagnostics;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SchemaBind.Benchmarks.Generator;
using SchemaBind.Generator.Emitting;
using SchemaBind.Generator.Model;
using SchemaBind.Generator.Parsing;
using SchemaBind.Generator.Reading;
using SchemaBind.Generator.Text;

// `check`: runs each document once through both generators and fails on any generator diagnostic, so a
// benchmark never measures a document that SchemaBind (or NSwag) rejects. Anything else: BenchmarkDotNet.
if (args.Length > 0 && args[0] == "check")
{
    int failures = 0;
    foreach (string name in Specs.Names)
    {
        string text = Specs.Load(name);
        var stopwatch = Stopwatch.StartNew();
        GeneratorDriver driver = Project.Driver(Project.Schema(text)).RunGenerators(Project.Compilation());
        double firstMs = stopwatch.Elapsed.TotalMilliseconds;
        GeneratorDriverRunResult result = driver.GetRunResult();
        var sources = result.Results.SelectMany(static r => r.GeneratedSources).ToList();
        var diagnostics = result.Diagnostics.Where(static d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        long generatedChars = sources.Sum(static s => (long)s.SourceText.Length);
        Console.WriteLine($"{name,-8} {Specs.Operations(name),5} operations  {text.Length / 1024.0,8:F0} KiB in  {sources.Count,5} files  {generatedChars / 1024.0,8:F0} KiB out  first run {firstMs,7:F0} ms  {diagnostics.Count} diagnostics");
        foreach (Diagnostic diagnostic in diagnostics.Take(5))
        {
            Console.WriteLine("    " + diagnostic);
        }

        failures += diagnostics.Count;
        if (Specs.IsYaml(name))
        {
            // The YAML form generates what its JSON form does, file for file.
            string json = Specs.Load(name[..^"-yaml".Length]);
            List<GeneratedSourceResult> expected = Project.GeneratedSources(json);
            bool same = expected.Count == sources.Count && expected.Zip(sources).All(static p => p.First.HintName == p.Second.HintName && p.First.SourceText.ToString() == p.Second.SourceText.ToString());
            Console.WriteLine(same ? "         the same files as the JSON form" : "         NOT the same files as the JSON form");
            failures += same ? 0 : 1;
            continue;
        }

        try
        {
            stopwatch.Restart();
            string nswag = await NSwagBenchmarks.GenerateWithNSwag(Specs.LoadForNSwag(name)).ConfigureAwait(false);
            Console.WriteLine($"         NSwag: {nswag.Length / 1024.0:F0} KiB out, first run {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Console.WriteLine("         NSwag failed: " + ex.GetType().Name + ": " + ex.Message);
            failures++;
        }
    }

    return failures == 0 ? 0 : 1;
}

// `write <dir>`: the documents as files, for tools that run as their own process (kiota.sh).
if (args.Length > 1 && args[0] == "write")
{
    foreach (string name in Specs.Names)
    {
        File.WriteAllText(Path.Combine(args[1], Specs.IsYaml(name) ? name[..^"-yaml".Length] + ".yaml" : name + ".json"), Specs.Load(name));
    }

    return 0;
}

// `dump <dir>`: every generated file of every document, to compare the output before and after a change (diff -r).
if (args.Length > 1 && args[0] == "dump")
{
    foreach (string name in Specs.Names)
    {
        string directory = Path.Combine(args[1], name);
        Directory.CreateDirectory(directory);
        foreach (GeneratedSourceResult source in Project.GeneratedSources(Specs.Load(name)))
        {
            File.WriteAllText(Path.Combine(directory, source.HintName), source.SourceText.ToString());
        }
    }

    return 0;
}

// `once <document>...`: one cold run of the model parse and of the emit of each document, timed apart (a pathological
// document such as enum50000 or allofchain100 takes too long for `phases` when it goes wrong), with the output's size,
// and the JIT's share: the time the runtime spent compiling methods meanwhile (on every thread) and how many.
if (args.Length > 1 && args[0] == "once")
{
    foreach (string name in args.Skip(1))
    {
        string text = Specs.Load(name);
        var input = new SchemaFileInput(Project.SchemaPath, text, "UserProject.Api", "ApiClient");
        TimeSpan jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        long methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var stopwatch = Stopwatch.StartNew();
        ParseResult parsed = DocumentParser.Parse(input, default);
        double parseMs = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        long chars = 0;
        if (parsed.Api is ApiSpec api)
        {
            foreach (TypeSpec type in api.Types)
            {
                chars += TypeEmitter.Emit(api.Namespace, new EquatableArray<TypeSpec>(new[] { type }), api.Document.ClassName).Length;
            }

            chars += TypeEmitter.EmitSchemaDocument(api.Namespace, api.Document).Length;
        }

        double emitMs = stopwatch.Elapsed.TotalMilliseconds;
        double jitMs = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds;
        long methods = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;
        Console.WriteLine($"{name,-16} {text.Length / 1024.0,8:F0} KiB in  model {parseMs,9:F1} ms  emit {emitMs,9:F1} ms  (JIT {jitMs,6:F1} ms, {methods,5} methods)  {chars / 1024.0,8:F0} KiB out  {parsed.Api?.Types.Count ?? 0,6} types  {parsed.Diagnostics.Count} diagnostics {string.Join(",", parsed.Diagnostics.Select(static d => d.Id).Distinct())}");
    }

    return 0;
}

// `operations <dir>`: the IOperation nodes of the member bodies in a directory of generated .cs files (CountOperations).
if (args.Length > 1 && args[0] == "operations" && Directory.Exists(args[1]))
{
    return CountOperations.Run(args[1]);
}

// The values of an option that may repeat (`--ref A.dll --ref B.dll`), in order.
List<string> OptionValues(string name) => args.Select((a, i) => (a, i)).Where(p => p.a == name && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToList();

// `analyzers <dir> [runs] [--analyzer DLL]... [--only ID]... [--ref DLL]... [--concurrent]`: the analyzers' time on a directory of .cs files (AnalyzeDirectory).
if (args.Length > 1 && args[0] == "analyzers")
{
    int runs = args.Length > 2 && int.TryParse(args[2], System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 1;
    return AnalyzeDirectory.Run(args[1], runs, OptionValues("--analyzer"), OptionValues("--only"), OptionValues("--ref"), concurrent: args.Contains("--concurrent"));
}

// `compile <dir> [runs] [--per-file] [--ref DLL]... [--define SYMBOL]... [--docs MODE] [--nowarn ID]... [--serial] [--no-bodies] [--warm-up]`: the compiler's phases over a directory of .cs files (CompileDirectory).
if (args.Length > 1 && args[0] == "compile" && Directory.Exists(args[1]))
{
    int runs = args.Length > 2 && int.TryParse(args[2], System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 2;
    return CompileDirectory.Run(args[1], runs, perFile: args.Contains("--per-file"), OptionValues("--ref"), OptionValues("--define"),
        OptionValues("--docs") is [string docs] ? Enum.Parse<Microsoft.CodeAnalysis.DocumentationMode>(docs, ignoreCase: true) : null, OptionValues("--nowarn"),
        serial: args.Contains("--serial"), bodies: !args.Contains("--no-bodies"), warmUp: args.Contains("--warm-up"));
}

// `compile <document>...`: the generator's run and then the C# compiler's binding of its output, timed apart, with the
// slowest generated files to bind alone: whether a document's output makes the compiler slow, not the generator.
if (args.Length > 1 && args[0] == "compile")
{
    foreach (string name in args.Skip(1))
    {
        // Every framework assembly and the runtime package (built next to the CLI), as a real project has them.
        string runtime = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(Specs.BuddyPath)!, "..", "..", "runtime", "SchemaBind.Runtime", "bin"), "SchemaBind.Runtime.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
        Compilation compilation = Project.Compilation().WithReferences(
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(static p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
                .Append(runtime)
                .Select(static p => (MetadataReference)MetadataReference.CreateFromFile(p)));
        var stopwatch = Stopwatch.StartNew();
        Compilation output;
        if (File.Exists(name))
        {
            // A C# file instead of a document: how long the compiler takes over it alone.
            output = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(File.ReadAllText(name), Project.ParseOptions, name));
        }
        else
        {
            Project.Driver(Project.Schema(Specs.Load(name))).RunGeneratorsAndUpdateCompilation(compilation, out output, out _);
        }

        double generateMs = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        var errors = output.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        double compileMs = stopwatch.Elapsed.TotalMilliseconds;
        Console.WriteLine($"{name,-16} generator {generateMs,9:F0} ms  compiler {compileMs,9:F0} ms  {errors.Count} errors {errors.FirstOrDefault()}");
        if (Environment.GetEnvironmentVariable("SCHEMABIND_BENCH_DUMP") is { Length: > 0 } dump)
        {
            foreach (SyntaxTree tree in output.SyntaxTrees.Where(static t => t.FilePath.Length > 0))
            {
                File.WriteAllText(Path.Combine(dump, Path.GetFileName(tree.FilePath)), tree.ToString());
            }
        }

        foreach (SyntaxTree tree in output.SyntaxTrees.Where(static t => t.Length > 0))
        {
            stopwatch.Restart();
            output.GetSemanticModel(tree).GetDiagnostics();
            Console.WriteLine($"    {Path.GetFileName(tree.FilePath),-40} {stopwatch.Elapsed.TotalMilliseconds,9:F0} ms");
        }
    }

    return 0;
}

// `phases <document> <runs> [phase]`: the best tenth of back-to-back runs of each phase alone, and what one run of it
// allocates, to see where a change goes: the whole driver; the JSON parse, without and with the minified copy; the model
// parse (JSON included; with the mistake checks, SB0011–SB0015, as the generator parses since the analyzer takes its diagnostics), and without them (`model-lean`); the rewrite of an older dialect's tree (OpenAPI 3.0, Swagger 2.0) into 3.1; the emit of every file, without the embedded document, and without any property (what a type
// costs on its own); and `manual`, parse then emit without Roslyn's driver (the driver's own share is the difference).
// The emit phases reuse one model: only `driver` and `manual` pay for a fresh model's memory as a real run does.
if (args.Length > 2 && args[0] == "phases")
{
    string text = Specs.Load(args[1]);
    int runs = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
    var input = new SchemaFileInput(Project.PathOf(text), text, "UserProject.Api", "ApiClient");
    ApiSpec api = DocumentParser.Parse(input, default).Api!;
    ApiSpec noProps = api with { Types = api.Types.Select(static t => t is ObjectSpec o ? o with { Properties = EquatableArray<PropertySpec>.Empty, Rules = EquatableArray<RuleSpec>.Empty } : t).ToEquatableArray() };
    Compilation compilation = Project.Compilation();
    AdditionalText schema = Project.Schema(text);

    // The JSON document's tree, read once, for the phases that start from it (an older dialect's rewrite).
    var tree = new Lazy<JsonObject>(() => (JsonObject)JsonTextParser.Parse(text));
    (string Name, Action Run)[] phases =
    {
        ("driver", () => Project.Driver(schema).RunGenerators(compilation)),
        ("json", () => JsonTextParser.Parse(text)),
        ("yaml", () => JsonTreeWriter.Write(YamlTextReader.Read(text, new List<YamlNotice>(), default), new MinifiedJson(), default)),
        ("yaml-tree", () => YamlTextReader.Read(text, new List<YamlNotice>(), default)),
        ("yaml-events", () =>
        {
            // YamlDotNet's parser alone: what reading YAML costs before a node is made.
            var parser = new YamlDotNet.Core.Parser(new StringReader(text));
            while (parser.MoveNext())
            {
            }
        }),
        ("yaml-tokens", () =>
        {
            // YamlDotNet's scanner alone: the tokens the parser's events are made of.
            var scanner = new YamlDotNet.Core.Scanner(new StringReader(text));
            while (scanner.MoveNext())
            {
            }
        }),
        ("json-min", () => JsonTextParser.Parse(text, new MinifiedJson(), default)),
        ("upgrade", () => SchemaBind.Generator.Dialects.DocumentUpgrader.Upgrade(tree.Value, text, jsonSchema: false, static (_, _, _, _) => { }, default)),
        ("model", () => DocumentParser.Parse(input, default)),
        ("model-lean", () => DocumentParser.Parse(input, default, reportMistakes: false)),
        ("emit", () => EmitAll(api, document: true)),
        ("emit-types", () => EmitAll(api, document: false)),
        ("emit-noprops", () => EmitAll(noProps, document: false)),
        ("manual", () => EmitAll(DocumentParser.Parse(input, default).Api!, document: true)),
    };
    foreach ((string name, Action run) in phases)
    {
        // The text's own reader only: "json" and "json-min" for JSON, "yaml" (the tree, then written as JSON) for YAML.
        if ((args.Length > 3 && args[3] != name) || (Specs.IsYaml(args[1]) ? name.StartsWith("json", StringComparison.Ordinal) || name == "upgrade" : name.StartsWith("yaml", StringComparison.Ordinal)))
        {
            continue;
        }

        for (int i = 0; i < Math.Max(3, runs / 10); i++)
        {
            run(); // warm-up: JIT and tiering
        }

        double best = double.MaxValue;
        int batch = Math.Max(1, runs / 10);

        // CPU time of the process (GC threads included) a run: steadier than the clock on a busy machine.
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (int b = 0; b < 10; b++)
        {
            var stopwatch = Stopwatch.StartNew();
            for (int i = 0; i < batch; i++)
            {
                run();
            }

            best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds / batch);
        }

        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / (batch * 10);
        long before = GC.GetAllocatedBytesForCurrentThread();
        run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"{args[1]} {name,-11} best tenth {best,8:F3} ms, CPU {cpu,8:F3} ms, {allocated / 1024.0,9:F1} KB allocated a run");
    }

    return 0;

    static void EmitAll(ApiSpec api, bool document)
    {
        foreach (TypeSpec type in api.Types)
        {
            TypeEmitter.Emit(api.Namespace, new EquatableArray<TypeSpec>(new[] { type }), api.Document.ClassName);
        }

        if (api.Client is not null)
        {
            ClientEmitter.Emit(api.Namespace, api.Client);
        }

        if (document)
        {
            TypeEmitter.EmitSchemaDocument(api.Namespace, api.Document);
        }
    }
}

// `typeallocs <document>`: for each generated type, what its emit allocates beyond its own text (bytes of output).
if (args.Length > 1 && args[0] == "typeallocs")
{
    string text = Specs.Load(args[1]);
    var input = new SchemaFileInput(Project.SchemaPath, text, "UserProject.Api", "ApiClient");
    ApiSpec api = DocumentParser.Parse(input, default).Api!;
    var rows = new List<(string Name, long Allocated, int Chars, int Properties)>();
    for (int pass = 0; pass < 200; pass++)
    {
        rows.Clear();
        foreach (TypeSpec type in api.Types)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Microsoft.CodeAnalysis.Text.SourceText source = TypeEmitter.Emit(api.Namespace, new EquatableArray<TypeSpec>(new[] { type }), api.Document.ClassName);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            rows.Add((type.Name, allocated, source.Length, type is ObjectSpec o ? o.Properties.Count : 0));
        }
    }

    foreach (var row in rows.OrderByDescending(static r => r.Allocated - r.Chars))
    {
        Console.WriteLine($"{row.Name,-40} {row.Properties,4} props {row.Chars,8} chars {row.Allocated,9} bytes allocated, {row.Allocated - row.Chars,8} beyond the text");
    }

    Console.WriteLine($"total: {rows.Sum(static r => r.Chars)} chars, {rows.Sum(static r => r.Allocated)} allocated, {rows.Sum(static r => r.Allocated - r.Chars)} beyond");
    return 0;
}

// `allocs <document> model|json|emit|client [runs]`: what a phase allocates a run, by type, from the runtime's allocation
// sampling (an event about every 100 KB, so types under a few KB a run are not seen).
if (args.Length > 2 && args[0] == "allocs")
{
    string text = Specs.Load(args[1]);
    var input = new SchemaFileInput(Project.SchemaPath, text, "UserProject.Api", "ApiClient");
    ApiSpec api = DocumentParser.Parse(input, default).Api!;
    Action run = args[2] switch
    {
        "model" => () => DocumentParser.Parse(input, default),
        "json" => () => JsonTextParser.Parse(text),
        "client" => () => ClientEmitter.Emit(api.Namespace, api.Client!),
        _ => () =>
        {
            foreach (TypeSpec type in api.Types)
            {
                TypeEmitter.Emit(api.Namespace, new EquatableArray<TypeSpec>(new[] { type }), api.Document.ClassName);
            }
        },
    };
    int runs = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2000;
    for (int i = 0; i < 5; i++)
    {
        run();
    }

    var listener = new AllocationListener();
    for (int i = 0; i < runs; i++)
    {
        run();
    }

    listener.Dispose();
    // The 30 largest, and every large-object type (each counts toward a full collection's budget).
    foreach (KeyValuePair<string, long> type in listener.BytesByType.OrderByDescending(static p => p.Value).Where(static (p, i) => i < 30 || p.Key.StartsWith("(large)", StringComparison.Ordinal)))
    {
        Console.WriteLine($"{type.Value / (double)runs / 1024,10:F1} KB a run  {type.Key}");
    }

    return 0;
}

// `edit <document> <runs> [text] [--steps]`: the one-schema edit as an IDE has it: a driver that ran on the document runs again
// after one description changed (every `"text` gets a revision number in front; without it, the
// document's own edit, Specs.LoadEdited). Each run edits again (a new revision), so that every run has work to do.
// Prints the time and CPU a re-run (best tenth, mean), what it allocates, and which steps re-ran and which outputs changed.
if (args.Length > 2 && args[0] == "edit")
{
    string text = Specs.Load(args[1]);
    int runs = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
    string? edited = args.Length > 3 && !args[3].StartsWith("--", StringComparison.Ordinal) ? args[3] : null; // not --steps
    string Edited(int revision) => edited is not null
        ? text.Replace("\"" + edited, "\"(revision " + revision.ToString(System.Globalization.CultureInfo.InvariantCulture) + ") " + edited, StringComparison.Ordinal) is var e && e != text ? e : throw new InvalidOperationException("The edit changed nothing.")
        : revision % 2 == 1 ? Specs.LoadEdited(args[1]) : text;
    Compilation compilation = Project.Compilation();
    AdditionalText current = Project.Schema(text);
    GeneratorDriver driver = Project.Driver(current, trackSteps: args.Contains("--steps")).RunGenerators(compilation);
    AdditionalText[] edits = Enumerable.Range(1, runs + 3).Select(r => Project.Schema(Edited(r))).ToArray();
    double best = double.MaxValue;
    double total = 0;
    long allocated = 0;
    TimeSpan cpu = TimeSpan.Zero;
    for (int i = 0; i < edits.Length; i++)
    {
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        driver = driver.ReplaceAdditionalText(current, edits[i]).RunGenerators(compilation);
        double ms = stopwatch.Elapsed.TotalMilliseconds;
        current = edits[i];
        if (i < 3)
        {
            continue; // warm-up: JIT and tiering
        }

        allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
        cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        best = Math.Min(best, ms);
        total += ms;
    }

    Console.WriteLine($"{args[1]} one-description edit, {runs} re-runs: best {best:F1} ms, mean {total / runs:F1} ms, CPU {cpu.TotalMilliseconds / runs:F1} ms, {allocated / (double)runs / (1024 * 1024):F1} MB allocated a re-run");
    if (args.Contains("--steps"))
    {
        GeneratorRunResult last = driver.GetRunResult().Results[0];
        foreach (KeyValuePair<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>> step in last.TrackedSteps)
        {
            var reasons = step.Value.SelectMany(static s => s.Outputs).GroupBy(static o => o.Reason).Select(static g => g.Key + " " + g.Count());
            Console.WriteLine($"    step {step.Key,-12} {string.Join(", ", reasons)}");
        }

        var outputs = last.TrackedOutputSteps.SelectMany(static p => p.Value).SelectMany(static s => s.Outputs).GroupBy(static o => o.Reason).Select(static g => g.Key + " " + g.Count());
        Console.WriteLine($"    outputs: {string.Join(", ", outputs)}");
    }

    return 0;
}

// `unrelated <document> <runs>`: an incremental build after an unrelated C# edit: a driver that ran on the document runs
// again on a compilation with one more syntax tree (a new one each run). Prints the best and mean time a re-run.
if (args.Length > 2 && args[0] == "unrelated")
{
    string text = Specs.Load(args[1]);
    int runs = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
    Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation = Project.Compilation();
    GeneratorDriver driver = Project.Driver(Project.Schema(text)).RunGenerators(compilation);
    double best = double.MaxValue;
    double total = 0;
    for (int i = 0; i < runs + 3; i++)
    {
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation edited = Project.WithUnrelatedEdit(compilation, i + 1);
        var stopwatch = Stopwatch.StartNew();
        driver = driver.RunGenerators(edited);
        double ms = stopwatch.Elapsed.TotalMilliseconds;
        if (i >= 3)
        {
            best = Math.Min(best, ms);
            total += ms;
        }
    }

    Console.WriteLine($"{args[1]} unrelated C# edit, {runs} re-runs: best {best * 1000:F1} µs, mean {total / runs * 1000:F1} µs a re-run");
    return 0;
}
// `retained DOC`: what a driver that ran on the document keeps alive between runs, as the IDE keeps it between edits:
// the managed heap after a full collection with the driver held, against the same without it (the compilation and the
// schema file, its text decoded from bytes as a file's is, held in both), the schema analyzer run after each driver run
// as in a build. The generated text is part of what the driver keeps.
if (args.Length > 1 && args[0] == "retained")
{
    string text = Specs.Load(args[1]);
    CSharpCompilation compilation = Project.Compilation();
    AdditionalText schema = Project.SchemaFromBytes(text); // held in both figures, as the IDE holds the file's text
    RunAndMeasure(schema, compilation); // warm-up: JIT and the runtime's own caches
    Project.RunSchemaAnalyzer(compilation, schema);
    long before = RetainedHeap.Measure();
    (long with, long generated) = RunAndMeasure(schema, compilation);
    long after = RetainedHeap.Measure();
    Console.WriteLine($"{args[1]}: a driver that ran keeps {(with - before) / (1024.0 * 1024):F1} MB alive ({generated / (1024.0 * 1024):F1} M chars generated); {(with - after) / (1024.0 * 1024):F1} MB freed when it is dropped");
    GC.KeepAlive(schema);
    GC.KeepAlive(compilation);
    return 0;

    // In a method of its own, so that nothing of the driver is still reported alive by the caller's frame afterwards.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static (long Heap, long GeneratedChars) RunAndMeasure(AdditionalText schema, Compilation compilation)
    {
        GeneratorDriver driver = Project.Driver(schema).RunGenerators(compilation);
        long generated = driver.GetRunResult().Results.Sum(static r => r.GeneratedSources.Sum(static s => (long)s.SourceText.Length));
        Project.RunSchemaAnalyzer(compilation, schema); // takes what the generator's parse left for it
        long heap = RetainedHeap.Measure();
        GC.KeepAlive(driver);
        return (heap, generated);
    }
}

// `parse DOC [rounds]`: the generator's trees parsed one after another as a build's compiler parses them (documentation
// comments as structured trivia; the compiler parses generated trees lazily, on one thread), from the generator's own
// packed SourceText and from the same text as a string, alternately: what the packed text costs the compiler's parse.
if (args.Length > 1 && args[0] == "parse")
{
    CSharpParseOptions options = Project.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
    List<SourceText> packed = Project.GeneratedSources(Specs.Load(args[1])).Select(static s => s.SourceText).ToList();
    List<SourceText> strings = packed.Select(static t => SourceText.From(t.ToString(), System.Text.Encoding.UTF8)).ToList();
    int rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
    for (int round = 0; round < rounds; round++)
    {
        foreach ((string name, List<SourceText> texts) in new[] { ("packed", packed), ("string", strings) })
        {
            var clock = Stopwatch.StartNew();
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long chars = 0;
            foreach (SourceText text in texts)
            {
                chars += CSharpSyntaxTree.ParseText(text, options).GetRoot().FullSpan.Length;
            }

            Console.WriteLine($"round {round}: {name,-6} {clock.Elapsed.TotalMilliseconds,6:F0} ms, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds,6:F0} ms CPU, {chars} chars");
        }
    }

    return 0;
}

// `loop <document> <runs> [host]`: cold runs back to back after 3 warm-up runs, for a profiler (dotnet-trace collect -- dotnet ... loop ops1000 50).
// With `host`, the process holds an earlier run of the document throughout, as NSwagBenchmarks' HostHeap does.
if (args.Length > 2 && args[0] == "loop")
{
    string text = Specs.Load(args[1]);
    Compilation compilation = Project.Compilation();
    int runs = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
    long generatedChars = 0;
    for (int i = 0; i < 3; i++)
    {
        // Warm-up (JIT, tiering), not counted.
        Project.Driver(Project.Schema(text)).RunGenerators(compilation);
    }

    using var promotion = new PromotionListener();
    long allocated = GC.GetTotalAllocatedBytes(precise: true);
    int collections = GC.CollectionCount(0);
    int collections1 = GC.CollectionCount(1);
    int collections2 = GC.CollectionCount(2);
    TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
    AdditionalText schema = Project.Schema(text);
    GeneratorDriver? host = args.Length > 3 && args[3] == "host" ? Project.Driver(schema).RunGenerators(compilation) : null;
    var stopwatch = Stopwatch.StartNew();
    var batch = Stopwatch.StartNew();
    int batchSize = Math.Max(1, runs / 10);
    double bestBatchMs = double.MaxValue;
    for (int i = 0; i < runs; i++)
    {
        GeneratorDriverRunResult result = Project.Driver(schema).RunGenerators(compilation).GetRunResult();
        generatedChars = result.Results.Sum(static r => r.GeneratedSources.Sum(static s => (long)s.SourceText.Length));
        if ((i + 1) % batchSize == 0)
        {
            // The least disturbed tenth of the runs, for comparing two builds on a shared machine.
            bestBatchMs = Math.Min(bestBatchMs, batch.Elapsed.TotalMilliseconds / batchSize);
            batch.Restart();
        }
    }

    GC.KeepAlive(host);
    Thread.Sleep(500); // the listener's last events come on another thread
    double promotedMB = promotion.PromotedBytes / (double)runs / (1024 * 1024);
    double perRunMB = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)runs / (1024 * 1024);
    double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
    Console.WriteLine($"{args[1]}: {runs} cold runs, {stopwatch.Elapsed.TotalMilliseconds / runs:F2} ms (best tenth {bestBatchMs:F2} ms; {cpuMs:F1} ms CPU) and {perRunMB:F1} MB allocated each "
        + $"({generatedChars * 2 / (1024.0 * 1024):F1} MB of generated text), {GC.CollectionCount(0) - collections} gen-0, "
        + $"{GC.CollectionCount(1) - collections1} gen-1 and {GC.CollectionCount(2) - collections2} gen-2 collections "
        + $"({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, {GC.GetTotalPauseDuration().TotalMilliseconds / runs:F1} ms paused per run; {promotedMB:F1} MB promoted per run by {promotion.Collections} collections seen)");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
return 0;
