using System.Text;
using CpWebSocket.Messaging;
using CpWebSocket.Tests.Messaging.Codec.Fixtures;
using Xunit;

namespace CpWebSocket.Tests.Messaging.Codec;

public sealed class InboundRoutingTests
{
    private static CodecClient FlatClient()
    {
        var protocol = CodecProtocols.Flat();
        return new CodecClient(protocol.CreateRouter(
            protocol.Inbound("chat.said", CodecClient.Record<Said>()),
            protocol.Inbound("quote", CodecClient.Record<Quote>()),
            protocol.Inbound("ping", CodecClient.Record<Ping>())));
    }

    private static CodecClient WrappedClient()
    {
        var protocol = CodecProtocols.Wrapped();
        return new CodecClient(protocol.CreateRouter(
            protocol.Inbound("chat.said", CodecClient.Record<Said>()),
            protocol.Inbound("code", CodecClient.Record<Code>())));
    }

    private static CodecClient IntegerClient()
    {
        var protocol = CodecProtocols.Flat();
        return new CodecClient(protocol.CreateRouter(
            protocol.Inbound(1, CodecClient.Record<Said>()),
            protocol.Inbound(5, CodecClient.Record<Quote>())));
    }

    [Fact]
    public async Task A_flat_message_reaches_the_handler_of_its_discriminator()
    {
        using var client = FlatClient();

        await client.ReceiveText("""{"type":"chat.said","room":"lobby","from":"ann","text":"hi"}""");

        Assert.Equal([new Said("lobby", "ann", "hi")], client.Received);
        Assert.Empty(client.Errors);
    }

    [Theory]
    [InlineData("""{"type":"chat.said","room":"lobby","from":"ann","text":"hi"}""")]
    [InlineData(""" { "type" : "chat.said" , "room":"lobby","from":"ann","text":"hi"} """)]
    [InlineData("{\r\n\t\"type\":\t\"chat.said\",\n\"room\":\"lobby\",\"from\":\"ann\",\"text\":\"hi\"}")]
    [InlineData("""{"type":"chat.said","room":"lobby","from":"ann","text":"hi","note":"the \"type\" of room"}""")]
    public async Task A_message_that_opens_with_its_discriminator_is_routed_whatever_its_whitespace_and_values(string json)
    {
        using var client = FlatClient();

        await client.ReceiveText(json);

        Assert.Equal([new Said("lobby", "ann", "hi")], client.Received);
        Assert.Empty(client.Errors);
    }

    [Theory]
    [InlineData("""{"type":"chat.saidx","room":"r"}""", "chat.saidx")]
    [InlineData("""{"type":"chat","room":"r"}""", "chat")]
    [InlineData("""{"type":"","room":"r"}""", "")]
    public async Task A_leading_discriminator_that_names_no_contract_exactly_is_unhandled(string json, string value)
    {
        using var client = FlatClient();

        await client.ReceiveText(json);

        Assert.Empty(client.Received);
        Assert.Empty(client.Errors);
        Assert.Equal(value, Assert.Single(client.UnhandledMessages).Discriminator.StringValue);
    }

    [Fact]
    public async Task The_discriminator_is_found_wherever_it_stands()
    {
        using var client = FlatClient();

        await client.ReceiveText("""{"room":"lobby","from":"ann","text":"hi","type":"chat.said"}""");
        await client.ReceiveText("""{"room":"lobby","nested":{"type":"quote","list":[{"type":1}]},"type":"chat.said","from":"bob","text":"yo"}""");

        Assert.Equal([new Said("lobby", "ann", "hi"), new Said("lobby", "bob", "yo")], client.Received);
        Assert.Empty(client.Errors);
    }

    [Fact]
    public async Task An_escaped_discriminator_value_matches_its_contract()
    {
        using var client = FlatClient();

        await client.ReceiveText("""{"type":"chat\u002esaid","room":"r","from":"f","text":"t"}""");
        await client.ReceiveText("""{"type":"\u0070\u0069\u006E\u0067"}""");

        Assert.Equal([new Said("r", "f", "t"), new Ping()], client.Received);
    }

    [Fact]
    public async Task A_long_escaped_discriminator_value_is_compared_without_truncation()
    {
        var protocol = CodecProtocols.Flat();
        var name = new string('q', 300);
        using var client = new CodecClient(protocol.CreateRouter(protocol.Inbound(name, CodecClient.Record<Ping>())));

        await client.ReceiveText($$"""{"type":"\u0071{{name[1..]}}"}""");
        await client.ReceiveText($$"""{"type":"\u0071{{name}}"}""");

        Assert.Equal([new Ping()], client.Received);
        Assert.Equal("q" + name, client.UnhandledMessages.Single().Discriminator.StringValue);
    }

    [Fact]
    public async Task An_escaped_discriminator_property_name_is_recognised()
    {
        using var client = FlatClient();

        await client.ReceiveText("""{"\u0074ype":"ping"}""");

        Assert.Equal([new Ping()], client.Received);
    }

    [Fact]
    public async Task Integer_discriminators_route_by_number()
    {
        using var client = IntegerClient();

        await client.ReceiveText("""{"bid":1.5,"type":5,"seq":7,"ask":2}""");
        await client.ReceiveText("""{"type":1,"room":"r","from":"f","text":"t"}""");

        Assert.Equal([new Quote { Seq = 7, Bid = 1.5, Ask = 2 }, new Said("r", "f", "t")], client.Received);
    }

