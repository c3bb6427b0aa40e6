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
        Assert.Equal(["v2", "v1"], sealedText.Split('.')[..2]);
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
    [InlineData("v3.v1.AAAA.AAAA")]
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

    [Fact]
    public async Task AValueSealedInTheFirstFormat_StillOpens()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        vault.AddVersion(SecretEnvelope.KeySecretName, "old", Convert.ToBase64String(key));

        Assert.Equal(Plaintext, await envelope.OpenAsync(SealInFirstFormat(key, "old", Plaintext, Context), Context, CancellationToken.None));
    }

    [Fact]
    public async Task Rewrap_MovesTheValueToTheCurrentVersion_KeepsItsBody_AndLeavesACurrentValueAlone()
    {
        var before = await envelope.SealAsync(Plaintext, Context, CancellationToken.None);
        vault.AddVersion(SecretEnvelope.KeySecretName, "v2", NewKey());

        var moved = await envelope.RewrapAsync(before, Context, CancellationToken.None);

        Assert.NotNull(moved);
        Assert.Equal(["v2", "v2"], moved.Split('.')[..2]);
        Assert.Equal(before.Split('.')[3], moved.Split('.')[3]);
        Assert.Equal(Plaintext, await envelope.OpenAsync(moved, Context, CancellationToken.None));
        Assert.Null(await envelope.RewrapAsync(moved, Context, CancellationToken.None));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => envelope.RewrapAsync(before, "merchants/mch_b/webhook_secret", CancellationToken.None));
    }

    [Fact]
    public async Task Rewrap_OfAValueInTheFirstFormat_SealsItAgainUnderTheCurrentVersion()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        vault.AddVersion(SecretEnvelope.KeySecretName, "old", Convert.ToBase64String(key));
        var first = SealInFirstFormat(key, "old", Plaintext, Context);
        vault.AddVersion(SecretEnvelope.KeySecretName, "v3", NewKey());

        var moved = await envelope.RewrapAsync(first, Context, CancellationToken.None);

        Assert.Equal(["v2", "v3"], moved!.Split('.')[..2]);
        Assert.Equal(Plaintext, await envelope.OpenAsync(moved, Context, CancellationToken.None));
    }

    [Fact]
    public async Task IsSealed_TellsSealedValuesFromClearOnes()
    {
        Assert.True(SecretEnvelope.IsSealed(await envelope.SealAsync(Plaintext, Context, CancellationToken.None)));
        Assert.False(SecretEnvelope.IsSealed(null));
        Assert.False(SecretEnvelope.IsSealed("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
        Assert.False(SecretEnvelope.IsSealed("203.0.113.7"));
        Assert.False(SecretEnvelope.IsSealed(Plaintext));
    }

    private static string NewKey() => VersionedSecrets.NewKey();

    /// <summary>The first format as it was written: the body's associated data named the KEK version too.</summary>
    private static string SealInFirstFormat(byte[] kek, string version, string plaintext, string context)
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var wrapped = Encrypt(kek, dataKey, $"payfunctions/v1/key/{version}/{context}");
        var body = Encrypt(dataKey, System.Text.Encoding.UTF8.GetBytes(plaintext), $"payfunctions/v1/data/{version}/{context}");
        return string.Join('.', "v1", version, System.Buffers.Text.Base64Url.EncodeToString(wrapped), System.Buffers.Text.Base64Url.EncodeToString(body));
    }

    private static byte[] Encrypt(byte[] key, byte[] plaintext, string aad)
    {
        var output = new byte[12 + plaintext.Length + 16];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(output.AsSpan(0, 12), plaintext, output.AsSpan(12, plaintext.Length), output.AsSpan(12 + plaintext.Length), System.Text.Encoding.UTF8.GetBytes(aad));
        return output;
    }
}
