using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SchemaBind.Generator.Diagnostics;
using SchemaBind.Generator.Parsing;
using SchemaBind.Runtime.Internal;

namespace SchemaBind.Generator.Analyzers;

/// <summary>
/// Reports, in user code, a compile-time constant that can never satisfy the schema of the
/// generated member it is assigned or passed to: <c>SleepInSec = 5000</c> where the schema says
/// <c>maximum: 1200</c>, an empty <c>DockerImageTag</c>, a string that cannot match a pattern, a
/// collection expression with too few items. The constraints are read from the attributes the
/// generator puts on its members, so the analyzer needs no schema file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstantConstraintAnalyzer : DiagnosticAnalyzer
{
    private const string DataAnnotations = "System.ComponentModel.DataAnnotations";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NeverValidConstant);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(AnalyzeAssignment, SyntaxKind.SimpleAssignmentExpression);
        context.RegisterSyntaxNodeAction(AnalyzeArgument, SyntaxKind.Argument);
    }

    private static void AnalyzeAssignment(SyntaxNodeAnalysisContext context)
    {
        var assignment = (AssignmentExpressionSyntax)context.Node;
        if (context.SemanticModel.GetSymbolInfo(assignment.Left, context.CancellationToken).Symbol is IPropertySymbol property
            && IsGenerated(property.ContainingType))
        {
            Check(context, property, property.Name, assignment.Right);
        }
    }

    private static void AnalyzeArgument(SyntaxNodeAnalysisContext context)
    {
        var argument = (ArgumentSyntax)context.Node;
        if (context.SemanticModel.GetOperation(argument, context.CancellationToken) is IArgumentOperation { Parameter: { } parameter }
            && parameter.ContainingSymbol is IMethodSymbol method
            && IsGenerated(method.ContainingType))
        {
            Check(context, parameter, parameter.Name, argument.Expression);
        }
    }

    private static bool IsGenerated(INamedTypeSymbol? type) =>
        type is not null && type.GetAttributes().Any(static a =>
            a.AttributeClass is { Name: "GeneratedCodeAttribute" }
            && a.ConstructorArguments.Length > 0
            && a.ConstructorArguments[0].Value is "SchemaBind");

    private static void Check(SyntaxNodeAnalysisContext context, ISymbol member, string memberName, ExpressionSyntax value)
    {
        ImmutableArray<AttributeData> attributes = member.GetAttributes();
        if (attributes.IsEmpty)
        {
            return;
        }

        Optional<object?> constant = context.SemanticModel.GetConstantValue(value, context.CancellationToken);
        int? count = constant.HasValue ? null : LiteralCount(value);
        if (!constant.HasValue && count is null)
        {
            return;
        }

        foreach (AttributeData attribute in attributes)
        {
            string? problem = Problem(attribute, constant, count);
            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.NeverValidConstant,
                    value.GetLocation(),
                    value.ToString(),
                    memberName,
                    problem));
                return;
            }
        }
    }

    /// <summary>The number of items of a collection expression or array initializer without spreads.</summary>
    private static int? LiteralCount(ExpressionSyntax value) => value switch
    {
        CollectionExpressionSyntax collection when collection.Elements.All(static e => e is ExpressionElementSyntax) => collection.Elements.Count,
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.Count,
        ImplicitArrayCreationExpressionSyntax creation => creation.Initializer.Expressions.Count,
        _ => null,
    };

    private static string? Problem(AttributeData attribute, Optional<object?> constant, int? count)
    {
        INamedTypeSymbol? type = attribute.AttributeClass;
        if (type is null)
        {
            return null;
        }

        string ns = type.ContainingNamespace.ToDisplayString();
        object? value = constant.HasValue ? constant.Value : null;
        int? length = value is string text ? SchemaBind.Runtime.Internal.JsonSchemaText.CodePointLength(text) : count;
        ImmutableArray<TypedConstant> args = attribute.ConstructorArguments;
        switch (type.Name)
        {
            case "MinLengthAttribute" or "SchemaMinLengthAttribute" when (ns == DataAnnotations || ns == "SchemaBind.Runtime") && length is int n && args.Length == 1 && args[0].Value is int min && n < min:
                return "it " + ValidationMessages.CountWords(value is string ? "minLength" : "minItems", Invariant(min)) + " (minLength/minItems " + min + ")";
            case "MaxLengthAttribute" or "SchemaMaxLengthAttribute" when (ns == DataAnnotations || ns == "SchemaBind.Runtime") && length is int n && args.Length == 1 && args[0].Value is int max && n > max:
                return "it " + ValidationMessages.CountWords(value is string ? "maxLength" : "maxItems", Invariant(max)) + " (maxLength/maxItems " + max + ")";
            case "RangeAttribute" when ns == DataAnnotations && args.Length == 2 && IsNumber(value, out double number)
                && args[0].Value is double low && args[1].Value is double high:
                bool lowExclusive = Named(attribute, "MinimumIsExclusive");
                bool highExclusive = Named(attribute, "MaximumIsExclusive");
                if (lowExclusive ? number <= low : number < low)
                {
                    string lowKeyword = lowExclusive ? "exclusiveMinimum" : "minimum";
                    return "it " + ValidationMessages.BoundWords(lowKeyword) + Format(low) + " (" + lowKeyword + ")";
                }

                if (highExclusive ? number >= high : number > high)
                {
                    string highKeyword = highExclusive ? "exclusiveMaximum" : "maximum";
                    return "it " + ValidationMessages.BoundWords(highKeyword) + Format(high) + " (" + highKeyword + ")";
                }

                return null;
            case "SchemaPatternAttribute" when ns == "SchemaBind.Runtime" && value is string s && args.Length == 1 && args[0].Value is string pattern
                && SchemaPattern.IsValid(pattern) && !Matches(pattern, s):
                return "it " + ValidationMessages.PatternWords + pattern;
            default:
                return null;
        }
    }

    private static bool Matches(string pattern, string value)
    {
        try
        {
            return SchemaPattern.Create(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100)).IsMatch(value);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return true; // when in doubt, say nothing
        }
    }

    private static bool Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.Any(a => a.Key == name && a.Value.Value is true);

    private static bool IsNumber(object? value, out double number)
    {
        switch (value)
        {
            case int or long or short or sbyte or byte or ushort or uint or ulong or float or double or decimal:
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return true;
            default:
                number = 0;
                return false;
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(int count) => count.ToString(CultureInfo.InvariantCulture);

}
