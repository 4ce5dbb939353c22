using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCt.Cli.Exporter.Exposition;
using NetCt.Cli.Exporter.Http;

namespace NetCt.Tests.Exporter;

/// <summary>The exporter's HTTP server on a real loopback socket: routes, methods, and the limits that keep a client from holding it.</summary>
public sealed class HttpServerTests : IAsyncDisposable
{
    private static readonly HttpServerLimits Tight = new(256, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), 2);

    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _log = new();
    private readonly ConcurrentQueue<ExpositionFormat> _renders = new();
    private readonly Task _serving;
    private readonly IPEndPoint _endpoint;

    public HttpServerTests()
    {
        Socket listener = HttpServer.Listen(new IPEndPoint(IPAddress.Loopback, 0));
        _endpoint = (IPEndPoint)listener.LocalEndPoint!;
        var server = new HttpServer(listener, request => ExporterRoutes.Answer(request, Render), Tight, _log.Enqueue);
        _serving = server.RunAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _serving.WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private ReadOnlyMemory<byte> Render(ExpositionFormat format)
    {
        _renders.Enqueue(format);
        return "netct_test 1\n"u8.ToArray();
    }

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(_endpoint);
        return socket;
    }

    // Sends the request and reads until the server closes (or 5 s pass).
    private async Task<string> ExchangeAsync(string request)
    {
        using Socket socket = await ConnectAsync();
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        return await ReadToEndAsync(socket);
    }

    private static async Task<string> ReadToEndAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int count;
            while ((count = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
                received.Write(buffer, 0, count);
        }
        catch (SocketException)
        {
            // A reset after the answer: what was received is the answer.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }

    [Fact]
    public async Task GetMetricsAnswersTheExpositionInTheNegotiatedFormat()
    {
        string answer = await ExchangeAsync("GET /metrics HTTP/1.1\r\nHost: x\r\nAccept: application/openmetrics-text;version=1.0.0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", answer);
        Assert.Contains("Content-Type: application/openmetrics-text; version=1.0.0; charset=utf-8\r\n", answer);
        Assert.Contains("Content-Length: 13\r\n", answer);
        Assert.EndsWith("\r\n\r\nnetct_test 1\n", answer);
        Assert.Equal([ExpositionFormat.OpenMetrics], _renders);
    }

    [Fact]
    public async Task HeadAnswersTheHeadersWithoutTheBody()
    {
        string answer = await ExchangeAsync("HEAD /metrics HTTP/1.1\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", answer);
        Assert.Contains("Content-Length: 13\r\n", answer);
        Assert.EndsWith("\r\n\r\n", answer);
    }

    [Fact]
    public async Task TheRootPageLinksToMetrics()
    {
        string answer = await ExchangeAsync("GET / HTTP/1.1\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", answer);
        Assert.Contains("Content-Type: text/html; charset=utf-8", answer);
        Assert.Contains("<a href=\"/metrics\">", answer);
        Assert.Empty(_renders);
    }

    [Theory]
    [InlineData("GET /metricsx HTTP/1.1\r\n\r\n", "HTTP/1.1 404 Not Found\r\n")]
    [InlineData("GET /favicon.ico HTTP/1.1\r\n\r\n", "HTTP/1.1 404 Not Found\r\n")]
    [InlineData("POST /metrics HTTP/1.1\r\nContent-Length: 1\r\n\r\nx", "HTTP/1.1 405 Method Not Allowed\r\n")]
    [InlineData("DELETE / HTTP/1.1\r\n\r\n", "HTTP/1.1 405 Method Not Allowed\r\n")]
    [InlineData("GET /metrics HTTP/3\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n")]
    public async Task OnlyGetAndHeadOfTheTwoPagesAreServed(string request, string statusLine)
    {
        string answer = await ExchangeAsync(request);

        Assert.StartsWith(statusLine, answer);
        if (statusLine.Contains("405"))
            Assert.Contains("Allow: GET, HEAD\r\n", answer);
        Assert.Empty(_renders);
    }

    [Fact]
    public async Task AHeadOverTheLimitIsRefused()
    {
        string answer = await ExchangeAsync("GET /metrics HTTP/1.1\r\nX-Padding: " + new string('a', 300) + "\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n", answer);
        Assert.Single(_log, line => line.Contains("request head over 256 bytes"));
    }

    [Fact]
    public async Task ASlowClientIsCutOffAndDoesNotHoldOthersUp()
    {
        using Socket slow = await ConnectAsync();
        await slow.SendAsync("GET /metrics HTTP/1.1\r\n"u8.ToArray());
        var clock = Stopwatch.StartNew();

        // Served meanwhile: the slow client holds one of two slots.
        Assert.StartsWith("HTTP/1.1 200 OK", await ExchangeAsync("GET /metrics HTTP/1.1\r\n\r\n"));
        string slowAnswer = await ReadToEndAsync(slow);

        Assert.StartsWith("HTTP/1.1 408 Request Timeout\r\n", slowAnswer);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.9, 4.5);
        Assert.Single(_log, line => line.Contains("request not complete after 2 s"));
    }

    [Fact]
    public async Task RequestsBeyondTheConcurrencyLimitAreTurnedAwayAtOnce()
    {
        using Socket first = await ConnectAsync();
        using Socket second = await ConnectAsync();
        await Task.Delay(100);

        var clock = Stopwatch.StartNew();
        string third = await ExchangeAsync("GET /metrics HTTP/1.1\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 503 Service Unavailable\r\n", third);
        // At once: well before the idle clients' 2 s request timeout frees a slot.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        // Once the two idle clients are cut off, scrapes are served again.
        await ReadToEndAsync(first);
        await ReadToEndAsync(second);
        Assert.StartsWith("HTTP/1.1 200 OK", await ExchangeAsync("GET /metrics HTTP/1.1\r\n\r\n"));
    }

    [Fact]
    public async Task StoppingClosesTheListener()
    {
        _stop.Cancel();
        await _serving.WaitAsync(TimeSpan.FromSeconds(5));

        var refused = await Assert.ThrowsAsync<SocketException>(ConnectAsync);
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }
}
