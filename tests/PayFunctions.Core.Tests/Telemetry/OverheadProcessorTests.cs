using System.Diagnostics;
using PayFunctions.Core.Telemetry;

namespace PayFunctions.Core.Tests.Telemetry;

/// <summary>Hand-made spans with fixed start and end times, handed to the processor as the SDK hands ended spans.</summary>
public sealed class OverheadProcessorTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 1, 31, 12, 0, 0, DateTimeKind.Utc);

    private readonly ActivitySource aspNetCore = new(OverheadSpans.AspNetCoreSource);
    private readonly ActivitySource tables = new("Azure.Data.Tables.TableClient");
    private readonly ActivitySource http = new(OverheadSpans.HttpClientSource);
    private readonly ActivitySource grpc = new(OverheadSpans.GrpcClientSource);
    private readonly ActivitySource durable = new(OverheadSpans.DurableTaskSource);
    private readonly ActivitySource ours = new(PayFunctionsTelemetry.SourceName);
    private readonly ActivityListener listener;
    private readonly OverheadSamples samples = new();
    private readonly OverheadProcessor processor;

    public OverheadProcessorTests()
    {
        ActivitySource[] mine = [aspNetCore, tables, http, grpc, durable, ours];
        listener = new ActivityListener
        {
            // Only this test's sources: spans other tests make from sources of the same names are not ours to record.
            ShouldListenTo = source => mine.Contains(source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        processor = new OverheadProcessor(samples);
    }

    [Fact]
    public void A_create_is_its_duration_less_its_storage_http_grpc_and_wait_descendants()
    {
        var request = Request("POST", "/api/v1/payments");

        var read = Start(tables, "TableClient.GetEntity", ActivityKind.Internal, 10);
        End(Start(http, "GET", ActivityKind.Client, 12), 28);
        End(read, 30);

        var route = Start(ours, "route", ActivityKind.Internal, 30);
        End(Start(tables, "TableClient.Query", ActivityKind.Internal, 32), 38);
        End(route, 40);

        End(Start(grpc, "Grpc.Net.Client.GrpcOut", ActivityKind.Client, 45), 48);

        var wait = Start(ours, PayFunctionsTelemetry.PaymentWaitSpan, ActivityKind.Internal, 50);
        End(Start(tables, "TableClient.GetEntity", ActivityKind.Internal, 60), 65);
        End(wait, 90);

        End(request, 100);

        // 100 ms less 10–30, 32–38, 45–48 and 50–90: the route's own 2 + 2 ms and the rest between calls count.
        Assert.Equal(new OverheadSummary(1, 31, 31, 31, 31), samples.Summarize(null)[OverheadSpans.CreateKind]);
    }

    [Fact]
    public void Calls_made_at_once_are_subtracted_once()
    {
        var request = Request("POST", "api/v1/payments");
        var first = Start(tables, "TableClient.AddEntity", ActivityKind.Internal, 10);
        Activity.Current = request;
        var second = Start(ours, PayFunctionsTelemetry.ChannelCallSpan, ActivityKind.Internal, 20);
        End(first, 40);
        End(second, 50);
        End(request, 60);

        Assert.Equal(20, samples.Summarize(null)[OverheadSpans.CreateKind].P50Ms);
    }

    [Theory]
    [InlineData("GET", "/api/v1/payments")]
    [InlineData("POST", "/api/v1/payments/{id}/close")]
    [InlineData("POST", "/TaskHubSidecarService/StartInstance")]
    public void Other_requests_are_not_measured(string method, string route)
    {
        var request = Request(method, route);
        End(Start(tables, "TableClient.GetEntity", ActivityKind.Internal, 10), 20);
        End(request, 30);

        Assert.Empty(samples.Summarize(null));
    }

    [Fact]
    public void A_durable_activity_is_measured_under_its_name()
    {
        var execution = Start(durable, "activity:EnqueuePrepayActivity", ActivityKind.Server, 0);
        End(Start(tables, "TableClient.UpdateEntity", ActivityKind.Internal, 10), 30);
        execution.SetTag("durabletask.type", "activity");
        execution.SetTag("durabletask.task.name", "EnqueuePrepayActivity");
        End(execution, 50);

        // The orchestration's record of the finished task is a client span: not an execution.
        var completion = Start(durable, "activity:EnqueuePrepayActivity", ActivityKind.Client, 50);
        completion.SetTag("durabletask.type", "activity");
        completion.SetTag("durabletask.task.name", "EnqueuePrepayActivity");
        End(completion, 51);

        var summary = Assert.Single(samples.Summarize(null));
        Assert.Equal(OverheadSpans.ActivityKindPrefix + "EnqueuePrepayActivity", summary.Key);
        Assert.Equal(new OverheadSummary(1, 30, 30, 30, 30), summary.Value);
    }

    [Fact]
    public void Work_picked_up_under_a_remote_parent_is_not_the_requests()
    {
        var request = Request("POST", "/api/v1/payments");

        // The Durable engine runs the activity in the request's trace, but from a message: its parent is remote.
        var execution = durable.StartActivity(
            "activity:EnqueuePrepayActivity", ActivityKind.Server, request.Context, startTime: T0.AddMilliseconds(20))!;
        End(Start(tables, "TableClient.UpdateEntity", ActivityKind.Internal, 30), 70);
        End(execution, 80);
        Activity.Current = request;

        End(request, 100);

        Assert.Equal(100, samples.Summarize(null)[OverheadSpans.CreateKind].P50Ms);
    }

    public void Dispose()
    {
        Activity.Current = null;
        listener.Dispose();
        processor.Dispose();
        foreach (var source in new[] { aspNetCore, tables, http, grpc, durable, ours })
        {
            source.Dispose();
        }
    }

    private Activity Request(string method, string route)
    {
        Activity.Current = null;
        var request = Start(aspNetCore, $"{method} {route}", ActivityKind.Server, 0);
        request.SetTag("http.request.method", method);
        request.SetTag("http.route", route);
        return request;
    }

    private static Activity Start(ActivitySource source, string name, ActivityKind kind, int atMs) =>
        source.StartActivity(name, kind, parentContext: default, startTime: T0.AddMilliseconds(atMs))!;

    private void End(Activity span, int atMs)
    {
        span.SetEndTime(T0.AddMilliseconds(atMs));
        span.Stop();
        processor.OnEnd(span);
    }
}
