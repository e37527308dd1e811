using System.Diagnostics;

namespace CpWebSocket.Tests.Diagnostics;

/// <summary>
/// An <see cref="ActivityListener"/> for the <c>CpWebSocket</c> source (and <c>System.Net.Http</c>, whose handshake span
/// nests under the connect span) that samples and records only the spans of one trace, started by <see cref="Root"/>, so
/// that tests running beside it never mix in; or, with <c>roots: true</c>, root spans too, which a test finds by their tags.
/// </summary>
public sealed class ActivityRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly List<Activity> _stopped = [];

    public ActivityRecorder(bool roots = false)
    {
        Root = new Activity("test").Start();
        var trace = Root.TraceId;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "CpWebSocket" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent.TraceId == trace || (roots && options.Parent == default && options.Source.Name == "CpWebSocket")
                    ? ActivitySamplingResult.AllDataAndRecorded
                    : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                lock (_stopped)
                {
                    _stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The test's own span; spans started under it are recorded.</summary>
    public Activity Root { get; }

    /// <summary>The spans stopped so far.</summary>
    public IReadOnlyList<Activity> Stopped
    {
        get
        {
            lock (_stopped)
            {
                return _stopped.ToArray();
            }
        }
    }

    /// <summary>Waits until a span that matches stopped.</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> match)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Generous;
        while (true)
        {
            if (Stopped.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No matching span stopped; stopped: {string.Join("; ", Stopped.Select(a => a.DisplayName))}");
            }

            await Task.Delay(20);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Root.Stop();
        _listener.Dispose();
    }
}
