using System.Buffers;
using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;

namespace CpWebSocket.Messaging;

/// <summary>
/// Routes received text messages to the <see cref="InboundContract"/> their discriminator names, straight from
/// their UTF-8 bytes: one reader pass over the top-level object finds the discriminator wherever it stands (and
/// the payload when wrapped), a table lookup finds the contract without allocating, and the message is
/// deserialized once. A flat message's pass ends at a matching discriminator (unless the rest could name it again): the deserializer reads the rest. Create it with <see cref="MessageProtocol.CreateRouter"/>; it is immutable and thread-safe.
/// </summary>
public sealed class InboundRouter
{
    // Escaped discriminators are unescaped on the stack up to this size, in a pooled array beyond it.
    private const int StackUnescapeLimit = 256;

    private readonly MessageProtocol _protocol;
    private readonly byte[] _quotedDiscriminatorProperty;
    private readonly Utf8DiscriminatorTable? _strings;
    private readonly Dictionary<long, InboundContract>? _integers;

    internal InboundRouter(MessageProtocol protocol, InboundContract[] contracts)
    {
        _protocol = protocol;
        _quotedDiscriminatorProperty = [(byte)'"', .. protocol.DiscriminatorPropertyUtf8, (byte)'"'];
        Contracts = new ReadOnlyCollection<InboundContract>(contracts);

        InboundContract? first = null;
        var strings = new List<(byte[] Key, InboundContract Contract)>();
        var integers = new Dictionary<long, InboundContract>();
        var seen = new Dictionary<MessageDiscriminator, InboundContract>();
        foreach (var contract in contracts)
        {
            if (contract is null)
            {
                throw new ArgumentException("The inbound contracts contain null.", nameof(contracts));
            }

            if (contract.Protocol != protocol)
            {
                throw new ArgumentException(
                    $"The inbound contract for {contract.MessageType} belongs to another MessageProtocol; create every contract of a router with the protocol that creates the router.",
                    nameof(contracts));
            }

            first ??= contract;
            if (contract.Discriminator.IsString != first.Discriminator.IsString)
            {
                var (text, number) = first.Discriminator.IsString ? (first, contract) : (contract, first);
                throw new ArgumentException(
                    $"The inbound contracts mix string and integer discriminators: {text.MessageType} uses {text.Discriminator.ToDisplayString()} and {number.MessageType} uses {number.Discriminator.ToDisplayString()}. One protocol uses one kind; make them all strings or all integers.",
                    nameof(contracts));
            }

            if (seen.TryGetValue(contract.Discriminator, out var other))
            {
                throw new ArgumentException(
                    $"The inbound contracts for {other.MessageType} and {contract.MessageType} both use the discriminator {contract.Discriminator.ToDisplayString()}; each received type needs its own discriminator.",
                    nameof(contracts));
            }

            seen.Add(contract.Discriminator, contract);
            if (contract.Discriminator.IsString)
            {
                strings.Add((Encoding.UTF8.GetBytes(contract.Discriminator.StringValue!), contract));
            }
            else
            {
                integers.Add(contract.Discriminator.IntegerValue, contract);
            }
        }

        // With no contracts at all, either kind is well-formed and simply unhandled.
        _strings = first is null || first.Discriminator.IsString ? new Utf8DiscriminatorTable(strings) : null;
        _integers = first is null || !first.Discriminator.IsString ? integers : null;
    }

    /// <summary>The contracts messages are routed to.</summary>
    public IReadOnlyList<InboundContract> Contracts { get; }

    /// <summary>The envelope received messages are read with.</summary>
    public MessageEnvelope Envelope => _protocol.Envelope;

    /// <summary>The protocol whose contracts this router dispatches to.</summary>
    internal MessageProtocol Protocol => _protocol;

