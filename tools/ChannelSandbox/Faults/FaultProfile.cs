namespace ChannelSandbox.Faults;

/// <summary>
/// One fault profile: its settings (none for a profile only ever seen in a path) and what it has done so far.
/// Each call's draws are taken under one lock, so a seeded profile plays the same faults for the same calls in order.
/// </summary>
public sealed class FaultProfile
{
    private readonly Lock _gate = new();
    private FaultSettings? _settings;
    private Random _draws = new(0);
    private long _requests;
    private long _failures;
    private long _spikes;
    private long _limited;
    private long _limitUsed;

    /// <summary>Replaces the behaviour and restarts its draws from the seed; counters, the limit's count included, carry on.</summary>
    public void Configure(FaultSettings settings)
    {
        lock (_gate)
        {
            _settings = settings;
            _draws = new Random(settings.Seed);
        }
    }

    /// <summary>Counts one call to <paramref name="path"/> (the part after the prefix) and decides what it meets.</summary>
    public FaultPlan Plan(string path)
    {
        lock (_gate)
        {
            _requests++;
            if (_settings is not { } settings)
            {
                return FaultPlan.PassThrough;
            }

            // Both draws are taken for every call, whatever the settings, so changing one fault does not shift the other's sequence.
            var failureDraw = _draws.NextDouble();
            var spikeDraw = _draws.NextDouble();
            if (settings.Outage)
            {
                _failures++;
                return new FaultPlan(TimeSpan.Zero, new FaultAnswer(settings.ErrorStatus, null));
            }

            var delay = TimeSpan.FromMilliseconds(settings.LatencyMs);
            if (spikeDraw < settings.SpikeRate)
            {
                _spikes++;
                delay += TimeSpan.FromMilliseconds(settings.SpikeMs);
            }

            if (failureDraw < settings.FailureRate)
            {
                _failures++;
                return new FaultPlan(delay, new FaultAnswer(settings.ErrorStatus, null));
            }

            if (settings.LimitCount is { } limit && path.StartsWith(settings.LimitPath, StringComparison.Ordinal))
            {
                if (_limitUsed >= limit)
                {
                    _limited++;
                    return new FaultPlan(delay, new FaultAnswer(settings.LimitStatus, settings.LimitBody));
                }

                _limitUsed++;
            }

            return new FaultPlan(delay, null);
        }
    }

    public FaultProfileView View(string name)
    {
        lock (_gate)
        {
            return new FaultProfileView(name, _settings, _requests, _failures, _spikes, _limited, _limitUsed);
        }
    }
}

/// <summary>What one call meets: a delay, then either the simulator or <paramref name="Answer"/>.</summary>
public sealed record FaultPlan(TimeSpan Delay, FaultAnswer? Answer)
{
    public static FaultPlan PassThrough { get; } = new(TimeSpan.Zero, null);
}

/// <summary>An answer given instead of the simulator's: a status and a JSON body, or no body.</summary>
public sealed record FaultAnswer(int Status, string? JsonBody);

/// <summary>A profile as the control API shows it.</summary>
/// <param name="Failures">Calls answered with an injected failure, outages included.</param>
/// <param name="Limited">Calls refused because the limit was reached.</param>
/// <param name="LimitUsed">Calls the limit counted and let through.</param>
public sealed record FaultProfileView(string Profile, FaultSettings? Settings, long Requests, long Failures, long Spikes, long Limited, long LimitUsed);
