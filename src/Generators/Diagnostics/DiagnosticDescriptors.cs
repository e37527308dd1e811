using Microsoft.CodeAnalysis;

namespace CpWebSocket.Generators.Diagnostics;

/// <summary>
/// Every diagnostic CpWebSocket reports. Ids are stable: never renumber or reuse one; list new ones in
/// AnalyzerReleases.Unshipped.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "CpWebSocket";
    private const string HelpLinkBase = "https://github.com/cpwebsocket/cpwebsocket#";

    /// <summary>CPWS0001: the client class, or a type containing it, is not partial.</summary>
    public static readonly DiagnosticDescriptor TypeMustBePartial = Create(
        "CPWS0001",
        "Websocket client types must be partial",
        "'{0}' must be declared partial so that the members of websocket client '{1}' can be generated; add the 'partial' modifier",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0002: a sent or received type has no <c>[Message]</c>.</summary>
    public static readonly DiagnosticDescriptor ContractWithoutMessageAttribute = Create(
        "CPWS0002",
        "Sent and received types need [Message]",
        "'{0}' is listed in [{1}] on '{2}' but has no [Message] attribute; add [Message(\"...\")] or [Message(<integer>)] to '{0}' with its discriminator value",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0003: two sent (or two received) types share a discriminator value.</summary>
    public static readonly DiagnosticDescriptor DuplicateDiscriminator = Create(
        "CPWS0003",
        "Discriminators must be unique per direction",
        "'{0}' and '{1}' are both {2} by '{3}' with discriminator {4}, so a message could not be told apart; give one of them a different [Message] value",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0004: string and integer discriminators are mixed in one client.</summary>
    public static readonly DiagnosticDescriptor MixedDiscriminatorKinds = Create(
        "CPWS0004",
        "Discriminators of one client must all be strings or all be integers",
        "'{0}' has {1} discriminator but '{2}', listed first on '{3}', has {4} one; use string discriminators for every message of '{3}', or integer ones for every message",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0005: a contract type is not declared in the named <c>JsonSerializerContext</c>.</summary>
    public static readonly DiagnosticDescriptor ContractMissingFromSerializerContext = Create(
        "CPWS0005",
        "Message types must be declared in the serializer context",
        "'{0}' is not declared in serializer context '{1}', so '{2}' cannot serialize it; add [JsonSerializable(typeof({0}))] to '{1}'",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0006: <c>SerializerContext</c> does not name a usable <c>JsonSerializerContext</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidSerializerContext = Create(
        "CPWS0006",
        "SerializerContext must be a JsonSerializerContext",
        "SerializerContext '{0}' is not a non-generic, non-abstract class deriving from System.Text.Json.Serialization.JsonSerializerContext; name such a class, or remove SerializerContext to serialize by reflection",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0007: the client class is generic.</summary>
    public static readonly DiagnosticDescriptor GenericClient = Create(
        "CPWS0007",
        "Websocket client classes cannot be generic",
        "Websocket client '{0}' is generic, which is not supported because its messages are fixed per class; remove its type parameters",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0008: the client class already derives from another class.</summary>
    public static readonly DiagnosticDescriptor ClientHasBaseClass = Create(
        "CPWS0008",
        "Websocket client classes cannot have a base class",
        "Websocket client '{0}' derives from '{1}', but its generated part derives from CpWebSocket.Messaging.MessageClient; remove the base class and hold the other type in a field instead",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0009: the client class is static.</summary>
    public static readonly DiagnosticDescriptor StaticClient = Create(
        "CPWS0009",
        "Websocket client classes cannot be static",
        "Websocket client '{0}' is static, but clients are created with 'new'; remove the 'static' modifier",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0010: a sent or received type has a shape that cannot be a message.</summary>
    public static readonly DiagnosticDescriptor UnsupportedContractType = Create(
        "CPWS0010",
        "Unsupported message type",
        "'{0}' cannot be a message of '{1}': {2}",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0011: two contracts would generate members with the same name.</summary>
    public static readonly DiagnosticDescriptor GeneratedMemberNameCollision = Create(
        "CPWS0011",
        "Message types would generate members with the same name",
        "'{0}' and '{1}' would both generate member '{2}' in '{3}' because they share a simple name; rename one of the types",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0012: an envelope property name is empty or whitespace.</summary>
    public static readonly DiagnosticDescriptor EmptyEnvelopeProperty = Create(
        "CPWS0012",
        "Envelope property names cannot be empty",
        "{0} is empty or whitespace; give it a JSON property name, or remove it to use the default ({1})",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0013: the payload property has the discriminator property's name.</summary>
    public static readonly DiagnosticDescriptor PayloadPropertySameAsDiscriminator = Create(
        "CPWS0013",
        "PayloadProperty and DiscriminatorProperty must differ",
        "PayloadProperty and DiscriminatorProperty are both \"{0}\", so the discriminator and the payload would share one JSON property; give PayloadProperty another name",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0014: the same type is listed twice in <c>[Sends]</c> or <c>[Receives]</c>.</summary>
    public static readonly DiagnosticDescriptor DuplicateContract = Create(
        "CPWS0014",
        "Message type listed more than once",
        "'{0}' is listed more than once in [{1}] on '{2}'; remove the repeated attribute",
        DiagnosticSeverity.Warning);

    /// <summary>CPWS0015: a generated member would hide a member of <c>MessageClient</c>.</summary>
    public static readonly DiagnosticDescriptor GeneratedMemberHidesInherited = Create(
        "CPWS0015",
        "Message type would generate a member that hides an inherited one",
        "Received type '{0}' would generate member '{1}' in '{2}', which hides the inherited '{3}.{1}'; rename the type",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0016: a <c>[Message]</c> discriminator is null or empty.</summary>
    public static readonly DiagnosticDescriptor InvalidMessageDiscriminator = Create(
        "CPWS0016",
        "Message discriminators cannot be null or empty",
        "The [Message] discriminator of '{0}' is null or empty; give it a non-empty string or an integer",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0017: the client is a record.</summary>
    public static readonly DiagnosticDescriptor RecordClient = Create(
        "CPWS0017",
        "Websocket clients cannot be records",
        "Websocket client '{0}' is a record, but records cannot derive from CpWebSocket.Messaging.MessageClient; declare it as a 'partial class'",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0018: a sent type of a flat envelope has a JSON property named like the discriminator.</summary>
    public static readonly DiagnosticDescriptor FlatPropertyCollidesWithDiscriminator = Create(
        "CPWS0018",
        "Flat messages cannot have a property named like the discriminator",
        "'{0}' has member '{1}', serialized as \"{2}\", the discriminator property of the flat messages of '{3}', so each message would carry \"{2}\" twice; rename it with [JsonPropertyName], leave it out with [JsonIgnore], or wrap messages with PayloadProperty",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0019: the client class, or a type containing it, is file-local.</summary>
    public static readonly DiagnosticDescriptor FileLocalClient = Create(
        "CPWS0019",
        "Websocket client classes cannot be file-local",
        "Websocket client '{0}' cannot be generated because '{1}' is file-local and its generated part lives in another file; remove the 'file' modifier",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0020: a request is declared, but the client names no request id property.</summary>
    public static readonly DiagnosticDescriptor RequestWithoutRequestId = Create(
        "CPWS0020",
        "Requests need a request id property",
        "'{0}' is sent as a request (Returns = typeof({1})), but '{2}' names no RequestIdProperty, so no response could be matched to it; set [WebSocketClient(RequestIdProperty = \"id\")] to the property that carries your server's request ids",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0021: the response type of a request cannot be a response contract.</summary>
    public static readonly DiagnosticDescriptor UnsupportedResponseType = Create(
        "CPWS0021",
        "Response type is not supported",
        "'{0}' cannot be the response of '{1}' in '{2}': {3}",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0022: the request method name is not a valid identifier.</summary>
    public static readonly DiagnosticDescriptor InvalidRequestMethodName = Create(
        "CPWS0022",
        "Request method names must be valid identifiers",
        "MethodName \"{0}\" of request '{1}' is not a valid C# method name; use an identifier such as \"{2}\", or leave MethodName out",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0023: the request timeout is negative and not -1.</summary>
    public static readonly DiagnosticDescriptor InvalidRequestTimeout = Create(
        "CPWS0023",
        "Request timeouts must be positive, 0 or -1",
        "TimeoutMilliseconds of request '{0}' is {1}; use a positive number of milliseconds, 0 for the client's DefaultRequestTimeout, or -1 to wait without a limit",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0024: the request id property is empty or already taken by the envelope.</summary>
    public static readonly DiagnosticDescriptor InvalidRequestIdProperty = Create(
        "CPWS0024",
        "Request id property must be a name of its own",
        "RequestIdProperty of '{0}' {1}; give the request id its own non-empty JSON property name",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0025: a request has a JSON property named like the request id, where the id is written.</summary>
    public static readonly DiagnosticDescriptor RequestPropertyCollidesWithRequestId = Create(
        "CPWS0025",
        "Requests cannot have a property named like the request id",
        "'{0}' has member '{1}', serialized as \"{2}\", the request id property of '{3}', so each request would carry \"{2}\" twice; rename it with [JsonPropertyName], leave it out with [JsonIgnore] (the client writes the id), or choose another RequestIdProperty",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0026: a <c>[Route]</c> path is malformed or in the wrong place.</summary>
    public static readonly DiagnosticDescriptor InvalidRoute = Create(
        "CPWS0026",
        "Route paths must name separate members",
        "The route of {0} on '{1}' cannot be used: {2}",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0027: two <c>[Route]</c>s for one first-level value.</summary>
    public static readonly DiagnosticDescriptor DuplicateRoute = Create(
        "CPWS0027",
        "A first-level value has one route",
        "'{0}' routes {1} twice; a first-level value is routed by one second-level value, so remove one of the [Route] attributes",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0028: a contract names a second level its first level has no route for.</summary>
    public static readonly DiagnosticDescriptor SecondLevelWithoutRoute = Create(
        "CPWS0028",
        "Two-level messages need a route",
        "'{0}' is declared [Message({1})], but '{2}' has no [Route({3}, By = ...)], so its second-level value could not be read or written; add the route, or declare the message with one value",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0029: a one-level contract of a routed first-level value.</summary>
    public static readonly DiagnosticDescriptor RoutedMessageWithoutSecondLevel = Create(
        "CPWS0029",
        "Messages of a routed value need a second-level value",
        "'{0}' is declared [Message({1})], but '{2}' routes {1} by \"{3}\", so messages of {1} are told apart by that value; declare it as [Message({1}, \"...\")]",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0030: a pattern where an exact value is needed.</summary>
    public static readonly DiagnosticDescriptor PatternNotReceived = Create(
        "CPWS0030",
        "Only received messages can be patterns",
        "'{0}' is declared [Message({1})], a pattern, but it is {2} by '{3}', which needs an exact value; patterns (a value ending in '*') only select received messages",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0031: the serializer context writes another wire shape than the client declares.</summary>
    public static readonly DiagnosticDescriptor SerializerContextDiffers = Create(
        "CPWS0031",
        "The serializer context must write what the client declares",
        "Serializer context '{0}' {1}, but '{2}' declares {3}, so messages would not have the shape the client declares; {4}",
        DiagnosticSeverity.Warning);

    /// <summary>CPWS0032: a <c>[PayloadValue]</c> that cannot be used.</summary>
    public static readonly DiagnosticDescriptor InvalidPayloadValue = Create(
        "CPWS0032",
        "[PayloadValue] must mark one member of a wrapped message",
        "'{0}' cannot be {1} by '{2}' with its [PayloadValue]: {3}",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0033: an <c>[EnvelopeConstant]</c> that cannot be written.</summary>
    public static readonly DiagnosticDescriptor InvalidEnvelopeConstant = Create(
        "CPWS0033",
        "Envelope constants need a place of their own",
        "The envelope constant '{0}' of '{1}' cannot be written: {2}",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0034: the envelope record cannot be read.</summary>
    public static readonly DiagnosticDescriptor UnsupportedEnvelopeType = Create(
        "CPWS0034",
        "Envelope type is not supported",
        "'{0}' cannot be the envelope of '{1}': {2}",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0035: <c>Responses</c> is not an open generic response.</summary>
    public static readonly DiagnosticDescriptor InvalidResponses = Create(
        "CPWS0035",
        "Responses must be an open generic IResponse",
        "Responses '{0}' of '{1}' cannot be used: {2}",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0036: the error response cannot be matched or read.</summary>
    public static readonly DiagnosticDescriptor InvalidErrorResponse = Create(
        "CPWS0036",
        "Error response must be a class with [Message]",
        "ErrorResponse '{0}' of '{1}' cannot be used: {2}",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0037: a client-level attribute on a class without <c>[WebSocketClient]</c>.</summary>
    public static readonly DiagnosticDescriptor ClientAttributeWithoutClient = Create(
        "CPWS0037",
        "Client attributes need [WebSocketClient]",
        "'{0}' has {1} but no [WebSocketClient], so none of its members are generated; add [WebSocketClient] to '{0}'",
        DiagnosticSeverity.Error);

    /// <summary>CPWS0038: a client serialized by reflection in a project that is trimmed or compiled ahead of time.</summary>
    public static readonly DiagnosticDescriptor ReflectionSerializationWhenTrimmed = Create(
        "CPWS0038",
        "Trimmed and Native AOT builds need a serializer context",
        "Websocket client '{0}' names no SerializerContext, so its messages would be serialized by reflection, and trimming removes the members that needs; list its messages in a JsonSerializerContext and name it with [WebSocketClient(SerializerContext = typeof(...))]",
        DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity)
        => new(
            id,
            title,
            messageFormat,
            Category,
            severity,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + "cpws" + id.Substring("CPWS".Length));
}
