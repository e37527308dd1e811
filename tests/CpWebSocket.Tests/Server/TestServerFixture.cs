using Xunit;

namespace CpWebSocket.Tests.Server;

/// <summary>
/// One <see cref="TestServer"/> (plain and TLS ports) shared by the tests of a class or of the
/// <see cref="ServerCollectionDefinition"/>; started before the first test, disposed after the last.
/// </summary>
public sealed class TestServerFixture : IAsyncLifetime
{
    private TestServer? _server;

    /// <summary>The running server.</summary>
    public TestServer Server => _server ?? throw new InvalidOperationException("The test server has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await TestServer.StartAsync(tls: true);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
