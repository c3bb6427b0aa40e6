using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.AuditVerify;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Storage;

namespace PayFunctions.Core.Tests.Audit;

[Collection(AzuriteCollection.Name)]
public sealed class AuditVerifyCommandTests(AzuriteFixture azurite)
{
    private readonly string chain = "v" + Guid.NewGuid().ToString("N")[..16];

    [Fact]
    public async Task AnIntactChain_ExitsZero_AndPrintsItsHead()
    {
        var head = await AppendAsync(3);

        var (code, output) = await RunAsync("--chain", chain);

        Assert.Equal((AuditVerifyCommand.Intact, $"intact: 3 records, head 3:{head.Hash}"), (code, output.Trim()));
    }

    [Fact]
    public async Task ABrokenChain_ExitsOne_NamingTheFirstBrokenLink()
    {
        await AppendAsync(4);
        await azurite.Storage.Tables.GetTableClient(TableNames.AuditEvents).DeleteEntityAsync(chain, AuditChain.RowKeyOf(2));

        var (code, output) = await RunAsync("--chain", chain);

        Assert.Equal((AuditVerifyCommand.Broken, "broken at sequence 2: missing (3 records read)"), (code, output.Trim()));
    }

    [Fact]
    public async Task AChainCutShortOfTheRecordedHead_ExitsOne()
    {
        var recorded = await AppendAsync(3);
        await azurite.Storage.Tables.GetTableClient(TableNames.AuditEvents).DeleteEntityAsync(chain, AuditChain.RowKeyOf(3));

        var (code, output) = await RunAsync("--chain", chain, "--expect-head", $"3:{recorded.Hash}");

        Assert.Equal(AuditVerifyCommand.Broken, code);
        Assert.StartsWith("cut short", output, StringComparison.Ordinal);
        Assert.Equal(AuditVerifyCommand.Intact, (await RunAsync("--chain", chain, "--expect-head", $"1:{new string('0', 64)}")).Code);
    }

    [Fact]
    public async Task BadArguments_ExitTwo()
    {
        Assert.Equal(AuditVerifyCommand.Unusable, (await AuditVerifyCommand.RunAsync(["--chain", "a/b"], TextWriter.Null, TextWriter.Null, CancellationToken.None)));
        Assert.Equal(AuditVerifyCommand.Unusable, (await AuditVerifyCommand.RunAsync(["--expect-head", "3"], TextWriter.Null, TextWriter.Null, CancellationToken.None)));
        Assert.Equal(AuditVerifyCommand.Unusable, (await AuditVerifyCommand.RunAsync(["--verbose"], TextWriter.Null, TextWriter.Null, CancellationToken.None)));
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await AuditVerifyCommand.RunAsync([.. args, "--connection-string", azurite.ConnectionString], output, TextWriter.Null, CancellationToken.None);
        return (code, output.ToString());
    }

    private async Task<AuditEntity> AppendAsync(int count)
    {
        using var log = new AuditLog(
            azurite.Storage, Options.Create(new AuditOptions { Chain = chain }), new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)), NullLogger<AuditLog>.Instance);
        AuditEntity? last = null;
        for (var i = 0; i < count; i++)
        {
            last = await log.AppendAsync(new AuditEvent(AuditEventTypes.OperatorCreated, "operator:op_bootstrap", "op_" + i));
        }

        return last!;
    }
}
