using System.Text.Json.Serialization;

namespace CpWebSocket.Benchmarks.Contracts;

/// <summary>
/// The base the hand-written contenders serialize through: System.Text.Json's own polymorphism writes and reads
/// the same <c>{"type":"echo.trade",...}</c> envelope the generated client does, which is how an expert would
/// reach that wire format without CpWebSocket.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Trade), Trade.Discriminator)]
[JsonDerivedType(typeof(BookSnapshot), BookSnapshot.Discriminator)]
public abstract record EchoMessage;
