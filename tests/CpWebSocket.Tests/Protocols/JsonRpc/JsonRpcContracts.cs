using System.Text.Json.Serialization;

namespace CpWebSocket.Tests.Protocols.JsonRpc;

// README: deribit (begin)
public sealed record RpcError(int Code, string Message);
public sealed record RpcResponse<T>(T Result, RpcError? Error) : IResponse<T, RpcError>;   // "result" or "error", no "method"

[Message("public/get_time")] public sealed record GetTime;
[Message("public/test")] public sealed record Test;
public sealed record TestResult(string Version);
[Message("public/set_heartbeat")] public sealed record SetHeartbeat(int Interval);
[Message("public/subscribe")] public sealed record Subscribe(IReadOnlyList<string> Channels);
[Message("private/get_account_summary")] public sealed record GetAccountSummary(string Currency);
public sealed record AccountSummary(string Currency, double Equity);

// {"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.BTC-PERPETUAL.100ms","data":{...}}}
[Message("subscription", "ticker.*")]
public sealed record Ticker(string InstrumentName, double LastPrice, double BestBidPrice, double BestAskPrice, long Timestamp);

[Message("subscription", "book.*")]
public sealed record BookChange(string InstrumentName, long ChangeId, IReadOnlyList<double[]> Bids, IReadOnlyList<double[]> Asks);

[Message("heartbeat")] public sealed record Heartbeat(string Type);

[WebSocketClient(
    DiscriminatorProperty = "method", PayloadProperty = "params", RequestIdProperty = "id",
    Responses = typeof(RpcResponse<>), NamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[EnvelopeConstant("jsonrpc", "2.0")]                                                       // written on every message
[Route("subscription", By = "params.channel", Payload = "params.data")]                     // notifications, by channel
[Sends(typeof(GetTime), Returns = typeof(long))]                                            // Task<long> GetTimeAsync(...)
[Sends(typeof(Test), Returns = typeof(TestResult))]
[Sends(typeof(SetHeartbeat), Returns = typeof(void))]
[Sends(typeof(Subscribe), Returns = typeof(IReadOnlyList<string>))]
[Sends(typeof(GetAccountSummary), Returns = typeof(AccountSummary))]
[Receives(typeof(Ticker))]
[Receives(typeof(BookChange))]
[Receives(typeof(Heartbeat))]
public sealed partial class DeribitClient;
// README: deribit (end)
