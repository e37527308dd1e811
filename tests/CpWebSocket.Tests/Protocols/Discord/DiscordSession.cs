namespace CpWebSocket.Tests.Protocols.Discord;

/// <summary>
/// A Discord gateway session, as an app writes it: Identify (or Resume, after a reconnect) in an <c>OnOpened</c> hook,
/// heartbeats every <c>heartbeat_interval</c> of Hello (and at once when the gateway asks), reconnects forever except
/// after the close codes that forbid it, to the <c>resume_gateway_url</c> of READY.
/// </summary>
public sealed class DiscordSession
{
    private long _lastSequence;   // 0: none yet (sequence numbers start at 1)
    private string? _sessionId;
    private Uri? _resumeUrl;
    private ConnectionHeartbeat? _heartbeat;

    public DiscordSession(Uri url, Identify identify, TimeSpan reconnectDelay)
    {
        // README: discord session (begin)
        var discord = new DiscordClient(url, new HttpWebSocketOptions
        {
            Reconnect = new ReconnectPolicy
            {
                RetryFirstConnect = true,
                MaxAttempts = ReconnectPolicy.Unlimited,
                InitialDelay = reconnectDelay,
                ShouldReconnect = cause => cause.CloseCode is not (4004 or (>= 4010 and <= 4014)),
            },
        });

        // Resume where the last connection left off: at READY's resume_gateway_url, with the last sequence number seen.
        discord.OnConnecting((connect, _) =>
        {
            if (connect.Attempt > 0 && _resumeUrl is { } resumeUrl)
            {
                connect.Url = resumeUrl;
            }

            return default;
        });

        discord.OnOpened(async ct =>
        {
            var hello = await discord.WaitForAsync<Hello>(cancellationToken: ct);
            _heartbeat = discord.StartHeartbeat(
                TimeSpan.FromMilliseconds(hello.HeartbeatInterval),
                ct => discord.SendAsync(new Heartbeat(LastSequence), ct));
            if (_sessionId is { } sessionId)
            {
                await discord.SendAsync(new ResumeSession(identify.Token, sessionId, LastSequence), ct);
                await discord.WaitForAsync<Resumed>(cancellationToken: ct);
            }
            else
            {
                await discord.SendAsync(identify, ct);
                var ready = await discord.WaitForAsync<Ready>(cancellationToken: ct);
                (_sessionId, _resumeUrl) = (ready.SessionId, new Uri(ready.ResumeGatewayUrl));
            }
        });

        discord.OnHeartbeat((_, _) =>
        {
            _heartbeat?.BeatNow();   // the gateway asks for a heartbeat now
            return default;
        });

        discord.OnReady((_, envelope, _) => Seen(envelope));
        discord.OnGuildCreate((_, envelope, _) => Seen(envelope));
        discord.OnMessageCreate((_, envelope, _) => Seen(envelope));
        discord.OnResumed((_, envelope, _) => Seen(envelope));
        // README: discord session (end)
        Client = discord;
    }

    public DiscordClient Client { get; }

    private long? LastSequence => Interlocked.Read(ref _lastSequence) is > 0 and var sequence ? sequence : null;

    private ValueTask Seen(GatewayEnvelope envelope)
    {
        if (envelope.S is { } sequence)
        {
            Interlocked.Exchange(ref _lastSequence, sequence);
        }

        return default;
    }
}
