namespace PayFunctions.Core.Channels;

/// <summary>
/// One account's limits. The start times of the last <c>rate</c> calls are kept in a ring: a call may
/// start only once the oldest of them is a full window old, so no window ever holds more than
/// <c>rate</c> starts (a token bucket would let twice that through across a refill boundary).
/// </summary>
internal sealed class ThrottleGate
{
    private readonly object sync = new();
    private readonly long[]? starts;
    private readonly int? maxConcurrency;
    private readonly long windowTicks;
    private readonly TimeProvider time;
    private readonly LinkedList<TaskCompletionSource<IDisposable>> waiters = new();
    private readonly ITimer timer;
    private int oldest;
    private int recorded;
    private int inFlight;

    public ThrottleGate(int? ratePerWindow, int? maxConcurrency, TimeSpan window, TimeProvider time)
    {
        starts = ratePerWindow is { } rate ? new long[rate] : null;
        this.maxConcurrency = maxConcurrency;
        this.time = time;
        windowTicks = (long)(window.TotalSeconds * time.TimestampFrequency);
        timer = time.CreateTimer(_ => Pump(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool TryAcquire(out IDisposable lease)
    {
        lock (sync)
        {
            if (waiters.Count == 0 && TryTake(out _))
            {
                lease = new Lease(this);
                return true;
            }
        }

        lease = new Lease(null);
        return false;
    }

    public ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var waiter = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);
        LinkedListNode<TaskCompletionSource<IDisposable>> node;
        lock (sync)
        {
            TimeSpan? wait = null;
            if (waiters.Count == 0 && TryTake(out wait))
            {
                return ValueTask.FromResult<IDisposable>(new Lease(this));
            }

            node = waiters.AddLast(waiter);
            Arm(wait);
        }

        return WaitAsync(node, cancellationToken);
    }

    private async ValueTask<IDisposable> WaitAsync(LinkedListNode<TaskCompletionSource<IDisposable>> node, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(() =>
        {
            lock (sync)
            {
                if (node.List is not null)
                {
                    waiters.Remove(node);
                }
            }

            // A permit granted at the same moment is given back by the granter when this wins.
            node.Value.TrySetCanceled(cancellationToken);
        });
        return await node.Value.Task;
    }

    /// <summary>Takes a permit if both limits allow one now; otherwise says how long until the rate allows one, if it is the rate that blocks.</summary>
    private bool TryTake(out TimeSpan? wait)
    {
        wait = null;
        if (maxConcurrency is { } max && inFlight >= max)
        {
            return false;
        }

        var now = time.GetTimestamp();
        if (starts is not null && recorded == starts.Length)
        {
            var age = now - starts[oldest];
            if (age < windowTicks)
            {
                wait = TimeSpan.FromSeconds((double)(windowTicks - age) / time.TimestampFrequency);
                return false;
            }
        }

        if (starts is not null)
        {
            starts[oldest] = now;
            oldest = (oldest + 1) % starts.Length;
            recorded = Math.Min(recorded + 1, starts.Length);
        }

        inFlight++;
        return true;
    }

    private void Arm(TimeSpan? wait)
    {
        if (wait is { } due)
        {
            timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Grants permits to the waiters at the head of the line while the limits allow.</summary>
    private void Pump()
    {
        var granted = new List<TaskCompletionSource<IDisposable>>();
        lock (sync)
        {
            while (waiters.First is { } head)
            {
                if (!TryTake(out var wait))
                {
                    Arm(wait);
                    break;
                }

                waiters.RemoveFirst();
                granted.Add(head.Value);
            }
        }

        foreach (var waiter in granted)
        {
            var lease = new Lease(this);
            if (!waiter.TrySetResult(lease))
            {
                lease.Dispose();
            }
        }
    }

    private void Release()
    {
        lock (sync)
        {
            inFlight--;
        }

        Pump();
    }

    private sealed class Lease(ThrottleGate? gate) : IDisposable
    {
        private ThrottleGate? held = gate;

        public void Dispose() => Interlocked.Exchange(ref held, null)?.Release();
    }
}
