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

    /// <summary>The static field holding the envelope record's contract.</summary>
    public const string Envelope = "__Envelope";

    /// <summary>The static field holding the error response's contract.</summary>
    public const string ErrorResponse = "__ErrorResponse";

    /// <summary>The public static property describing the client's contracts, for documents (AsyncAPI).</summary>
    public const string Contracts = "Contracts";

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
    public static string RequestField(string memberName) => "__" + memberName + "_Request";

    public static string StreamReader(string memberName) => "ReadAll" + memberName + "Async";

    /// <summary>The default request method name: the type name without a <c>Request</c> suffix, plus <c>Async</c>.</summary>
    public static string RequestMethod(string memberName)
    {
        const string Suffix = "Request";
        var stem = memberName.Length > Suffix.Length && memberName.EndsWith(Suffix, System.StringComparison.Ordinal)
            ? memberName.Substring(0, memberName.Length - Suffix.Length)
            : memberName;
        return stem + "Async";
    }

    public static string[] ForSent(string memberName) => [OutboundField(memberName)];

    public static string[] ForRequest(string memberName, string methodName) => [RequestField(memberName), methodName];

    /// <summary>Every member generated for a received type.</summary>
    public static string[] ForReceived(string memberName)
        => [ReceivedEvent(memberName), Registration(memberName), Raiser(memberName), HandlerList(memberName), StreamReader(memberName)];
}
