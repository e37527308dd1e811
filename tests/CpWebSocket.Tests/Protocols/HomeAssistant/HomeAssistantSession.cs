namespace CpWebSocket.Tests.Protocols.HomeAssistant;

/// <summary>
/// Opens a <see cref="HomeAssistantClient"/> authenticated: its auth phase (auth_required answered with auth, then
/// auth_ok or auth_invalid) is an <c>OnOpened</c> hook, so <c>OpenAsync</c> completes once the client is authenticated
/// and fails with auth_invalid's message when it is refused.
/// </summary>
public static class HomeAssistantSession
{
    public static async Task<HomeAssistantClient> AuthenticatedAsync(Uri url, string token, Action<HomeAssistantClient>? before = null)
    {
        var ha = new HomeAssistantClient(url);
        // README: home assistant session (begin)
        ha.OnOpened(async ct =>
        {
            await ha.WaitForAsync<AuthRequired>(cancellationToken: ct);
            var ok = ha.WaitForAsync<AuthOk>(cancellationToken: ct);
            var invalid = ha.WaitForAsync<AuthInvalid>(cancellationToken: ct);
            await ha.SendAsync(new Auth(token), ct);
            await Task.WhenAny(ok, invalid);
            if (invalid.IsCompletedSuccessfully) // first: the close that follows auth_invalid fails the other wait
            {
                throw new UnauthorizedAccessException($"Home Assistant refused the token: {(await invalid).Message}");
            }

            await ok;
        });
        // README: home assistant session (end)
        before?.Invoke(ha);
        try
        {
            await ha.OpenAsync();
        }
        catch
        {
            await ha.DisposeAsync();
            throw;
        }

        return ha;
    }
}
