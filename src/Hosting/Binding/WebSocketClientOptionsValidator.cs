using Microsoft.Extensions.Options;

namespace CpWebSocket.Hosting.Binding;

/// <summary>
/// Checks the options of one client when they are first read (and at host start): an absolute <c>ws://</c> or
/// <c>wss://</c> <see cref="WebSocketClientOptions.Url"/>. The message names the configuration key to set, when the
/// client was registered with a section.
/// </summary>
/// <param name="optionsName">The name of the options it checks.</param>
/// <param name="displayName">How the message names the client.</param>
/// <param name="sectionPath">The path of the client's configuration section, if it has one.</param>
internal sealed class WebSocketClientOptionsValidator(string optionsName, string displayName, string? sectionPath) : IValidateOptions<WebSocketClientOptions>
{
    /// <summary>The name of the options it checks.</summary>
    public string OptionsName { get; } = optionsName;

    /// <summary>The path of the client's configuration section, once one was given.</summary>
    public string? SectionPath { get; set; } = sectionPath;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WebSocketClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != OptionsName)
        {
            return ValidateOptionsResult.Skip;
        }

        var where = SectionPath is { } path
            ? $"set '{path}:{WebSocketClientConfiguration.UrlKey}' in configuration or Url in ConfigureOptions"
            : "set Url in ConfigureOptions or register the client with a configuration section";
        return options.Url switch
        {
            null => ValidateOptionsResult.Fail($"The websocket client {displayName} has no Url: {where}."),
            { IsAbsoluteUri: false } url => ValidateOptionsResult.Fail(
                $"The Url of the websocket client {displayName}, '{url}', is not absolute: {where} to a ws:// or wss:// address."),
            { Scheme: not ("ws" or "wss") } url => ValidateOptionsResult.Fail(
                $"The Url of the websocket client {displayName} has the scheme '{url.Scheme}': use a ws:// or wss:// address."),
            _ => ValidateOptionsResult.Success,
        };
    }
}
