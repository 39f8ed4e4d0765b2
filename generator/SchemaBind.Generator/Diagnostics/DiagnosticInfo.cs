using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SchemaBind.Generator.Diagnostics;

/// <summary>
/// A diagnostic as plain, equatable data: it can travel through the incremental pipeline and
/// becomes a Roslyn <see cref="Diagnostic"/> only at the output step.
/// </summary>
internal sealed record DiagnosticInfo(
    string Id,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> MessageArgs)
{
    public Diagnostic ToDiagnostic()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById(Id);
        var location = Location.Create(FilePath, Span, LineSpan);
        return Diagnostic.Create(descriptor, location, MessageArgs.Select(static a => (object)a).ToArray());
    }
}
