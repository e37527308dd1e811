namespace CpWebSocket.Messaging;

/// <summary>
/// What the client does with each message as it arrives, on the receive loop, before the message waits its turn in the
/// ordered queue: it completes the request the message answers, and the waits (<see cref="WaitForAsync{T}(Func{T, bool}?, CancellationToken)"/>)
/// the message satisfies. So a handler, a stream's reader or an <c>OnOpened</c> hook, which hold that queue, can await a
/// response or a message without waiting for themselves. A response is then raised on the raw lane only, in its turn;
/// every other message is delivered to its handlers in order, awaited or not.
/// </summary>
public abstract partial class MessageClient : IConnectionListener
{
    /// <inheritdoc/>
    void IConnectionListener.OnCycleOpened() => _waits.OnOpened();

    /// <inheritdoc/>
    bool IConnectionListener.OnArrival(in WebSocketMessage message)
    {
        if (!message.IsText)
        {
            return false;
        }

        var watching = _waits.IsWatching;
        if (_requests.Count == 0 && !watching)
        {
            return false; // nothing waits: the message's one pass is the ordered one
        }

        var json = message.Data.Span;
        if (MessageBatch.IsArray(json))
        {
            // An array frame is taken whole or not at all, so its responses are matched in its turn; waits are offered its elements.
            if (watching)
            {
                OfferBatch(message.Data);
            }

            return false;
        }

        if (_router.MatchOnArrival(this, json, answerRequests: true, watching, out var contract, out var payload, out var present))
        {
            return true;
        }

        if (contract is not null)
        {
            _waits.Offer(contract, json, payload, present);
        }

        return false;
    }

    /// <inheritdoc/>
    void IConnectionListener.OnCycleReady() => _waits.OnReady();

    /// <inheritdoc/>
    void IConnectionListener.OnCycleEnded(WebSocketCloseInfo close) => _waits.OnEnded(close);

    private void OfferBatch(ReadOnlyMemory<byte> frame)
    {
        using var batch = MessageBatch.Read(frame, _router.Protocol.ReaderOptions, out _);
        if (batch is null)
        {
            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var element = batch[i].Span;
            _router.MatchOnArrival(this, element, answerRequests: false, identify: true, out var contract, out var payload, out var present);
            if (contract is not null)
            {
                _waits.Offer(contract, element, payload, present);
            }
        }
    }
}
