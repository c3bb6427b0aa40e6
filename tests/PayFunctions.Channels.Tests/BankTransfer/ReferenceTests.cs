using PayFunctions.Channels.BankTransfer;
using PayFunctions.Channels.Tests.UnionPay;

namespace PayFunctions.Channels.Tests.BankTransfer;

/// <summary>ISO 11649 creditor references, IBAN check digits, and the reference of a payment id.</summary>
public sealed class ReferenceTests
{
    [Fact]
    public void The_ISO_11649_example_gets_its_published_check_digits()
    {
        Assert.Equal("RF18539007547034", CreditorReference.Create("539007547034"));
        Assert.True(CreditorReference.TryNormalize("RF18 5390 0754 7034", out var normalized));
        Assert.Equal("RF18539007547034", normalized);
        Assert.Equal("RF18 5390 0754 7034", CreditorReference.Grouped(normalized));
    }

    [Theory]
    [InlineData("RF18 5390 0754 7043")] // two digits swapped
    [InlineData("RF18 5390 0754 7035")] // one digit wrong
    [InlineData("RF19 5390 0754 7034")] // wrong check digits
    [InlineData("RF18")]
    [InlineData("XX18 5390 0754 7034")]
    [InlineData("RF18 5390-0754 7034")]
    [InlineData("RF18 5390 0754 7034 0000 0000 00")] // longer than 25
    public void A_mistyped_or_malformed_reference_is_refused(string text) =>
        Assert.False(CreditorReference.TryNormalize(text, out _));

    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432")]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    [InlineData("fr14 2004 1010 0505 0001 3m02 606", "FR1420041010050500013M02606")]
    public void Published_example_ibans_are_valid(string text, string electronic)
    {
        Assert.True(Iban.TryNormalize(text, out var iban));
        Assert.Equal(electronic, iban);
    }

    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 33")]
    [InlineData("GB28 WEST 1234 5698 7654 32")]
    [InlineData("DE89 3704 0044 0532 0130")]
    [InlineData("1289 3704 0044 0532 0130 00")]
    [InlineData("")]
    public void An_iban_with_wrong_check_digits_or_shape_is_refused(string text) =>
        Assert.False(Iban.TryNormalize(text, out _));

    [Theory]
    [InlineData("r4nd0mt41l00")]
    [InlineData("000000000000")]
    [InlineData("zzzzzzzzzzzz")]
    public void A_payment_id_and_its_reference_name_each_other(string tail)
    {
        var paymentId = PlatformIds.At(new DateTimeOffset(2026, 11, 29, 10, 30, 0, 123, TimeSpan.Zero), tail: tail);

        var reference = PaymentReferences.ForOrder(paymentId);

        Assert.Equal(CreditorReference.MaxLength, reference.Length);
        Assert.True(CreditorReference.TryNormalize(reference, out _));
        Assert.True(PaymentReferences.TryOrderOf(CreditorReference.Grouped(reference).ToLowerInvariant(), out var back));
        Assert.Equal(paymentId, back);
    }

    [Fact]
    public void Two_payments_of_the_same_millisecond_get_different_references() =>
        Assert.NotEqual(
            PaymentReferences.ForOrder(PlatformIds.At(DateTimeOffset.UnixEpoch.AddYears(56), tail: "aaaaaaaaaaaa")),
            PaymentReferences.ForOrder(PlatformIds.At(DateTimeOffset.UnixEpoch.AddYears(56), tail: "aaaaaaaaaaab")));

    [Fact]
    public void A_valid_reference_the_platform_did_not_make_names_no_payment()
    {
        Assert.False(PaymentReferences.TryOrderOf("RF18539007547034", out _));
        Assert.Throws<ArgumentException>(() => PaymentReferences.ForOrder("re_0000000000000000000000000"));
    }
}
