namespace CpWebSocket.Testing.Tests.Contracts.JsonRpc;

// JSON-RPC 2.0 as an exchange speaks it: "jsonrpc":"2.0" on every message, responses without a "method", and
// notifications told apart by a channel that is a pattern.

public sealed record RpcError(int Code, string Message);
public sealed record RpcResponse<T>(T Result, RpcError? Error) : IResponse<T, RpcError>;

[Message("public/get_time")] public sealed record GetTime;
[Message("public/subscribe")] public sealed record Subscribe(IReadOnlyList<string> Channels);

[Message("subscription", "ticker.*")]
public sealed record Ticker(string InstrumentName, double LastPrice);

[Message("subscription", "book.BTC-PERPETUAL")]
public sealed record BitcoinBook(long ChangeId);

[WebSocketClient(
    DiscriminatorProperty = "method", PayloadProperty = "params", RequestIdProperty = "id",
    Responses = typeof(RpcResponse<>), NamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
[EnvelopeConstant("jsonrpc", "2.0")]
[Route("subscription", By = "params.channel", Payload = "params.data")]
[Sends(typeof(GetTime), Returns = typeof(long))]
[Sends(typeof(Subscribe), Returns = typeof(IReadOnlyList<string>))]
[Receives(typeof(Ticker))]
[Receives(typeof(BitcoinBook))]
public sealed partial class DeribitClient;
