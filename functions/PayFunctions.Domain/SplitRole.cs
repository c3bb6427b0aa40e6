namespace PayFunctions.Domain;

/// <summary>Why an account receives part of a payment.</summary>
public enum SplitRole
{
    /// <summary>The platform's fee, taken first.</summary>
    PlatformFee,

    /// <summary>A recipient named in the split rule.</summary>
    Recipient,

    /// <summary>The merchant, who receives whatever remains.</summary>
    Merchant,
}
