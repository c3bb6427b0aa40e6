using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Tests.Adapters;

public sealed class LocalDirectorySecretStoreTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("payfunctions-secrets-").FullName;
    private readonly string directory;
    private readonly LocalDirectorySecretStore store;

    public LocalDirectorySecretStoreTests()
    {
        directory = Path.Combine(root, "secrets");
        store = new LocalDirectorySecretStore(directory);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task LocalDirectorySecretStore_SetThenGet_RoundTrips()
    {
        await store.SetAsync("wechatpay-apiv3-key", "first", CancellationToken.None);
        await store.SetAsync("wechatpay-apiv3-key", "second", CancellationToken.None);

        Assert.Equal("second", await store.GetAsync("wechatpay-apiv3-key", CancellationToken.None));
        Assert.Equal(["wechatpay-apiv3-key"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task LocalDirectorySecretStore_Get_WhenMissing_ReturnsNull()
    {
        Assert.Null(await store.GetAsync("missing", CancellationToken.None));
        await store.SetAsync("other", "value", CancellationToken.None);
        Assert.Null(await store.GetAsync("missing", CancellationToken.None));
    }

    [Fact]
    public async Task LocalDirectorySecretStore_Version_NamesTheValueItHeld()
    {
        await store.SetAsync("key-encryption-key", "first", CancellationToken.None);
        var first = await store.GetCurrentAsync("key-encryption-key", CancellationToken.None);
        await store.SetAsync("key-encryption-key", "second", CancellationToken.None);
        var second = await store.GetCurrentAsync("key-encryption-key", CancellationToken.None);

        Assert.NotEqual(first!.Version, second!.Version);
        Assert.Equal("second", await store.GetVersionAsync("key-encryption-key", second.Version, CancellationToken.None));
        Assert.Null(await store.GetVersionAsync("key-encryption-key", first.Version, CancellationToken.None));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("a\\b")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    [InlineData("under_score")]
    public async Task LocalDirectorySecretStore_NameWithPathCharacters_Throws(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => store.SetAsync(name, "value", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync(name, CancellationToken.None));

        Assert.Equal(["secrets"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }
}
