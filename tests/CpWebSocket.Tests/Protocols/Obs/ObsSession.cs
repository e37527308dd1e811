namespace CpWebSocket.Tests.Protocols.Obs;

/// <summary>
/// Opens an <see cref="ObsClient"/> identified: its handshake (Hello answered with Identify, then Identified) is an
/// <c>OnOpened</c> hook, so <c>OpenAsync</c> completes once the client is identified, on every connection.
/// </summary>
public static class ObsSession
{
    public static async Task<ObsClient> IdentifiedAsync(Uri url, string password, Action<ObsClient>? before = null, HttpWebSocketOptions? options = null)
    {
        var obs = new ObsClient(url, options);
        // README: obs session (begin)
        obs.OnOpened(async ct =>
        {
            var hello = await obs.WaitForAsync<Hello>(cancellationToken: ct);
            await obs.SendAsync(new Identify(hello.RpcVersion, Authenticate(hello.Authentication, password)), ct);
            await obs.WaitForAsync<Identified>(cancellationToken: ct);
        });
        // README: obs session (end)
        before?.Invoke(obs);
        try
        {
            await obs.OpenAsync();
        }
        catch
        {
            await obs.DisposeAsync();
            throw;
        }

        return obs;
    }

    public static string? Authenticate(HelloAuthentication? challenge, string password) =>
        challenge is null ? null : ObsPeer.Authentication(password, challenge.Salt, challenge.Challenge);
}
