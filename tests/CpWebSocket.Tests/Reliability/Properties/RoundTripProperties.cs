using CpWebSocket.Messaging;
using CpWebSocket.Tests.Messaging.Codec.Fixtures;
using System.Text;
using CsCheck;

namespace CpWebSocket.Tests.Reliability.Properties;

/// <summary>Any message, under any discriminator, comes back equal through send-encode then receive-decode, in every envelope.</summary>
public sealed class RoundTripProperties
{
    public const int Iterations = 5_000;

    public static TheoryData<int> Envelopes => [.. Enumerable.Range(0, EnvelopeCase.All.Count)];

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Any_message_round_trips_through_encode_and_decode(int envelopeIndex)
    {
        var envelope = EnvelopeCase.All[envelopeIndex];
        Gen.Select(CodecGen.Specimen, CodecGen.Unicode, Gen.Long).Sample(
            (specimen, text, number) =>
            {
                var discriminator = envelope.Discriminator(text, number);
                var protocol = envelope.CreateProtocol();
                using var client = new CodecClient(protocol.CreateRouter(protocol.Inbound(discriminator, CodecClient.Record<Specimen>())));

                var encoded = CodecProtocols.Encode(protocol.Outbound<Specimen>(discriminator), specimen);
                var receiving = client.ReceiveText(encoded);

                Assert.True(receiving.IsCompletedSuccessfully);
                Assert.Empty(client.Errors);
                Assert.Empty(client.UnhandledMessages);
                var decoded = Assert.IsType<Specimen>(Assert.Single(client.Received));
                Assert.True(specimen.SameAs(decoded), $"{specimen} came back as {decoded} from {encoded}");
            },
            iter: Iterations,
            threads: 1);
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Text_with_lone_surrogates_arrives_with_each_replaced_by_U_FFFD(int envelopeIndex)
    {
        var envelope = EnvelopeCase.All[envelopeIndex];
        var protocol = envelope.CreateProtocol();
        var discriminator = envelope.Discriminator("spec", 42);
        using var client = new CodecClient(protocol.CreateRouter(protocol.Inbound(discriminator, CodecClient.Record<Specimen>())));
        var contract = protocol.Outbound<Specimen>(discriminator);
        var anyChars = Gen.Char.Array[0, 12].Select(chars => new string(chars));

        Gen.Select(CodecGen.Specimen, anyChars).Sample(
            (specimen, text) =>
            {
                client.Received.Clear();
                var receiving = client.ReceiveText(CodecProtocols.Encode(contract, specimen with { Text = text }));

                Assert.True(receiving.IsCompletedSuccessfully);
                var decoded = Assert.IsType<Specimen>(Assert.Single(client.Received));
                Assert.Equal(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)), decoded.Text); // the UTF-8 encoder's replacement
                Assert.Empty(client.Errors);
            },
            iter: Iterations,
            threads: 1);
    }
}
