namespace CpWebSocket.Tests.Protocols.Obs;

/// <summary>Opens an <see cref="ObsClient"/> and identifies it: Hello answered with Identify, then Identified awaited.</summary>
public static class ObsSession
{
    public static async Task<ObsClient> IdentifiedAsync(Uri url, string password, Action<ObsClient>? before = null)
    {
        var obs = new ObsClient(url);
        var identified = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        obs.OnHello((hello, ct) => obs.SendAsync(new Identify(hello.RpcVersion, Authenticate(hello.Authentication, password)), ct));
        obs.IdentifiedReceived += _ => identified.TrySetResult();
        obs.Closed += close => identified.TrySetException(new InvalidOperationException($"closed before Identified: {close}"));
        before?.Invoke(obs);
        await obs.OpenAsync();
        await identified.Task.WaitAsync(Server.TestServer.DefaultTimeout);
        return obs;
    }

    public static string? Authenticate(HelloAuthentication? challenge, string password) =>
        challenge is null ? null : ObsPeer.Authentication(password, challenge.Salt, challenge.Challenge);
}
