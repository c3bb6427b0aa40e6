namespace PayFunctions.Domain.Routing;

/// <summary>Where the payer stands when the payment is made: what routing rules may match on.</summary>
public enum TerminalType
{
    /// <summary>The merchant's own site or app created the payment through the API.</summary>
    Online,

    /// <summary>The payer scanned the merchant's printed store code.</summary>
    StoreCode,

    /// <summary>The merchant's till scanned the payer's payment code.</summary>
    Till,
}
