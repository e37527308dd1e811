using System.Net.WebSockets;
using System.Text;

namespace CpWebSocket.Diagnostics;

/// <summary>
/// The values of <c>error.type</c>: low-cardinality snake_case names, fixed strings for the library's own outcomes,
/// as <c>http.client.request.duration</c> names <see cref="HttpRequestError"/> values.
/// </summary>
internal static class ErrorTypes
{
    public const string Timeout = "timeout";
    public const string Canceled = "canceled";
    public const string Aborted = "aborted";
    public const string ServerError = "server_error";
    public const string InvalidResponse = "invalid_response";
    public const string SendFailed = "send_failed";

    /// <summary>An error kind as a tag value, without allocating.</summary>
    public static string Of(WebSocketErrorKind kind) => kind switch
    {
        WebSocketErrorKind.Connect => "connect",
        WebSocketErrorKind.ConnectionLost => "connection_lost",
        WebSocketErrorKind.Protocol => "protocol",
        WebSocketErrorKind.MessageTooLarge => "message_too_large",
        WebSocketErrorKind.Send => "send",
        WebSocketErrorKind.Callback => "callback",
        WebSocketErrorKind.MessageWhileNotOpen => "message_while_not_open",
        WebSocketErrorKind.InvalidJson => "invalid_json",
        WebSocketErrorKind.MissingDiscriminator => "missing_discriminator",
        WebSocketErrorKind.Deserialization => "deserialization",
        WebSocketErrorKind.InvalidOperation => "invalid_operation",
        WebSocketErrorKind.MessageDropped => "message_dropped",
        _ => SnakeCase(kind.ToString()),
    };

    /// <summary>
    /// Why a connect failed: the <see cref="HttpRequestError"/> behind it when the handshake's HTTP request failed
    /// (<c>connection_error</c>, <c>name_resolution_error</c>...), the <see cref="WebSocketError"/> otherwise (a refused
    /// upgrade is <c>not_a_websocket</c>), else the exception's type.
    /// </summary>
    public static string OfConnect(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http)
            {
                return SnakeCase(http.HttpRequestError.ToString());
            }
        }

        return exception switch
        {
            WebSocketException { WebSocketErrorCode: not WebSocketError.Success } socket => SnakeCase(socket.WebSocketErrorCode.ToString()),
            OperationCanceledException => Canceled,
            _ => exception.GetType().FullName ?? exception.GetType().Name,
        };
    }

    /// <summary>How a request ended, from the exception it ended with.</summary>
    public static string OfRequest(Exception exception) => exception switch
    {
        WebSocketRequestTimeoutException => Timeout,
        WebSocketRequestAbortedException => Aborted,
        OperationCanceledException => Canceled,
        WebSocketSendException => SendFailed,
        WebSocketResponseException response when response.GetType().IsGenericType => ServerError,
        WebSocketResponseException => InvalidResponse,
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };

    private static string SnakeCase(string name)
    {
        name = name.Replace("WebSocket", "Websocket", StringComparison.Ordinal); // one word: not_a_websocket
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                builder.Append(name[i]);
            }
        }

        return builder.ToString();
    }
}
