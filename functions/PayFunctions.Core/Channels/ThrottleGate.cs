namespace PayFunctions.Core.Channels;

/// <summary>
/// One account's limits. The last <c>rate</c> calls are kept in a ring, each with the time it ended: a call
/// may start only once the oldest of them has ended a full window ago. A call reaches the channel before it
/// ends, and the call <c>rate</c> places later starts a window after that end, so no window at the channel
/// ever holds more than <c>rate</c> arrivals however the network or a busy machine delays or bunches them
/// (counting from starts would hold only at the sender; a token bucket not even there, letting twice the
/// rate through across a refill boundary).
/// </summary>
internal sealed class ThrottleGate
{
    private readonly object sync = new();
    // A slot whose call is still running; it frees a window after the call ends.
    private const long Running = long.MaxValue;

    private readonly long[]? ends;
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
        ends = ratePerWindow is { } rate ? new long[rate] : null;
        this.maxConcurrency = maxConcurrency;
        this.time = time;
        windowTicks = (long)(window.TotalSeconds * time.TimestampFrequency);
        timer = time.CreateTimer(_ => Pump(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool TryAcquire(out IDisposable lease)
    {
        lock (sync)
        {
            if (waiters.Count == 0 && TryTake(out _, out var slot))
            {
                lease = new Lease(this, slot);
                return true;
            }
        }

        lease = new Lease(null, -1);
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
            if (waiters.Count == 0 && TryTake(out wait, out var slot))
            {
                return ValueTask.FromResult<IDisposable>(new Lease(this, slot));
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

    /// <summary>
    /// Takes a permit if both limits allow one now, with the ring slot it holds (-1 without a rate); otherwise says how
    /// long until the rate allows one, when it is a finished call's window that blocks.
    /// </summary>
    private bool TryTake(out TimeSpan? wait, out int slot)
    {
        wait = null;
        slot = -1;
        if (maxConcurrency is { } max && inFlight >= max)
        {
            return false;
        }

        var now = time.GetTimestamp();
        if (ends is not null && recorded == ends.Length)
        {
            // A call still running frees nothing: its release pumps the waiters again.
            if (ends[oldest] == Running)
            {
                return false;
            }

            var age = now - ends[oldest];
            if (age < windowTicks)
            {
                wait = TimeSpan.FromSeconds((double)(windowTicks - age) / time.TimestampFrequency);
                return false;
            }
        }

        if (ends is not null)
        {
            slot = oldest;
            ends[oldest] = Running;
            oldest = (oldest + 1) % ends.Length;
            recorded = Math.Min(recorded + 1, ends.Length);
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
        var granted = new List<(TaskCompletionSource<IDisposable> Waiter, int Slot)>();
        lock (sync)
        {
            while (waiters.First is { } head)
            {
                if (!TryTake(out var wait, out var slot))
                {
                    Arm(wait);
                    break;
                }

                waiters.RemoveFirst();
                granted.Add((head.Value, slot));
            }
        }

        foreach (var (waiter, slot) in granted)
        {
            var lease = new Lease(this, slot);
            if (!waiter.TrySetResult(lease))
            {
                lease.Dispose();
            }
        }
    }

    /// <summary>The call of <paramref name="slot"/> ended: its window starts now.</summary>
    private void Release(int slot)
    {
        lock (sync)
        {
            inFlight--;
            if (ends is not null && slot >= 0)
            {
                ends[slot] = time.GetTimestamp();
            }
        }

        Pump();
    }

    private sealed class Lease(ThrottleGate? gate, int slot) : IDisposable
    {
        private ThrottleGate? held = gate;

        public void Dispose() => Interlocked.Exchange(ref held, null)?.Release(slot);
    }
}
