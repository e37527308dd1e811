namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>The result of one receive: a message, the client's close, or a message over the limit.</summary>
internal readonly record struct Inbound(InboundKind Kind, ReceivedMessage? Message);
