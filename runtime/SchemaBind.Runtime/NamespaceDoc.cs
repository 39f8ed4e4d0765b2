namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// <c>SchemaBind.Runtime.GeneratedCode</c> holds what only the code SchemaBind generates calls: JSON reading and
/// writing helpers, enum wire names, equality of schema values, URL and request builders, validation helpers, and
/// the transport and security tables a generated client keeps in private fields.
/// It is not a supported API for hand-written code: it is hidden from IntelliSense and can change in any release,
/// together with the generator that calls it. What users call (the options, exceptions, responses, validation
/// results, the JSON Schema validator) is in <c>SchemaBind.Runtime</c>.
/// </summary>
[System.Runtime.CompilerServices.CompilerGenerated] // the documentation convention for a namespace's summary; no code uses it
internal static class NamespaceDoc
{
}
