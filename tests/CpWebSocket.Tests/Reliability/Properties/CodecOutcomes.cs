using CpWebSocket.Messaging;
using CpWebSocket.Tests.Messaging.Codec.Fixtures;

namespace CpWebSocket.Tests.Reliability.Properties;

/// <summary>Feeds one text message to a never-opened client and checks it ended in exactly one documented outcome.</summary>
public static class CodecOutcomes
{
    private static readonly WebSocketErrorKind[] MessageErrorKinds =
        [WebSocketErrorKind.InvalidJson, WebSocketErrorKind.MissingDiscriminator, WebSocketErrorKind.Deserialization];

    /// <summary>The client's codec, routing <see cref="Specimen"/> under two discriminators of <paramref name="envelope"/>'s kind.</summary>
    /// <param name="envelope">The envelope.</param>
    /// <param name="protocol">The protocol the client routes with, to encode messages for it.</param>
    public static CodecClient Client(EnvelopeCase envelope, out MessageProtocol protocol)
    {
        protocol = envelope.CreateProtocol();
        return new CodecClient(protocol.CreateRouter(
            protocol.Inbound(envelope.Discriminator("spec", 42), CodecClient.Record<Specimen>()),
            protocol.Inbound(envelope.Discriminator("type", 0), CodecClient.Record<Specimen>())));
    }

    /// <summary>
    /// Receives <paramref name="message"/> as a text frame: it must not throw, and must end in exactly one of
    /// Handled, Unhandled, or an error of kind InvalidJson, MissingDiscriminator or Deserialization carrying the text;
    /// a valid JSON array frame, in one such outcome per element, each error carrying its element's text.
    /// </summary>
    /// <returns>The outcome (of the first element of an array), for statistics.</returns>
    public static string ReceiveText(CodecClient client, byte[] message)
    {
        client.Received.Clear();
        client.UnhandledMessages.Clear();
        client.Errors.Clear();

        var receiving = client.Receive(WebSocketMessageKind.Text, message);
        Assert.True(receiving.IsCompletedSuccessfully);

        using var batch = MessageBatch.IsArray(message) ? MessageBatch.Read(message, default, out _) : null;
        List<string> texts = batch is null
            ? [System.Text.Encoding.UTF8.GetString(message)]
            : Enumerable.Range(0, batch.Count).Select(i => System.Text.Encoding.UTF8.GetString(batch[i].Span)).ToList();
        Assert.Equal(texts.Count, client.Received.Count + client.UnhandledMessages.Count + client.Errors.Count);
        foreach (var error in client.Errors)
        {
            Assert.Contains(error.Kind, MessageErrorKinds);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.Contains(error.RawText, texts);
        }

        return client.Errors.Count > 0 ? client.Errors[0].Kind.ToString()
            : client.Received.Count > 0 ? "Handled"
            : client.UnhandledMessages.Count > 0 ? "Unhandled"
            : "Empty";
    }
}
