using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using CpWebSocket.Messaging;

namespace CpWebSocket.Documentation;

/// <summary>
/// What a generated client declares, from the objects it works with: its protocol (envelope, serializer settings and
/// the shapes of what it reads), the messages it sends and the requests it makes, the messages it receives, and the
/// record of the members beside the payload. Each generated client exposes its own as a static
/// <c>Contracts</c> property, the source of its AsyncAPI document (<see cref="AsyncApiDocument.Create(ClientContracts, AsyncApiOptions?)"/>).
/// </summary>
/// <example>
/// <code language="csharp">
/// ClientContracts contracts = ChatClient.Contracts;
/// AsyncApiDocument document = AsyncApiDocument.Create(contracts);
/// </code>
/// </example>
public sealed class ClientContracts
{
    /// <summary>The name of the static property generated clients expose their contracts with.</summary>
    public const string PropertyName = "Contracts";

    /// <summary>Describes a client.</summary>
    /// <param name="clientType">The client class.</param>
    /// <param name="router">The router of its received messages, made by its protocol.</param>
    /// <param name="sent">The messages it sends and the requests it makes, in the order declared.</param>
    /// <param name="envelopeType">The record of the members beside the payload its handlers may read, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A sent message belongs to another protocol than the router.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ClientContracts(Type clientType, InboundRouter router, IReadOnlyList<SentContract> sent, Type? envelopeType = null)
    {
        ArgumentNullException.ThrowIfNull(clientType);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(sent);
        foreach (var contract in sent)
        {
            ArgumentNullException.ThrowIfNull(contract, nameof(sent));
            if (contract.Protocol != router.Protocol)
            {
                throw new ArgumentException($"{contract} belongs to another MessageProtocol than the router of {clientType}.", nameof(sent));
            }
        }

        ClientType = clientType;
        Protocol = router.Protocol;
        Sent = sent.ToArray();
        Received = router.Contracts;
        EnvelopeType = envelopeType;
    }

    /// <summary>The client class.</summary>
    public Type ClientType { get; }

    /// <summary>The client's envelope and serializer settings.</summary>
    public MessageProtocol Protocol { get; }

    /// <summary>The messages the client sends and the requests it makes, in the order declared.</summary>
    public IReadOnlyList<SentContract> Sent { get; }

    /// <summary>The messages the client receives, in the order declared.</summary>
    public IReadOnlyList<InboundContract> Received { get; }

    /// <summary>The record of the members beside the payload that handlers may read, or <see langword="null"/>.</summary>
    public Type? EnvelopeType { get; }

    /// <summary>
    /// The contracts of a generated client class, read from its static <see cref="PropertyName"/> property; for tools
    /// that find clients in an assembly.
    /// </summary>
    /// <param name="clientType">A class the generator completed (a <c>[WebSocketClient]</c>).</param>
    /// <returns>Its contracts.</returns>
    /// <exception cref="ArgumentException">
    /// The type is not a generated client, or it is one that declares a member named <c>Contracts</c> of its own (the
    /// generator then leaves its contracts out rather than clash with the user's member).
    /// </exception>
    public static ClientContracts Of([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type clientType)
    {
        ArgumentNullException.ThrowIfNull(clientType);
        if (!TryOf(clientType, out var contracts))
        {
            throw new ArgumentException(
                clientType.IsDefined(typeof(WebSocketClientAttribute), inherit: false)
                    ? $"{clientType} is a [WebSocketClient] without a generated static {PropertyName} property: either it declares a member named {PropertyName} of its own, which the generator leaves in place of its contracts (rename that member to describe the client), or it was built without the CpWebSocket generator."
                    : $"{clientType} is not a generated websocket client: it has no public static {PropertyName} property of type {nameof(ClientContracts)}. Declare it with [WebSocketClient] and build it with the CpWebSocket generator.",
                nameof(clientType));
        }

        return contracts;
    }

    /// <summary>Reads the contracts of <paramref name="clientType"/> when it is a generated client.</summary>
    /// <param name="clientType">Any type.</param>
    /// <param name="contracts">Its contracts, when it has them.</param>
    /// <returns>Whether the type is a generated client.</returns>
    public static bool TryOf(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type clientType,
        [NotNullWhen(true)] out ClientContracts? contracts)
    {
        ArgumentNullException.ThrowIfNull(clientType);
        contracts = null;
        if (!typeof(MessageClient).IsAssignableFrom(clientType) || clientType.ContainsGenericParameters)
        {
            return false;
        }

        var property = clientType.GetProperty(PropertyName, BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
        if (property is null || property.PropertyType != typeof(ClientContracts))
        {
            return false;
        }

        contracts = (ClientContracts?)property.GetValue(null);
        return contracts is not null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{ClientType.Name}: {Sent.Count} sent, {Received.Count} received, {Protocol.Envelope}";
}
