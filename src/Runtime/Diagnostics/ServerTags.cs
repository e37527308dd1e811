namespace CpWebSocket.Diagnostics;

/// <summary>
/// The attribute values of one connection's server, computed once, the first time something listens (a connection
/// nobody measures never builds them).
/// </summary>
internal sealed class ServerTags
{
    private string? _urlFull;

    public ServerTags(Uri url)
    {
        Url = url;
        Address = url.Host;
        Port = url.Port;
        Scheme = url.Scheme;
    }

    public Uri Url { get; }

    public string Address { get; }

    /// <summary>The port, boxed once.</summary>
    public object Port { get; }

    public string Scheme { get; }

    /// <summary>The address for <c>url.full</c>: without user info, and with each query value replaced by <c>*</c> (they often carry tokens).</summary>
    public string UrlFull => _urlFull ??= Redact(Url);

    internal static string Redact(Uri url)
    {
        var baseAddress = url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        var query = url.GetComponents(UriComponents.Query, UriFormat.UriEscaped);
        if (query.Length == 0)
        {
            return baseAddress;
        }

        var redacted = string.Join('&', query.Split('&').Select(pair => pair.IndexOf('=', StringComparison.Ordinal) is var equals and >= 0 ? pair[..(equals + 1)] + "*" : pair));
        return baseAddress + "?" + redacted;
    }
}
