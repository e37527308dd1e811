using System.Diagnostics;
using System.Text;
using CpWebSocket.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OpenTelemetry.Resources;
using Samples.Worker;

// A generic-host worker service with a typed websocket client: dotnet run --project samples/Worker
//
// The client is registered from the "Ticker" section of appsettings.json, opened by its hosted lifetime when the host
// starts and closed with a close handshake when it stops; its health is a health check; the CpWebSocket meter and spans
// are exported to the console with OpenTelemetry. The worker asks for a quote, reads a few ticks, checks the client's health and stops
// the host.

Console.OutputEncoding = Encoding.UTF8;
var clock = Stopwatch.StartNew();
var transcript = new Transcript(Console.Out);

await using var server = await TickerServer.StartAsync();
transcript.Note("server", $"listening on {server.Url}");

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

// appsettings.json names the server a deployed worker talks to; this sample starts its own on a free port instead.
builder.Configuration["Ticker:Url"] = server.Url.ToString();

builder.Services.AddWebSocketClient<TickerClient>(builder.Configuration.GetSection("Ticker"))
    .AddHostedLifetime();
builder.Services.AddHealthChecks()
    .AddWebSocketClient<TickerClient>(tags: ["ready"]);
builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("ticker-worker"))
    .WithMetrics(metrics => metrics.AddMeter(WebSocketDiagnostics.MeterName).AddConsoleExporter())
    .WithTracing(tracing => tracing.AddSource(WebSocketDiagnostics.ActivitySourceName).AddConsoleExporter());
builder.Services.AddSingleton(transcript);
builder.Services.AddHostedService<TickerWorker>();

using (var host = builder.Build())
{
    await host.RunAsync();
}

// The host has stopped: the hosted lifetime closed the client, and the server answered its close frame.
var closes = server.CloseStatuses;
transcript.Note("server", closes.Count == 0 ? "saw no close frame" : $"saw the client close with {string.Join(", ", closes.Select(status => $"{(int)status} {status}"))}");
if (transcript.Failure is not null || closes.Count != 1)
{
    await Console.Error.WriteLineAsync($"worker: failed: {transcript.Failure ?? "the client did not close with one close handshake"}");
    return 1;
}

transcript.Line($"summary: sent {transcript.Sent}, received {transcript.Received}, health {transcript.Health}, closed with {(int)closes.Single()}, elapsed {clock.ElapsedMilliseconds} ms");
return 0;
