namespace CpWebSocket.Generators;

/// <summary>
/// The names of the members generated for each contract. The emitter writes them and the analyzer checks
/// them for clashes, so both read them from here.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The static field holding the shared <c>MessageProtocol</c>.</summary>
    public const string Protocol = "__Protocol";

    /// <summary>The static field holding the inbound router.</summary>
    public const string Router = "__Router";

    /// <summary>The static field holding the outbound contract of a sent type.</summary>
    public static string OutboundField(string memberName) => "__" + memberName + "_Out";

    /// <summary>The event raised for a received type.</summary>
    public static string ReceivedEvent(string memberName) => memberName + "Received";

    /// <summary>The method that registers an asynchronous handler for a received type.</summary>
    public static string Registration(string memberName) => "On" + memberName;

    /// <summary>The private method the router calls for a received type.</summary>
    public static string Raiser(string memberName) => "On" + memberName + "ReceivedAsync";

    /// <summary>The field holding the asynchronous handlers of a received type.</summary>
    public static string HandlerList(string memberName) => "__" + memberName + "_Handlers";

    /// <summary>Every member generated for a sent type.</summary>
    public static string[] ForSent(string memberName) => [OutboundField(memberName)];

    /// <summary>Every member generated for a received type.</summary>
    public static string[] ForReceived(string memberName)
        => [ReceivedEvent(memberName), Registration(memberName), Raiser(memberName), HandlerList(memberName)];
}
