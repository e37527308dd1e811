namespace CpWebSocket.Messaging;

/// <summary>
/// The waits of one client for messages (<see cref="MessageClient.WaitForAsync{T}(Func{T, bool}?, CancellationToken)"/>),
/// offered each message as it arrives. While a connection opens (its socket is open, its <c>OnOpened</c> hooks have not
/// all run) the messages no wait took are kept, so a wait armed by a hook still sees what the server sent first, such as
/// a handshake's hello; they are let go once the connection is ready or ended.
/// </summary>
internal sealed class MessageWaits
{
    private readonly object _gate = new();
    private readonly List<MessageWaiter> _waiters = [];
    private readonly List<Early> _early = [];
    private volatile bool _watching;
    private bool _opening;

    /// <summary>Whether arriving messages are to be offered: a wait is armed, or a connection is opening.</summary>
    public bool IsWatching => _watching;

    /// <summary>A connection's socket opened: keep what arrives until it is ready.</summary>
    public void OnOpened()
    {
        lock (_gate)
        {
            _opening = true;
            _early.Clear();
            _watching = true;
        }
    }

    /// <summary>The connection is ready: its hooks ran, so what arrives from now on goes to the waits armed by then.</summary>
    public void OnReady()
    {
        lock (_gate)
        {
            _opening = false;
            _early.Clear();
            _watching = _waiters.Count > 0;
        }
    }

    /// <summary>The connection ended: every wait fails.</summary>
    public void OnEnded(WebSocketCloseInfo close)
    {
        MessageWaiter[] failed;
        lock (_gate)
        {
            _opening = false;
            _early.Clear();
            failed = [.. _waiters];
            _waiters.Clear();
            _watching = false;
        }

        foreach (var waiter in failed)
        {
            waiter.Fail(new WebSocketWaitAbortedException(
                $"The connection closed ({RequestErrors.Describe(close)}) before a {waiter.Description} message arrived.")
            {
                Close = close,
            });
        }
    }

    /// <summary>The client was disposed: every wait fails.</summary>
    public void FailAll()
    {
        MessageWaiter[] failed;
        lock (_gate)
        {
            failed = [.. _waiters];
            _waiters.Clear();
            _watching = _opening;
        }

        foreach (var waiter in failed)
        {
            waiter.Fail(new WebSocketWaitAbortedException($"The client was disposed before a {waiter.Description} message arrived."));
        }
    }

    /// <summary>Arms a wait: it takes a message kept while the connection opens, or the next one that arrives.</summary>
    public void Add(MessageWaiter waiter)
    {
        lock (_gate)
        {
            for (var i = 0; i < _early.Count; i++)
            {
                var early = _early[i];
                if (waiter.Accepts(early.Contract) && waiter.TryTake(early.Contract, early.Payload, early.Present))
                {
                    _early.RemoveAt(i);
                    return;
                }
            }

            _waiters.Add(waiter);
            _watching = true;
        }
    }

    /// <summary>Disarms a wait (its token was cancelled); false when it had ended already.</summary>
    public bool Remove(MessageWaiter waiter)
    {
        lock (_gate)
        {
            var removed = _waiters.Remove(waiter);
            _watching = _opening || _waiters.Count > 0;
            return removed;
        }
    }

    /// <summary>Offers an arriving message of <paramref name="contract"/> to the waits, in the order they were armed.</summary>
    public void Offer(InboundContract contract, ReadOnlySpan<byte> json, Range payload, bool present)
    {
        var record = present ? json[payload] : default;
        lock (_gate)
        {
            for (var i = 0; i < _waiters.Count; i++)
            {
                var waiter = _waiters[i];
                if (waiter.Accepts(contract) && waiter.TryTake(contract, record, present))
                {
                    _waiters.RemoveAt(i);
                    _watching = _opening || _waiters.Count > 0;
                    return;
                }
            }

            if (_opening)
            {
                _early.Add(new Early(contract, record.ToArray(), present));
            }
        }
    }

    /// <summary>A message that arrived while the connection opened and no wait took: its contract and record.</summary>
    private readonly record struct Early(InboundContract Contract, byte[] Payload, bool Present);
}
