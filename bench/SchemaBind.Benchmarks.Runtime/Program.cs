using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/SchemaBind.Benchmarks.Runtime -- --filter '*' --job short
if (args is ["--diag", ..])
{
    // A quick look without BenchmarkDotNet: first-chance exceptions and a plain timing loop per client.
    int exceptions = 0;
    AppDomain.CurrentDomain.FirstChanceException += (_, e) => { exceptions++; Console.WriteLine(e.Exception.GetType() + ": " + e.Exception.Message); };
    var bench = new SchemaBind.Benchmarks.Runtime.ClientBenchmarks();
    bench.Setup();
    var parts = new SchemaBind.Benchmarks.Runtime.PartBenchmarks();
    parts.Setup();
    var http = new HttpClient(new SchemaBind.Benchmarks.Runtime.InMemoryHandler()) { BaseAddress = new Uri("https://api.buddy.works") };
    var transport = new SchemaBind.Runtime.GeneratedCode.ApiTransport(http, new SchemaBind.Runtime.ApiClientOptions { AccessToken = "t" }, new Uri("https://api.buddy.works"));
    var request = new Buddy.Api.RunDockerContainerActionRequest { Name = "Run container", DockerImageName = "library/ubuntu", DockerImageTag = "latest", InlineCommands = "ls" };
    Func<Task> direct = () => transport.SendAsync(HttpMethod.Post, "/workspaces/buddy/projects/company-website/pipelines/2/actions", (Buddy.Api.ActionRequest)request, Buddy.Api.ActionRequest.WriteJson, static (ref System.Text.Json.Utf8JsonReader r) => Buddy.Api.PipelineAction.ReadJson(ref r), default);
    Func<Task> getRead = () => transport.SendAsync(HttpMethod.Get, "/workspaces/buddy/projects/company-website/pipelines/2/actions", static (ref System.Text.Json.Utf8JsonReader r) => Buddy.Api.PipelineAction.ReadJson(ref r), default);
    Func<Task> getSkip = () => transport.SendAsync(HttpMethod.Get, "/workspaces/buddy/projects/company-website/pipelines/2/actions", static (ref System.Text.Json.Utf8JsonReader r) => { r.Skip(); return 0; }, default);
    Func<Task> postNoRead = () => transport.SendAsync(HttpMethod.Post, "/workspaces/buddy/projects/company-website/pipelines/2/actions", (Buddy.Api.ActionRequest)request, Buddy.Api.ActionRequest.WriteJson, default);
    Func<Task> fromJson = () => { Buddy.Api.PipelineAction.FromJson(SchemaBind.Benchmarks.Runtime.Seed.ResponseBody); return Task.CompletedTask; };
    Func<Task> noBody = () => transport.SendAsync(HttpMethod.Get, "/workspaces/buddy/projects/company-website/pipelines/2/actions", default);
    Func<Task> raw = async () =>
    {
        using var m = new HttpRequestMessage(HttpMethod.Get, "/workspaces/buddy/projects/company-website/pipelines/2/actions");
        using var r = await http.SendAsync(m, HttpCompletionOption.ResponseHeadersRead);
    };
    foreach (var (name, call) in new (string, Func<Task>)[] { ("hand", bench.HandWritten), ("hand", bench.HandWritten), ("generated", bench.Generated), ("transport direct (smaller body)", direct), ("GET + read", getRead), ("GET + skip", getSkip), ("POST no read", postNoRead), ("FromJson", fromJson), ("transport GET no body", noBody), ("raw HttpClient GET", raw) })
    {
        if (args.Length > 1 && name != args[1]) continue;
        for (int i = 0; i < 20_000; i++) await call();
        int pending = 0;
        for (int i = 0; i < 1000; i++) { Task t = call(); if (!t.IsCompleted) pending++; await t; }
        Console.WriteLine($"{name}: {pending} of 1000 calls did not complete synchronously");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 200_000; i++) await call();
        Console.WriteLine($"{name}: {sw.Elapsed.TotalMilliseconds * 1000 / 200_000:0.00} us/call, exceptions so far {exceptions}");
    }

    return;
}

if (args is ["--interleaved", ..])
{
    await SchemaBind.Benchmarks.Runtime.Interleaved.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 60, args.Length > 2 ? int.Parse(args[2]) : 2000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SchemaBind.Benchmarks.Runtime.ClientBenchmarks).Assembly).Run(args);
