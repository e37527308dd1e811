using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace CpWebSocket.Transport.Sockets;

/// <summary>The permessage-deflate extension of RFC 7692: the offer this side sends, and the parameters the server accepts.</summary>
internal static class DeflateNegotiation
{
    public const string Extension = "permessage-deflate";

    private const int MinWindowBits = 9;
    private const int MaxWindowBits = 15;

    /// <summary>The <c>Sec-WebSocket-Extensions</c> offer for <paramref name="options"/>.</summary>
    public static string Offer(WebSocketDeflateOptions options)
    {
        var offer = new StringBuilder(Extension);
        offer.Append("; client_max_window_bits");
        if (options.ClientMaxWindowBits != MaxWindowBits)
        {
            offer.Append(CultureInfo.InvariantCulture, $"={options.ClientMaxWindowBits}");
        }

        if (!options.ClientContextTakeover)
        {
            offer.Append("; client_no_context_takeover");
        }

        if (options.ServerMaxWindowBits != MaxWindowBits)
        {
            offer.Append(CultureInfo.InvariantCulture, $"; server_max_window_bits={options.ServerMaxWindowBits}");
        }

        if (!options.ServerContextTakeover)
        {
            offer.Append("; server_no_context_takeover");
        }

        return offer.ToString();
    }

    /// <summary>The parameters the server accepted, checked against the offer.</summary>
    /// <exception cref="WebSocketException">A parameter is unknown, malformed, or wider than offered.</exception>
    public static WebSocketDeflateOptions Accept(string extension, WebSocketDeflateOptions offered)
    {
        var accepted = new WebSocketDeflateOptions();
        foreach (var parameter in extension.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var (name, value) = parameter.Split('=', 2, StringSplitOptions.TrimEntries) is [var n, var v] ? (n, v.Trim('"')) : (parameter, null);
            switch (name.ToLowerInvariant())
            {
                case "client_no_context_takeover":
                    accepted.ClientContextTakeover = false;
                    break;
                case "server_no_context_takeover":
                    accepted.ServerContextTakeover = false;
                    break;
                case "client_max_window_bits":
                    accepted.ClientMaxWindowBits = WindowBits(extension, value, offered.ClientMaxWindowBits);
                    break;
                case "server_max_window_bits":
                    accepted.ServerMaxWindowBits = WindowBits(extension, value, offered.ServerMaxWindowBits);
                    break;
                default:
                    throw Refused(extension, $"the parameter '{name}' is not one of permessage-deflate's");
            }
        }

        if (!offered.ServerContextTakeover && accepted.ServerContextTakeover)
        {
            throw Refused(extension, "server_no_context_takeover was asked for and not granted");
        }

        if (accepted.ServerMaxWindowBits > offered.ServerMaxWindowBits)
        {
            throw Refused(extension, "server_max_window_bits is wider than offered");
        }

        return accepted;
    }

    private static int WindowBits(string extension, string? value, int offered)
    {
        if (value is null)
        {
            return offered;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) || bits is < MinWindowBits or > MaxWindowBits || bits > offered)
        {
            throw Refused(extension, $"the window size '{value}' is not between {MinWindowBits} and the offered {offered}");
        }

        return bits;
    }

    private static WebSocketException Refused(string extension, string reason) =>
        new(WebSocketError.HeaderError, $"The server's answer '{extension}' does not fit the permessage-deflate offer: {reason} (RFC 7692).");
}
