namespace CpWebSocket.Tests.Support;

/// <summary>
/// Collects the exceptions of faulted tasks that nobody observed (<see cref="TaskScheduler.UnobservedTaskException"/>)
/// while it is alive. Such exceptions surface only when the task is finalized, so <see cref="CollectAsync"/> forces
/// garbage collection first.
/// </summary>
public sealed class UnobservedTaskExceptions : IDisposable
{
    private readonly List<Exception> _seen = [];

    private UnobservedTaskExceptions() => TaskScheduler.UnobservedTaskException += OnUnobserved;

    /// <summary>Flushes what earlier work left for the finalizer, then starts collecting.</summary>
    public static UnobservedTaskExceptions Start()
    {
        ForceFinalization();
        return new UnobservedTaskExceptions();
    }

    /// <summary>
    /// Forces the tasks that are garbage by now to be finalized and returns the unobserved exceptions seen so far that
    /// came from the connection's code: thrown by this library, <c>Websocket.Client</c> or <c>System.Net.WebSockets</c>,
    /// or of one of this library's exception types (a task the library faults itself has no stack trace).
    /// </summary>
    public async Task<IReadOnlyList<Exception>> CollectAsync()
    {
        // A task becomes garbage only once whatever awaited it has finished: let pending continuations run first.
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        ForceFinalization();
        ForceFinalization();
        lock (_seen)
        {
            return _seen.Where(FromConnectionCode).ToArray();
        }
    }

    /// <inheritdoc />
    public void Dispose() => TaskScheduler.UnobservedTaskException -= OnUnobserved;

    private static void ForceFinalization()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static bool FromConnectionCode(Exception exception) =>
        (exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : (IEnumerable<Exception>)[exception])
            .SelectMany(Chain)
            .Any(e => IsLibraryType(e) || ThrownByConnectionCode(e));

    private static bool IsLibraryType(Exception exception) =>
        exception.GetType().Namespace is { } name
        && (name == "CpWebSocket" || name.StartsWith("CpWebSocket.", StringComparison.Ordinal))
        && !name.StartsWith("CpWebSocket.Tests", StringComparison.Ordinal);

    private static bool ThrownByConnectionCode(Exception exception) =>
        (exception.StackTrace ?? string.Empty).Split('\n')
            .Select(frame => frame.Trim())
            .Any(frame => (frame.StartsWith("at CpWebSocket.", StringComparison.Ordinal) && !frame.StartsWith("at CpWebSocket.Tests.", StringComparison.Ordinal))
                || frame.StartsWith("at Websocket.Client.", StringComparison.Ordinal)
                || frame.StartsWith("at System.Net.WebSockets.", StringComparison.Ordinal));

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
    {
        lock (_seen)
        {
            _seen.Add(e.Exception);
        }
    }
}
