using CpWebSocket.Transport;
using Microsoft.IO;
using Websocket.Client;

namespace CpWebSocket;

public sealed partial class HttpWebSocket
{
    /// <summary>
    /// Called by the receive loop of <c>Websocket.Client</c> for each complete message. Never throws: an
    /// exception here would end that loop and reconnect.
    /// </summary>
    private void OnMessage(Connection connection, ResponseMessage response)
    {
        var owner = response.Stream as RecyclableMemoryStream;
        try
        {
            if (_status == WebSocketStatus.Opening)
            {
                OnConnected(connection); // the first message can beat the end of StartOrFail
            }

            var data = owner is not null
                ? owner.GetBuffer().AsMemory(0, (int)owner.Length)
                : response.Binary ?? System.Text.Encoding.UTF8.GetBytes(response.Text ?? string.Empty);
            var message = new WebSocketMessage(connection.Socket?.LastMessageKind ?? WebSocketMessageKind.Binary, data);

            var arrivalStatus = _current == connection ? _status : WebSocketStatus.Closed;
            var pending = PendingEvent.ForMessage(message, owner, connection, arrivalStatus);
            owner = null; // the dispatcher returns the buffer once the message was delivered
            _dispatcher.Post(pending);
        }
        catch (Exception ex)
        {
            owner?.Dispose();
            OnDeliveryFault(ex);
        }
    }
}
