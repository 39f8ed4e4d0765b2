using BenchmarkDotNet.Running;
using SchemaBind.Benchmarks.Validation;

// dotnet bin/Release/net10.0/SchemaBind.Benchmarks.Validation.dll --check: what each validator says about each
// payload (the benchmark compares like with like only if they agree), and the typed Validate()'s allocation.
if (args is ["--time", ..])
{
    Check.Time();
    return;
}

if (args is ["--time-typed", ..])
{
    Check.TimeTyped();
    return;
}

if (args is ["--check", ..])
{
    Check.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RequestBenchmarks).Assembly).Run(args);
