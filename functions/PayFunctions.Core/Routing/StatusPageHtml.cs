using System.Globalization;
using PayFunctions.Core.Checkout;

namespace PayFunctions.Core.Routing;

/// <summary>One channel's line on the status page.</summary>
public sealed record StatusLine(string Channel, string DisplayName, string State);

/// <summary>The public status page: each configured channel and its state, in the cashier's layout and headers.</summary>
public static class StatusPageHtml
{
    public static CashierHtml Render(IReadOnlyList<StatusLine> channels, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(channels);
        return CashierHtml.Page(CashierText.English, "Payment channel status", _ =>
        {
            var lines = string.Concat(channels.Select(c => $"""
                <p class="option" data-channel="{CashierHtml.Encode(c.Channel)}" data-state="{CashierHtml.Encode(c.State)}"><span>{CashierHtml.Encode(c.DisplayName)}</span><strong>{CashierHtml.Encode(Label(c.State))}</strong></p>
                """));
            var time = asOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
            return $"""
                <div class="card">
                <h1>Payment channel status</h1>
                <p class="muted">As of <time datetime="{asOf.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}">{time}</time></p>
                {lines}
                </div>
                """;
        });
    }

    private static string Label(string state) => state switch
    {
        HealthStatus.Operational => "Operational",
        HealthStatus.Outage => "Outage",
        _ => "Degraded",
    };
}
