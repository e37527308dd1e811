namespace CpWebSocket.Tests.Interop;

// The contracts and typed clients the Node server's /chat endpoint speaks. /chat answers a "ping" with a "pong"
// and echoes any other JSON unchanged, so a client that sends and receives the same contract round-trips any
// envelope shape through a peer that shares no code with ours.

/// <summary>Answered by /chat with a <see cref="Pong"/> of the same id: <c>{"type":"ping","id":1,"text":"hi"}</c>.</summary>
[Message("ping")]
public sealed record Ping(int Id, string Text);

/// <summary>The answer of /chat to a <see cref="Ping"/>: <c>{"type":"pong","id":1,"server":"node"}</c>.</summary>
[Message("pong")]
public sealed record Pong(int Id, string Server);

/// <summary>Echoed by /chat as is; sent wrapped by <see cref="WrappedNoteClient"/>.</summary>
[Message("note")]
public sealed record Note(int Id, string Text);

/// <summary>Echoed by /chat as is; an integer discriminator: <c>{"op":5,"seq":1,"price":2.5}</c>.</summary>
[Message(5)]
public sealed record Tick(long Seq, double Price);

/// <summary>Flat envelope with string discriminators, the default.</summary>
[WebSocketClient]
[Sends(typeof(Ping))]
[Receives(typeof(Pong))]
public sealed partial class NodePingClient;

/// <summary>Wrapped envelope: <c>{"type":"note","data":{"id":1,"text":"hi"}}</c>.</summary>
[WebSocketClient(PayloadProperty = "data")]
[Sends(typeof(Note))]
[Receives(typeof(Note))]
public sealed partial class WrappedNoteClient;

/// <summary>Integer discriminators in an <c>"op"</c> property, as OBS-style protocols do.</summary>
[WebSocketClient(DiscriminatorProperty = "op")]
[Sends(typeof(Tick))]
[Receives(typeof(Tick))]
public sealed partial class TickClient;

/// <summary>A JSON-RPC 2.0 call of <c>add</c>: <c>{"method":"add","id":1,"params":{"a":1,"b":2}}</c>.</summary>
[Message("add")]
public sealed record Add(int A, int B);

/// <summary>A JSON-RPC 2.0 call that the Node server answers with an error carrying <paramref name="Message"/>.</summary>
[Message("fail")]
public sealed record Fail(string Message);

/// <summary>The result of <see cref="Add"/>.</summary>
public sealed record AddResult(int Sum);

/// <summary>A JSON-RPC 2.0 notification: no id, so it is an ordinary message.</summary>
[Message("progress")]
public sealed record Progress(long Answering);

/// <summary>A JSON-RPC 2.0 error object.</summary>
public sealed record NodeRpcError(int Code, string Message);

/// <summary>A JSON-RPC 2.0 response.</summary>
public sealed record NodeRpcResponse<T>(T Result, NodeRpcError? Error) : IResponse<T, NodeRpcError>;

/// <summary>JSON-RPC 2.0 over Node: integer ids next to "method", parameters wrapped in "params".</summary>
[WebSocketClient(DiscriminatorProperty = "method", PayloadProperty = "params", RequestIdProperty = "id")]
[Sends(typeof(Add), Returns = typeof(NodeRpcResponse<AddResult>))]
[Sends(typeof(Fail), Returns = typeof(NodeRpcResponse<AddResult>))]
[Receives(typeof(Progress))]
public sealed partial class NodeRpcClient;