    /// <summary>
    /// Finds the contract of a received text message, deserializes it and starts its handler. Never throws for a
    /// bad message: every failure is an outcome. Allocates nothing beyond the deserialized message on success.
    /// </summary>
    /// <param name="client">Passed to the handler.</param>
    /// <param name="message">The message's UTF-8 bytes.</param>
    /// <param name="cancellationToken">Passed to the handler.</param>
    internal InboundOutcome Route(MessageClient client, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var json = message.Span;
        var envelope = _protocol.Envelope;
        InboundScan scan;
        EnvelopeRepeat repeated;
        try
        {
            // Flat: deserializing reads the whole message anyway, so the scan may stop at a matching discriminator.
            scan = Scan(json, stopAtMatch: !envelope.IsWrapped, out repeated);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that does not decode (an escaped lone surrogate, invalid UTF-8).
            return InboundOutcome.Failed(MessageErrors.InvalidJson(ex, json));
        }

        switch (repeated)
        {
            case EnvelopeRepeat.Discriminator:
                return InboundOutcome.Failed(MessageErrors.RepeatedDiscriminator(envelope, json));
            case EnvelopeRepeat.Payload:
                return InboundOutcome.Failed(MessageErrors.RepeatedPayload(envelope, json));
        }

        switch (scan.Status)
        {
            case InboundScanStatus.NotAnObject:
                return InboundOutcome.Failed(MessageErrors.NotAnObject(scan.Token, envelope, json));
            case InboundScanStatus.MissingDiscriminator:
                return InboundOutcome.Failed(MessageErrors.MissingDiscriminator(envelope, json));
            case InboundScanStatus.DiscriminatorOfWrongType:
                return InboundOutcome.Failed(MessageErrors.DiscriminatorOfWrongType(scan.Token, envelope, json));
            case InboundScanStatus.DiscriminatorNotAnInteger:
                return InboundOutcome.Failed(MessageErrors.DiscriminatorNotAnInteger(envelope, json));
            case InboundScanStatus.DiscriminatorOfWrongKind:
                return InboundOutcome.Failed(MessageErrors.DiscriminatorOfWrongKind(scan.Token == JsonTokenType.String, envelope, json));
        }

        if (scan.Contract is not { } contract)
        {
            return InboundOutcome.Unhandled(scan.Unmatched);
        }

        if (!envelope.IsWrapped)
        {
            // Flat: the discriminator is just a property the contract type does not map.
            var outcome = contract.Deliver(client, json, json, cancellationToken);
            return outcome.Kind == InboundOutcomeKind.Failed && scan.StoppedAtMatch ? ClassifyFailure(outcome, json) : outcome;
        }

        return scan.PayloadStart < 0
            ? InboundOutcome.Failed(MessageErrors.PayloadMissing(contract, json))
            : contract.Deliver(client, json, json.Slice(scan.PayloadStart, scan.PayloadLength), cancellationToken);
    }

    /// <summary>
    /// A delivery that failed after a scan that stopped early: when the rest of the message is not valid JSON, that is
    /// the error to report, as a full scan would have before routing; otherwise the delivery's own error stands.
    /// The deserializer read the whole message and failed, so this second pass is paid only by broken messages.
    /// </summary>
    private InboundOutcome ClassifyFailure(InboundOutcome failed, ReadOnlySpan<byte> json)
    {
        try
        {
            Scan(json, stopAtMatch: false, out _);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return InboundOutcome.Failed(MessageErrors.InvalidJson(ex, json));
        }

        return failed;
    }

    /// <summary>
    /// Reads the top-level object once; throws <see cref="JsonException"/> when the text is not valid JSON, and
    /// <see cref="InvalidOperationException"/> when a string it must decode does not decode. With
    /// <paramref name="stopAtMatch"/> it returns as soon as the discriminator matched a contract, leaving the rest of
    /// the message unread (<see cref="InboundScan.StoppedAtMatch"/>): the caller's deserialization of the whole
    /// message then reads and validates it, instead of a second walk over every token. It does so only when the rest
    /// cannot hold the discriminator property again (neither its quoted name nor any escape occurs in it).
    /// A second discriminator (or payload) property stops the scan and is reported in <paramref name="repeated"/>:
    /// which of the two names the message would be a guess, and other JSON readers may guess the other way.
    /// </summary>
    private InboundScan Scan(ReadOnlySpan<byte> json, bool stopAtMatch, out EnvelopeRepeat repeated)
    {
        repeated = EnvelopeRepeat.None;
        var reader = new Utf8JsonReader(json, _protocol.ReaderOptions);
        reader.Read();
        var scan = new InboundScan { Status = InboundScanStatus.MissingDiscriminator, PayloadStart = -1 };
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            scan.Status = InboundScanStatus.NotAnObject;
            scan.Token = reader.TokenType;
            return scan;
        }

