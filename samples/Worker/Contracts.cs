namespace Samples.Worker;

/// <summary>Asks the server for <paramref name="Count"/> ticks of <paramref name="Symbol"/>.</summary>
[CpWebSocket.Message("tick.subscribe")]
public sealed record Subscribe(string Symbol, int Count);

/// <summary>One price of a symbol, numbered from 1.</summary>
[CpWebSocket.Message("tick")]
public sealed record Tick(string Symbol, int Seq, decimal Price);

/// <summary>Asks for the last price of a symbol; answered by a <see cref="Quote"/> with the same id.</summary>
[CpWebSocket.Message("quote.get")]
public sealed record GetQuote(string Symbol);

/// <summary>The answer to <see cref="GetQuote"/>.</summary>
[CpWebSocket.Message("quote")]
public sealed record Quote(string Symbol, decimal Price);
