using System.ComponentModel;

namespace CpWebSocket.Messaging;

/// <summary>
/// Handles one received message of type <typeparamref name="T"/> for the client that received it. The next
/// message of the connection is delivered once the returned task completes.
/// </summary>
/// <typeparam name="T">The message contract.</typeparam>
/// <param name="client">The client the message arrived on.</param>
/// <param name="message">The deserialized message.</param>
/// <param name="context">The message's bytes, and its envelope on demand.</param>
/// <param name="cancellationToken">Cancelled when the client is disposed.</param>
/// <returns>A task that completes when the message has been handled.</returns>
/// <example>
/// <code language="csharp">
/// protocol.Inbound&lt;Said&gt;("chat.said", static (client, message, context, ct) => ((ChatClient)client).OnSaidAsync(message, ct));
/// </code>
/// </example>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate ValueTask InboundHandler<T>(MessageClient client, T message, InboundContext context, CancellationToken cancellationToken);
