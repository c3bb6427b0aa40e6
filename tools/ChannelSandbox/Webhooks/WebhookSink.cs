namespace ChannelSandbox.Webhooks;

/// <summary>One named receiver of merchant webhooks: what arrived, and how many of the next ones to refuse.</summary>
public sealed class WebhookSink
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedWebhook> _received = [];
    private int _failNext;
    private int _failStatus = StatusCodes.Status500InternalServerError;

    public void Behave(int failNext, int failStatus)
    {
        lock (_gate)
        {
            _failNext = failNext;
            _failStatus = failStatus;
        }
    }

    /// <summary>Records the webhook and returns the status to answer with.</summary>
    public int Receive(IReadOnlyDictionary<string, string> headers, string body, DateTimeOffset receivedAt)
    {
        lock (_gate)
        {
            var status = StatusCodes.Status200OK;
            if (_failNext > 0)
            {
                _failNext--;
                status = _failStatus;
            }

            _received.Add(new ReceivedWebhook(headers, body, receivedAt, status));
            return status;
        }
    }

    public IReadOnlyList<ReceivedWebhook> Received()
    {
        lock (_gate)
        {
            return [.. _received];
        }
    }
}

public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt, int Status);
