namespace CpWebSocket.Tests.Protocols.HomeAssistant;

/// <summary>Opens a <see cref="HomeAssistantClient"/> through the auth phase: auth_required answered with auth, auth_ok awaited.</summary>
public static class HomeAssistantSession
{
    public static async Task<HomeAssistantClient> AuthenticatedAsync(Uri url, string token, Action<HomeAssistantClient>? before = null)
    {
        var ha = new HomeAssistantClient(url);
        var authenticated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ha.OnAuthRequired((_, ct) => ha.SendAsync(new Auth(token), ct));
        ha.AuthOkReceived += _ => authenticated.TrySetResult();
        ha.AuthInvalidReceived += refused => authenticated.TrySetException(new InvalidOperationException("auth_invalid: " + refused.Message));
        ha.Closed += close => authenticated.TrySetException(new InvalidOperationException($"closed before auth_ok: {close}"));
        before?.Invoke(ha);
        await ha.OpenAsync();
        await authenticated.Task.WaitAsync(Server.TestServer.DefaultTimeout);
        return ha;
    }
}
