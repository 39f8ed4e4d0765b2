using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SchemaBind.Cli;

namespace SchemaBind.Benchmarks.Generator;

/// <summary>
/// `operations DIR`: the IOperation nodes of every member body in a directory of .cs files (the output of
/// `schemabind generate`), bound against `schemabind check`'s references, as an analyzer driver builds them for every
/// operation action (CA2252 and the like run on every invocation, member reference, binary operator... of generated
/// code too). Counted per operation kind and per member family (the member's name: WriteJson, Validate, the reading
/// constructor, Equals, ...), the invocations apart, as what the user's build pays for our bodies.
/// </summary>
internal static class CountOperations
{
    public static int Run(string directory)
    {
        List<SyntaxTree> trees = CompileDirectory.ParseSourceFiles(directory);
        CSharpCompilation compilation = CSharpCompilation.Create("Count", trees, GeneratorRunner.References, GeneratorRunner.CompilationOptions);
        var byKind = new Dictionary<OperationKind, long>();
        var byFamily = new Dictionary<string, (long Operations, long Invocations)>(StringComparer.Ordinal);
        long total = 0, invocations = 0;
        foreach (SyntaxTree tree in trees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes(static n => n is not BlockSyntax and not ArrowExpressionClauseSyntax))
            {
                SyntaxNode? body = node switch
                {
                    BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
                    AccessorDeclarationSyntax a => (SyntaxNode?)a.Body ?? a.ExpressionBody,
                    PropertyDeclarationSyntax p => p.ExpressionBody,
                    _ => null,
                };
                if (body is null)
                {
                    continue;
                }

                string family = node switch
                {
                    ConstructorDeclarationSyntax c when c.ParameterList.Parameters.Count == 1 && c.ParameterList.Parameters[0].Modifiers.Any(SyntaxKind.RefKeyword) => "reading constructor",
                    ConstructorDeclarationSyntax => "other constructor",
                    MethodDeclarationSyntax m => m.Identifier.Text,
                    AccessorDeclarationSyntax => "accessor",
                    PropertyDeclarationSyntax => "expression property",
                    _ => "other",
                };
                IOperation? operation = model.GetOperation(node is ConstructorDeclarationSyntax or MethodDeclarationSyntax ? node : body);
                if (operation is null)
                {
                    continue;
                }

                long count = 0, calls = 0;
                foreach (IOperation o in operation.DescendantsAndSelf())
                {
                    count++;
                    byKind[o.Kind] = byKind.GetValueOrDefault(o.Kind) + 1;
                    if (o.Kind == OperationKind.Invocation)
                    {
                        calls++;
                    }
                }

                total += count;
                invocations += calls;
                var (ops, inv) = byFamily.GetValueOrDefault(family);
                byFamily[family] = (ops + count, inv + calls);
            }
        }

        // Invalid operations are code that does not bind (a runtime older than the output, say): the count is then wrong.
        Console.WriteLine($"{directory}: {trees.Count} files, {total:N0} operations, {invocations:N0} invocations, {byKind.GetValueOrDefault(OperationKind.Invalid):N0} invalid");
        Console.WriteLine("| member | operations | invocations |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (family, (ops, inv)) in byFamily.OrderByDescending(static p => p.Value.Operations).Take(15))
        {
            Console.WriteLine($"| {family} | {ops:N0} | {inv:N0} |");
        }

        Console.WriteLine("| operation kind | count |");
        Console.WriteLine("|---|---:|");
        foreach (var (kind, count) in byKind.OrderByDescending(static p => p.Value).Take(20))
        {
            Console.WriteLine($"| {kind} | {count:N0} |");
        }

        return 0;
    }
}
