namespace CpWebSocket.Testing.Tests.Contracts.Rooms;

// Requests a server answers either with their response or with an error message of its own:
// {"type":"rooms.get","id":1,"prefix":"lo"} answered by {"type":"rooms.list","id":1,...} or {"type":"error","id":1,...}.

[Message("rooms.get")] public sealed record GetRooms(string Prefix);
[Message("rooms.list")] public sealed record RoomList(IReadOnlyList<string> Rooms);

[Message("error")]
public sealed class ServerError(string code, string reason)
{
    public string Code { get; } = code;

    public string Reason { get; } = reason;
}

[WebSocketClient(RequestIdProperty = "id", ErrorResponse = typeof(ServerError))]
[Sends(typeof(GetRooms), Returns = typeof(RoomList))]
public sealed partial class RoomsClient;
