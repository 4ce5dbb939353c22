using System.Net;
using System.Net.Sockets;

namespace NetCt.Cli.Exporter.Http;

/// <summary>
/// A small HTTP/1.1 server on a listening socket: one request per connection, answered by
/// <c>route</c>, within <see cref="HttpServerLimits"/>. Problems with a client are logged in one line
/// each and cost the server nothing more than that connection.
/// </summary>
internal sealed class HttpServer(Socket listener, Func<HttpRequestHead, HttpResponse> route, HttpServerLimits limits, Action<string> log)
{
    private static readonly HttpResponse TooManyRequests = HttpResponse.Text(503, "Service Unavailable", "too many concurrent requests");
    private static readonly HttpResponse TooLarge = HttpResponse.Text(431, "Request Header Fields Too Large", "request head too large");
    private static readonly HttpResponse TooSlow = HttpResponse.Text(408, "Request Timeout", "request not received in time");
    private static readonly HttpResponse BadRequest = HttpResponse.Text(400, "Bad Request", "malformed request");

    private readonly SemaphoreSlim _slots = new(limits.MaxConcurrentRequests, limits.MaxConcurrentRequests);

    /// <summary>Binds and listens on <paramref name="endpoint"/> (dual-stack for [::]).</summary>
    /// <exception cref="SocketException">The address cannot be bound (in use, not local, no permission).</exception>
    public static Socket Listen(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6 && endpoint.Address.Equals(IPAddress.IPv6Any))
                socket.DualMode = true;
            socket.Bind(endpoint);
            socket.Listen(128);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Accepts and serves until <paramref name="stop"/>, then waits for the requests in flight.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var inFlight = new HashSet<Task>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await listener.AcceptAsync(stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (SocketException e)
                {
                    // EMFILE and the like: say so, give the system a moment, keep serving.
                    log($"accept failed: {e.Message}");
                    await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
                    continue;
                }

                if (!_slots.Wait(0))
                {
                    log($"{Peer(client)}: refused, {limits.MaxConcurrentRequests} requests already in progress");
                    _ = AnswerAndCloseAsync(client, TooManyRequests, includeBody: true);
                    continue;
                }

                Task served = ServeAsync(client);
                lock (inFlight)
                    inFlight.Add(served);
                _ = served.ContinueWith(
                    done =>
                    {
                        lock (inFlight)
                            inFlight.Remove(done);
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }
        finally
        {
            listener.Dispose();
            Task[] remaining;
            lock (inFlight)
                remaining = [.. inFlight];
            await Task.WhenAll(remaining).ConfigureAwait(false);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        try
        {
            HttpResponse response;
            bool includeBody = true;
            using (var requestDeadline = new CancellationTokenSource(limits.RequestTimeout))
            {
                (HttpParseOutcome outcome, HttpRequestHead? head, bool tooLarge) = await ReadHeadAsync(client, requestDeadline.Token).ConfigureAwait(false);
                if (tooLarge)
                {
                    log($"{Peer(client)}: request head over {limits.MaxRequestHeadBytes} bytes, refused");
                    response = TooLarge;
                }
                else if (outcome == HttpParseOutcome.Incomplete)
                {
                    // The client closed before finishing its request: nobody to answer.
                    if (!requestDeadline.IsCancellationRequested)
                        return;
                    log($"{Peer(client)}: request not complete after {limits.RequestTimeout.TotalSeconds:0.#} s, closed");
                    response = TooSlow;
                }
                else if (head is null)
                {
                    log($"{Peer(client)}: malformed request, answered 400");
                    response = BadRequest;
                }
                else
                {
                    response = route(head);
                    includeBody = head.Method != "HEAD";
                }
            }

            await AnswerAsync(client, response, includeBody).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            log($"{Peer(client)}: {(e is OperationCanceledException ? $"did not take the answer within {limits.ResponseTimeout.TotalSeconds:0.#} s" : e.Message)}, closed");
        }
        finally
        {
            client.Dispose();
            _slots.Release();
        }
    }

    private async Task<(HttpParseOutcome Outcome, HttpRequestHead? Head, bool TooLarge)> ReadHeadAsync(Socket client, CancellationToken deadline)
    {
        byte[] buffer = new byte[limits.MaxRequestHeadBytes];
        int received = 0;
        while (true)
        {
            int count;
            try
            {
                count = await client.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, deadline).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return (HttpParseOutcome.Incomplete, null, false);
            }

            if (count == 0)
                return (HttpParseOutcome.Incomplete, null, false);
            received += count;
            HttpParseOutcome outcome = HttpRequestParser.TryParse(buffer.AsSpan(0, received), out HttpRequestHead? head);
            if (outcome != HttpParseOutcome.Incomplete)
                return (outcome, head, false);
            if (received == buffer.Length)
                return (HttpParseOutcome.Incomplete, null, true);
        }
    }

    private async Task AnswerAsync(Socket client, HttpResponse response, bool includeBody)
    {
        using var deadline = new CancellationTokenSource(limits.ResponseTimeout);
        await SendAllAsync(client, response.Head(), deadline.Token).ConfigureAwait(false);
        if (includeBody)
            await SendAllAsync(client, response.Body, deadline.Token).ConfigureAwait(false);
        client.Shutdown(SocketShutdown.Send);
    }

    private async Task AnswerAndCloseAsync(Socket client, HttpResponse response, bool includeBody)
    {
        try
        {
            await AnswerAsync(client, response, includeBody).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A client turned away that does not even take the refusal: nothing more to say.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static async Task SendAllAsync(Socket client, ReadOnlyMemory<byte> bytes, CancellationToken deadline)
    {
        while (!bytes.IsEmpty)
        {
            int sent = await client.SendAsync(bytes, SocketFlags.None, deadline).ConfigureAwait(false);
            bytes = bytes[sent..];
        }
    }

    private static string Peer(Socket client)
    {
        try
        {
            return client.RemoteEndPoint?.ToString() ?? "client";
        }
        catch (SocketException)
        {
            return "client";
        }
        catch (ObjectDisposedException)
        {
            return "client";
        }
    }
}
