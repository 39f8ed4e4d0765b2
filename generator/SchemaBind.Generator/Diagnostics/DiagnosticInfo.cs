using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SchemaBind.Generator.Model;

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
        return Diagnostic.Create(descriptor, location, Args());
    }

    private object[] Args() => MessageArgs.Select(static a => (object)a).ToArray();

    /// <summary>The message as it will be shown, for tests and the CLI.</summary>
    public string FormatMessage() =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, DiagnosticDescriptors.ById(Id).MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), Args());
}
