using CpWebSocket.Documentation;

namespace CpWebSocket.Tests.Documentation;

/// <summary>Every generated client the tests declare, found in the test assembly by its <c>Contracts</c> property.</summary>
public static class DocumentedClients
{
    /// <summary>The clients, ordered by full name.</summary>
    public static IReadOnlyList<ClientContracts> All { get; } = typeof(DocumentedClients).Assembly.GetTypes()
        .Select(type => ClientContracts.TryOf(type, out var contracts) ? contracts : null)
        .OfType<ClientContracts>()
        .OrderBy(contracts => contracts.ClientType.FullName, StringComparer.Ordinal)
        .ToArray();
}
