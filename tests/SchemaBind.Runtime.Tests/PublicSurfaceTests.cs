using System.ComponentModel;
using System.Reflection;
using SchemaBind.Runtime.GeneratedCode;

namespace SchemaBind.Runtime.Tests;

/// <summary>
/// The runtime's public surface says who it is for: what users call is in <c>SchemaBind.Runtime</c> and shows in
/// IntelliSense; what only generated code calls is in <c>SchemaBind.Runtime.GeneratedCode</c>, hidden.
/// </summary>
public sealed class PublicSurfaceTests
{
    private const string UserNamespace = "SchemaBind.Runtime";
    private const string GeneratedCodeNamespace = "SchemaBind.Runtime.GeneratedCode";

    private static readonly Type[] s_topLevelPublicTypes =
        [.. typeof(ApiClientOptions).Assembly.GetExportedTypes().Where(static t => t.DeclaringType is null)];

    [Fact]
    public void Every_public_type_for_generated_code_is_hidden_from_IntelliSense()
    {
        Type[] generatedCode = [.. s_topLevelPublicTypes.Where(static t => t.Namespace == GeneratedCodeNamespace)];

        Assert.NotEmpty(generatedCode);
        Assert.All(generatedCode, static t => Assert.True(IsHidden(t), t.FullName + " is for generated code but shows in IntelliSense"));
    }

    [Fact]
    public void No_public_type_users_see_is_hidden()
    {
        Type[] user = [.. s_topLevelPublicTypes.Where(static t => t.Namespace == UserNamespace)];

        Assert.NotEmpty(user);
        Assert.All(user, static t => Assert.False(IsHidden(t), t.FullName + " is hidden from IntelliSense: move it to " + GeneratedCodeNamespace));
    }

    [Fact]
    public void Every_public_type_is_in_a_namespace_that_says_who_it_is_for()
    {
        string[] namespaces = [.. s_topLevelPublicTypes.Select(static t => t.Namespace ?? string.Empty).Distinct().Order(StringComparer.Ordinal)];

        // Microsoft.Extensions.DependencyInjection holds the DI extensions, so AddSchemaBindClient is found without a using.
        Assert.Equal(["Microsoft.Extensions.DependencyInjection", UserNamespace, GeneratedCodeNamespace], namespaces);
    }

    [Theory]
    [InlineData(typeof(JsonRead))]
    [InlineData(typeof(QueryString))]
    [InlineData(typeof(UriPath))]
    [InlineData(typeof(SchemaEquality))]
    [InlineData(typeof(UnknownEnumValues))]
    [InlineData(typeof(EnumWireNames<>))]
    [InlineData(typeof(EnumWireNameConverter<>))]
    [InlineData(typeof(GeneratedJsonConverter<>))]
    [InlineData(typeof(SchemaFormats))]
    [InlineData(typeof(SchemaRegex))]
    [InlineData(typeof(SchemaText))]
    [InlineData(typeof(JsonValidation))]
    [InlineData(typeof(ApiRequest))]
    [InlineData(typeof(ApiErrorBodies))]
    [InlineData(typeof(ParameterStyle))]
    [InlineData(typeof(ParameterText))]
    [InlineData(typeof(ParameterStyles))]
    [InlineData(typeof(JsonReadHandler<>))]
    [InlineData(typeof(ApiSuccessBodies<>))]
    [InlineData(typeof(ApiTransport))]
    [InlineData(typeof(ApiSecurityScheme))]
    [InlineData(typeof(ApiSecurityRequirement))]
    [InlineData(typeof(ApiSecuritySchemeKind))]
    [InlineData(typeof(ApiKeyLocation))]
    public void The_helpers_only_generated_code_calls_are_in_the_generated_code_namespace(Type type)
    {
        Assert.Equal(GeneratedCodeNamespace, type.Namespace);
        Assert.True(IsHidden(type));
    }

    [Theory]
    [InlineData(nameof(ValidationContext.Rent))]
    [InlineData(nameof(ValidationContext.Return))]
    public void Members_of_user_types_that_only_generated_code_calls_are_hidden_one_by_one(string name)
    {
        MethodInfo method = typeof(ValidationContext).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;

        Assert.False(IsHidden(typeof(ValidationContext)));
        Assert.Equal(EditorBrowsableState.Never, method.GetCustomAttribute<EditorBrowsableAttribute>()?.State);
    }

    private static bool IsHidden(Type type) =>
        type.GetCustomAttribute<EditorBrowsableAttribute>() is { State: EditorBrowsableState.Never };
}
