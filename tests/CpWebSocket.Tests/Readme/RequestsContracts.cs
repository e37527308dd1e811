namespace CpWebSocket.Tests.Readme;

// README: requests (begin)
[Message("rooms.get")]
public sealed record GetRooms(string Prefix);

[Message("rooms.list")]                                             // the response: its id and discriminator match it
public sealed record RoomList(IReadOnlyList<string> Rooms);

[WebSocketClient(RequestIdProperty = "id")]                         // {"type":"rooms.get","id":1,"prefix":"lo"}
[Sends(typeof(GetRooms), Returns = typeof(RoomList))]              // Task<RoomList> GetRoomsAsync(GetRooms, CancellationToken)
[Sends(typeof(Ping), Returns = typeof(Pong), TimeoutMilliseconds = 2_000)]
public sealed partial class RoomsClient;
// README: requests (end)

[Message("ping")]
public sealed record Ping;

[Message("pong")]
public sealed record Pong;

// README: json-rpc (begin)
public sealed record RpcError(int Code, string Message);

public sealed record RpcResponse<T>(T Result, RpcError? Error) : IResponse<T, RpcError>;

[Message("rooms.count")]
public sealed record CountRooms(string Prefix);

public sealed record RoomCount(string Prefix);

// {"jsonrpc":"2.0","method":"rooms.count","id":1,"params":{"prefix":"lo"}} answered by {"jsonrpc":"2.0","id":1,"result":{...}}
[WebSocketClient(DiscriminatorProperty = "method", PayloadProperty = "params", RequestIdProperty = "id", Responses = typeof(RpcResponse<>))]
[EnvelopeConstant("jsonrpc", "2.0")]
[Sends(typeof(CountRooms), Returns = typeof(RoomCount))]                // Task<RoomCount> CountRoomsAsync(...)
public sealed partial class RpcRoomsClient;
// README: json-rpc (end)
