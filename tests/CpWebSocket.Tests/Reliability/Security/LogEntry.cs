using Microsoft.Extensions.Logging;

namespace CpWebSocket.Tests.Reliability.Security;

/// <summary>
/// One captured log call, with every form in which a logging backend could keep it: the formatted message, each
/// structured value, the exception with its inner ones and stack, and the scopes open around it.
/// </summary>
public sealed record LogEntry(LogLevel Level, EventId EventId, string Category, string Message, IReadOnlyList<string> Values, string? Exception, IReadOnlyList<string> Scopes)
{
    /// <summary>Whether <paramref name="secret"/> appears anywhere in the entry.</summary>
    public bool Contains(string secret) =>
        Message.Contains(secret, StringComparison.Ordinal)
        || Values.Any(value => value.Contains(secret, StringComparison.Ordinal))
        || (Exception?.Contains(secret, StringComparison.Ordinal) ?? false)
        || Scopes.Any(scope => scope.Contains(secret, StringComparison.Ordinal));

    public override string ToString() => $"{Level} [{Category} {EventId}] {Message}{(Exception is null ? string.Empty : " | " + Exception)}";
}
