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
        inner.Setup(s => s.GetAsync("key", It.IsAny<CancellationToken>())).ReturnsAsync("v1");
        store = new CachingSecretStore(inner.Object, time);
    }

    [Fact]
    public async Task CachingSecretStore_GetWithinFiveMinutes_DoesNotAskTheInnerStoreAgain()
    {
        Assert.Equal("v1", await store.GetAsync("key", CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal("v1", await store.GetAsync("key", CancellationToken.None));

        inner.Verify(s => s.GetAsync("key", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task CachingSecretStore_GetAfterFiveMinutes_AsksTheInnerStoreAgain()
    {
        await store.GetAsync("key", CancellationToken.None);
        inner.Setup(s => s.GetAsync("key", It.IsAny<CancellationToken>())).ReturnsAsync("v2");
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Equal("v2", await store.GetAsync("key", CancellationToken.None));
        inner.Verify(s => s.GetAsync("key", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task CachingSecretStore_MissingSecret_IsAskedForAgain()
    {
        inner.Setup(s => s.GetAsync("missing", It.IsAny<CancellationToken>())).ReturnsAsync((string?)null);

        Assert.Null(await store.GetAsync("missing", CancellationToken.None));
        inner.Setup(s => s.GetAsync("missing", It.IsAny<CancellationToken>())).ReturnsAsync("created");
        Assert.Equal("created", await store.GetAsync("missing", CancellationToken.None));

        inner.Verify(s => s.GetAsync("missing", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task CachingSecretStore_Set_WritesThroughAndInvalidates()
    {
        await store.GetAsync("key", CancellationToken.None);
        inner.Setup(s => s.GetAsync("key", It.IsAny<CancellationToken>())).ReturnsAsync("v2");

        await store.SetAsync("key", "v2", CancellationToken.None);

        inner.Verify(s => s.SetAsync("key", "v2", It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal("v2", await store.GetAsync("key", CancellationToken.None));
        inner.Verify(s => s.GetAsync("key", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
