using CpWebSocket;

namespace Samples.Chat;

/// <summary>
/// A typed chat client. The build generates the rest of this class: a <c>SendAsync</c> overload per sent
/// contract, a <c>JoinedReceived</c>/<c>SaidReceived</c> event and <c>OnJoined</c>/<c>OnSaid</c> registration per
/// received one, plus everything of <see cref="CpWebSocket.Messaging.MessageClient"/> (lifecycle, raw lane, Unhandled).
/// </summary>
/// <remarks>
/// Without a <c>SerializerContext</c>, messages are serialized by reflection with the web defaults (camelCase).
/// Name a <c>JsonSerializerContext</c> here when publishing trimmed or with Native AOT, as samples/AotChat does.
/// </remarks>
[WebSocketClient]
[Sends(typeof(Join))]
[Sends(typeof(Say))]
[Receives(typeof(Said))]
[Receives(typeof(Joined))]
public sealed partial class ChatClient;
