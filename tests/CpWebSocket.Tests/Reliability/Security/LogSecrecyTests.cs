using CpWebSocket.Tests.Messaging.EndToEnd;
using CpWebSocket.Tests.Server;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CpWebSocket.Tests.Reliability.Security;

/// <summary>
/// The logs never carry secrets, at any level: not the handshake's headers, not the URL's query, not the
/// contents of any message sent or received, good or bad. Error events still carry the raw text for the app;
/// only the logs leave it out.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class LogSecrecyTests(TestServerFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task No_log_entry_carries_the_token_the_query_or_any_message_content()
    {
        var token = "tok-" + Guid.NewGuid().ToString("N");
        var querySecret = "qry-" + Guid.NewGuid().ToString("N");
        var content = "msg-" + Guid.NewGuid().ToString("N");
        var logger = new CapturingLogger();
        var options = new HttpWebSocketOptions { Logger = logger };
        options.RequestHeaders["Authorization"] = "Bearer " + token;
        var inbox = new Inbox();
        var errors = new List<WebSocketErrorInfo>();

        string[] bad =
        [
            $"not json {content}",
            $"tru{content}",
            $$"""{"type":"note","title":"{{content}}","count":"{{content}}"}""",
            $$"""{"type":"note","{{content}}":1,"count":true}""",
            $$"""{"type":"{{content}}","title":"{{content}}"}""",
            $$"""{"title":"{{content}}"}""",
            $$"""{"type":"note","title":"{{content}}","count":1,"x":[}""",
            $$"""{"type":"note","type":"{{content}}"}""",
            $$"""{"type":"note","title":"\uD800{{content}}"}""",
            $$"""{"\uDFFF{{content}}":1,"type":"note"}""",
        ];

        await using (var client = new FlatEchoClient(fixture.Server.WsUri($"/echo?key={querySecret}"), options))
        {
            client.NoteReceived += inbox.Add;
            client.Unhandled += message => inbox.Add(message.GetText());
            client.Error += error =>
            {
                errors.Add(error);
                inbox.Add(error);
            };
            client.MessageReceived += _ => { };
            await client.OpenAsync();

            await client.SendAsync(new Note(content, 1));
            foreach (var text in bad)
            {
                await client.SendAsync(text, isData: false);
            }

            await client.SendAsync(content, isData: true);
            await client.SendAsync(new Note(content, 2));

            await inbox.WaitForAsync(bad.Length + 2);
            await client.CloseAsync();
        }

        // The app still gets what it needs: the errors name the message's text.
        Assert.Equal(bad.Length - 1, errors.Count);
        Assert.All(errors, error => Assert.Contains(content, error.RawText, StringComparison.Ordinal));

        var entries = logger.Entries;
        foreach (var entry in entries)
        {
            output.WriteLine(entry.ToString());
        }

        Assert.Contains(entries, entry => entry.Level >= LogLevel.Warning);
        Assert.Contains(entries, entry => entry.Level == LogLevel.Debug);
        foreach (var secret in new[] { token, querySecret, content })
        {
            var leaks = entries.Where(entry => entry.Contains(secret)).ToList();
            Assert.True(leaks.Count == 0, $"{leaks.Count} log entries carry a secret, the first: {leaks.FirstOrDefault()}");
        }
    }

    [Theory]
    [InlineData("reject")]
    [InlineData("refused")]
    public async Task A_failed_connect_logs_neither_the_token_nor_the_query_nor_the_user_info(string failure)
    {
        var token = "tok-" + Guid.NewGuid().ToString("N");
        var querySecret = "qry-" + Guid.NewGuid().ToString("N");
        var password = "pwd-" + Guid.NewGuid().ToString("N");
        var logger = new CapturingLogger();
        var options = new HttpWebSocketOptions { Logger = logger };
        options.RequestHeaders["Authorization"] = "Bearer " + token;
        var url = failure == "reject"
            ? fixture.Server.WsUri($"/reject?status=401&key={querySecret}")
            : TestServer.RefusedWsUri($"/echo?key={querySecret}");
        url = new UriBuilder(url) { UserName = "user", Password = password }.Uri;
        var errors = new List<WebSocketErrorInfo>();

        await using (var socket = new HttpWebSocket(url, options: options))
        {
            socket.Error += errors.Add;
            await Assert.ThrowsAsync<WebSocketConnectException>(() => socket.OpenAsync());
        }

        var error = Assert.Single(errors);
        Assert.Equal(WebSocketErrorKind.Connect, error.Kind);
        var entries = logger.Entries;
        foreach (var entry in entries)
        {
            output.WriteLine(entry.ToString());
        }

        Assert.Contains(entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("Connect error", StringComparison.Ordinal));
        foreach (var secret in new[] { token, querySecret, password })
        {
            var leaks = entries.Where(entry => entry.Contains(secret)).ToList();
            Assert.True(leaks.Count == 0, $"{leaks.Count} log entries carry a secret, the first: {leaks.FirstOrDefault()}");
        }
    }
}
