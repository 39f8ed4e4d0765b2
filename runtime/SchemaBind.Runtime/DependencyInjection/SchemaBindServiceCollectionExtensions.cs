using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchemaBind.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers generated SchemaBind clients with <see cref="IHttpClientFactory"/>.</summary>
/// <remarks>
/// <para>
/// The client is transient; its <see cref="HttpClient"/> comes from the factory (pooled handlers, DNS refresh), and
/// its <see cref="ApiClientOptions"/> are the named options of the client (one instance per name, read on every
/// request). When the options set no <see cref="ApiClientOptions.Logger"/>, the client logs to the category
/// <c>SchemaBind.{name}</c> of the container's <see cref="ILoggerFactory"/>; when none sets a
/// <see cref="ApiClientOptions.TimeProvider"/>, a <see cref="TimeProvider"/> registered in the container is used.
/// </para>
/// <para>
/// The returned <see cref="IHttpClientBuilder"/> composes with handlers such as
/// <c>AddStandardResilienceHandler()</c> (Microsoft.Extensions.Http.Resilience). That handler retries by itself: set
/// <c>options.Retry = ApiRetryOptions.None</c> then, or failures are retried by both (3 × 3 attempts), and consider
/// <c>options.Timeout = Timeout.InfiniteTimeSpan</c> to let its timeouts govern.
/// </para>
/// <para>Nothing here uses reflection: the client is built by the <c>create</c> delegate, so it is trim- and Native-AOT-safe.</para>
/// </remarks>
public static class SchemaBindServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> under the name <c>typeof(TClient).Name</c>, created by
    /// <paramref name="create"/> with an <see cref="HttpClient"/> of the factory and the client's options.
    /// </summary>
    /// <typeparam name="TClient">The generated client type, e.g. <c>BuddyClient</c>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="create">Creates the client, e.g. <c>(http, options) =&gt; new BuddyClient(http, options)</c>.</param>
    /// <param name="configure">Sets the options: base address, token or token provider, retry policy, timeout.</param>
    /// <returns>The builder of the named <see cref="HttpClient"/>, to add handlers to.</returns>
    public static IHttpClientBuilder AddSchemaBindClient<TClient>(
        this IServiceCollection services,
        Func<HttpClient, ApiClientOptions, TClient> create,
        Action<ApiClientOptions>? configure = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(create);
        return services.AddSchemaBindClient(
            typeof(TClient).Name,
            create,
            configure is null ? null : (_, options) => configure(options));
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> under the name <c>typeof(TClient).Name</c>, with options that may use
    /// other services (for example a token provider that asks a registered credential store).
    /// </summary>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="create">Creates the client, e.g. <c>(http, options) =&gt; new BuddyClient(http, options)</c>.</param>
    /// <param name="configure">Sets the options, given the service provider.</param>
    /// <returns>The builder of the named <see cref="HttpClient"/>, to add handlers to.</returns>
    public static IHttpClientBuilder AddSchemaBindClient<TClient>(
        this IServiceCollection services,
        Func<HttpClient, ApiClientOptions, TClient> create,
        Action<IServiceProvider, ApiClientOptions> configure)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddSchemaBindClient(typeof(TClient).Name, create, configure);
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> with an explicit name for its <see cref="HttpClient"/> and options
    /// (<c>IOptionsMonitor&lt;ApiClientOptions&gt;.Get(name)</c>).
    /// </summary>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The name of the <see cref="HttpClient"/> and of the options.</param>
    /// <param name="create">Creates the client.</param>
    /// <param name="configure">Sets the options, given the service provider; or <see langword="null"/>.</param>
    /// <returns>The builder of the named <see cref="HttpClient"/>, to add handlers to.</returns>
    public static IHttpClientBuilder AddSchemaBindClient<TClient>(
        this IServiceCollection services,
        string name,
        Func<HttpClient, ApiClientOptions, TClient> create,
        Action<IServiceProvider, ApiClientOptions>? configure)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(create);

        IHttpClientBuilder builder = services.AddHttpClient(name);
        OptionsBuilder<ApiClientOptions> options = services.AddOptions<ApiClientOptions>(name);
        if (configure is not null)
        {
            options.Configure<IServiceProvider>((o, provider) => configure(provider, o));
        }

        options.PostConfigure<IServiceProvider>((o, provider) =>
        {
            o.Logger ??= provider.GetService<ILoggerFactory>()?.CreateLogger("SchemaBind." + name);
            o.TimeProvider ??= provider.GetService<TimeProvider>();
        });

        services.AddTransient(provider =>
        {
            HttpClient http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);
            ApiClientOptions clientOptions = provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get(name);
            return create(http, clientOptions);
        });

        return builder;
    }
}
