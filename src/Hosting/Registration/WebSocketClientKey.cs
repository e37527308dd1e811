using Microsoft.Extensions.Options;

namespace CpWebSocket.Hosting.Registration;

/// <summary>
/// Identifies one registered client: its type and its name. The service key of its <see cref="WebSocketClientEntry"/>,
/// and the source of the names it shows in options, logs and health reports.
/// </summary>
/// <param name="ClientType">The client's type.</param>
/// <param name="Name">The client's name; <see cref="Options.DefaultName"/> for the unnamed client of its type.</param>
internal sealed record WebSocketClientKey(Type ClientType, string Name)
{
    private string FullTypeName => ClientType.FullName ?? ClientType.Name;

    /// <summary>The name of its <see cref="WebSocketClientOptions"/>: unique per type and name.</summary>
    public string OptionsName => IsNamed ? $"{FullTypeName}:{Name}" : FullTypeName;

    /// <summary>The category of its logger, so that filters on the type's namespace apply to it.</summary>
    public string LoggerCategory => IsNamed ? $"{FullTypeName}.{Name}" : FullTypeName;

    /// <summary>How reports name it: <c>ChatClient</c>, or <c>ChatClient 'eu'</c> for a named one.</summary>
    public string DisplayName => IsNamed ? $"{ClientType.Name} '{Name}'" : ClientType.Name;

    /// <summary>The default name of its health check: <c>ChatClient</c>, or <c>ChatClient:eu</c>.</summary>
    public string HealthCheckName => IsNamed ? $"{ClientType.Name}:{Name}" : ClientType.Name;

    private bool IsNamed => Name.Length > 0;
}
