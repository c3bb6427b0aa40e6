using System.Security.Cryptography;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Tests.Secrets;

public sealed class SecretEnvelopeTests
{
    private const string Context = "merchants/mch_a/webhook_secret";
    private const string Plaintext = "whsec_dGhpcyBpcyBub3QgYSByZWFsIHNlY3JldA==";
    private readonly VersionedSecrets vault = new();
    private readonly SecretEnvelope envelope;

    public SecretEnvelopeTests()
    {
        vault.AddVersion(SecretEnvelope.KeySecretName, "v1", NewKey());
        envelope = new SecretEnvelope(vault);
    }

    [Fact]
    public async Task Seal_ThenOpen_RoundTrips_AndTheSealedTextNamesTheKeyVersionButNotTheSecret()
    {
        var sealedText = await envelope.SealAsync(Plaintext, Context, CancellationToken.None);

        Assert.DoesNotContain(Plaintext, sealedText, StringComparison.Ordinal);
        Assert.DoesNotContain(Plaintext["whsec_".Length..], sealedText, StringComparison.Ordinal);
        Assert.Equal(["v1", "v1"], sealedText.Split('.')[..2]);
        Assert.Equal(Plaintext, await envelope.OpenAsync(sealedText, Context, CancellationToken.None));
    }

    [Fact]
    public async Task Seal_TheSameValueTwice_GivesDifferentTexts()
    {
        var first = await envelope.SealAsync(Plaintext, Context, CancellationToken.None);
        var second = await envelope.SealAsync(Plaintext, Context, CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.NotEqual(first.Split('.')[2], second.Split('.')[2]);
    }

    [Fact]
    public async Task Open_UnderAnotherContext_Fails()
    {
        var sealedText = await envelope.SealAsync(Plaintext, Context, CancellationToken.None);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => envelope.OpenAsync(sealedText, "merchants/mch_b/webhook_secret", CancellationToken.None));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Open_WhenALayerWasAltered_Fails(int part)
    {
        var parts = (await envelope.SealAsync(Plaintext, Context, CancellationToken.None)).Split('.');
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(parts[part]);
        bytes[^1] ^= 1;
        parts[part] = System.Buffers.Text.Base64Url.EncodeToString(bytes);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => envelope.OpenAsync(string.Join('.', parts), Context, CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1.v1.AAAA")]
    [InlineData("v2.v1.AAAA.AAAA")]
    [InlineData("v1.../x.AAAA.AAAA")]
    [InlineData("v1.v1.!!!!.AAAA")]
    [InlineData("v1.v1.AAAA.AAAA")]
    public async Task Open_Garbage_FailsAsCryptography(string sealedText) =>
        await Assert.ThrowsAnyAsync<CryptographicException>(() => envelope.OpenAsync(sealedText, Context, CancellationToken.None));

    [Fact]
    public async Task AfterTheKeyIsRotated_NewValuesUseTheNewVersion_AndOldOnesStillOpen()
    {
        var before = await envelope.SealAsync(Plaintext, Context, CancellationToken.None);
        vault.AddVersion(SecretEnvelope.KeySecretName, "v2", NewKey());

        var after = await envelope.SealAsync(Plaintext, Context, CancellationToken.None);

        Assert.Equal("v2", after.Split('.')[1]);
        Assert.Equal(Plaintext, await envelope.OpenAsync(before, Context, CancellationToken.None));
        Assert.Equal(Plaintext, await envelope.OpenAsync(after, Context, CancellationToken.None));
    }

    [Fact]
    public async Task Open_WhenTheKeyVersionIsGone_FailsLoudly()
    {
        var sealedText = await envelope.SealAsync(Plaintext, Context, CancellationToken.None);
        var otherVault = new VersionedSecrets();
        otherVault.AddVersion(SecretEnvelope.KeySecretName, "v9", NewKey());

        await Assert.ThrowsAsync<InvalidOperationException>(() => new SecretEnvelope(otherVault).OpenAsync(sealedText, Context, CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("placeholder")]
    [InlineData("c2hvcnQ=")]
    public async Task Seal_WithoutAUsableKey_Fails(string? key)
    {
        var empty = new VersionedSecrets();
        if (key is not null)
        {
            empty.AddVersion(SecretEnvelope.KeySecretName, "1", key);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => new SecretEnvelope(empty).SealAsync(Plaintext, Context, CancellationToken.None));
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
