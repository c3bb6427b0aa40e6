using PayFunctions.Core.Refunds;

namespace PayFunctions.Core.Tests.Refunds;

public sealed class CreateRefundValidatorTests
{
    [Theory]
    [InlineData(0L, null, "amount")]
    [InlineData(-1L, null, "amount")]
    [InlineData(null, "", "reason")]
    [InlineData(null, " padded", "reason")]
    [InlineData(null, "bell\u0007", "reason")]
    [InlineData(null, "right\u202Eto-left", "reason")]
    public void Bad_fields_are_refused_with_their_param(long? amount, string? reason, string param)
    {
        var (valid, error) = CreateRefundValidator.Validate(new CreateRefundRequest(amount, reason, null));

        Assert.Null(valid);
        Assert.Equal(param, error!.Param);
    }

    [Fact]
    public void Reason_may_be_any_printable_text_up_to_80_characters()
    {
        Assert.NotNull(CreateRefundValidator.Validate(new CreateRefundRequest(100, "商品破损 – cup broken 😞", null)).Value);
        Assert.Equal("reason", CreateRefundValidator.Validate(new CreateRefundRequest(100, new string('x', 81), null)).Error!.Param);
    }

    [Fact]
    public void A_broken_surrogate_pair_is_refused() =>
        Assert.Equal("reason", CreateRefundValidator.Validate(new CreateRefundRequest(100, "broken " + (char)0xD800 + " pair", null)).Error!.Param);

    [Fact]
    public void Everything_is_optional() =>
        Assert.Equal(new CreateRefundValidator.Valid(null, null, null), CreateRefundValidator.Validate(new CreateRefundRequest(null, null, null)).Value);
}
