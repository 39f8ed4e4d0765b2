using System;

namespace SchemaBind.Cli;

internal static class Program
{
    // Progress goes to a terminal only: redirected (a build log, a pipe), the output is the result alone.
    private static int Main(string[] args) =>
        SchemaBindCommand.Run(args, Console.Out, Console.Error, Console.IsErrorRedirected ? null : Console.Error);
}
