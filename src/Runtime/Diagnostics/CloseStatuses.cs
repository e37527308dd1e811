using System.Net.WebSockets;

namespace CpWebSocket.Diagnostics;

/// <summary>Close status codes as tag values, boxed once for the codes RFC 6455 defines.</summary>
internal static class CloseStatuses
{
    private const int First = 1000;
    private static readonly object[] Defined = [.. Enumerable.Range(First, 16).Select(code => (object)code)];

    public static object Box(WebSocketCloseStatus status)
    {
        var code = (int)status;
        return code is >= First and < First + 16 ? Defined[code - First] : code;
    }
}
