using Microsoft.Extensions.Configuration;

namespace CpWebSocket.Hosting.Binding;

/// <summary>
/// Binds a client's configuration section, at one level: <c>Url</c> into <see cref="WebSocketClientOptions.Url"/>, every
/// other key into <see cref="WebSocketClientOptions.Connection"/>. The binding code is generated at build time
/// (<c>EnableConfigurationBindingGenerator</c>), so it needs no reflection and stays trimming- and AOT-safe.
/// </summary>
internal static class WebSocketClientConfiguration
{
    /// <summary>The key of the server's address.</summary>
    public const string UrlKey = "Url";

    /// <summary>Binds <paramref name="section"/> onto <paramref name="options"/>; keys that are absent leave their value alone.</summary>
    /// <param name="section">The client's section.</param>
    /// <param name="options">The options to fill.</param>
    public static void Bind(IConfiguration section, WebSocketClientOptions options)
    {
        if (section.GetValue<Uri?>(UrlKey) is { } url)
        {
            options.Url = url;
        }

        // Members that configuration cannot hold (the logger, callbacks, objects) are skipped; code sets them. The
        // generator says so for each (SYSLIB1100/1101, silenced in the project file: pragmas do not reach it).
        section.Bind(options.Connection);
    }
}
