using System.Text.Json.Serialization.Metadata;
using CpWebSocket.Messaging;

namespace CpWebSocket.Documentation;

/// <summary>One message of a document: a contract type, its key, how its payload is written or read, and what it is to the client.</summary>
internal sealed class DocumentedMessage(string id, Type type, MessageKey? key, JsonTypeInfo payload, bool isValuePayload, string[]? payloadPath)
{
    /// <summary>The message's key in the document's components and channel.</summary>
    public string Id { get; } = id;

    public Type Type { get; } = type;

    /// <summary>Its discriminator(s); <see langword="null"/> for a response told apart by having none.</summary>
    public MessageKey? Key { get; } = key;

    /// <summary>What the payload is written or read as.</summary>
    public JsonTypeInfo Payload { get; } = payload;

    public bool IsValuePayload { get; } = isValuePayload;

    /// <summary>Where the payload stands; <see langword="null"/> for the whole message (flat).</summary>
    public string[]? PayloadPath { get; } = payloadPath;

    public MessageRoles Roles { get; set; }

    /// <summary>Whether the client writes it.</summary>
    public bool IsWritten => (Roles & (MessageRoles.Sent | MessageRoles.Request)) != 0;

    /// <summary>Whether the client reads it.</summary>
    public bool IsRead => (Roles & (MessageRoles.Received | MessageRoles.Response | MessageRoles.Error)) != 0;

    /// <summary>Whether it carries a request id.</summary>
    public bool CarriesId => (Roles & (MessageRoles.Request | MessageRoles.Response | MessageRoles.Error)) != 0;

    /// <summary>Whether every message of it carries a request id: it has no role without one.</summary>
    public bool AlwaysCarriesId => CarriesId && (Roles & (MessageRoles.Sent | MessageRoles.Received)) == 0;
}
