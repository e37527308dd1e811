using CpWebSocket.Testing.Wire;

namespace CpWebSocket.Testing.Answers;

/// <summary>
/// The answers a server gives by itself, on every connection: each message the client sends whose key has a rule is
/// answered by it (concurrently with the test, and with other answers), and not queued for the test to receive.
/// </summary>
internal sealed class PeerAnswers
{
    private readonly List<AnswerRule> _rules = [];

    /// <summary>Adds a rule; a later rule for the same key replaces the earlier.</summary>
    public void Add(AnswerRule rule)
    {
        lock (_rules)
        {
            _rules.RemoveAll(existing => existing.Key == rule.Key);
            _rules.Add(rule);
        }
    }

    /// <summary>Starts the answer to <paramref name="frame"/> if a rule takes it.</summary>
    /// <returns>Whether a rule took the message.</returns>
    public bool TryAnswer(TestPeer peer, PeerFrame frame)
    {
        AnswerRule? rule = null;
        ClientMessage? message = null;
        lock (_rules)
        {
            if (_rules.Count == 0)
            {
                return false;
            }

            message = peer.Codec.Read(frame.Data);
            foreach (var candidate in _rules)
            {
                if (message.Matches(candidate.Key))
                {
                    rule = candidate;
                    break;
                }
            }
        }

        if (rule is null)
        {
            return false;
        }

        peer.Observe(rule.AnswerAsync(peer, message, peer.Ending));
        return true;
    }
}
