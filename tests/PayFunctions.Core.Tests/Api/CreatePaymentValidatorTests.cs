using System.Text.Json;
using PayFunctions.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Payments;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Api;

public sealed class CreatePaymentValidatorTests
{
    // A table property holds 64 KiB of UTF-16.
    private const int TablePropertyChars = 32 * 1024;

    [Fact]
    public void Metadata_ThatEscapingWouldGrowPastTheStoredLimit_IsRefusedAsMetadata()
    {
        // 50 keys of 500 characters pass the per-entry limits, but quotes double when serialised.
        var metadata = Enumerable.Range(0, 50).ToDictionary(i => $"k{i}", _ => new string('"', 500));

        var (valid, error) = CreatePaymentValidator.Validate(Request(metadata), FeeSchedule.None);

        Assert.Null(valid);
        Assert.Equal("metadata", error!.Param);
        Assert.Equal("parameter_invalid", error.Code);
    }

    [Fact]
    public void Metadata_IsValidatedAndStoredAsTheSameJson()
    {
        var metadata = new Dictionary<string, string> { ["order"] = "<b>1001</b> & 咖啡", ["note"] = "line\nbreak" };

        var (valid, error) = CreatePaymentValidator.Validate(Request(metadata), FeeSchedule.None);

        Assert.Null(error);
        Assert.Equal(metadata, JsonSerializer.Deserialize<Dictionary<string, string>>(valid!.MetadataJson!));
        Assert.Contains("<b>1001</b> & 咖啡", valid.MetadataJson, StringComparison.Ordinal);
    }

    [Fact]
    public void SplitAccounts_TooLongToStore_AreRefusedAsTheSplit()
    {
        var recipients = Enumerable.Range(0, SplitRule.MaxRecipients)
            .Select(i => new SplitRecipientBody($"acct_{i}_" + new string('<', 1000), 100, null))
            .ToList();

        var (valid, error) = CreatePaymentValidator.Validate(Request(null) with { Split = new SplitBody(recipients) }, FeeSchedule.None);

        Assert.Null(valid);
        Assert.StartsWith("split", error!.Param, StringComparison.Ordinal);
    }

    [Fact]
    public void LargestAcceptedPayment_FitsATablePropertyAsStoredAnswerAndWebhookBody()
    {
        // Escaping characters up to the stored metadata limit, the longest split and description accepted.
        var metadata = new Dictionary<string, string>();
        for (var i = 0; i < 50; i++)
        {
            var key = $"key-{i:D2}-" + new string('k', 33);
            var room = CreatePaymentValidator.MaxMetadataJsonLength - JsonSerializer.Serialize(metadata, ApiJson.Options).Length - key.Length - 6;
            if (room < 6)
            {
                break;
            }

            metadata[key] = new string('\u0001', Math.Min(500, room / 6));
        }

        var recipients = Enumerable.Range(0, SplitRule.MaxRecipients)
            .Select(i => new SplitRecipientBody($"acct_{i}_" + new string('a', 300), 100, null))
            .ToList();
        var request = Request(metadata) with { Description = new string('咖', 42), Split = new SplitBody(recipients) };

        var (valid, error) = CreatePaymentValidator.Validate(request, FeeSchedule.None);
        Assert.Null(error);

        var payment = new PaymentEntity
        {
            PartitionKey = "mch_" + new string('m', 16),
            RowKey = "pay_" + new string('0', 24),
            MerchantOrderId = new string('o', 64),
            Method = valid!.Method,
            Channel = valid.Channel,
            Amount = valid.Amount.MinorUnits,
            Currency = valid.Amount.Currency.Code,
            Description = valid.Description,
            NextActionJson = NextActionBody.Serialize(new DisplayQrCode("weixin://wxpay/bizpayurl?pr=" + new string('q', 64)), valid.Channel),
            SplitRuleJson = SplitRuleSerializer.Serialize(valid.Split),
            AllocationsJson = SplitRuleSerializer.SerializeAllocations(
                valid.Split!.Recipients.Select(r => new SplitAllocation(r.AccountId, SplitRole.Recipient, valid.Amount))),
            MetadataJson = valid.MetadataJson,
        };
        var answer = JsonSerializer.Serialize(PaymentResource.From(payment), ApiJson.Options);

        Assert.InRange(payment.MetadataJson!.Length, CreatePaymentValidator.MaxMetadataJsonLength - 12, CreatePaymentValidator.MaxMetadataJsonLength);
        Assert.True(answer.Length < TablePropertyChars, $"the stored answer is {answer.Length} characters");
    }

    [Theory]
    [InlineData("later", "capture_method must be")]
    [InlineData("MANUAL", "capture_method must be")]
    [InlineData("manual", "wechat_pay.native takes the payer's money at once")]
    public void CaptureMethod_ThatTheMethodCannotDo_IsRefusedAsCaptureMethod(string captureMethod, string message)
    {
        var (valid, error) = CreatePaymentValidator.Validate(Request(null) with { CaptureMethod = captureMethod }, FeeSchedule.None);

        Assert.Null(valid);
        Assert.Equal("capture_method", error!.Param);
        Assert.Contains(message, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void CaptureMethod_ManualWithACheckoutOfUnlistedMethods_IsRefused()
    {
        var request = Request(null) with { Method = "checkout", CaptureMethod = "manual" };

        var (_, error) = CreatePaymentValidator.Validate(request, FeeSchedule.None);

        Assert.Equal("capture_method", error!.Param);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("automatic")]
    public void CaptureMethod_Automatic_IsTheDefault(string? captureMethod)
    {
        var (valid, error) = CreatePaymentValidator.Validate(Request(null) with { CaptureMethod = captureMethod }, FeeSchedule.None);

        Assert.Null(error);
        Assert.False(valid!.CaptureLater);
    }

    private static CreatePaymentRequest Request(Dictionary<string, string>? metadata) =>
        new(2500, "cny", "wechat_pay.native", "order-1", "Latte", null, null, metadata, null, null, null);
}
