using PayFunctions.Core.Payments;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Tests.Secrets;

namespace PayFunctions.Core.Tests.Payments;

public sealed class PayerSealingTests
{
    private readonly PayerSealing sealing = new(new SecretEnvelope(VersionedSecrets.WithKeyEncryptionKey()));

    [Fact]
    public async Task ThePayersIdCodeAndAddress_TravelSealedUnderTheirPayment_AndOpenForThePrepay()
    {
        var payer = new PayerInput("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "134567890123456789", "https://shop.example/done", "203.0.113.7");

        var sealedPayer = await sealing.SealAsync(payer, "mch_a", "pay_1", CancellationToken.None);

        Assert.NotNull(sealedPayer);
        Assert.All([sealedPayer.Id, sealedPayer.PaymentCode, sealedPayer.ClientIp], v => Assert.True(SecretEnvelope.IsSealed(v)));
        Assert.Equal(payer.ReturnUrl, sealedPayer.ReturnUrl);
        Assert.Equal(payer, await sealing.OpenAsync(sealedPayer, "mch_a", "pay_1", CancellationToken.None));
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => sealing.OpenAsync(sealedPayer, "mch_a", "pay_2", CancellationToken.None));
    }

    [Fact]
    public async Task APayerWrittenClearBeforeSealing_StillReachesThePrepay()
    {
        var clear = new PayerInput("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", null, null, "203.0.113.7");

        Assert.Equal(clear, await sealing.OpenAsync(clear, "mch_a", "pay_1", CancellationToken.None));
        Assert.Null(await sealing.SealAsync(null, "mch_a", "pay_1", CancellationToken.None));
    }
}
