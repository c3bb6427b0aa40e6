using Azure;
using Azure.Security.KeyVault.Secrets;
using Moq;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Tests.Adapters;

public sealed class KeyVaultSecretStoreTests
{
    private readonly Mock<SecretClient> client = new();

    [Fact]
    public async Task KeyVaultSecretStore_Get_ReturnsTheSecretsValue()
    {
        var secret = SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: "webhook-secret"), "s3cret");
        client
            .Setup(c => c.GetSecretAsync("webhook-secret", It.IsAny<string>(), It.IsAny<SecretContentType?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(secret, Mock.Of<Response>()));

        Assert.Equal("s3cret", await new KeyVaultSecretStore(client.Object).GetAsync("webhook-secret", CancellationToken.None));
    }

    [Fact]
    public async Task KeyVaultSecretStore_Get_WhenTheSecretDoesNotExist_ReturnsNull()
    {
        client
            .Setup(c => c.GetSecretAsync("missing", It.IsAny<string>(), It.IsAny<SecretContentType?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, "SecretNotFound"));

        Assert.Null(await new KeyVaultSecretStore(client.Object).GetAsync("missing", CancellationToken.None));
    }

    [Fact]
    public async Task KeyVaultSecretStore_Get_WhenAccessIsDenied_Rethrows()
    {
        client
            .Setup(c => c.GetSecretAsync("webhook-secret", It.IsAny<string>(), It.IsAny<SecretContentType?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(403, "Forbidden"));

        var e = await Assert.ThrowsAsync<RequestFailedException>(
            () => new KeyVaultSecretStore(client.Object).GetAsync("webhook-secret", CancellationToken.None));
        Assert.Equal(403, e.Status);
    }

    [Fact]
    public async Task KeyVaultSecretStore_Set_SetsTheSecret()
    {
        var secret = SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: "webhook-secret"), "s3cret");
        client
            .Setup(c => c.SetSecretAsync("webhook-secret", "s3cret", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(secret, Mock.Of<Response>()));

        await new KeyVaultSecretStore(client.Object).SetAsync("webhook-secret", "s3cret", CancellationToken.None);

        client.Verify(c => c.SetSecretAsync("webhook-secret", "s3cret", It.IsAny<CancellationToken>()), Times.Once);
    }
}
