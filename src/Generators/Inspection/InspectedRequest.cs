using Microsoft.CodeAnalysis;

namespace CpWebSocket.Generators.Inspection;

/// <summary>The response side of a request declared with <c>[Sends(typeof(T), Returns = typeof(R))]</c>.</summary>
/// <param name="ResponseType">The response contract.</param>
/// <param name="MethodName">The generated method's name.</param>
/// <param name="TimeoutMilliseconds">0 for the client's default, -1 for no limit, else milliseconds.</param>
/// <param name="ResultType">When the response implements <c>IResponse&lt;TResult, TError&gt;</c>: <c>TResult</c>.</param>
/// <param name="ErrorType">When the response implements <c>IResponse&lt;TResult, TError&gt;</c>: <c>TError</c>.</param>
/// <param name="ResponseKey">The response's <c>[Message]</c> key, or <see langword="null"/> for a response without one.</param>
internal sealed record InspectedRequest(
    INamedTypeSymbol ResponseType,
    string MethodName,
    int TimeoutMilliseconds,
    ITypeSymbol? ResultType,
    ITypeSymbol? ErrorType,
    InspectedKey? ResponseKey = null)
{
    /// <summary>Whether the request was declared <c>Returns = typeof(void)</c>: its method returns a plain task.</summary>
    public bool ReturnsNothing { get; init; }
}
