using System.Text;
using System.Text.Json.Nodes;
using CpWebSocket.Messaging;

namespace CpWebSocket.Testing.Wire;

/// <summary>A text message the client sent, read as its envelope lays it out: its discriminators and its request id.</summary>
internal sealed class ClientMessage
{
    public ClientMessage(ReadOnlyMemory<byte> utf8, JsonNode? root, string? jsonError, MessageDiscriminator? first, MessageDiscriminator? second, JsonNode? requestId)
    {
        Text = Encoding.UTF8.GetString(utf8.Span);
        Root = root;
        JsonError = jsonError;
        First = first;
        Second = second;
        RequestId = requestId;
    }

    /// <summary>The message as text.</summary>
    public string Text { get; }

    /// <summary>The parsed message; <see langword="null"/> when it is not JSON.</summary>
    public JsonNode? Root { get; }

    /// <summary>Why the message is not JSON, or <see langword="null"/>.</summary>
    public string? JsonError { get; }

    /// <summary>The first-level discriminator, or <see langword="null"/> when the message has none.</summary>
    public MessageDiscriminator? First { get; }

    /// <summary>The second-level value, when the envelope routes the first level further.</summary>
    public MessageDiscriminator? Second { get; }

    /// <summary>The request id as it came (a number or a string), or <see langword="null"/>.</summary>
    public JsonNode? RequestId { get; }

    /// <summary>Whether the message stands under <paramref name="key"/>.</summary>
    public bool Matches(MessageKey key) =>
        First == key.Discriminator && (key.Second is not { } second || Second == second);

    /// <summary>What the message is, for messages: <c>a "chat.join" message</c>.</summary>
    public string Describe() =>
        Root is null ? "text that is not JSON"
        : First is not { } first ? "a JSON message without a discriminator"
        : Second is { } second ? $"a {ContractKeys.Display(first)}/{ContractKeys.Display(second)} message"
        : $"a {ContractKeys.Display(first)} message";
}
