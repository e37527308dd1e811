using CpWebSocket.Transport;
using Websocket.Client;

namespace CpWebSocket.Tests.Support;

/// <summary>
/// The base of test classes that run over each transport: a derived class per <see cref="TransportKind"/>, and
/// <see cref="Options"/> for every connection a test makes. A Websocket.Client serves one connection at a time, so each
/// call makes a transport (and a client) of its own, disposed with the test.
/// </summary>
public abstract class TransportTestBase(TransportKind transport) : IDisposable
{
    private readonly List<IDisposable> _clients = [];

    /// <summary>The transport the tests of this class run over.</summary>
    protected TransportKind Transport { get; } = transport;

    /// <summary><paramref name="options"/> (new ones when null) with this class's transport; pass fresh options for every connection.</summary>
    protected HttpWebSocketOptions Options(HttpWebSocketOptions? options = null)
    {
        options ??= new HttpWebSocketOptions();
        if (Transport == TransportKind.WebsocketClient)
        {
            var transport = new WebsocketClientTransport(connect => new Websocket.Client.WebsocketClient(new Uri("ws://127.0.0.1/"), null, connect));
            lock (_clients)
            {
                _clients.Add(transport.Client);
            }

            options.Transport = transport;
        }

        return options;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_clients)
        {
            _clients.ForEach(client => client.Dispose());
            _clients.Clear();
        }

        GC.SuppressFinalize(this);
    }
}
