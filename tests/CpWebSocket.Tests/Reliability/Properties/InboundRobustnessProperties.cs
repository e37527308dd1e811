using CpWebSocket.Messaging;
using CpWebSocket.Tests.Messaging.Codec.Fixtures;
using CsCheck;

namespace CpWebSocket.Tests.Reliability.Properties;

/// <summary>
/// Whatever bytes arrive, the inbound router never throws: each text message ends in exactly one documented
/// outcome, and a binary one in none (it stays on the raw lane).
/// </summary>
public sealed class InboundRobustnessProperties
{
    public const int Iterations = 20_000;

    public static TheoryData<int> Envelopes => [.. Enumerable.Range(0, EnvelopeCase.All.Count)];

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Arbitrary_bytes_end_in_one_documented_outcome(int envelopeIndex)
    {
        using var client = CodecOutcomes.Client(EnvelopeCase.All[envelopeIndex], out _);

        Gen.Frequency((1, Gen.Byte.Array[0, 64]), (3, CodecGen.JsonishBytes))
            .Sample(bytes => { CodecOutcomes.ReceiveText(client, bytes); }, iter: Iterations, threads: 1);
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Near_valid_messages_end_in_one_documented_outcome(int envelopeIndex)
    {
        var envelope = EnvelopeCase.All[envelopeIndex];
        using var client = CodecOutcomes.Client(envelope, out var protocol);
        var contract = protocol.Outbound<Specimen>(envelope.Discriminator("spec", 42));
        var outcomes = new Dictionary<string, int>();

        Gen.Select(CodecGen.Specimen, CodecGen.Mutation.Array[1, 4]).Sample(
            (specimen, mutations) =>
            {
                var message = System.Text.Encoding.UTF8.GetBytes(CodecProtocols.Encode(contract, specimen));
                foreach (var mutation in mutations)
                {
                    message = mutation.ApplyTo(message);
                }

                var outcome = CodecOutcomes.ReceiveText(client, message);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            },
            iter: Iterations,
            threads: 1);

        // The mutations reach every outcome, not just the first parse error.
        Assert.True(outcomes.Count >= 4, string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Binary_frames_stay_on_the_raw_lane(int envelopeIndex)
    {
        var envelope = EnvelopeCase.All[envelopeIndex];
        using var client = CodecOutcomes.Client(envelope, out var protocol);
        var contract = protocol.Outbound<Specimen>(envelope.Discriminator("spec", 42));

        Gen.Frequency((1, Gen.Byte.Array[0, 64]), (1, CodecGen.Specimen.Select(s => System.Text.Encoding.UTF8.GetBytes(CodecProtocols.Encode(contract, s)))))
            .Sample(
                bytes =>
                {
                    var receiving = client.Receive(WebSocketMessageKind.Binary, bytes);
                    Assert.True(receiving.IsCompletedSuccessfully);
                    Assert.Empty(client.Received);
                    Assert.Empty(client.UnhandledMessages);
                    Assert.Empty(client.Errors);
                },
                iter: Iterations / 10,
                threads: 1);
    }
}
