using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Readme;

/// <summary>
/// The README's serializer context: with <c>JsonSerializerDefaults.Web</c> its client writes the same wire names as a
/// client without a context, and reads them back.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class SerializerContextExample(TestServerFixture fixture)
{
    [Fact]
    public async Task A_context_with_web_defaults_keeps_the_wire_names_of_a_client_without_one()
    {
        var url = fixture.Server.WsUri("/echo");
        var echoed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var said = new TaskCompletionSource<Said>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var chat = new TrimmableChatClient(url);
        chat.Unhandled += message => echoed.TrySetResult(message.GetText());
        chat.SaidReceived += message => said.TrySetResult(message);
        await chat.OpenAsync();

        await chat.SendAsync(new Say("lobby", "hi"));
        chat.Send("""{"type":"chat.said","room":"lobby","from":"bob","text":"hey"}""", isData: false);

        Assert.Equal("""{"type":"chat.say","room":"lobby","text":"hi"}""", await echoed.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(new Said("lobby", "bob", "hey"), await said.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
