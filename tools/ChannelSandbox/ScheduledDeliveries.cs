using System.Threading.Channels;

namespace ChannelSandbox;

/// <summary>
/// Callbacks delivered in the background, each job on its own task so a slow or dead endpoint delays nothing else: a job
/// waits for its time, is sent <see cref="DeliveryJob.Repeat"/> times, and one that was never acknowledged is queued again
/// after the next of the retry delays, until they run out.
/// </summary>
/// <typeparam name="TJob">What one delivery sends.</typeparam>
public abstract class ScheduledDeliveries<TJob>(IReadOnlyList<TimeSpan> retryDelays, TimeProvider time) : BackgroundService
    where TJob : DeliveryJob
{
    private readonly Channel<TJob> _jobs = Channel.CreateUnbounded<TJob>();

    protected TimeProvider Time => time;

    /// <summary>Queues <paramref name="job"/>.</summary>
    protected void Enqueue(TJob job)
    {
        if (!_jobs.Writer.TryWrite(job))
        {
            throw new InvalidOperationException("The delivery queue is closed.");
        }
    }

    /// <summary>Sends once; true when the endpoint acknowledged.</summary>
    protected abstract Task<bool> SendAsync(TJob job, CancellationToken cancellationToken);

    /// <summary>The same job, due at <paramref name="notBefore"/> as retry number <paramref name="retry"/>.</summary>
    protected abstract TJob Retry(TJob job, DateTimeOffset notBefore, int retry);

    /// <summary>A job failed in a way no retry covers; it is dropped.</summary>
    protected abstract void Failed(TJob job, Exception exception);

    /// <summary>Sends <paramref name="request"/>: the endpoint's HTTP status, or why there was none (no connection, a timeout).</summary>
    protected static async Task<(int? Status, string? Error)> PostAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            return ((int)response.StatusCode, null);
        }
        catch (HttpRequestException exception)
        {
            return (null, exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "timeout");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken))
            {
                _ = RunAsync(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The sandbox is stopping: deliveries not yet due are dropped with it, as a channel's would be on restart.
        }
    }

    private async Task RunAsync(TJob job, CancellationToken stoppingToken)
    {
        try
        {
            var wait = job.NotBefore - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            var acknowledged = false;
            for (var i = 0; i < job.Repeat; i++)
            {
                acknowledged = await SendAsync(job, stoppingToken);
            }

            if (!acknowledged && job.RetriesDone is { } done && done < retryDelays.Count)
            {
                Enqueue(Retry(job, time.GetUtcNow() + retryDelays[done], done + 1));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The sandbox is stopping: what was not delivered is not delivered.
        }
        catch (Exception exception)
        {
            Failed(job, exception);
        }
    }
}

/// <summary>When a delivery is due, how many times it is sent at once, and how many retries it has had (null: never retried).</summary>
public abstract record DeliveryJob(DateTimeOffset NotBefore, int Repeat, int? RetriesDone);
