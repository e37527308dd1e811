using CpWebSocket;

namespace Samples.Chat;

/// <summary>
/// A typed chat client. The build generates the rest of this class: a <c>SendAsync</c> overload per sent
/// contract, an awaited <c>WhoAsync</c> for the chat.who request, a <c>JoinedReceived</c>/<c>SaidReceived</c> event and <c>OnJoined</c>/<c>OnSaid</c> registration per
/// received one, plus everything of <see cref="CpWebSocket.Messaging.MessageClient"/> (lifecycle, raw lane, Unhandled).
/// </summary>
/// <remarks>
/// Without a <c>SerializerContext</c>, messages are serialized by reflection with the web defaults (camelCase).
/// Name a <c>JsonSerializerContext</c> here when publishing trimmed or with Native AOT, as samples/AotChat does.
/// </remarks>
[WebSocketClient(RequestIdProperty = "id")]
[Sends(typeof(Join))]
[Sends(typeof(Say))]
[Sends(typeof(Who), Returns = typeof(Members))]
[Receives(typeof(Said))]
[Receives(typeof(Joined))]
public sealed partial class ChatClient;