        var discriminatorName = _protocol.DiscriminatorPropertyUtf8;
        var payloadName = _protocol.PayloadPropertyUtf8;
        var discriminatorSeen = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(discriminatorName))
            {
                if (discriminatorSeen)
                {
                    repeated = EnvelopeRepeat.Discriminator;
                    return scan;
                }

                discriminatorSeen = true;
                reader.Read();
                ReadDiscriminator(ref reader, ref scan);
                if (stopAtMatch && scan.Contract is not null && !MayRepeatDiscriminator(json[(int)reader.BytesConsumed..]))
                {
                    scan.StoppedAtMatch = true;
                    return scan;
                }

                reader.Skip();
            }
            else if (payloadName is not null && reader.ValueTextEquals(payloadName))
            {
                if (scan.PayloadStart >= 0)
                {
                    repeated = EnvelopeRepeat.Payload;
                    return scan;
                }

                reader.Read();
                scan.PayloadStart = checked((int)reader.TokenStartIndex);
                reader.Skip();
                scan.PayloadLength = checked((int)reader.BytesConsumed) - scan.PayloadStart;
            }
            else
            {
                reader.Skip();
            }
        }

        // The loop stopped at the top-level '}'; one more read rejects anything but whitespace after it.
        reader.Read();
        return scan;
    }

    /// <summary>
    /// Whether the rest of a message might name the discriminator property again: its quoted name occurs in it, or an
    /// escape that could spell it. Both searches are vectorized, far cheaper than reading the rest as JSON.
    /// </summary>
    private bool MayRepeatDiscriminator(ReadOnlySpan<byte> rest) =>
        rest.IndexOf((byte)'\\') >= 0 || rest.IndexOf(_quotedDiscriminatorProperty) >= 0;

    private void ReadDiscriminator(ref Utf8JsonReader reader, ref InboundScan scan)
    {
        scan.Token = reader.TokenType;
        switch (reader.TokenType)
        {
            case JsonTokenType.String when _strings is null:
                scan.Status = InboundScanStatus.DiscriminatorOfWrongKind;
                return;
            case JsonTokenType.String:
                scan.Status = InboundScanStatus.Found;
                scan.Contract = FindString(ref reader, _strings);
                if (scan.Contract is null)
                {
                    scan.Unmatched = reader.GetString()!;
                }

                return;
            case JsonTokenType.Number:
                if (!reader.TryGetInt64(out var value))
                {
                    scan.Status = InboundScanStatus.DiscriminatorNotAnInteger;
                }
                else if (_integers is null)
                {
                    scan.Status = InboundScanStatus.DiscriminatorOfWrongKind;
                }
                else
                {
                    scan.Status = InboundScanStatus.Found;
                    if (_integers.TryGetValue(value, out var contract))
                    {
                        scan.Contract = contract;
                    }
                    else
                    {
                        scan.Unmatched = value;
                    }
                }

                return;
            default:
                scan.Status = InboundScanStatus.DiscriminatorOfWrongType;
                return;
        }
    }

    private static InboundContract? FindString(ref Utf8JsonReader reader, Utf8DiscriminatorTable table)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            return table.Find(raw);
        }

        // Unescaping never lengthens a value, so the escaped length bounds the scratch space.
        byte[]? rented = null;
        var scratch = raw.Length <= StackUnescapeLimit
            ? stackalloc byte[StackUnescapeLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            var length = reader.CopyString(scratch);
            return table.Find(scratch[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>An envelope property that a message has more than once.</summary>
    private enum EnvelopeRepeat
    {
        None,
        Discriminator,
        Payload,
    }
}
