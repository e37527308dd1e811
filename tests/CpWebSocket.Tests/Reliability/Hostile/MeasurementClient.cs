namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>Wrapped envelope, integer discriminator under <c>op</c>, payload in <c>d</c>.</summary>
[WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d", SerializerContext = typeof(HostileJsonContext))]
[Receives(typeof(Measurement))]
public sealed partial class MeasurementClient;
