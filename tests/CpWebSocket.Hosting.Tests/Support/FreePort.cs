using System.Net;
using System.Net.Sockets;

namespace CpWebSocket.Hosting.Tests.Support;

/// <summary>Finds a port on 127.0.0.1 that nothing listens on, for a server a test starts later.</summary>
public static class FreePort
{
    /// <summary>A port that was free a moment ago.</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
