using System.Globalization;

namespace PayFunctions.Domain;

/// <summary>An amount in minor units (fen, cents) of one currency. Never a floating-point number.</summary>
public readonly record struct Money(long MinorUnits, Currency Currency)
{
    /// <summary>Zero in the given currency.</summary>
    public static Money Zero(Currency currency) => new(0, currency);

    /// <summary>Whether the amount is strictly positive.</summary>
    public bool IsPositive => MinorUnits > 0;

    /// <summary>Adds two amounts of the same currency, checking for overflow.</summary>
    public static Money operator +(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.MinorUnits + right.MinorUnits), left.Currency);
    }

    /// <summary>Subtracts two amounts of the same currency, checking for overflow.</summary>
    public static Money operator -(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.MinorUnits - right.MinorUnits), left.Currency);
    }

    /// <summary>Adds two amounts of the same currency.</summary>
    public static Money Add(Money left, Money right) => left + right;

    /// <summary>Subtracts two amounts of the same currency.</summary>
    public static Money Subtract(Money left, Money right) => left - right;

    /// <summary>The amount as a decimal string in major units, e.g. "12.34 CNY".</summary>
    public override string ToString()
    {
        var major = MinorUnits / (decimal)Pow10(Currency.MinorUnitDigits);
        return major.ToString("F" + Currency.MinorUnitDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + Currency.Code;
    }

    private static long Pow10(int digits)
    {
        long result = 1;
        for (var i = 0; i < digits; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static void EnsureSameCurrency(Money left, Money right)
    {
        if (left.Currency != right.Currency)
        {
            throw new InvalidOperationException($"Cannot combine {left.Currency} with {right.Currency}.");
        }
    }
}
