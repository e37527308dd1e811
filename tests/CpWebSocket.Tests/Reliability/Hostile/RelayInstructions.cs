using System.Text;
using CpWebSocket.Tests.Server.Endpoints;

namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>The binary messages that make the <c>/relay</c> endpoint send a frame.</summary>
public static class RelayInstructions
{
    /// <summary>Asks for a text frame of exactly these bytes (valid UTF-8 or not).</summary>
    public static byte[] Text(ReadOnlySpan<byte> payload) => [RelayEndpoint.Text, .. payload];

    /// <summary>Asks for a text frame of this text, as UTF-8.</summary>
    public static byte[] Text(string payload) => Text(Encoding.UTF8.GetBytes(payload));

    /// <summary>Asks for a binary frame of these bytes.</summary>
    public static byte[] Binary(ReadOnlySpan<byte> payload) => [RelayEndpoint.Binary, .. payload];
}
