namespace SchemaBind.Runtime.GeneratedCode;

// What the error responses of the operation carry.
public sealed partial class ApiRequest
{
    /// <summary>
    /// The types of the error bodies the API description declares, read only when the response is an error
    /// (<see cref="ApiException.Error"/>); <see langword="null"/> when it declares none.
    /// </summary>
    public ApiErrorBodies? Errors { get; set; }
}
