using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Messaging.EndToEnd;

/// <summary>Bad input gets a clear error and loses nothing else: the next good message always arrives.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class MalformedMessageTests(TestServerFixture fixture)
{
    private async Task<(FlatEchoClient Client, Inbox Inbox)> OpenAsync()
    {
        var inbox = new Inbox();
        var client = new FlatEchoClient(fixture.Server.WsUri("/echo"));
        client.NoteReceived += inbox.Add;
        client.Unhandled += u => inbox.Add(u.Discriminator.ToString() + " " + u.GetText());
        client.Error += inbox.Add;
        await client.OpenAsync();
        return (client, inbox);
    }

    [Theory]
    [InlineData("{not json", WebSocketErrorKind.InvalidJson)]
    [InlineData("\"just a string\"", WebSocketErrorKind.InvalidJson)]
    [InlineData("""{"title":"no type","count":1}""", WebSocketErrorKind.MissingDiscriminator)]
    [InlineData("""{"type":true,"title":"x","count":1}""", WebSocketErrorKind.MissingDiscriminator)]
    [InlineData("""{"type":"note","title":"x","count":"many"}""", WebSocketErrorKind.Deserialization)]
    public async Task A_bad_message_is_an_error_with_its_text_and_the_next_good_one_arrives(string bad, WebSocketErrorKind kind)
    {
        var (client, inbox) = await OpenAsync();
        await using var _ = client;

        client.Send(bad, isData: false);
        await client.SendAsync(new Note("still here", 1));

        var items = await inbox.WaitForAsync(2);
        var error = Assert.IsType<WebSocketErrorInfo>(items[0]);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(bad, error.RawText);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Equal(new Note("still here", 1), items[1]);
        Assert.True(client.IsOpen);
    }

    [Fact]
    public async Task A_deserialization_error_names_the_contract_and_the_json_path()
    {
        var (client, inbox) = await OpenAsync();
        await using var _ = client;

        client.Send("""{"type":"note","title":"x","count":"many"}""", isData: false);

        var error = Assert.IsType<WebSocketErrorInfo>((await inbox.WaitForAsync(1))[0]);
        Assert.Contains("Note", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.count", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_discriminator_is_unhandled_and_the_next_good_message_arrives()
    {
        var (client, inbox) = await OpenAsync();
        await using var _ = client;

        client.Send("""{"type":"presence","user":"bob"}""", isData: false);
        await client.SendAsync(new Note("after", 2));

        Assert.Equal(["""presence {"type":"presence","user":"bob"}""", new Note("after", 2)], await inbox.WaitForAsync(2));
    }

    [Fact]
    public async Task A_throwing_typed_handler_is_an_error_and_the_next_message_arrives()
    {
        var (client, inbox) = await OpenAsync();
        await using var _ = client;
        client.NoteReceived += note =>
        {
            if (note.Count == 0)
            {
                throw new InvalidOperationException("handler bug");
            }
        };

        await client.SendAsync(new Note("boom", 0));
        await client.SendAsync(new Note("fine", 1));

        var items = await inbox.WaitForAsync(3);
        Assert.Equal(new Note("boom", 0), items[0]);
        Assert.Equal(WebSocketErrorKind.Callback, Assert.IsType<WebSocketErrorInfo>(items[1]).Kind);
        Assert.Equal(new Note("fine", 1), items[2]);
    }

    [Fact]
    public async Task Raw_text_and_binary_share_the_connection_with_typed_messages()
    {
        var (client, inbox) = await OpenAsync();
        await using var _ = client;
        var raw = new Inbox();
        client.MessageReceived += m => raw.Add(m.Kind);

        client.Send(new byte[] { 0x7B, 0x00, 0xFF }); // binary: never parsed as JSON
        await client.SendAsync(new Note("typed", 1));
        client.Send("plain text", isData: false);

        var typed = await inbox.WaitForAsync(2);
        var frames = await raw.WaitForAsync(3);
        Assert.Equal(new Note("typed", 1), typed[0]);
        Assert.Equal(WebSocketErrorKind.InvalidJson, Assert.IsType<WebSocketErrorInfo>(typed[1]).Kind);
        Assert.Equal(2, typed.Count);
        Assert.Equal([WebSocketMessageKind.Binary, WebSocketMessageKind.Text, WebSocketMessageKind.Text], frames);
    }
}
