using System;

namespace SchemaBind.Cli;

internal static class Program
{
    private static int Main(string[] args) => SchemaBindCommand.Run(args, Console.Out, Console.Error);
}