    [Fact]
    public async Task A_wrapped_message_is_read_from_its_payload_before_or_after_the_discriminator()
    {
        using var client = WrappedClient();

        await client.ReceiveText("""{"type":"chat.said","data":{"room":"a","from":"b","text":"c"}}""");
        await client.ReceiveText("""{"data":{"room":"d","from":"e","text":"f"},"seq":3,"type":"chat.said"}""");
        await client.ReceiveText("""{"type":"code","data":"xyz"}""");

        Assert.Equal([new Said("a", "b", "c"), new Said("d", "e", "f"), new Code("xyz")], client.Received);
    }

    [Fact]
    public async Task A_discriminator_without_a_contract_is_unhandled_with_its_value_and_text()
    {
        using var client = FlatClient();
        const string Json = """{"type":"chat.typing","room":"lobby"}""";

        await client.ReceiveText(Json);

        Assert.Equal([((MessageDiscriminator)"chat.typing", Json)], client.UnhandledMessages);
        Assert.Empty(client.Received);
        Assert.Empty(client.Errors);
    }

    [Fact]
    public async Task An_unknown_integer_discriminator_is_unhandled()
    {
        using var client = IntegerClient();

        await client.ReceiveText("""{"type":42}""");

        Assert.Equal((MessageDiscriminator)42, client.UnhandledMessages.Single().Discriminator);
    }

    [Fact]
    public async Task Integers_of_one_two_and_more_digits_route_alike()
    {
        // 0 to 99 are looked up by index, the rest by hash: the two must agree, and neither may take a negative,
        // a fraction or an exponent for an opcode.
        var protocol = CodecProtocols.Flat();
        using var client = new CodecClient(protocol.CreateRouter(
            protocol.Inbound(0, CodecClient.Record<Ping>()),
            protocol.Inbound(99, CodecClient.Record<Said>()),
            protocol.Inbound(100, CodecClient.Record<Quote>())));

        await client.ReceiveText("""{"type":0}""");
        await client.ReceiveText("""{"type":99,"room":"r","from":"f","text":"t"}""");
        await client.ReceiveText("""{"type":100,"seq":1}""");
        await client.ReceiveText("""{"type":9}""");
        await client.ReceiveText("""{"type":-1}""");
        await client.ReceiveText("""{"type":10}""");
        await client.ReceiveText("""{"type":1.0}""");
        await client.ReceiveText("""{"type":1e1}""");

        Assert.Equal([new Ping(), new Said("r", "f", "t"), new Quote { Seq = 1 }], client.Received);
        Assert.Equal([(MessageDiscriminator)9, (MessageDiscriminator)(-1), (MessageDiscriminator)10], client.UnhandledMessages.Select(m => m.Discriminator));
        Assert.Equal(2, client.Errors.Count); // 1.0 and 1e1 are numbers, not integers
    }

    [Fact]
    public async Task A_client_without_received_contracts_reports_every_message_as_unhandled()
    {
        using var client = new CodecClient(CodecProtocols.Flat().CreateRouter());

        await client.ReceiveText("""{"type":"a"}""");
        await client.ReceiveText("""{"type":2}""");

        Assert.Equal([(MessageDiscriminator)"a", (MessageDiscriminator)2], client.UnhandledMessages.Select(m => m.Discriminator));
    }

    [Fact]
    public async Task Binary_messages_stay_on_the_raw_lane()
    {
        using var client = FlatClient();

        await client.Receive(WebSocketMessageKind.Binary, Encoding.UTF8.GetBytes("""{"type":"ping"}"""));
        await client.Receive(WebSocketMessageKind.Binary, [0xFF, 0x00]);

        Assert.Empty(client.Received);
        Assert.Empty(client.UnhandledMessages);
        Assert.Empty(client.Errors);
    }

    [Fact]
    public async Task An_async_handler_holds_the_next_message_until_it_completes()
    {
        var protocol = CodecProtocols.Flat();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<string>();
        using var client = new CodecClient(protocol.CreateRouter(protocol.Inbound<Ping>("ping", async (_, _, _, _) =>
        {
            order.Add("started");
            await gate.Task;
            order.Add("finished");
        })));

        var handling = client.ReceiveText("""{"type":"ping"}""");

        Assert.False(handling.IsCompleted);
        Assert.Equal(["started"], order);
        gate.SetResult();
        await handling;
        Assert.Equal(["started", "finished"], order);
        Assert.Empty(client.Errors);
    }

    [Fact]
    public async Task Handlers_receive_the_client_that_received_the_message()
    {
        var protocol = CodecProtocols.Flat();
        MessageClient? seen = null;
        using var client = new CodecClient(protocol.CreateRouter(protocol.Inbound<Ping>("ping", (c, _, _, _) =>
        {
            seen = c;
            return default;
        })));

        await client.ReceiveText("""{"type":"ping"}""");

        Assert.Same(client, seen);
    }

    [Fact]
    public void The_router_lists_its_contracts_and_envelope()
    {
        var protocol = CodecProtocols.Wrapped();
        var said = protocol.Inbound("chat.said", CodecClient.Record<Said>());

        var router = protocol.CreateRouter(said);

        Assert.Same(said, Assert.Single(router.Contracts));
        Assert.Same(protocol.Envelope, router.Envelope);
        Assert.Equal(typeof(Said), said.MessageType);
        Assert.Equal((MessageDiscriminator)"chat.said", said.Discriminator);
    }
}
