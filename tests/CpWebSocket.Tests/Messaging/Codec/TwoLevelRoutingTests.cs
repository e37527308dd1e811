using CpWebSocket.Messaging;
using CpWebSocket.Tests.Messaging.Codec.Fixtures;

namespace CpWebSocket.Tests.Messaging.Codec;

/// <summary>
/// Routes: a first-level value routed further by a second value found at a path, with the record read from another
/// path. Contracts by both values, patterns, the Unhandled cases, and the same layouts written when sending.
/// </summary>
public sealed class TwoLevelRoutingTests
{
    /// <summary>OBS-like: <c>{"op":5,"d":{"eventType":...,"eventData":{...}}}</c>, and op 7 answered in <c>d</c>.</summary>
    private static MessageProtocol Obs() => MessageProtocol.Create(
        new MessageEnvelope("op", "d", new RequestIdSettings("requestId", RequestIdLocation.Payload, RequestIdKind.String))
        {
            Routes = [new MessageRoute(5, "d.eventType", "d.eventData"), new MessageRoute(6, "d.requestType", "d.requestData")],
        },
        CodecJsonContext.Default);

    /// <summary>JSON-RPC-like: <c>{"jsonrpc":"2.0","method":"subscription","params":{"channel":...,"data":{...}}}</c>.</summary>
    private static MessageProtocol Rpc() => MessageProtocol.Create(
        new MessageEnvelope("method", "params", new RequestIdSettings("id"))
        {
            Routes = [new MessageRoute("subscription", "params.channel", "params.data")],
            Constants = [new MessageConstant("jsonrpc", "2.0")],
        },
        CodecJsonContext.Default);

    [Theory]
    [InlineData("""{"op":5,"d":{"eventType":"SayIt","eventIntent":1,"eventData":{"room":"r","from":"f","text":"t"}}}""")]
    [InlineData("""{"d":{"eventData":{"room":"r","from":"f","text":"t"},"eventType":"SayIt"},"op":5}""")]
    [InlineData("""{"op":5,"d":{"eventType":"S\u0061yIt","eventData":{"room":"r","from":"f","text":"t"}}}""")]
    public async Task A_message_is_routed_by_both_values_and_read_from_its_routes_payload_wherever_they_stand(string json)
    {
        var protocol = Obs();
        using var client = new CodecClient(protocol.CreateRouter(
            protocol.Inbound(new MessageKey(5, "SayIt"), CodecClient.Record<Said>()),
            protocol.Inbound(new MessageKey(5, "Other"), CodecClient.Record<Ping>())));

        await client.ReceiveText(json);

        Assert.Equal([new Said("r", "f", "t")], client.Received);
        Assert.Empty(client.Errors);
    }

    [Fact]
    public async Task A_layout_deeper_and_wider_than_the_routers_room_on_the_stack_routes_alike()
    {
        // 20 routes watch 40 members, one of them nine objects deep: more than the router keeps on the stack (16 slots,
        // 8 levels), so these passes use arrays, and must route as the others do.
        var deep = "a.b.c.d.e.f.g.h.kind";
        var routes = Enumerable.Range(1, 19).Select(i => new MessageRoute(i, $"d.kind{i}", $"d.data{i}")).Append(new MessageRoute(20, deep, "a.b.c.d.e.f.g.h.data"));
        var protocol = MessageProtocol.Create(new MessageEnvelope("op", "d") { Routes = [.. routes] }, CodecJsonContext.Default);
        using var client = new CodecClient(protocol.CreateRouter(
            protocol.Inbound(new MessageKey(19, "said"), CodecClient.Record<Said>()),
            protocol.Inbound(new MessageKey(20, "said"), CodecClient.Record<Said>())));

        await client.ReceiveText("""{"op":19,"d":{"kind19":"said","data19":{"room":"r","from":"f","text":"1"}}}""");
        await client.ReceiveText("""{"op":20,"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"kind":"said","data":{"room":"r","from":"f","text":"2"}}}}}}}}}}""");
        await client.ReceiveText("""{"op":20,"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"kind":"other"}}}}}}}}}""");

        Assert.Equal([new Said("r", "f", "1"), new Said("r", "f", "2")], client.Received);
        Assert.Equal((MessageDiscriminator)20, Assert.Single(client.UnhandledMessages).Discriminator);
        Assert.Empty(client.Errors);
    }

    [Theory]
    [InlineData("""{"op":5,"d":{"eventType":"Unknown","eventData":{}}}""", "Unknown")]
    [InlineData("""{"op":5,"d":{"eventIntent":1}}""", null)]
    [InlineData("""{"op":5,"d":{"eventType":7}}""", "7")]
    [InlineData("""{"op":5,"d":null}""", null)]
    public async Task A_first_level_match_whose_second_level_matches_nothing_is_unhandled_with_both_values(string json, string? second)
    {
        var protocol = Obs();
        using var client = new CodecClient(protocol.CreateRouter(protocol.Inbound(new MessageKey(5, "SayIt"), CodecClient.Record<Said>())));
        var unhandled = new List<UnhandledMessage>();
        client.Unhandled += u => unhandled.Add(u);

        await client.ReceiveText(json);

        Assert.Empty(client.Errors);
        var message = Assert.Single(unhandled);
        Assert.Equal((MessageDiscriminator)5, message.Discriminator);
        Assert.Equal(second, message.SecondDiscriminator?.ToString());
    }

