using System.Diagnostics.Tracing;

namespace CpWebSocket.Samples.Chat.Tests.Support;

/// <summary>
/// Counts every use of the network in the process, as .NET's own networking reports it: a socket connecting or
/// accepting, a host name looked up, an HTTP request (a websocket's opening handshake). Started once for the test run.
/// </summary>
public sealed class NetworkProbe : EventListener
{
    // Static: the base constructor reports the event sources that exist already, before this class's fields are set.
    private static readonly Dictionary<string, string[]> Watched = new(StringComparer.Ordinal)
    {
        ["System.Net.Sockets"] = ["ConnectStart", "AcceptStart"],
        ["System.Net.NameResolution"] = ["ResolutionStart"],
        ["System.Net.Http"] = ["RequestStart"],
    };

    private static readonly NetworkProbe Instance = new();

    private static readonly List<string> Seen = [];

    /// <summary>What used the network so far, as <c>source/event</c>, in order.</summary>
    public static IReadOnlyList<string> Uses
    {
        get
        {
            GC.KeepAlive(Instance);
            lock (Seen)
            {
                return [.. Seen];
            }
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (Watched.ContainsKey(eventSource.Name))
        {
            EnableEvents(eventSource, EventLevel.Informational, EventKeywords.All);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (Watched.TryGetValue(eventData.EventSource.Name, out var events) && events.Contains(eventData.EventName))
        {
            lock (Seen)
            {
                Seen.Add($"{eventData.EventSource.Name}/{eventData.EventName}");
            }
        }
    }
}
