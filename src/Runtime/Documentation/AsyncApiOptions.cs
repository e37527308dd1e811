namespace CpWebSocket.Documentation;

/// <summary>What an AsyncAPI document says about itself, beyond what the client's contracts declare.</summary>
/// <example>
/// <code language="csharp">
/// var options = new AsyncApiOptions { Title = "Chat", Version = "2.1.0", Server = new Uri("wss://chat.example.com/ws") };
/// AsyncApiDocument document = AsyncApiDocument.Create(ChatClient.Contracts, options);
/// </code>
/// </example>
public sealed class AsyncApiOptions
{
    /// <summary>The document's title (<c>info.title</c>); <see langword="null"/> for the client class's name.</summary>
    public string? Title { get; init; }

    /// <summary>The version of the API described (<c>info.version</c>, which AsyncAPI requires). Default <c>1.0.0</c>.</summary>
    public string Version { get; init; } = "1.0.0";

    /// <summary>The document's description (<c>info.description</c>); <see langword="null"/> for one that names the client.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// The server the client connects to (<c>ws://</c> or <c>wss://</c>), written as the document's one server; its
    /// path is the channel's address. <see langword="null"/> (the default) leaves servers out, as the contracts do not
    /// name one.
    /// </summary>
    public Uri? Server { get; init; }
}
