namespace PayFunctions.Domain.Aml;

/// <summary>Whose transactions a detection is about.</summary>
public enum AmlPartyKind
{
    /// <summary>A payer, named by pseudonym.</summary>
    Payer,

    /// <summary>A merchant, by merchant id.</summary>
    Merchant,

    /// <summary>A merchant's connected account (a split recipient), by account id.</summary>
    Account,
}

/// <summary>A party named so that an operator can find it: a merchant or account id, or a payer's pseudonym with the payments that name it.</summary>
public sealed record AmlParty(AmlPartyKind Kind, string Id)
{
    /// <summary>The snake_case name used in report files and the API.</summary>
    public string KindCode => Kind switch
    {
        AmlPartyKind.Payer => "payer",
        AmlPartyKind.Merchant => "merchant",
        _ => "account",
    };

    /// <summary>The party a receiver is: the merchant, or one of its connected accounts.</summary>
    public static AmlParty OfReceiver(AmlReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        return new(receiver.IsMerchant ? AmlPartyKind.Merchant : AmlPartyKind.Account, receiver.AccountId);
    }
}