    [Theory]
    [InlineData("""{"op":5,"d":{"eventType":"SayIt","eventData":{"room":"r","from":"f","text":"t"}}} x""", WebSocketErrorKind.InvalidJson, "not valid JSON")]
    [InlineData("""{"op":5,"d":{"eventType":"SayIt","eventData":{"room":"r","from":"f","text":"t"},"eventType":"Other"}}""", WebSocketErrorKind.MissingDiscriminator, "more than one 'd.eventType'")]
    [InlineData("""{"op":5,"d":{"eventType":"SayIt","eventData":{"room":"r","from":"f","text":"t"}},"op":5}""", WebSocketErrorKind.MissingDiscriminator, "more than one 'op'")]
    [InlineData("""{"op":5,"d":{"eventType":"SayIt","eventData":{"room":"r","from":"f","text":"t"},"eventData":{}}}""", WebSocketErrorKind.Deserialization, "more than one 'd.eventData'")]
    [InlineData("""{"op":5,"d":{"eventType":"SayIt","eventData":{"room":[1],"from":"f","text":"t"}}}""", WebSocketErrorKind.Deserialization, "within its 'd.eventData' property")]
    public async Task A_payload_read_as_soon_as_its_contract_is_known_is_delivered_only_when_the_whole_message_is_sound(string json, WebSocketErrorKind kind, string reason)
    {
        var protocol = Obs();
        using var client = new CodecClient(protocol.CreateRouter(protocol.Inbound(new MessageKey(5, "SayIt"), CodecClient.Record<Said>())));

        await client.ReceiveText(json);

        Assert.Empty(client.Received);
        var error = Assert.Single(client.Errors);
        Assert.Equal(kind, error.Kind);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_routed_value_without_any_contract_still_reports_its_second_value()
    {
        var protocol = Obs();
        using var client = new CodecClient(protocol.CreateRouter());
        var unhandled = new List<UnhandledMessage>();
        client.Unhandled += u => unhandled.Add(u);

        await client.ReceiveText("""{"op":6,"d":{"requestType":"GetVersion"}}""");

        var message = Assert.Single(unhandled);
        Assert.Equal((MessageDiscriminator)6, message.Discriminator);
        Assert.Equal("GetVersion", message.SecondDiscriminator?.StringValue);
    }

    [Theory]
    [InlineData("ticker.BTC-PERPETUAL.100ms", "ticker")]
    [InlineData("ticker.BTC-PERPETUAL.raw", "ticker raw")]
    [InlineData("ticker.exact", "exact")]
    [InlineData("book.ETH", "anything")]
    public async Task Patterns_match_by_prefix_the_longest_first_and_an_exact_value_before_any(string channel, string expected)
    {
        var protocol = Rpc();
        var matched = new List<string>();
        using var client = new CodecClient(protocol.CreateRouter(
            protocol.Inbound<Ping>(new MessageKey("subscription", "ticker.*"), (_, _, _, _) => Note(matched, "ticker")),
            protocol.Inbound<Ping>(new MessageKey("subscription", "ticker.BTC-PERPETUAL.r*"), (_, _, _, _) => Note(matched, "ticker raw")),
            protocol.Inbound<Ping>(new MessageKey("subscription", "ticker.exact"), (_, _, _, _) => Note(matched, "exact")),
            protocol.Inbound<Ping>(new MessageKey("subscription", "*"), (_, _, _, _) => Note(matched, "anything"))));

        await client.ReceiveText("""{"jsonrpc":"2.0","method":"subscription","params":{"channel":""" + "\"" + channel + "\"" + ""","data":{}}}""");

        Assert.Equal([expected], matched);
        Assert.Empty(client.Errors);
    }

    [Fact]
    public async Task A_repeated_second_level_value_is_not_routed()
    {
        var protocol = Obs();
        using var client = new CodecClient(protocol.CreateRouter(protocol.Inbound(new MessageKey(5, "SayIt"), CodecClient.Record<Said>())));

        await client.ReceiveText("""{"op":5,"d":{"eventType":"SayIt","eventType":"Other","eventData":{}}}""");

        var error = Assert.Single(client.Errors);
        Assert.Equal(WebSocketErrorKind.MissingDiscriminator, error.Kind);
        Assert.Contains("more than one 'd.eventType' property", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_level_request_is_written_with_its_second_value_and_id_beside_its_payload()
    {
        var request = Obs().Request<Say, Said>(new MessageKey(6, "SayIt"), response: 7);
        using var buffer = new EncodeBuffer(request.Outbound.Protocol.WriterOptions);

        request.Outbound.Encode(new Say("r", "t"), buffer, 42);

        Assert.Equal(
            """{"op":6,"d":{"requestType":"SayIt","requestId":"42","requestData":{"room":"r","text":"t"}}}""",
            System.Text.Encoding.UTF8.GetString(buffer.WrittenMemory.Span));
    }

    [Fact]
    public void Constants_are_written_first_on_every_message_and_requests()
    {
        var protocol = Rpc();
        using var buffer = new EncodeBuffer(protocol.WriterOptions);

        Assert.Equal("""{"jsonrpc":"2.0","method":"ping","params":{}}""", CodecProtocols.Encode(protocol.Outbound<Ping>("ping"), new Ping()));
        protocol.Request<Say, Said>("say").Outbound.Encode(new Say("r", "t"), buffer, 7);
        Assert.Equal("""{"jsonrpc":"2.0","method":"say","id":7,"params":{"room":"r","text":"t"}}""", System.Text.Encoding.UTF8.GetString(buffer.WrittenMemory.Span));
    }

    [Theory]
    [InlineData(251L, """{"type":1,"data":251}""")]
    [InlineData(null, """{"type":1,"data":null}""")]
    public void A_value_payload_is_written_bare(long? sequence, string expected)
    {
        var contract = CodecProtocols.Wrapped().Outbound<Beat, long?>(1, static beat => beat.Sequence);

        Assert.Equal(expected, CodecProtocols.Encode(contract, new Beat(sequence)));
    }

    [Theory]
    [InlineData("""{"type":1,"data":251}""", 251L)]
    [InlineData("""{"type":1,"data":null}""", null)]
    [InlineData("""{"type":1}""", null)]
    public async Task A_value_payload_is_read_into_its_record_and_null_or_absent_reads_as_null(string json, long? sequence)
    {
        var protocol = CodecProtocols.Wrapped();
        using var client = new CodecClient(protocol.CreateRouter(protocol.Inbound<Beat, long?>(1, static value => new Beat(value), CodecClient.Record<Beat>())));

        await client.ReceiveText(json);

        Assert.Equal([new Beat(sequence)], client.Received);
    }

    [Fact]
    public async Task A_payload_less_record_is_delivered_from_a_null_or_absent_payload()
    {
        var protocol = CodecProtocols.Wrapped();
        using var client = new CodecClient(protocol.CreateRouter(protocol.Inbound(11, CodecClient.Record<Ping>())));

        await client.ReceiveText("""{"type":11,"data":null}""");
        await client.ReceiveText("""{"type":11}""");

        Assert.Equal([new Ping(), new Ping()], client.Received);
    }

    [Fact]
    public void Keys_must_fit_the_routes()
    {
        var protocol = Obs();

        Assert.Contains("routes 5 by 'd.eventType'", Assert.Throws<ArgumentException>(() => protocol.Inbound(5, CodecClient.Record<Ping>())).Message, StringComparison.Ordinal);
        Assert.Contains("no route for 9", Assert.Throws<ArgumentException>(() => protocol.Inbound(new MessageKey(9, "x"), CodecClient.Record<Ping>())).Message, StringComparison.Ordinal);
        Assert.Contains("is a pattern", Assert.Throws<ArgumentException>(() => protocol.Outbound<Ping>(new MessageKey(5, "Say*"))).Message, StringComparison.Ordinal);
        Assert.Contains("mix strings and integers", Assert.Throws<ArgumentException>(() => protocol.CreateRouter(
            protocol.Inbound(new MessageKey(5, "a"), CodecClient.Record<Ping>()),
            protocol.Inbound(new MessageKey(5, 2), CodecClient.Record<Said>()))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("op", "d")]
    [InlineData("d", "d")]
    [InlineData("d.eventType", "d.eventType.x")]
    public void A_route_whose_second_value_is_the_discriminator_or_holds_its_payload_is_refused(string by, string payload)
    {
        var envelope = new MessageEnvelope("op", "d") { Routes = [new MessageRoute(5, by, payload)] };

        Assert.Throws<ArgumentException>(() => MessageProtocol.Create(envelope, CodecJsonContext.Default));
    }

    [Fact]
    public void Two_routes_for_one_value_and_a_constant_where_the_envelope_writes_are_refused()
    {
        Assert.Contains("two routes for 5", Assert.Throws<ArgumentException>(() => MessageProtocol.Create(
            new MessageEnvelope("op", "d") { Routes = [new MessageRoute(5, "t"), new MessageRoute(5, "x")] },
            CodecJsonContext.Default)).Message, StringComparison.Ordinal);
        Assert.Contains("stands where the envelope writes 'op'", Assert.Throws<ArgumentException>(() => MessageProtocol.Create(
            new MessageEnvelope("op", "d") { Constants = [new MessageConstant("op", 1)] },
            CodecJsonContext.Default)).Message, StringComparison.Ordinal);
    }

    private static ValueTask Note(List<string> matched, string what)
    {
        matched.Add(what);
        return default;
    }
}
