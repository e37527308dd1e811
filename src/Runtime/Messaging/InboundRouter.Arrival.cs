using System.Runtime.CompilerServices;
using System.Text.Json;
using CpWebSocket.Messaging.Layout;

namespace CpWebSocket.Messaging;

public sealed partial class InboundRouter
{
    /// <summary>
    /// Looks at one JSON message as it arrives, before it waits its turn in the ordered queue: completes the request it
    /// answers, or names the contract it would be delivered to (for the messages awaited with
    /// <see cref="MessageClient.WaitForAsync{T}(Func{T, bool}?, CancellationToken)"/>). Delivers nothing, reports nothing:
    /// a message that is broken is left to the ordered pass, which says what is wrong with it.
    /// </summary>
    /// <param name="client">Its waiting requests are looked up.</param>
    /// <param name="json">The message's UTF-8 bytes.</param>
    /// <param name="answerRequests">Whether to complete the request the message answers (not for an array frame's element: the frame is taken whole or not at all).</param>
    /// <param name="identify">Whether to name the message's contract when it answers no request.</param>
    /// <param name="contract">The contract the message names, when <paramref name="identify"/> and it names one.</param>
    /// <param name="payload">Where the contract's record is in <paramref name="json"/>; empty when it is absent.</param>
    /// <param name="present">Whether the record is present.</param>
    /// <returns><see langword="true"/> when the message answered a waiting request.</returns>
    internal bool MatchOnArrival(MessageClient client, ReadOnlySpan<byte> json, bool answerRequests, bool identify, out InboundContract? contract, out Range payload, out bool present)
    {
        contract = null;
        payload = default;
        present = false;
        if (_leading && identify && !(answerRequests && MayAnswer(client)) && FindLeading(json) is { } leading)
        {
            contract = leading; // flat: the whole message is the record
            payload = Range.All;
            present = true;
            return false;
        }

        return MatchAll(client, json, answerRequests, identify, out contract, out payload, out present);
    }

    /// <summary>The full pass of <see cref="MatchOnArrival"/>: every watched member read before anything is decided.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool MatchAll(MessageClient client, ReadOnlySpan<byte> json, bool answerRequests, bool identify, out InboundContract? contract, out Range payload, out bool present)
    {
        contract = null;
        payload = default;
        present = false;
        var slotSpace = default(SlotSpace);
        var depthSpace = default(DepthSpace);
        var slots = _layout.SlotCount <= SlotSpace.Length ? ((Span<FieldSlot>)slotSpace)[.._layout.SlotCount] : new FieldSlot[_layout.SlotCount];
        var stack = _layout.StackSize <= DepthSpace.Length ? ((Span<int>)depthSpace)[.._layout.StackSize] : new int[_layout.StackSize];
        try
        {
            var scanner = new EnvelopeScanner(json, _readerOptions, _layout, slots, stack);
            if (scanner.Start() != JsonTokenType.StartObject)
            {
                return false;
            }

            // A shallow envelope's pass may stop once every watched member was found and the rest cannot name one again:
            // a 64 KiB response is then read by its deserializer alone, not by this pass first. What the rest holds is
            // checked by that deserializer (a response that is not JSON fails its request with the reason).
            var found = 0;
            var all = _quotedWatchedNames.Length > 0 ? slots.Length : -1;
            while (true)
            {
                var next = scanner.Next(out var slot);
                if (next == ScanEvent.End)
                {
                    break;
                }

                if (next == ScanEvent.Payload)
                {
                    scanner.SkipValue();
                }
                else if (!slots[slot].Repeated && ++found == all && !MayRepeatWatched(json[(int)scanner.Consumed..]))
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }

        if (answerRequests
            && _layout.RequestIdSlot >= 0
            && client.Requests.Count > 0
            && slots[_layout.RequestIdSlot] is { IsPresent: true, Repeated: false } idSlot
            && SlotValue.TryGetId(json, idSlot, out var id)
            && TryAnswer(client.Requests, id, json, slots))
        {
            return true;
        }

        var first = slots[EnvelopeLayout.DiscriminatorSlot];
        if (!identify || !first.IsPresent || first.Repeated || _first.Find(json, first, out var level) != LookupStatus.Found || level is null)
        {
            return false;
        }

        var named = level.Contract;
        if (level.Route is { } routed)
        {
            named = null;
            if (slots[routed.BySlot] is { IsPresent: true, Repeated: false } second)
            {
                level.Seconds!.Find(json, second, out named);
            }
        }

        if (named is null)
        {
            return false;
        }

        contract = named;
        if (named.PayloadSlot < 0)
        {
            payload = Range.All;
            present = true;
        }
        else if (slots[named.PayloadSlot] is { Repeated: false } record)
        {
            present = record.HasValue;
            payload = present ? new Range(record.Start, record.Start + record.Length) : default;
        }
        else
        {
            contract = null; // named twice: the ordered pass reports it
        }

        return false;
    }
}
