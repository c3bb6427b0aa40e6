namespace PayFunctions;

/// <summary>The merchant's payments over a period, grouped by method, channel, hour, weekday, region or day.</summary>
public sealed class PaymentReport : PayFunctionsEntity
{
    /// <summary>Always <c>report</c>.</summary>
    public string Object { get; set; } = "report";

    /// <summary>What the rows are grouped by.</summary>
    public string GroupBy { get; set; } = "";

    /// <summary>The first day.</summary>
    public string From { get; set; } = "";

    /// <summary>The last day.</summary>
    public string To { get; set; } = "";

    /// <summary>The time zone the days are read in.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>Whether it covers live payments.</summary>
    public bool Livemode { get; set; }

    /// <summary>The rows.</summary>
    public List<PaymentReportRow> Data { get; set; } = [];
}

/// <summary>One group of a payment report, in one currency.</summary>
public sealed class PaymentReportRow : PayFunctionsEntity
{
    /// <summary>The group's value, such as a day or a method.</summary>
    public string Key { get; set; } = "";

    /// <summary>The currency.</summary>
    public string Currency { get; set; } = "";

    /// <summary>Payments created.</summary>
    public int Payments { get; set; }

    /// <summary>Payments that succeeded.</summary>
    public int Succeeded { get; set; }

    /// <summary>Payments that failed.</summary>
    public int Failed { get; set; }

    /// <summary>Succeeded over attempted.</summary>
    public double SuccessRate { get; set; }

    /// <summary>The amount paid, in minor units.</summary>
    public long Amount { get; set; }

    /// <summary>Refunds made.</summary>
    public int Refunds { get; set; }

    /// <summary>The amount refunded, in minor units.</summary>
    public long RefundedAmount { get; set; }

    /// <summary>The fees, in minor units.</summary>
    public long Fees { get; set; }
}
