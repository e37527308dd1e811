namespace CpWebSocket;

/// <summary>
/// Declares a message contract that a <see cref="WebSocketClientAttribute">websocket client</see> sends:
/// the client gets a typed <c>SendAsync</c> for it. Repeat the attribute for each contract.
/// </summary>
/// <example>
/// <code language="csharp">
/// [WebSocketClient]
/// [Sends(typeof(Say))]
/// [Sends(typeof(Join))]
/// public sealed partial class ChatClient;
///
/// await chat.SendAsync(new Say("lobby", "hi"));
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SendsAttribute : Attribute
{
    /// <summary>Declares <paramref name="messageType"/> as sent by the client.</summary>
    /// <param name="messageType">A type marked with <see cref="MessageAttribute"/>.</param>
    public SendsAttribute(Type messageType)
    {
        MessageType = messageType;
    }

    /// <summary>The contract type the client sends.</summary>
    public Type MessageType { get; }
}
