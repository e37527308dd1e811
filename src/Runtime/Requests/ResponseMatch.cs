using CpWebSocket.Messaging.Layout;

namespace CpWebSocket.Messaging;

/// <summary>
/// Which received messages can be the response of a request: those whose discriminator is the response's (or that
/// have none, for a response without one, as JSON-RPC's), or the error response's. A message that merely carries the
/// request's id, such as the echo of the request itself or a request from the server, cannot.
/// </summary>
internal sealed class ResponseMatch
{
    private readonly Expected? _response;
    private readonly Expected? _error;

    public ResponseMatch(EnvelopeLayout layout, MessageKey? response, ErrorResponseContract? error)
    {
        Response = response;
        ErrorResponse = error;
        _response = response is { } key ? new Expected(layout, key) : null;
        _error = error is not null ? new Expected(layout, error.Key) : null;
    }

    /// <summary>The response's key, or <see langword="null"/> for a response without a discriminator.</summary>
    public MessageKey? Response { get; }

    public ErrorResponseContract? ErrorResponse { get; }

    /// <summary>What a received message that carries the request's id is to the request.</summary>
    public ResponseKind Match(ReadOnlySpan<byte> json, ReadOnlySpan<FieldSlot> slots)
    {
        if (_response is null ? !slots[EnvelopeLayout.DiscriminatorSlot].IsPresent : _response.Matches(json, slots))
        {
            return ResponseKind.Response;
        }

        return _error is not null && _error.Matches(json, slots) ? ResponseKind.Error : ResponseKind.None;
    }

    /// <summary>What the request waits for, for messages: <c>a "reply" message</c>.</summary>
    public string Describe(MessageEnvelope envelope)
    {
        var response = Response is { } key ? $"a {key.ToDisplayString()} message" : $"a message without '{envelope.DiscriminatorProperty}'";
        return ErrorResponse is { } error ? $"{response} or a {error.Key.ToDisplayString()} error response" : response;
    }

    private sealed class Expected
    {
        private readonly MessageKey _key;
        private readonly byte[] _first;
        private readonly byte[] _second;
        private readonly int _bySlot = -1;

        public Expected(EnvelopeLayout layout, MessageKey key)
        {
            _key = key;
            _first = SlotValue.Utf8(key.Discriminator);
            _second = key.Second is { } second ? SlotValue.Utf8(second) : [];
            if (key.Second is not null)
            {
                _bySlot = layout.RouteOf(key.Discriminator)?.BySlot
                    ?? throw new ArgumentException($"The key {key.ToDisplayString()} has a second level, but the envelope has no route for {key.Discriminator.ToDisplayString()}.", nameof(key));
            }
        }

        public bool Matches(ReadOnlySpan<byte> json, ReadOnlySpan<FieldSlot> slots)
        {
            var first = slots[EnvelopeLayout.DiscriminatorSlot];
            if (!first.IsPresent || first.Repeated || !SlotValue.Equals(json, first, _key.Discriminator, _first))
            {
                return false;
            }

            if (_bySlot < 0)
            {
                return true;
            }

            var second = slots[_bySlot];
            return second.IsPresent && !second.Repeated && SlotValue.Equals(json, second, _key.Second!.Value, _second);
        }
    }
}

/// <summary>What a received message carrying a waiting request's id is to that request.</summary>
internal enum ResponseKind
{
    /// <summary>Not its response: the message is routed like any other.</summary>
    None,

    /// <summary>Its response.</summary>
    Response,

    /// <summary>The declared error response.</summary>
    Error,
}
