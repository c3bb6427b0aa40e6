namespace PayFunctions;

/// <summary>The page parameters every paginated list takes.</summary>
public class ListOptions
{
    /// <summary>How many items a page holds, 1 to 100; the API's default when unset.</summary>
    public int? Limit { get; set; }

    /// <summary>The id of the item the page starts after; set by auto-pagination for the pages after the first.</summary>
    public string? StartingAfter { get; set; }
}

/// <summary>The filters of <see cref="PaymentService.ListAsync"/>.</summary>
public sealed class PaymentListOptions : ListOptions
{
    /// <summary>Only payments in this status.</summary>
    public string? Status { get; set; }
}
