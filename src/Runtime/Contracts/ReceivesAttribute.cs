namespace CpWebSocket;

/// <summary>
/// Declares a message contract that a <see cref="WebSocketClientAttribute">websocket client</see> receives:
/// the client gets a typed event (<c>SaidReceived</c> for <c>Said</c>) and an async handler registration
/// (<c>OnSaid</c>). Repeat the attribute for each contract.
/// </summary>
/// <example>
/// <code language="csharp">
/// [WebSocketClient]
/// [Receives(typeof(Said))]
/// public sealed partial class ChatClient;
///
/// chat.SaidReceived += m => Console.WriteLine($"{m.From}: {m.Text}");
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ReceivesAttribute : Attribute
{
    /// <summary>Declares <paramref name="messageType"/> as received by the client.</summary>
    /// <param name="messageType">A type marked with <see cref="MessageAttribute"/>.</param>
    public ReceivesAttribute(Type messageType)
    {
        MessageType = messageType;
    }

    /// <summary>The contract type the client receives.</summary>
    public Type MessageType { get; }
}
