namespace CpWebSocket;

/// <summary>
/// A response that carries either a result or the server's error, such as JSON-RPC's
/// <c>{"result":...}</c> / <c>{"error":{...}}</c> or <c>{"success":false,"error":{...}}</c>. A request whose
/// response type implements it returns the result, and throws <see cref="WebSocketResponseException{TError}"/>
/// when <see cref="Error"/> is set.
/// </summary>
/// <typeparam name="TResult">What a successful response returns to the caller.</typeparam>
/// <typeparam name="TError">The server's error.</typeparam>
/// <example>
/// <code language="csharp">
/// public sealed record RpcError(int Code, string Message);
///
/// public sealed record RpcResponse&lt;T&gt;(T Result, RpcError? Error) : IResponse&lt;T, RpcError&gt;;
///
/// [Sends(typeof(GetRooms), Returns = typeof(RpcResponse&lt;RoomList&gt;))]   // Task&lt;RoomList&gt; GetRoomsAsync(...)
/// </code>
/// </example>
public interface IResponse<out TResult, out TError>
    where TError : class
{
    /// <summary>The result; what the request returns when <see cref="Error"/> is <see langword="null"/>.</summary>
    TResult Result { get; }

    /// <summary>The server's error, or <see langword="null"/> for a successful response.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Named after the 'error' member of the response formats it maps (JSON-RPC and others).")]
    TError? Error { get; }
}
