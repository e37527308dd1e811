namespace CpWebSocket.Benchmarks.Contracts;

/// <summary>One price level of a <see cref="BookSnapshot"/>.</summary>
public readonly record struct BookLevel(double Price, int Quantity);
