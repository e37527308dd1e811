namespace CpWebSocket.Benchmarks.Contracts;

/// <summary>
/// The generated request contender: <c>await client.EchoTradeAsync(trade)</c> sends
/// <c>{"type":"echo.trade","requestId":7,...}</c> and completes with the message that carries the same id, which
/// the raw echo endpoint sends straight back.
/// </summary>
[WebSocketClient(SerializerContext = typeof(EchoJsonContext), RequestIdProperty = RequestIdProperty)]
[Sends(typeof(Trade), Returns = typeof(TradeReply), MethodName = "EchoTradeAsync")]
[Sends(typeof(BookSnapshot), Returns = typeof(BookReply), MethodName = "EchoBookAsync")]
public sealed partial class EchoRequestClient
{
    /// <summary>The property that carries request ids; <c>id</c> is taken by the contracts' own <c>Id</c>.</summary>
    public const string RequestIdProperty = "requestId";
}
