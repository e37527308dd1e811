namespace CpWebSocket.Hosting.Health;

/// <summary>
/// Shows a client's address in health reports without what may be secret in it: health endpoints are often public,
/// and tokens travel in the user info or the query of websocket URLs.
/// </summary>
internal static class UrlDisplay
{
    /// <summary>The address as scheme, host, port and path only.</summary>
    public static string Show(Uri url) =>
        url.IsAbsoluteUri ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(a relative address)";

    /// <summary><paramref name="text"/> with every spelling of <paramref name="url"/> replaced by <see cref="Show"/>.</summary>
    public static string Redact(string text, Uri url)
    {
        var shown = Show(url);
        foreach (var spelling in new[] { url.OriginalString, url.ToString(), url.IsAbsoluteUri ? url.AbsoluteUri : null })
        {
            if (!string.IsNullOrEmpty(spelling) && spelling != shown)
            {
                text = text.Replace(spelling, shown, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
