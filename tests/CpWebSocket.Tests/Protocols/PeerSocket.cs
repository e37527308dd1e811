using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CpWebSocket.Tests.Protocols;

/// <summary>
/// The server side of one connection to a protocol peer: whole text messages in and out, the close handshake, and a
/// record of every message received so tests can check what the client put on the wire.
/// </summary>
public sealed class PeerSocket
{
    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly List<string> _received = [];
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal PeerSocket(WebSocket socket, HttpContext context, CancellationToken stopping)
    {
        _socket = socket;
        _context = context;
        Stopping = stopping;
    }

    /// <summary>Cancelled when the host stops or the client goes away.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>The request path, without the query.</summary>
    public string Path => _context.Request.Path.Value ?? string.Empty;

    /// <summary>The host and port the client connected to, as <c>127.0.0.1:5000</c>.</summary>
    public string Host => _context.Request.Host.Value ?? string.Empty;

    /// <summary>The close status the connection ended with, once it has.</summary>
    public WebSocketCloseStatus? CloseStatus { get; private set; }

    /// <summary>A query parameter of the connect request, or <paramref name="fallback"/>.</summary>
    public string Query(string name, string fallback = "") =>
        _context.Request.Query.TryGetValue(name, out var value) && value.Count > 0 ? value[0]! : fallback;

    /// <summary>The text messages received so far, in order.</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Completes when the connection has ended.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived.</summary>
    public async Task<IReadOnlyList<string>> WaitForReceivedAsync(int count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrived;
            lock (_received)
            {
                if (_received.Count >= count)
                {
                    return [.. _received];
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"{Path}: {Received.Count} messages arrived within {timeout}, not {count}.");
            }
        }
    }

    /// <summary>Receives the next text message as JSON (a <see cref="JsonNode"/>, or <see langword="null"/> for JSON null); <see langword="null"/> too once the client closed.</summary>
    public async Task<(bool Open, JsonNode? Json, string Text)> ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer.GetMemory(4096), Stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                return (false, null, string.Empty);
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await AnswerCloseAsync().ConfigureAwait(false);
                return (false, null, string.Empty);
            }

            buffer.Advance(result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
            lock (_received)
            {
                _received.Add(text);
                _arrived.TrySetResult();
                _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            JsonNode? json;
            try
            {
                json = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                json = null;
            }

            return (true, json, text);
        }
    }

    /// <summary>Sends one text message.</summary>
    public Task SendAsync(JsonNode message) => SendAsync(message.ToJsonString());

    /// <summary>Sends one text message.</summary>
    public async Task SendAsync(string message)
    {
        await _sending.WaitAsync(Stopping).ConfigureAwait(false);
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, Stopping).ConfigureAwait(false);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Starts the close handshake with <paramref name="status"/> and waits for the client's answer.</summary>
    public async Task CloseAsync(int status, string reason)
    {
        CloseStatus = (WebSocketCloseStatus)status;
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Stopping);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                await _socket.CloseAsync((WebSocketCloseStatus)status, reason, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The client went away first: the connection is over either way.
            }
        }
    }

    /// <summary>Drops the TCP connection without a close handshake, as a lost network does.</summary>
    public void Abort() => _context.Abort();

    internal void End() => _ended.TrySetResult();

    private async Task AnswerCloseAsync()
    {
        CloseStatus ??= _socket.CloseStatus;
        if (_socket.State == WebSocketState.CloseReceived)
        {
            try
            {
                await _socket.CloseOutputAsync(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, Stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Gone already.
            }
        }
    }
}
