namespace CpWebSocket.Generators.Model;

/// <summary>The accessibility of the generated members that expose a contract type.</summary>
internal enum MemberAccessibility
{
    /// <summary><c>public</c>: the contract is at least as visible as the client.</summary>
    Public,

    /// <summary><c>internal</c>: an internal contract on a public client, which a public member could not expose.</summary>
    Internal,
}
