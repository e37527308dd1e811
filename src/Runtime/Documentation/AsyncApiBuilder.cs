using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CpWebSocket.Messaging;
using CpWebSocket.Messaging.Layout;

namespace CpWebSocket.Documentation;

/// <summary>
/// Writes the AsyncAPI 3.0 document of one client: one channel for its connection, an operation per message it sends,
/// per request (with its reply) and per message it receives, and per contract a message whose payload schema is the
/// whole message as it stands on the wire, envelope included. Everything is written in the order the contracts were
/// declared, so the same declarations give the same document.
/// </summary>
internal sealed class AsyncApiBuilder
{
    private const string ChannelId = "connection";
    private const string ChannelReference = "#/channels/" + ChannelId;
    private const string SchemasLocation = "#/components/schemas/";

    private readonly ClientContracts _contracts;
    private readonly AsyncApiOptions _options;
    private readonly MessageProtocol _protocol;
    private readonly MessageEnvelope _envelope;
    private readonly ComponentNames _names = new();
    private readonly Dictionary<Type, DocumentedMessage> _messages = [];
    private readonly List<DocumentedMessage> _order = [];
    private readonly JsonObject _operations = [];

    public AsyncApiBuilder(ClientContracts contracts, AsyncApiOptions options)
    {
        _contracts = contracts;
        _options = options;
        _protocol = contracts.Protocol;
        _envelope = _protocol.Envelope;
    }

    /// <summary>The id of each type's message in the document, once <see cref="Build"/> ran.</summary>
    public IReadOnlyDictionary<Type, string> MessageIds => _messages.ToDictionary(pair => pair.Key, pair => pair.Value.Id);

    public JsonObject Build()
    {
        foreach (var sent in _contracts.Sent)
        {
            AddSent(sent);
        }

        foreach (var received in _contracts.Received)
        {
            var message = Register(received.MessageType, received.Key, received.PayloadTypeInfo, received.IsValuePayload,
                received.PayloadPath is { } path ? JsonPath.Split(path) : null, MessageRoles.Received);
            _operations["receive" + message.Id] = Operation(
                "receive", $"The client receives {ComponentNames.Display(message.Type)} and hands it to its handlers.", [message], null);
        }

        var schemas = new JsonObject();
        string? envelopeRecord = null;
        if (_contracts.EnvelopeType is { } envelopeType && _order.Exists(message => (message.Roles & MessageRoles.Received) != 0))
        {
            envelopeRecord = _names.Of(envelopeType);
            schemas[envelopeRecord] = PayloadSchemas.Export(TypeInfo(envelopeType), _protocol.Shapes, SchemasLocation + envelopeRecord);
        }

        var messages = new JsonObject();
        var channelMessages = new JsonObject();
        foreach (var message in _order)
        {
            var payload = PayloadSchemas.Export(message.Payload, _protocol.Shapes, SchemasLocation + message.Id);
            schemas[message.Id] = payload;
            messages[message.Id] = Message(message, payload, envelopeRecord is null ? null : schemas[envelopeRecord]);
            channelMessages[message.Id] = Reference("#/components/messages/" + message.Id);
        }

        var document = new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = Info(),
            ["defaultContentType"] = "application/json",
        };

        var channel = new JsonObject
        {
            ["address"] = _options.Server is { } server ? server.AbsolutePath : null,
            ["title"] = "The websocket connection",
            ["description"] = DescribeEnvelope(),
        };

        if (_options.Server is { } url)
        {
            document["servers"] = new JsonObject
            {
                ["server"] = new JsonObject
                {
                    ["host"] = url.Authority,
                    ["protocol"] = url.Scheme,
                },
            };
            channel["servers"] = new JsonArray(Reference("#/servers/server"));
        }

