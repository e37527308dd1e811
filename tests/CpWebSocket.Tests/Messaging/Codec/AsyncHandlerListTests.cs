using CpWebSocket.Messaging;
using Xunit;

namespace CpWebSocket.Tests.Messaging.Codec;

public sealed class AsyncHandlerListTests
{
    [Fact]
    public async Task Handlers_run_one_after_another_in_the_order_they_were_added()
    {
        var list = new AsyncHandlerList<int>();
        var log = new List<string>();
        list.Add(async (m, _) =>
        {
            log.Add($"a{m} start");
            await Task.Yield();
            log.Add($"a{m} end");
        });
        list.Add((m, _) =>
        {
            log.Add($"b{m}");
            return default;
        });

        await list.InvokeAsync(1, CancellationToken.None);

        Assert.Equal(["a1 start", "a1 end", "b1"], log);
    }

    [Fact]
    public async Task A_disposed_subscription_no_longer_receives()
    {
        var list = new AsyncHandlerList<int>();
        var seen = new List<int>();
        var subscription = list.Add((m, _) =>
        {
            seen.Add(m);
            return default;
        });

        await list.InvokeAsync(1, CancellationToken.None);
        subscription.Dispose();
        subscription.Dispose();
        await list.InvokeAsync(2, CancellationToken.None);

        Assert.Equal([1], seen);
        Assert.Equal(0, list.Count);
    }

    [Fact]
    public async Task A_throwing_handler_does_not_stop_the_others_and_its_exception_surfaces()
    {
        var list = new AsyncHandlerList<int>();
        var ran = 0;
        list.Add((_, _) => throw new InvalidOperationException("first"));
        list.Add((_, _) =>
        {
            ran++;
            return default;
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await list.InvokeAsync(1, CancellationToken.None));

        Assert.Equal("first", error.Message);
        Assert.Equal(1, ran);
    }

    [Fact]
    public async Task Several_failures_surface_together()
    {
        var list = new AsyncHandlerList<int>();
        list.Add((_, _) => throw new InvalidOperationException("sync"));
        list.Add(async (_, _) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("async");
        });

        var error = await Assert.ThrowsAsync<AggregateException>(async () => await list.InvokeAsync(1, CancellationToken.None));

        Assert.Equal(["sync", "async"], error.InnerExceptions.Select(e => e.Message));
    }

    [Fact]
    public void Without_handlers_nothing_is_allocated()
    {
        var list = new AsyncHandlerList<int>();
        Assert.True(CompletedSuccessfully(list.InvokeAsync(0, CancellationToken.None)));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(CompletedSuccessfully(list.InvokeAsync(i, CancellationToken.None)));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static bool CompletedSuccessfully(ValueTask task) => task.IsCompletedSuccessfully;
}
