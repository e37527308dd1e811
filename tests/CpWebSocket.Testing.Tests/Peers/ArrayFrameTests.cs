using System.Text.Json.Nodes;
using CpWebSocket.Testing.Tests.Contracts.Chat;
using CpWebSocket.Testing.Tests.Contracts.HomeAssistant;
using CpWebSocket.Testing.Tests.Support;

namespace CpWebSocket.Testing.Tests.Peers;

/// <summary>Several messages in one frame, a JSON array, as servers that coalesce messages send them.</summary>
public sealed class ArrayFrameTests
{
    [Fact]
    public async Task Each_element_of_an_array_frame_is_delivered_in_order()
    {
        await using var server = new InMemoryServer<HomeAssistantClient>();
        await using var ha = new HomeAssistantClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var changes = new Captured<StateChanged>();
        ha.StateChangedReceived += changes.Add;
        await ha.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendArrayAsync([new StateChanged("light.kitchen", null), new StateChanged("light.porch", null)]);

        Assert.Equal(new StateChanged("light.kitchen", null), await changes.NextAsync());
        Assert.Equal(new StateChanged("light.porch", null), await changes.NextAsync());
        Assert.Equal(
            """[{"type":"event","event":{"event_type":"state_changed","data":{"entity_id":"light.kitchen","new_state":null}}},{"type":"event","event":{"event_type":"state_changed","data":{"entity_id":"light.porch","new_state":null}}}]""",
            Assert.Single(peer.Exchanged).GetText());
    }

    [Fact]
    public async Task A_bad_element_is_one_error_and_the_others_are_delivered()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var said = new Captured<Said>();
        var errors = new Captured<WebSocketErrorKind>();
        chat.SaidReceived += said.Add;
        chat.Error += error => errors.Add(error.Kind);
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendArrayAsync([new Said("lobby", "bob", "one"), new JsonObject { ["type"] = "chat.said", ["room"] = "lobby" }, new Said("lobby", "bob", "two")]);

        Assert.Equal("one", (await said.NextAsync()).Text);
        Assert.Equal("two", (await said.NextAsync()).Text);
        Assert.Equal(WebSocketErrorKind.Deserialization, await errors.NextAsync());
    }
}
