using CpWebSocket;

namespace Samples.Worker;

/// <summary>The worker's typed client: registered from the <c>Ticker</c> section of <c>appsettings.json</c>.</summary>
[WebSocketClient(RequestIdProperty = "id")]
[Sends(typeof(Subscribe))]
[Sends(typeof(GetQuote), Returns = typeof(Quote))]
[Receives(typeof(Tick))]
public sealed partial class TickerClient;
