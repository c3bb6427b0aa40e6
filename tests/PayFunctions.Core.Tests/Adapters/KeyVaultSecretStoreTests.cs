using Azure;
using Azure.Security.KeyVault.Secrets;
using Moq;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Tests.Adapters;

public sealed class KeyVaultSecretStoreTests
{
    private readonly Mock<SecretClient> client = new(MockBehavior.Strict);

    [Fact]
    public async Task KeyVaultSecretStore_GetCurrent_ReturnsTheLatestValueAndItsVersion()
    {
        var secret = SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: "key-encryption-key", version: "c0ffee"), "s3cret");
        client
            .Setup(c => c.GetSecretAsync("key-encryption-key", null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(secret, Mock.Of<Response>()));

        Assert.Equal(new SecretVersion("s3cret", "c0ffee"), await new KeyVaultSecretStore(client.Object).GetCurrentAsync("key-encryption-key", CancellationToken.None));
    }

    [Fact]
    public async Task KeyVaultSecretStore_GetVersion_AsksForThatVersion()
    {
        var secret = SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: "key-encryption-key", version: "0ld"), "older");
        client
            .Setup(c => c.GetSecretAsync("key-encryption-key", "0ld", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(secret, Mock.Of<Response>()));

        Assert.Equal("older", await new KeyVaultSecretStore(client.Object).GetVersionAsync("key-encryption-key", "0ld", CancellationToken.None));
    }

    [Fact]
    public async Task KeyVaultSecretStore_Get_WhenTheSecretDoesNotExist_ReturnsNull()
    {
        client
            .Setup(c => c.GetSecretAsync("missing", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, "SecretNotFound"));

        Assert.Null(await new KeyVaultSecretStore(client.Object).GetAsync("missing", CancellationToken.None));
        Assert.Null(await new KeyVaultSecretStore(client.Object).GetVersionAsync("missing", "1", CancellationToken.None));
    }

    [Fact]
    public async Task KeyVaultSecretStore_Get_WhenAccessIsDenied_Rethrows()
    {
        client
            .Setup(c => c.GetSecretAsync("admin-api-key", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(403, "Forbidden"));

        var e = await Assert.ThrowsAsync<RequestFailedException>(
            () => new KeyVaultSecretStore(client.Object).GetAsync("admin-api-key", CancellationToken.None));
        Assert.Equal(403, e.Status);
    }
}
