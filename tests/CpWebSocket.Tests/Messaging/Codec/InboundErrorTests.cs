using CpWebSocket.Messaging;
using CpWebSocket.Tests.Messaging.Codec.Fixtures;
using Xunit;

namespace CpWebSocket.Tests.Messaging.Codec;

public sealed class InboundErrorTests
{
    private static CodecClient FlatClient(InboundHandler<Ping>? onPing = null)
    {
        var protocol = CodecProtocols.Flat();
        return new CodecClient(protocol.CreateRouter(
            protocol.Inbound("chat.said", CodecClient.Record<Said>()),
            protocol.Inbound("strict", CodecClient.Record<Strict>()),
            protocol.Inbound("ping", onPing ?? CodecClient.Record<Ping>())));
    }

    private static async Task<WebSocketErrorInfo> SingleErrorAsync(CodecClient client, string json)
    {
        await client.ReceiveText(json);
        var error = Assert.Single(client.Errors);
        Assert.Equal(json, error.RawText);
        Assert.Empty(client.Received);
        Assert.Empty(client.UnhandledMessages);
        return error;
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"ping",""")]
    [InlineData("""{"type":"ping"} trailing""")]
    [InlineData("""{"type":"ping" "x":1}""")]
    [InlineData("""{"type":"ping","x":[1,2}""")]
    [InlineData("""{"type":"ping","x":1}}""")]
    [InlineData("")]
    public async Task Text_that_is_not_json_is_an_invalid_json_error(string text)
    {
        using var client = FlatClient();

        var error = await SingleErrorAsync(client, text);

        Assert.Equal(WebSocketErrorKind.InvalidJson, error.Kind);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.Exception);
    }

    [Theory]
    [InlineData("\"ping\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    public async Task Json_that_is_not_an_object_is_an_invalid_json_error(string text, string what)
    {
        using var client = FlatClient();

        var error = await SingleErrorAsync(client, text);

        Assert.Equal(WebSocketErrorKind.InvalidJson, error.Kind);
        Assert.Contains($"is {what}, not a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"room":"lobby"}""", "has no 'type' property")]
    [InlineData("""{"Type":"ping"}""", "has no 'type' property")]
    [InlineData("""{}""", "has no 'type' property")]
    [InlineData("""{"type":null}""", "is null, not a string or an integer")]
    [InlineData("""{"type":true}""", "is true, not a string or an integer")]
    [InlineData("""{"type":{"name":"ping"}}""", "is an object, not a string or an integer")]
    [InlineData("""{"type":["ping"]}""", "is an array, not a string or an integer")]
    [InlineData("""{"type":1.5}""", "not a 64-bit integer")]
    [InlineData("""{"type":99999999999999999999}""", "not a 64-bit integer")]
    [InlineData("""{"type":5}""", "is an integer, but this client's discriminators are strings")]
    public async Task A_missing_or_unusable_discriminator_is_a_missing_discriminator_error(string text, string what)
    {
        using var client = FlatClient();

        var error = await SingleErrorAsync(client, text);

        Assert.Equal(WebSocketErrorKind.MissingDiscriminator, error.Kind);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_string_discriminator_for_integer_contracts_is_a_missing_discriminator_error()
    {
        var protocol = CodecProtocols.Flat();
        using var client = new CodecClient(protocol.CreateRouter(protocol.Inbound(1, CodecClient.Record<Ping>())));

        var error = await SingleErrorAsync(client, """{"type":"1"}""");

        Assert.Equal(WebSocketErrorKind.MissingDiscriminator, error.Kind);
        Assert.Contains("is a string, but this client's discriminators are integers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_of_the_wrong_shape_is_a_deserialization_error_naming_the_contract_and_path()
    {
        using var client = FlatClient();

        var error = await SingleErrorAsync(client, """{"type":"chat.said","room":5,"from":"f","text":"t"}""");

        Assert.Equal(WebSocketErrorKind.Deserialization, error.Kind);
        Assert.Contains("\"chat.said\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(Said).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("$.room", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.Exception);
    }

    [Fact]
    public async Task An_exception_from_the_contract_type_itself_is_a_deserialization_error()
    {
        using var client = FlatClient();

        var error = await SingleErrorAsync(client, """{"type":"strict","count":-1}""");

        Assert.Equal(WebSocketErrorKind.Deserialization, error.Kind);
        Assert.IsType<ArgumentOutOfRangeException>(error.Exception);
    }

    [Fact]
    public async Task A_wrapped_payload_of_the_wrong_shape_says_the_path_is_within_the_payload()
    {
        var protocol = CodecProtocols.Wrapped();
        using var client = new CodecClient(protocol.CreateRouter(protocol.Inbound("chat.said", CodecClient.Record<Said>())));

        var error = await SingleErrorAsync(client, """{"type":"chat.said","data":{"room":[1]}}""");

        Assert.Equal(WebSocketErrorKind.Deserialization, error.Kind);
        Assert.Contains("$.room", error.Message, StringComparison.Ordinal);
        Assert.Contains("within its 'data' property", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"chat.said","data":null}""")]
    [InlineData("""{"type":"chat.said","room":"r"}""")]
    public async Task A_null_or_absent_payload_of_a_record_with_required_members_is_a_deserialization_error_naming_the_first(string text)
    {
        var protocol = CodecProtocols.Wrapped(CodecShapes.Said);
        using var client = new CodecClient(protocol.CreateRouter(protocol.Inbound("chat.said", CodecClient.Record<Said>())));

        var error = await SingleErrorAsync(client, text);

        Assert.Equal(WebSocketErrorKind.Deserialization, error.Kind);
        Assert.Contains("it lacks 'room' (absent or null)", error.Message, StringComparison.Ordinal);
        Assert.Contains("its 'data' is absent or null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_that_throws_is_a_callback_error_naming_its_contract()
    {
        using var client = FlatClient((_, _, _, _) => throw new InvalidOperationException("boom"));

        var error = await SingleErrorAsync(client, """{"type":"ping"}""");

        Assert.Equal(WebSocketErrorKind.Callback, error.Kind);
        Assert.Contains("\"ping\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(Ping).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    [Fact]
    public async Task An_async_handler_that_faults_is_a_callback_error_naming_its_contract()
    {
        using var client = FlatClient(async (_, _, _, _) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("later");
        });

        var error = await SingleErrorAsync(client, """{"type":"ping"}""");

        Assert.Equal(WebSocketErrorKind.Callback, error.Kind);
        Assert.Contains(typeof(Ping).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("later", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unhandled_handler_that_throws_is_a_callback_error()
    {
        using var client = FlatClient();
        client.Unhandled += _ => throw new InvalidOperationException("no");

        await client.ReceiveText("""{"type":"other"}""");

        var error = Assert.Single(client.Errors);
        Assert.Equal(WebSocketErrorKind.Callback, error.Kind);
        Assert.Contains("Unhandled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_good_message_is_delivered_after_each_kind_of_error()
    {
        var failing = true;
        using var client = FlatClient((c, m, _, _) =>
        {
            if (failing)
            {
                failing = false;
                throw new InvalidOperationException("first");
            }

            ((CodecClient)c).Received.Add(m);
            return default;
        });

        string[] bad = ["{", "42", """{"x":1}""", """{"type":"chat.said","room":5}""", """{"type":"ping"}""", """{"type":"unknown"}"""];
        foreach (var text in bad)
        {
            await client.ReceiveText(text);
        }

        await client.ReceiveText("""{"type":"ping"}""");

        Assert.Equal(
            [WebSocketErrorKind.InvalidJson, WebSocketErrorKind.InvalidJson, WebSocketErrorKind.MissingDiscriminator, WebSocketErrorKind.Deserialization, WebSocketErrorKind.Callback],
            client.Errors.Select(e => e.Kind));
        Assert.Single(client.UnhandledMessages);
        Assert.Equal([new Ping()], client.Received);
        Assert.Equal(WebSocketStatus.Closed, client.Status); // never opened; no error closed or opened anything
    }
}
