using System;
using System.ComponentModel;
using System.Threading.Tasks;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>
/// What every generated client method does alike, written once here instead of in each method: a plain method's
/// unwrapping of the response, and the check of a request body before anything is sent.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)] // called by generated code, not by users
public static class GeneratedClient
{
    /// <summary>The body of the response that <paramref name="response"/> completes with: what an operation's plain method returns.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="response">The operation's <c>WithResponseAsync</c> call.</param>
    /// <returns>The response's <see cref="ApiResponse{T}.Value"/>.</returns>
    public static async Task<T> ValueOf<T>(Task<ApiResponse<T>> response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.ConfigureAwait(false)).Value;
    }

    /// <summary>
    /// Validates a request body; one that breaks its schema is a <see cref="RequestValidationException"/> with every
    /// error, and nothing is sent. A valid body costs no allocation (the context is rented).
    /// </summary>
    /// <typeparam name="T">The body's generated type.</typeparam>
    /// <param name="body">The body to send.</param>
    /// <param name="operationId">The operation, named in the exception.</param>
    /// <exception cref="RequestValidationException">The body breaks its schema.</exception>
    public static void Validate<T>(T body, string operationId)
        where T : IJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(body);
        ValidationContext context = ValidationContext.Rent();
        body.Validate(context);
        if (context.HasErrors)
        {
            throw new RequestValidationException(operationId, ValidationContext.Return(context));
        }

        ValidationContext.Return(context);
    }

    /// <summary>
    /// Checks an enum parameter: a value that is not one of the enum's members (an unlisted name read from JSON
    /// included) is an <see cref="ArgumentException"/>, and nothing is sent.
    /// </summary>
    /// <typeparam name="TEnum">The generated enum.</typeparam>
    /// <param name="value">The argument.</param>
    /// <param name="isDefined">The enum helper's <c>IsDefined</c>.</param>
    /// <param name="kind">Where the parameter goes: <c>path</c>, <c>query</c>, <c>header</c> or <c>cookie</c>.</param>
    /// <param name="wireName">The parameter's name in the API description.</param>
    /// <param name="parameterName">The method parameter's name.</param>
    /// <exception cref="ArgumentException">The value is not a member.</exception>
    public static void CheckDefined<TEnum>(TEnum value, Func<TEnum, bool> isDefined, string kind, string wireName, string parameterName)
        where TEnum : struct
    {
        ArgumentNullException.ThrowIfNull(isDefined);
        if (!isDefined(value))
        {
            throw new ArgumentException($"The {kind} parameter '{wireName}' {Internal.ValidationMessages.Enum}", parameterName);
        }
    }

    /// <summary>Checks an optional enum parameter: <see langword="null"/> passes, another value as <see cref="CheckDefined{TEnum}(TEnum, Func{TEnum, bool}, string, string, string)"/>.</summary>
    /// <typeparam name="TEnum">The generated enum.</typeparam>
    /// <param name="value">The argument.</param>
    /// <param name="isDefined">The enum helper's <c>IsDefined</c>.</param>
    /// <param name="kind">Where the parameter goes: <c>path</c>, <c>query</c>, <c>header</c> or <c>cookie</c>.</param>
    /// <param name="wireName">The parameter's name in the API description.</param>
    /// <param name="parameterName">The method parameter's name.</param>
    /// <exception cref="ArgumentException">The value is not a member.</exception>
    public static void CheckDefined<TEnum>(TEnum? value, Func<TEnum, bool> isDefined, string kind, string wireName, string parameterName)
        where TEnum : struct
    {
        if (value is { } member)
        {
            CheckDefined(member, isDefined, kind, wireName, parameterName);
        }
    }
}
