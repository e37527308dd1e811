using CpWebSocket.Messaging;
using CpWebSocket.Testing.Wire;

namespace CpWebSocket.Testing.Answers;

/// <summary>One rule of <see cref="PeerAnswers"/>: the messages of one contract, and what answers them.</summary>
internal abstract class AnswerRule(MessageKey key)
{
    /// <summary>The key of the messages the rule answers.</summary>
    public MessageKey Key { get; } = key;

    /// <summary>Reads the message, computes the answer and sends it, carrying the message's request id if it has one.</summary>
    public abstract Task AnswerAsync(TestPeer peer, ClientMessage message, CancellationToken cancellationToken);
}

/// <summary>The <see cref="AnswerRule"/> of one request and response type.</summary>
internal sealed class AnswerRule<TRequest, TResponse>(MessageKey key, Func<TRequest, CancellationToken, Task<TResponse>> answer)
    : AnswerRule(key)
{
    public override async Task AnswerAsync(TestPeer peer, ClientMessage message, CancellationToken cancellationToken)
    {
        var request = peer.Read<TRequest>(message, Key);
        var response = await answer(request, cancellationToken).ConfigureAwait(false);
        await peer.ReplyAsync(response, message.RequestId, null, cancellationToken).ConfigureAwait(false);
    }
}
