namespace CpWebSocket.Tests.Connection;

/// <summary>The backoff arithmetic of <see cref="ReconnectPolicy"/>.</summary>
public sealed class ReconnectPolicyTests
{
    [Fact]
    public void Delays_double_up_to_the_cap_without_jitter()
    {
        var policy = new ReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(1000), Jitter = 0 };

        var delays = Enumerable.Range(1, 6).Select(a => policy.GetDelay(a).TotalMilliseconds);

        Assert.Equal([100, 200, 400, 800, 1000, 1000], delays);
    }

    [Fact]
    public void Jitter_keeps_each_delay_between_its_floor_and_its_ceiling_and_varies_it()
    {
        var policy = new ReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(1000), MaxDelay = TimeSpan.FromSeconds(60), Jitter = 0.5 };
        var random = new Random(42);

        var delays = Enumerable.Range(0, 200).Select(_ => policy.GetDelay(3, random).TotalMilliseconds).ToArray();

        Assert.All(delays, d => Assert.InRange(d, 2000, 4000));
        Assert.True(delays.Distinct().Count() > 100);
    }

    [Fact]
    public void Invalid_policies_are_refused_with_the_setting_named()
    {
        var zeroAttempts = new HttpWebSocketOptions { Reconnect = new ReconnectPolicy { MaxAttempts = 0 } };
        var badJitter = new HttpWebSocketOptions { Reconnect = new ReconnectPolicy { Jitter = 2 } };

        var attempts = Assert.Throws<ArgumentOutOfRangeException>(() => new HttpWebSocket(new Uri("ws://127.0.0.1/"), options: zeroAttempts));
        var jitter = Assert.Throws<ArgumentOutOfRangeException>(() => new HttpWebSocket(new Uri("ws://127.0.0.1/"), options: badJitter));

        Assert.Equal("MaxAttempts", attempts.ParamName);
        Assert.Equal("Jitter", jitter.ParamName);
    }

    [Fact]
    public void A_url_that_is_not_a_websocket_address_is_refused_clearly()
    {
        var error = Assert.Throws<ArgumentException>(() => HttpWebSocket.New(new Uri("http://127.0.0.1/")));

        Assert.Contains("ws:// or wss://", error.Message, StringComparison.Ordinal);
    }
}
