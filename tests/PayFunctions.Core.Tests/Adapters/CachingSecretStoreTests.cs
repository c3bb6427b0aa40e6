using Microsoft.Extensions.Time.Testing;
using Moq;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Tests.Adapters;

public sealed class CachingSecretStoreTests
{
    private readonly Mock<ISecretStore> inner = new();
    private readonly FakeTimeProvider time = new();
    private readonly CachingSecretStore store;

    public CachingSecretStoreTests()
    {
        inner.Setup(s => s.GetCurrentAsync("key", It.IsAny<CancellationToken>())).ReturnsAsync(new SecretVersion("v1", "1"));
        store = new CachingSecretStore(inner.Object, time);
    }

    [Fact]
    public async Task CachingSecretStore_GetWithinFiveMinutes_DoesNotAskTheInnerStoreAgain()
    {
        Assert.Equal("v1", await store.GetAsync("key", CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal("v1", await store.GetAsync("key", CancellationToken.None));

        inner.Verify(s => s.GetCurrentAsync("key", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task CachingSecretStore_GetAfterFiveMinutes_AsksTheInnerStoreAgain()
    {
        await store.GetAsync("key", CancellationToken.None);
        inner.Setup(s => s.GetCurrentAsync("key", It.IsAny<CancellationToken>())).ReturnsAsync(new SecretVersion("v2", "2"));
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Equal(new SecretVersion("v2", "2"), await store.GetCurrentAsync("key", CancellationToken.None));
        inner.Verify(s => s.GetCurrentAsync("key", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task CachingSecretStore_MissingSecret_IsAskedForAgain()
    {
        inner.Setup(s => s.GetCurrentAsync("missing", It.IsAny<CancellationToken>())).ReturnsAsync((SecretVersion?)null);

        Assert.Null(await store.GetAsync("missing", CancellationToken.None));
        inner.Setup(s => s.GetCurrentAsync("missing", It.IsAny<CancellationToken>())).ReturnsAsync(new SecretVersion("created", "1"));
        Assert.Equal("created", await store.GetAsync("missing", CancellationToken.None));

        inner.Verify(s => s.GetCurrentAsync("missing", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task CachingSecretStore_NamedVersion_IsReadOnceAndKept()
    {
        inner.Setup(s => s.GetVersionAsync("key", "0", It.IsAny<CancellationToken>())).ReturnsAsync("v0");

        Assert.Equal("v0", await store.GetVersionAsync("key", "0", CancellationToken.None));
        time.Advance(TimeSpan.FromDays(30));
        Assert.Equal("v0", await store.GetVersionAsync("key", "0", CancellationToken.None));

        inner.Verify(s => s.GetVersionAsync("key", "0", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task CachingSecretStore_CurrentVersion_IsKnownByItsVersionWithoutAnotherRead()
    {
        await store.GetCurrentAsync("key", CancellationToken.None);

        Assert.Equal("v1", await store.GetVersionAsync("key", "1", CancellationToken.None));
        inner.Verify(s => s.GetVersionAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task CachingSecretStore_MissingVersion_IsAskedForAgain()
    {
        inner.Setup(s => s.GetVersionAsync("key", "9", It.IsAny<CancellationToken>())).ReturnsAsync((string?)null);

        Assert.Null(await store.GetVersionAsync("key", "9", CancellationToken.None));
        Assert.Null(await store.GetVersionAsync("key", "9", CancellationToken.None));

        inner.Verify(s => s.GetVersionAsync("key", "9", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
