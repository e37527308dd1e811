using System.Threading.Channels;

namespace Samples.Chat;

/// <summary>What one client received, for the session to wait on message by message.</summary>
internal sealed class Inbox
{
    private readonly Channel<object> _arrived = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

    // Messages read while waiting for another one; a later wait may be for one of them.
    private readonly List<object> _skipped = [];

    public void Add(object message) => _arrived.Writer.TryWrite(message);

    /// <summary>Takes the first message of type <typeparamref name="T"/> that <paramref name="match"/> accepts, waiting for it if needed.</summary>
    public async Task<T> TakeAsync<T>(Func<T, bool> match, CancellationToken cancellationToken)
    {
        var index = _skipped.FindIndex(message => message is T typed && match(typed));
        if (index >= 0)
        {
            var found = (T)_skipped[index];
            _skipped.RemoveAt(index);
            return found;
        }

        while (true)
        {
            var message = await _arrived.Reader.ReadAsync(cancellationToken);
            if (message is T typed && match(typed))
            {
                return typed;
            }

            _skipped.Add(message);
        }
    }
}
