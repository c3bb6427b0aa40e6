namespace PayFunctions.Core.OpenApi;

/// <summary>Which of the two descriptions: what merchants (and payers and channels) call, or what operators call.</summary>
public enum ApiAudience
{
    Merchant,
    Operator,
}
