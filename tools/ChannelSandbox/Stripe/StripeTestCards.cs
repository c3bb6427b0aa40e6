namespace ChannelSandbox.Stripe;

/// <summary>Stripe's published test card numbers (docs.stripe.com/testing) that the simulator honours.</summary>
public static class StripeTestCards
{
    public const string Succeeds = "4242424242424242";
    public const string SucceedsMastercard = "5555555555554444";
    public const string Declined = "4000000000000002";
    public const string InsufficientFunds = "4000000000009995";
    public const string RequiresAuthentication = "4000002760003184";

    public enum Outcome
    {
        Succeeds,
        Declined,
        InsufficientFunds,
        RequiresAuthentication,
        IncorrectNumber,
    }

    /// <summary>What paying with <paramref name="number"/> does; any other valid number is declined, as in Stripe's test mode.</summary>
    public static Outcome OutcomeOf(string number) => number switch
    {
        Succeeds or SucceedsMastercard => Outcome.Succeeds,
        InsufficientFunds => Outcome.InsufficientFunds,
        RequiresAuthentication => Outcome.RequiresAuthentication,
        _ when !PassesLuhn(number) => Outcome.IncorrectNumber,
        _ => Outcome.Declined,
    };

    public static string Brand(string number) => number.StartsWith('5') || number.StartsWith('2') ? "mastercard" : "visa";

    /// <summary>Stripe's test cards are issued in the United States, as credit cards.</summary>
    public const string IssuingCountry = "US";

    public const string Funding = "credit";

    /// <summary>
    /// Stripe's <c>fingerprint</c>: 16 letters and digits, the same for the same number, revealing nothing of it (here a
    /// truncated SHA-256, which is as stable within the simulator as Stripe's is within an account).
    /// </summary>
    public static string Fingerprint(string number)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes("fingerprint:" + number));
        const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        return new string([.. hash.Take(16).Select(b => Alphabet[b % Alphabet.Length])]);
    }

    public static string Normalize(string? number) => new((number ?? string.Empty).Where(char.IsAsciiDigit).ToArray());

    private static bool PassesLuhn(string number)
    {
        if (number.Length is < 12 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var digit = number[number.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
