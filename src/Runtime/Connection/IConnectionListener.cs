namespace CpWebSocket;

/// <summary>
/// For the messaging layer: what it learns of each connection attempt as it happens, outside the ordered event queue,
/// so that a response or an awaited message reaches a caller that holds that queue (a handler, a stream's reader, an
/// <c>OnOpened</c> hook). The calls about one attempt come in order: opened, the messages as they arrive, ready, ended.
/// </summary>
/// <remarks>
/// <see cref="OnCycleOpened"/>, <see cref="OnCycleReady"/> and <see cref="OnCycleEnded"/> are called under the
/// connection's lock: an implementation takes only locks of its own, completes tasks only with continuations that run
/// asynchronously, and never calls the connection from them.
/// </remarks>
internal interface IConnectionListener
{
    /// <summary>An attempt's socket opened; its first message has not been read yet.</summary>
    void OnCycleOpened();

    /// <summary>
    /// A whole message arrived, on the receive loop, before it is queued or delivered, even while a handler still runs.
    /// Returning <see langword="true"/> takes it for the messaging layer: it is still raised on the raw lane in its turn,
    /// but not given to <see cref="HttpWebSocket.MessageInterceptor"/>. The bytes are valid only during the call.
    /// </summary>
    bool OnArrival(in WebSocketMessage message);

    /// <summary>The open attempt became ready: its <c>OnOpened</c> hooks ran.</summary>
    void OnCycleReady();

    /// <summary>The attempt ended; its <see cref="WebSocketEvent.Closed"/> event (with <paramref name="close"/>) is on its way.</summary>
    void OnCycleEnded(WebSocketCloseInfo close);
}
