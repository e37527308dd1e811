using System.Diagnostics.CodeAnalysis;
using CpWebSocket;
using CpWebSocket.Hosting;
using CpWebSocket.Hosting.Binding;
using CpWebSocket.Hosting.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers websocket clients: generated clients (<c>CpWebSocket.Messaging.MessageClient</c>) and <see cref="HttpWebSocket"/>.</summary>
public static class WebSocketClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a singleton, created on first use from options set in code
    /// (<see cref="WebSocketClientBuilderExtensions.ConfigureOptions(IWebSocketClientBuilder, Action{WebSocketClientOptions})"/>).
    /// </summary>
    /// <typeparam name="TClient">A generated client, or <see cref="HttpWebSocket"/>.</typeparam>
    /// <param name="services">The app's services.</param>
    /// <returns>A builder that configures the client further.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TClient"/> is neither a generated client nor <see cref="HttpWebSocket"/>.</exception>
    public static IWebSocketClientBuilder AddWebSocketClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services)
        where TClient : class, IAsyncDisposable =>
        services.AddWebSocketClientCore<TClient>(Options.Options.DefaultName, configuration: null);

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a singleton whose options are bound from <paramref name="configuration"/>:
    /// <c>Url</c> and the settings of <see cref="HttpWebSocketOptions"/>, at one level.
    /// </summary>
    /// <typeparam name="TClient">A generated client, or <see cref="HttpWebSocket"/>.</typeparam>
    /// <param name="services">The app's services.</param>
    /// <param name="configuration">The client's configuration section, such as <c>builder.Configuration.GetSection("Chat")</c>.</param>
    /// <returns>A builder that configures the client further.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TClient"/> is neither a generated client nor <see cref="HttpWebSocket"/>.</exception>
    public static IWebSocketClientBuilder AddWebSocketClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services,
        IConfiguration configuration)
        where TClient : class, IAsyncDisposable
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddWebSocketClientCore<TClient>(Options.Options.DefaultName, configuration);
    }

    /// <summary>Registers <typeparamref name="TClient"/> as a singleton whose options are set by <paramref name="configure"/>.</summary>
    /// <typeparam name="TClient">A generated client, or <see cref="HttpWebSocket"/>.</typeparam>
    /// <param name="services">The app's services.</param>
    /// <param name="configure">Sets the client's options.</param>
    /// <returns>A builder that configures the client further.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TClient"/> is neither a generated client nor <see cref="HttpWebSocket"/>.</exception>
    public static IWebSocketClientBuilder AddWebSocketClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services,
        Action<WebSocketClientOptions> configure)
        where TClient : class, IAsyncDisposable =>
        services.AddWebSocketClient<TClient>().ConfigureOptions(configure);

    /// <summary>
    /// Registers a named <typeparamref name="TClient"/>, for an app that talks to several servers of the same kind: a keyed
    /// singleton, resolved with <c>[FromKeyedServices(name)]</c> or <c>GetRequiredKeyedService&lt;TClient&gt;(name)</c>.
    /// </summary>
    /// <typeparam name="TClient">A generated client, or <see cref="HttpWebSocket"/>.</typeparam>
    /// <param name="services">The app's services.</param>
    /// <param name="name">The client's name; unique per client type.</param>
    /// <returns>A builder that configures the client further.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TClient"/> is neither a generated client nor <see cref="HttpWebSocket"/>, or <paramref name="name"/> is empty.</exception>
    public static IWebSocketClientBuilder AddWebSocketClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services,
        string name)
        where TClient : class, IAsyncDisposable
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return services.AddWebSocketClientCore<TClient>(name, configuration: null);
    }

    /// <summary>Registers a named <typeparamref name="TClient"/> whose options are bound from <paramref name="configuration"/>.</summary>
    /// <typeparam name="TClient">A generated client, or <see cref="HttpWebSocket"/>.</typeparam>
    /// <param name="services">The app's services.</param>
    /// <param name="name">The client's name; unique per client type.</param>
    /// <param name="configuration">The client's configuration section.</param>
    /// <returns>A builder that configures the client further.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TClient"/> is neither a generated client nor <see cref="HttpWebSocket"/>, or <paramref name="name"/> is empty.</exception>
    public static IWebSocketClientBuilder AddWebSocketClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services,
        string name,
        IConfiguration configuration)
        where TClient : class, IAsyncDisposable
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddWebSocketClientCore<TClient>(name, configuration);
    }

    /// <summary>Registers a named <typeparamref name="TClient"/> whose options are set by <paramref name="configure"/>.</summary>
    /// <typeparam name="TClient">A generated client, or <see cref="HttpWebSocket"/>.</typeparam>
    /// <param name="services">The app's services.</param>
    /// <param name="name">The client's name; unique per client type.</param>
    /// <param name="configure">Sets the client's options.</param>
    /// <returns>A builder that configures the client further.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TClient"/> is neither a generated client nor <see cref="HttpWebSocket"/>, or <paramref name="name"/> is empty.</exception>
    public static IWebSocketClientBuilder AddWebSocketClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services,
        string name,
        Action<WebSocketClientOptions> configure)
        where TClient : class, IAsyncDisposable =>
        services.AddWebSocketClient<TClient>(name).ConfigureOptions(configure);

    private static WebSocketClientBuilder AddWebSocketClientCore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services,
        string name,
        IConfiguration? configuration)
        where TClient : class, IAsyncDisposable
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!WebSocketClientFactory.CanCreate(typeof(TClient)))
        {
            throw new ArgumentException(
                $"{typeof(TClient).FullName} is not a websocket client: register HttpWebSocket or a generated client " +
                "(a partial class with [WebSocketClient], which derives from CpWebSocket.Messaging.MessageClient).",
                nameof(TClient));
        }

        var key = new WebSocketClientKey(typeof(TClient), name);
        var optionsBuilder = services.AddOptions<WebSocketClientOptions>(key.OptionsName);
        if (configuration is not null)
        {
            optionsBuilder.Configure(options => WebSocketClientConfiguration.Bind(configuration, options));
        }

        // One validator per client, told the section's path (the last one given) so that its message names the key to set.
        var validator = services
            .Select(descriptor => descriptor.ImplementationInstance)
            .OfType<WebSocketClientOptionsValidator>()
            .FirstOrDefault(existing => existing.OptionsName == key.OptionsName);
        if (validator is null)
        {
            validator = new WebSocketClientOptionsValidator(key.OptionsName, key.DisplayName, (configuration as IConfigurationSection)?.Path);
            services.AddSingleton<IValidateOptions<WebSocketClientOptions>>(validator);
            optionsBuilder.ValidateOnStart();
        }
        else if (configuration is IConfigurationSection section)
        {
            validator.SectionPath = section.Path;
        }

        services.TryAddKeyedSingleton(key, static (provider, serviceKey) => WebSocketClientFactory.Create<TClient>(provider, (WebSocketClientKey)serviceKey!));
        if (key.Name.Length == 0)
        {
            services.TryAddSingleton(provider => (TClient)provider.GetRequiredKeyedService<WebSocketClientEntry>(key).Client);
        }
        else
        {
            services.TryAddKeyedSingleton(key.Name, (provider, _) => (TClient)provider.GetRequiredKeyedService<WebSocketClientEntry>(key).Client);
        }

        return new WebSocketClientBuilder(key, services);
    }
}
