using Microsoft.AspNetCore.Http;

namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary><c>/reject[?status=401]</c>: answers with that HTTP status and never upgrades.</summary>
internal static class RejectEndpoint
{
    public const string Path = "/reject";

    public static Task HandleAsync(HttpContext context)
    {
        context.Response.StatusCode = QueryParameters.GetInt32(context, "status", StatusCodes.Status401Unauthorized);
        return Task.CompletedTask;
    }
}
