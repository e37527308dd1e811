using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Xunit;

namespace CpWebSocket.Tests.Server;

/// <summary>Tests of the test server itself, driven by a plain <see cref="ClientWebSocket"/>.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class TestServerTests(TestServerFixture fixture)
{
    private static readonly TimeSpan Timeout = TestServer.DefaultTimeout;

    private TestServer Server => fixture.Server;

    [Fact]
    public async Task Echo_returns_text_as_text_and_binary_as_binary()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        using var client = await ConnectAsync(Server.WsUri("/echo"), cancel.Token);

        await client.SendAsync(Encoding.UTF8.GetBytes("héllo"), WebSocketMessageType.Text, endOfMessage: true, cancel.Token);
        var text = await ReceiveMessageAsync(client, cancel.Token);
        Assert.Equal(WebSocketMessageType.Text, text.Type);
        Assert.Equal("héllo", Encoding.UTF8.GetString(text.Data));

        byte[] bytes = [0, 1, 2, 0xFF, 0xC3];
        await client.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, cancel.Token);
        var binary = await ReceiveMessageAsync(client, cancel.Token);
        Assert.Equal(WebSocketMessageType.Binary, binary.Type);
        Assert.Equal(bytes, binary.Data);

        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cancel.Token);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        Assert.Equal("done", client.CloseStatusDescription);
    }

    [Fact]
    public async Task Echo_reassembles_a_fragmented_message()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var tag = NewTag();
        using var client = await ConnectAsync(Server.WsUri($"/echo?tag={tag}"), cancel.Token);
        var whole = ServerPayloads.Binary(3, 100_000);

        await client.SendAsync(whole.AsMemory(0, 40_000), WebSocketMessageType.Binary, endOfMessage: false, cancel.Token);
        await client.SendAsync(whole.AsMemory(40_000, 40_000), WebSocketMessageType.Binary, endOfMessage: false, cancel.Token);
        await client.SendAsync(whole.AsMemory(80_000), WebSocketMessageType.Binary, endOfMessage: true, cancel.Token);
        var echoed = await ReceiveMessageAsync(client, cancel.Token);
        Assert.Equal(whole, echoed.Data);

        var log = await Server.WaitForConnectionAsync("/echo", Timeout, tag);
        var received = Assert.Single(await log.WaitForMessagesAsync(1, Timeout));
        Assert.Equal(whole, received.Data.ToArray());
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancel.Token);
    }

    [Fact]
    public async Task Echo_answers_close_with_the_same_code_and_the_log_shows_it()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var tag = NewTag();
        using var client = await ConnectAsync(Server.WsUri($"/echo?tag={tag}"), cancel.Token);

        await client.CloseAsync((WebSocketCloseStatus)4100, "leaving", cancel.Token);

        Assert.Equal((WebSocketCloseStatus)4100, client.CloseStatus);
        var log = await Server.WaitForConnectionAsync($"/echo?tag={tag}", Timeout);
        await log.WaitForCompletionAsync(Timeout);
        Assert.True(log.CloseReceived);
        Assert.True(log.CloseAnswered);
        Assert.Equal((WebSocketCloseStatus)4100, log.ClientCloseStatus);
        Assert.Equal("leaving", log.ClientCloseDescription);
        Assert.Null(log.Error);
    }

    [Fact]
    public async Task Close_sends_the_code_and_reason_after_n_messages()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var tag = NewTag();
        using var client = await ConnectAsync(Server.WsUri($"/close?code=4001&reason=bye&after=2&tag={tag}"), cancel.Token);

        await client.SendAsync("a"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, cancel.Token);
        await client.SendAsync("b"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, cancel.Token);
        Assert.Equal("a", Encoding.UTF8.GetString((await ReceiveMessageAsync(client, cancel.Token)).Data));
        Assert.Equal("b", Encoding.UTF8.GetString((await ReceiveMessageAsync(client, cancel.Token)).Data));

        var close = await client.ReceiveAsync(new byte[16], cancel.Token);
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        Assert.Equal((WebSocketCloseStatus)4001, close.CloseStatus);
        Assert.Equal("bye", close.CloseStatusDescription);
        await client.CloseOutputAsync((WebSocketCloseStatus)4001, "bye", cancel.Token);

        var log = await Server.WaitForConnectionAsync("/close", Timeout, tag);
        await log.WaitForCompletionAsync(Timeout);
        Assert.True(log.CloseSent);
        Assert.Equal((WebSocketCloseStatus)4001, log.ServerCloseStatus);
        Assert.True(log.CloseReceived);
        Assert.Null(log.Error);
    }

    [Fact]
    public async Task Close_without_after_closes_right_after_accept()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        using var client = await ConnectAsync(Server.WsUri("/close?code=4001&reason=bye"), cancel.Token);

        var close = await client.ReceiveAsync(new byte[16], cancel.Token);

        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        Assert.Equal((WebSocketCloseStatus)4001, client.CloseStatus);
        Assert.Equal("bye", client.CloseStatusDescription);
    }

    [Fact]
    public async Task Silent_close_never_answers_the_client_close()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var tag = NewTag();
        using var client = await ConnectAsync(Server.WsUri($"/silent-close?tag={tag}"), cancel.Token);
        await client.SendAsync("still echoing"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, cancel.Token);
        Assert.Equal("still echoing", Encoding.UTF8.GetString((await ReceiveMessageAsync(client, cancel.Token)).Data));

        using var closeCancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", closeCancel.Token));

        var log = await Server.WaitForConnectionAsync("/silent-close", Timeout, tag);
        Assert.True(log.CloseReceived);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, log.ClientCloseStatus);
        Assert.False(log.CloseAnswered);
    }

    [Fact]
    public async Task Reject_fails_the_handshake_with_401()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        using var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => client.ConnectAsync(Server.WsUri("/reject"), cancel.Token));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, client.HttpStatusCode);
    }

    [Fact]
    public async Task Unused_port_refuses_the_connection()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        using var client = new ClientWebSocket();

        await Assert.ThrowsAsync<WebSocketException>(() => client.ConnectAsync(TestServer.RefusedWsUri(), cancel.Token));
    }

    [Fact]
    public async Task Tls_endpoint_is_reachable_when_the_self_signed_certificate_is_accepted()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var expected = Server.Certificate!;
        using var client = new ClientWebSocket();
        client.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHashString() == expected.GetCertHashString();

        await client.ConnectAsync(Server.HttpsWsUri("/echo"), cancel.Token);
        await client.SendAsync("secure"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, cancel.Token);

        Assert.Equal("secure", Encoding.UTF8.GetString((await ReceiveMessageAsync(client, cancel.Token)).Data));
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancel.Token);
    }

    [Fact]
    public async Task Tls_endpoint_is_refused_without_a_validation_callback()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        using var client = new ClientWebSocket();

        await Assert.ThrowsAsync<WebSocketException>(() => client.ConnectAsync(Server.HttpsWsUri("/echo"), cancel.Token));
    }

    [Fact]
    public void Self_signed_certificate_names_localhost_and_has_a_private_key()
    {
        using var certificate = SelfSignedCertificate.Create();

        Assert.True(certificate.HasPrivateKey);
        Assert.Equal("CN=localhost", certificate.Subject);
        Assert.True(certificate.MatchesHostname("localhost"));
        Assert.True(certificate.MatchesHostname("127.0.0.1"));
    }

    [Fact]
    public async Task Record_keeps_the_order_of_mixed_messages()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var tag = NewTag();
        using var client = await ConnectAsync(Server.WsUri($"/record?tag={tag}"), cancel.Token);
        const int count = 10_000;
        for (var i = 0; i < count; i++)
        {
            var type = i % 3 == 0 ? WebSocketMessageType.Binary : WebSocketMessageType.Text;
            await client.SendAsync(Encoding.UTF8.GetBytes($"m{i}"), type, endOfMessage: true, cancel.Token);
        }

        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancel.Token);

        var log = await Server.WaitForConnectionAsync("/record", Timeout, tag);
        var messages = await log.WaitForMessagesAsync(count, Timeout);
        Assert.Equal(count, messages.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i % 3 == 0 ? WebSocketMessageType.Binary : WebSocketMessageType.Text, messages[i].Type);
            Assert.Equal($"m{i}", messages[i].Text);
        }

        Assert.Equal(0, log.BytesSent);
    }

    [Theory]
    [InlineData("text", WebSocketMessageType.Text)]
    [InlineData("binary", WebSocketMessageType.Binary)]
    public async Task Send_sends_count_messages_of_the_kind(string kind, WebSocketMessageType type)
    {
        using var cancel = new CancellationTokenSource(Timeout);
        using var client = await ConnectAsync(Server.WsUri($"/send?kind={kind}&size=40&count=3"), cancel.Token);

        for (var i = 0; i < 3; i++)
        {
            var message = await ReceiveMessageAsync(client, cancel.Token);
            Assert.Equal(type, message.Type);
            Assert.Equal(kind == "text" ? ServerPayloads.Text(i, 40) : ServerPayloads.Binary(i, 40), message.Data);
        }

        // Then it echoes.
        await client.SendAsync("after"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, cancel.Token);
        Assert.Equal("after", Encoding.UTF8.GetString((await ReceiveMessageAsync(client, cancel.Token)).Data));
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancel.Token);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
    }

    [Fact]
    public async Task Send_invalid_utf8_sends_a_text_frame_a_strict_client_rejects_with_1007()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var tag = NewTag();
        using var client = await ConnectAsync(Server.WsUri($"/send?kind=invalid-utf8&tag={tag}"), cancel.Token);

        // ClientWebSocket validates UTF-8 and closes with 1007 (InvalidPayloadData).
        await Assert.ThrowsAsync<WebSocketException>(() => client.ReceiveAsync(new byte[64], cancel.Token));

        var log = await Server.WaitForConnectionAsync("/send", Timeout, tag);
        await log.WaitForCloseReceivedAsync(Timeout);
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, log.ClientCloseStatus);
        Assert.Equal(2, log.BytesSent);
    }

    [Fact]
    public async Task Send_oversized_stops_when_the_client_closes_and_counts_the_bytes_written()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var tag = NewTag();
        const long size = 64L * 1024 * 1024;
        using var client = await ConnectAsync(Server.WsUri($"/send?kind=oversized&size={size}&tag={tag}"), cancel.Token);

        // Read a little of the message, as a client with a 64 KiB limit would, then close with 1009.
        var buffer = new byte[ServerPayloads.FragmentSize];
        var read = 0L;
        while (read < 64 * 1024)
        {
            var result = await client.ReceiveAsync(buffer, cancel.Token);
            Assert.Equal(WebSocketMessageType.Binary, result.MessageType);
            Assert.False(result.EndOfMessage);
            read += result.Count;
        }

        await client.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "too big", cancel.Token);
        while ((await client.ReceiveAsync(buffer, cancel.Token)).MessageType != WebSocketMessageType.Close)
        {
        }

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, client.CloseStatus);
        var log = await Server.WaitForConnectionAsync("/send", Timeout, tag);
        await log.WaitForCompletionAsync(Timeout);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, log.ClientCloseStatus);
        Assert.True(log.CloseAnswered);
        Assert.InRange(log.BytesSentWhenCloseReceived!.Value, read, size - 1);
        Assert.Null(log.Error);
    }

    [Fact]
    public async Task Drop_aborts_the_connection_without_a_close_frame_after_n_messages()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var tag = NewTag();
        using var client = await ConnectAsync(Server.WsUri($"/drop?after=2&tag={tag}"), cancel.Token);
        await client.SendAsync("one"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, cancel.Token);
        await client.SendAsync("two"u8.ToArray(), WebSocketMessageType.Binary, endOfMessage: true, cancel.Token);

        var error = await Assert.ThrowsAsync<WebSocketException>(() => client.ReceiveAsync(new byte[16], cancel.Token));

        Assert.Equal(WebSocketError.ConnectionClosedPrematurely, error.WebSocketErrorCode);
        var log = await Server.WaitForConnectionAsync("/drop", Timeout, tag);
        await log.WaitForCompletionAsync(Timeout);
        Assert.True(log.Aborted);
        Assert.False(log.CloseReceived);
        Assert.Equal(["one", "two"], log.Messages.Select(message => message.Text).ToArray());
    }

    [Fact]
    public async Task Headers_reports_authorization_and_subprotocols_and_accepts_the_first()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        using var client = new ClientWebSocket();
        client.Options.SetRequestHeader("Authorization", "Bearer abc");
        client.Options.SetRequestHeader("X-Custom", "42");
        client.Options.AddSubProtocol("a");
        client.Options.AddSubProtocol("b");
        await client.ConnectAsync(Server.WsUri("/headers"), cancel.Token);

        var message = await ReceiveMessageAsync(client, cancel.Token);

        Assert.Equal("a", client.SubProtocol);
        Assert.Equal(WebSocketMessageType.Text, message.Type);
        using var json = JsonDocument.Parse(message.Data);
        var root = json.RootElement;
        Assert.Equal("Bearer abc", root.GetProperty("authorization").GetString());
        Assert.Equal(new[] { "a", "b" }, root.GetProperty("subprotocols").EnumerateArray().Select(protocol => protocol.GetString() ?? "").ToArray());
        Assert.Equal("a", root.GetProperty("accepted").GetString());
        Assert.Equal("42", root.GetProperty("headers").GetProperty("x-custom").GetString());
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancel.Token);
    }

    [Fact]
    public async Task Headers_reports_null_without_authorization_or_subprotocols()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        using var client = await ConnectAsync(Server.WsUri("/headers"), cancel.Token);

        var message = await ReceiveMessageAsync(client, cancel.Token);

        using var json = JsonDocument.Parse(message.Data);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("authorization").ValueKind);
        Assert.Equal(0, json.RootElement.GetProperty("subprotocols").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("accepted").ValueKind);
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancel.Token);
    }

    [Fact]
    public async Task Ping_echoes_like_echo()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        using var client = await ConnectAsync(Server.WsUri("/ping?interval_ms=20"), cancel.Token);

        await client.SendAsync("pong?"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, cancel.Token);

        Assert.Equal("pong?", Encoding.UTF8.GetString((await ReceiveMessageAsync(client, cancel.Token)).Data));
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancel.Token);
    }

    [Fact]
    public async Task A_second_server_with_its_own_certificate_starts_and_stops()
    {
        using var certificate = SelfSignedCertificate.Create();
        var server = await TestServer.StartAsync(tls: true, certificate);
        try
        {
            using var cancel = new CancellationTokenSource(Timeout);
            using var client = new ClientWebSocket();
            client.Options.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is X509Certificate2 x509 && x509.Thumbprint == certificate.Thumbprint;
            await client.ConnectAsync(server.HttpsWsUri("/silent-close"), cancel.Token);
            Assert.NotEqual(Server.Port, server.Port);
        }
        finally
        {
            // Disposal ends the silent-close handler that still holds its connection.
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_server_without_tls_has_no_wss_url()
    {
        await using var server = await TestServer.StartAsync();

        Assert.Null(server.TlsPort);
        Assert.Null(server.Certificate);
        Assert.Throws<InvalidOperationException>(() => server.HttpsWsUri("/echo"));
        Assert.Equal(new Uri($"ws://127.0.0.1:{server.Port}/echo?x=1"), server.WsUri("/echo?x=1"));
    }

    private static string NewTag() => Guid.NewGuid().ToString("N");

    private static async Task<ClientWebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var client = new ClientWebSocket();
        try
        {
            await client.ConnectAsync(uri, cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<(WebSocketMessageType Type, byte[] Data)> ReceiveMessageAsync(ClientWebSocket client, CancellationToken cancellationToken)
    {
        using var data = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await client.ReceiveAsync(buffer, cancellationToken);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            data.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (result.MessageType, data.ToArray());
            }
        }
    }
}