        channel["messages"] = channelMessages;
        document["channels"] = new JsonObject { [ChannelId] = channel };
        document["operations"] = _operations;
        document["components"] = new JsonObject
        {
            ["messages"] = messages,
            ["schemas"] = schemas,
        };
        return document;
    }

    private void AddSent(SentContract sent)
    {
        var route = _protocol.Layout.RouteOf(sent.Key.Discriminator);
        var path = route is not null ? route.Payload : EnvelopePayload;
        var message = Register(sent.MessageType, sent.Key, sent.PayloadTypeInfo, sent.IsValuePayload, path, sent.IsRequest ? MessageRoles.Request : MessageRoles.Sent);
        if (sent.ResponseType is not { } responseType)
        {
            _operations["send" + message.Id] = Operation("send", $"The client sends {ComponentNames.Display(message.Type)}.", [message], null);
            return;
        }

        var response = Register(responseType, sent.ResponseKey, TypeInfo(responseType), false, ResponsePath(sent.ResponseKey), MessageRoles.Response);
        var replies = new List<DocumentedMessage> { response };
        var summary = $"The client sends {ComponentNames.Display(message.Type)} as a request and waits for {ComponentNames.Display(response.Type)}";
        if (sent.ErrorResponse is { } error)
        {
            replies.Add(Register(error.ErrorType, error.Key, TypeInfo(error.ErrorType), false, ResponsePath(error.Key), MessageRoles.Error));
            summary += $", or {ComponentNames.Display(error.ErrorType)} when it fails";
        }

        _operations["request" + message.Id] = Operation("send", summary + $", matched by {Quote(_envelope.RequestId!.Property)}.", [message], replies);
    }

    /// <summary>The envelope's payload property, or <see langword="null"/> when flat.</summary>
    private string[]? EnvelopePayload => _envelope.PayloadProperty is { } payload ? [payload] : null;

    /// <summary>A response is read from the envelope's payload, or from the whole message when it has none (as JSON-RPC's, which also lack a discriminator).</summary>
    private string[]? ResponsePath(MessageKey? key) => key is null ? null : EnvelopePayload;

    private DocumentedMessage Register(Type type, MessageKey? key, JsonTypeInfo payload, bool isValue, string[]? path, MessageRoles role)
    {
        if (!_messages.TryGetValue(type, out var message))
        {
            message = new DocumentedMessage(_names.Of(type), type, key, payload, isValue, path);
            _messages.Add(type, message);
            _order.Add(message);
        }

        message.Roles |= role;
        return message;
    }

    private JsonTypeInfo TypeInfo(Type type) => _protocol.SerializerOptions.GetTypeInfo(type);

    private JsonObject Info()
    {
        var clientName = _contracts.ClientType.FullName ?? _contracts.ClientType.Name;
        return new JsonObject
        {
            ["title"] = _options.Title ?? _contracts.ClientType.Name,
            ["version"] = _options.Version,
            ["description"] = _options.Description
                ?? $"The messages {clientName} sends and receives over one websocket connection, as its contracts declare them.",
        };
    }

    private static JsonObject Operation(string action, string summary, IEnumerable<DocumentedMessage> messages, IEnumerable<DocumentedMessage>? replies)
    {
        var operation = new JsonObject
        {
            ["action"] = action,
            ["channel"] = Reference(ChannelReference),
            ["summary"] = summary,
            ["messages"] = References(messages),
        };

        if (replies is not null)
        {
            operation["reply"] = new JsonObject
            {
                ["channel"] = Reference(ChannelReference),
                ["messages"] = References(replies),
            };
        }

        return operation;
    }

    private JsonObject Message(DocumentedMessage message, JsonNode payload, JsonNode? envelopeRecord)
    {
        var schema = new EnvelopeSchema();
        if (message.Key is { } key)
        {
            schema.Add([_envelope.DiscriminatorProperty], Constant(key.Discriminator), required: true);
            if (_protocol.Layout.RouteOf(key.Discriminator) is { } route && key.Second is { } second)
            {
                schema.Add(route.By, key.IsPattern ? Prefix(second.StringValue!) : Constant(second), required: true);
            }
        }
        else
        {
            schema.Forbid(_envelope.DiscriminatorProperty);
        }

        var idPath = IdPath(message);
        if (idPath is not null)
        {
            var id = _envelope.RequestId!;
            JsonNode idSchema = message.IsRead
                ? new JsonObject { ["type"] = new JsonArray("integer", "string") }
                : new JsonObject { ["type"] = id.Kind == RequestIdKind.String ? "string" : "integer" };
            schema.Add(idPath, idSchema, message.AlwaysCarriesId);
        }

        if (message.IsWritten)
        {
            foreach (var constant in _envelope.Constants)
            {
                schema.Add(JsonPath.Split(constant.Property), Constant(constant.Value), required: !message.IsRead);
            }
        }

        if ((message.Roles & MessageRoles.Received) != 0 && envelopeRecord?["properties"] is JsonObject fields)
        {
            // The members beside the payload that handlers may ask for: described, not required, as only those handlers read them.
            foreach (var (name, field) in fields)
            {
                schema.Add([name], field!.DeepClone(), required: false);
            }
        }

        var payloadRequired = message.IsWritten
            || (message.IsValuePayload ? !PayloadSchemas.AdmitsNull(payload) : PayloadSchemas.RequiresMembers(payload));
        JsonNode payloadSchema = Reference(SchemasLocation + message.Id);
        if (message.PayloadPath is not null && !payloadRequired && !message.IsValuePayload)
        {
            // A received record whose members are all optional is read from an absent or null payload too ({"op":11,"d":null}).
            payloadSchema = new JsonObject { ["anyOf"] = new JsonArray(payloadSchema, new JsonObject { ["type"] = "null" }) };
        }

        schema.AddPayload(message.PayloadPath ?? [], payloadSchema, payloadRequired);

        var result = new JsonObject
        {
            ["name"] = message.Id,
            ["title"] = ComponentNames.Display(message.Type),
            ["summary"] = Summarize(message),
            ["payload"] = schema.ToSchema(),
        };

        if (idPath is not null)
        {
            result["correlationId"] = new JsonObject
            {
                ["description"] = "The request id: a new one in each request, carried back by its response.",
                ["location"] = "$message.payload#/" + string.Join('/', idPath.Select(EscapePointer)),
            };
        }

        return result;
    }

    /// <summary>Where a message carries its request id, or <see langword="null"/> when it carries none.</summary>
    private string[]? IdPath(DocumentedMessage message)
    {
        if (!message.CarriesId || _envelope.RequestId is not { } id)
        {
            return null;
        }

        // Inside the payload object of a wrapped envelope; a response read from the whole message has it at the root.
        return _envelope.RequestIdInPayload && (message.PayloadPath is not null || message.IsWritten)
            ? [_envelope.PayloadProperty!, id.Property]
            : [id.Property];
    }

    private string Summarize(DocumentedMessage message)
    {
        var roles = new List<string>();
        if ((message.Roles & MessageRoles.Sent) != 0)
        {
            roles.Add("sent");
        }

        if ((message.Roles & MessageRoles.Request) != 0)
        {
            roles.Add("sent as a request");
        }

        if ((message.Roles & MessageRoles.Received) != 0)
        {
            roles.Add("received");
        }

        if ((message.Roles & MessageRoles.Response) != 0)
        {
            roles.Add("received as a response");
        }

        if ((message.Roles & MessageRoles.Error) != 0)
        {
            roles.Add("received as an error response");
        }

        var text = new StringBuilder();
        text.Append(ComponentNames.Display(message.Type)).Append(", ").Append(string.Join(" and ", roles)).Append(": ");
        if (message.Key is { } key)
        {
            text.Append(Quote(_envelope.DiscriminatorProperty)).Append(": ").Append(key.Discriminator.ToDisplayString());
            if (_protocol.Layout.RouteOf(key.Discriminator) is { } route && key.Second is { } second)
            {
                text.Append(", ").Append(Quote(route.Route.By)).Append(key.IsPattern
                    ? $" starting with {Quote(second.StringValue![..^1])}"
                    : ": " + second.ToDisplayString());
            }
        }
        else
        {
            text.Append("no ").Append(Quote(_envelope.DiscriminatorProperty));
        }

        text.Append(message.PayloadPath is { } path
            ? (message.IsValuePayload ? "; its value in " : "; its members in ") + Quote(JsonPath.Join(path))
            : "; its members beside " + Quote(_envelope.DiscriminatorProperty));
        return text.Append('.').ToString();
    }

    /// <summary>How every message on the connection is laid out, for the channel's description.</summary>
    private string DescribeEnvelope()
    {
        var discriminator = Quote(_envelope.DiscriminatorProperty);
        var text = new StringBuilder("Each message is a JSON object in a text frame, told apart by its ").Append(discriminator).Append(" member");
        text.Append(_envelope.PayloadProperty is { } payload
            ? $", with the message's own members inside {Quote(payload)}."
            : ", with the message's own members beside it.");

        foreach (var route in _envelope.Routes)
        {
            text.Append(CultureInfo.InvariantCulture, $" Messages whose {discriminator} is {route.Discriminator.ToDisplayString()} are told apart further by {Quote(route.By)}");
            text.Append(route.Payload is { } routed ? $", their members in {Quote(routed)}." : ".");
        }

        if (_envelope.RequestId is { } id)
        {
            text.Append(CultureInfo.InvariantCulture, $" A request carries a new {(id.Kind == RequestIdKind.String ? "string" : "integer")} {Quote(id.Property)}");
            text.Append(_envelope.RequestIdInPayload ? $" inside {Quote(_envelope.PayloadProperty!)}" : string.Empty);
            text.Append(", and its response carries it back.");
        }

        foreach (var constant in _envelope.Constants)
        {
            var value = constant.Value switch
            {
                string literal => Quote(literal),
                bool flag => flag ? "true" : "false",
                _ => Convert.ToString(constant.Value, CultureInfo.InvariantCulture),
            };
            text.Append(CultureInfo.InvariantCulture, $" Every message the client sends carries {Quote(constant.Property)}: {value}.");
        }

        text.Append(" A frame may also hold a JSON array of messages, each handled as a message of its own.");
        return text.ToString();
    }

    private static JsonObject Constant(MessageDiscriminator value) =>
        new() { ["const"] = value.IsString ? JsonValue.Create(value.StringValue) : JsonValue.Create(value.IntegerValue) };

    private static JsonObject Constant(object value) => new()
    {
        ["const"] = value switch
        {
            string text => JsonValue.Create(text),
            bool flag => JsonValue.Create(flag),
            _ => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        },
    };

    /// <summary>A prefix pattern (<c>ticker.*</c>) as a regular expression that JSON Schema validators (ECMA-262, Unicode mode) accept.</summary>
    private static JsonObject Prefix(string pattern)
    {
        var regex = new StringBuilder("^");
        foreach (var c in pattern[..^1])
        {
            if ("\\^$.|?*+()[]{}/".Contains(c, StringComparison.Ordinal))
            {
                regex.Append('\\');
            }

            regex.Append(c);
        }

        return new JsonObject { ["type"] = "string", ["pattern"] = regex.ToString() };
    }

    private static JsonObject Reference(string pointer) => new() { ["$ref"] = pointer };

    private static JsonArray References(IEnumerable<DocumentedMessage> messages) =>
        new(messages.Select(message => (JsonNode?)Reference(ChannelReference + "/messages/" + message.Id)).ToArray());

    private static string Quote(string name) => "\"" + name + "\"";

    private static string EscapePointer(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
