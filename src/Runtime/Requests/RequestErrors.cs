namespace CpWebSocket.Messaging;

/// <summary>The exception messages of requests, each saying which request and what went wrong.</summary>
internal static class RequestErrors
{
    public static string PayloadNotAnObject(Type messageType, ReadOnlySpan<byte> payload, MessageEnvelope envelope) =>
        $"{messageType} serialized as {MessageErrors.DescribeStart(payload)}, not a JSON object. Its request id '{envelope.RequestId!.Property}' "
        + $"stands inside the '{envelope.PayloadProperty}' payload, so the request must serialize as an object; "
        + "put the id next to the discriminator (RequestIdLocation.Envelope) to send other JSON values.";

    public static string ResponseNotDeserialized<TRequest, TResponse>(RequestContract<TRequest, TResponse> contract, long requestId, string problem) =>
        $"The response to request {requestId} ({contract.Outbound}) did not deserialize into {typeof(TResponse)}: {problem}";

    public static string ErrorResponseNotDeserialized(long requestId, string request, Type errorType, string problem) =>
        $"Request {requestId} ({request}) was answered with an error response that did not deserialize into {errorType}: {problem}";

    public static string ErrorResponse(long requestId, string request, object error) =>
        $"The server answered request {requestId} ({request}) with an error response: {error}";

    public static string ResponseIsNull<TRequest, TResponse>(RequestContract<TRequest, TResponse> contract, long requestId) =>
        $"The response to request {requestId} ({contract.Outbound}) is JSON null, not a {typeof(TResponse)}.";

    public static string ServerError<TRequest>(long requestId, OutboundContract<TRequest> request, object error) =>
        $"The server answered request {requestId} ({request}) with an error: {error}";

    public static string TimedOut(PendingRequest request, TimeSpan timeout, MessageEnvelope envelope) =>
        $"No response to request {request.Id} ({request.Description}) within {timeout}; a response that comes later goes to Unhandled."
        + (request.Refused is { } refused
            ? $" A message with its id did arrive, but could not be its response: it was {refused}, and the request waits for {request.Match.Describe(envelope)}; it was routed like any other message."
            : string.Empty);

    public static string Refused(MessageDiscriminator? first, MessageDiscriminator? second, MessageEnvelope envelope) => (first, second) switch
    {
        (null, _) => $"a message without '{envelope.DiscriminatorProperty}'",
        ({ } one, null) => $"a {one.ToDisplayString()} message",
        ({ } one, { } two) => $"a {one.ToDisplayString()}/{two.ToDisplayString()} message",
    };

    public static string Aborted(PendingRequest request, WebSocketCloseInfo close) =>
        $"The connection closed ({Describe(close)}) before the response to request {request.Id} ({request.Description}) arrived.";

    public static string Disposed(PendingRequest request) =>
        $"The client was disposed before the response to request {request.Id} ({request.Description}) arrived.";

    public static string NoRequestIds(Type requestType, MessageEnvelope envelope) =>
        $"{requestType} cannot be sent as a request: the envelope ({envelope}) has no request id settings. Name the id property (WebSocketClient.RequestIdProperty, or a RequestIdSettings on the MessageEnvelope).";

    public static string PropertyNamedLikeId(Type requestType, string property) =>
        $"{requestType} has a JSON property named '{property}', the request id property, so each request would carry it twice. Rename it ([JsonPropertyName]) or leave it out ([JsonIgnore]); the client writes the id.";

    internal static string Describe(WebSocketCloseInfo close) => close switch
    {
        { Status: { } status, ByPeer: true } => $"{(int)status} {status}, by the server",
        { Status: { } status } => $"{(int)status} {status}",
        { WillReconnect: true } => "connection lost; reconnecting",
        _ => "connection lost",
    };
}
