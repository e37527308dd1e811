namespace CpWebSocket;

/// <summary>
/// The hooks of one lifecycle step (connecting, opened, closed), in the order they were added. Adding and removing swap
/// the array, so a step runs the hooks registered when it starts, and registering from inside a hook is safe.
/// </summary>
/// <typeparam name="THook">The hook's delegate type.</typeparam>
internal sealed class HookList<THook>
    where THook : Delegate
{
    private THook[] _hooks = [];

    /// <summary>The hooks now, in order.</summary>
    public THook[] Items => Volatile.Read(ref _hooks);

    /// <summary>Adds a hook; disposing the result removes it.</summary>
    public IDisposable Add(THook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        lock (this)
        {
            _hooks = [.. _hooks, hook];
        }

        return new Registration(this, hook);
    }

    private void Remove(THook hook)
    {
        lock (this)
        {
            var index = Array.IndexOf(_hooks, hook);
            if (index >= 0)
            {
                _hooks = [.. _hooks.AsSpan(0, index), .. _hooks.AsSpan(index + 1)];
            }
        }
    }

    private sealed class Registration(HookList<THook> owner, THook hook) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(hook);
            }
        }
    }
}
