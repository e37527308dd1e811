namespace CpWebSocket.Benchmarks.Contracts;

/// <summary>The small message: one trade print, about 110 bytes of JSON with its envelope.</summary>
[Message(Discriminator)]
public sealed record Trade(long Id, string Symbol, double Price, int Quantity, string Side, long Timestamp) : EchoMessage
{
    public const string Discriminator = "echo.trade";
}
