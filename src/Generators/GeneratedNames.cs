namespace CpWebSocket.Generators;

/// <summary>
/// The names of the members generated for each contract. The emitter writes them and the analyzer checks
/// them for clashes, so both read them from here.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The static field holding the shared <c>MessageProtocol</c>.</summary>
    public const string Protocol = "__Protocol";

    /// <summary>The static method creating the reflection-based protocol of a client without a serializer context.</summary>
    public const string CreateProtocol = "__CreateProtocol";

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

    /// <summary>
    /// The default request method name: the type name plus <c>Async</c>, without a <c>Request</c> suffix when at least two
    /// words stand before it (<c>GetVersionRequest</c> gives <c>GetVersionAsync</c>). A single word keeps the suffix:
    /// it names a protocol or a thing more often than an action, and <c>ObsRequest</c> would become <c>ObsAsync</c>.
    /// </summary>
    public static string RequestMethod(string memberName)
    {
        const string Suffix = "Request";
        var stem = memberName.EndsWith(Suffix, System.StringComparison.Ordinal)
            ? memberName.Substring(0, memberName.Length - Suffix.Length).TrimEnd('_')
            : null;
        return (stem is not null && WordCount(stem) >= 2 ? stem : memberName) + "Async";
    }

    /// <summary>
    /// How many words a PascalCase name holds: a word starts after an underscore, at a capital after a lowercase letter
    /// or a digit, and at the last capital of an acronym that a lowercase letter follows (<c>OBSScene</c>: OBS, Scene).
    /// </summary>
    internal static int WordCount(string name)
    {
        var count = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_')
            {
                continue;
            }

            var starts = i == 0
                || name[i - 1] == '_'
                || (char.IsUpper(c) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
                || (char.IsUpper(c) && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]));
            if (starts)
            {
                count++;
            }
        }

        return count;
    }

    public static string[] ForSent(string memberName) => [OutboundField(memberName)];

    public static string[] ForRequest(string memberName, string methodName) => [RequestField(memberName), methodName];

    /// <summary>Every member generated for a received type.</summary>
    public static string[] ForReceived(string memberName)
        => [ReceivedEvent(memberName), Registration(memberName), Raiser(memberName), HandlerList(memberName), StreamReader(memberName)];
}
