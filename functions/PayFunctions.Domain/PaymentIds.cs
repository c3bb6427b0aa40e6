namespace PayFunctions.Domain;

/// <summary>The shape of public payment ids: "pay_" followed by 24 lower-case letters or digits.</summary>
public static class PaymentIds
{
    /// <summary>The prefix every payment id starts with.</summary>
    public const string Prefix = "pay_";

    /// <summary>The number of characters after <see cref="Prefix"/>.</summary>
    public const int BodyLength = 24;

    /// <summary>Whether <paramref name="id"/> could be a payment id; checked before any lookup so junk never reaches storage.</summary>
    public static bool IsWellFormed(string? id)
    {
        if (id is null || id.Length != Prefix.Length + BodyLength || !id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in id.AsSpan(Prefix.Length))
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }
}
