using System.Text.Json.Serialization;

namespace CpWebSocket.Tests.Messaging.Requests;

/// <summary>A unit of work for the <c>/respond</c> endpoint; the optional fields tell the server how to answer it.</summary>
[Message("work")]
public sealed record Work(
    int N,
    [property: JsonPropertyName("silent")] bool? Silent = null,
    [property: JsonPropertyName("delay_ms")] int? DelayMs = null,
    [property: JsonPropertyName("close")] bool? Close = null);

/// <summary>The same work with a 300 ms timeout declared on its contract.</summary>
[Message("work.quick")]
public sealed record QuickWork(int N, [property: JsonPropertyName("silent")] bool? Silent = null);

/// <summary>What the server answers: the request's own fields under the <c>reply</c> discriminator.</summary>
[Message("reply")]
public sealed record WorkDone(int N);

/// <summary>A message the server never sends; the client receives it to prove that responses are not routed.</summary>
[Message("reply")]
public sealed record NotARoutedReply(int N);

/// <summary>Flat envelope, integer ids next to the discriminator: <c>{"type":"work","id":1,"n":5}</c>.</summary>
[WebSocketClient(RequestIdProperty = "id")]
[Sends(typeof(Work), Returns = typeof(WorkDone))]
[Sends(typeof(QuickWork), Returns = typeof(WorkDone), TimeoutMilliseconds = 300)]
public sealed partial class WorkClient;

/// <summary>Like <see cref="WorkClient"/>, but <c>reply</c> messages also have a contract.</summary>
[WebSocketClient(RequestIdProperty = "id")]
[Sends(typeof(Work), Returns = typeof(WorkDone))]
[Receives(typeof(NotARoutedReply))]
public sealed partial class WorkClientWithReplyContract;

/// <summary>A JSON-RPC 2.0 error object.</summary>
public sealed record RpcError(int Code, string Message);

/// <summary>A JSON-RPC 2.0 response: a result or an error.</summary>
public sealed record RpcResponse<T>(T Result, RpcError? Error) : IResponse<T, RpcError>;

/// <summary>Work sent as a JSON-RPC call; a <see cref="Fail"/> message makes the server answer with an error.</summary>
[Message("work")]
public sealed record RpcWork(int N, [property: JsonPropertyName("fail")] string? Fail = null);

/// <summary>JSON-RPC 2.0: <c>{"method":"work","id":"1","params":{...}}</c>, string ids, responses without a discriminator.</summary>
[WebSocketClient(DiscriminatorProperty = "method", PayloadProperty = "params", RequestIdProperty = "id", RequestIdKind = RequestIdKind.String)]
[Sends(typeof(RpcWork), Returns = typeof(RpcResponse<WorkDone>))]
public sealed partial class RpcWorkClient;

/// <summary>An OBS-style request: integer op codes, the id inside the payload.</summary>
[Message(6)]
public sealed record GetVersion(string RequestType);

/// <summary>An OBS-style response (op 7), read from the payload.</summary>
[Message(7)]
public sealed record ObsResponse(string RequestType, string RequestId);

/// <summary>OBS websocket style: <c>{"op":6,"d":{"requestId":"1","requestType":"GetVersion"}}</c>.</summary>
[WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d", RequestIdProperty = "requestId", RequestIdLocation = RequestIdLocation.Payload, RequestIdKind = RequestIdKind.String)]
[Sends(typeof(GetVersion), Returns = typeof(ObsResponse))]
public sealed partial class ObsStyleClient;
