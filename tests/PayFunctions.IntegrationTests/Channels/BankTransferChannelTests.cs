using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using PayFunctions.Channels.BankTransfer;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;

namespace PayFunctions.IntegrationTests.Channels;

/// <summary>
/// Bank transfer through LocalHost and the simulated bank: the bank reports credits by camt files in the inbox and
/// executes the pain.001 refunds it collects from the outbox, so every step here waits for a file to be swept.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BankTransferChannelTests(PlatformFixture platform)
{
    private const long Amount = 12_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task Transfer_PaysOnceThroughDuplicateFilesAndTheStatement_ThenRefundsInParts()
    {
        var (id, reference) = await CreateAsync();

        await TransferAsync(reference, Amount, duplicateFile: true);
        var paid = await scenario.WaitForStatusAsync(id, "succeeded", Patience);
        Assert.StartsWith(await FirstCreditRefAsync(), (string?)paid["channel_trade_no"], StringComparison.Ordinal);

        // The day's statement repeats the credit: it is read, and books nothing twice.
        await BankPostAsync("sandbox/bank-transfer/statements", "{}");
        await WaitUntilInboxEmptyAsync();
        Assert.Single(await scenario.LedgerEntriesForAsync(id));
        await scenario.AssertLedgerInvariantAsync();

        foreach (var part in new long?[] { Amount / 3, null })
        {
            var (status, refund) = await scenario.CreateRefundAsync(id, part is { } amount ? $$"""{"amount":{{amount}}}""" : "{}");
            Assert.Equal(HttpStatusCode.Created, status);
            await ExecuteRefundsAsync();
            await scenario.WaitForRefundAsync((string)refund["id"]!, "succeeded", Patience);
            await scenario.AssertLedgerInvariantAsync();
        }

        Assert.Equal("succeeded", (string?)(await scenario.GetPaymentAsync(id))["status"]);
    }

    [Fact]
    public async Task Underpayment_IsGivenBack_AndThePaymentWaitsForTheRightAmount()
    {
        var (id, reference) = await CreateAsync();

        await TransferAsync(reference, Amount - 100);
        await ExecuteRefundsAsync();
        await scenario.WaitForRefundAsync(LatePaymentRefunds.RefundIdFor(id), "succeeded", Patience);
        Assert.Equal("requires_action", (string?)(await scenario.GetPaymentAsync(id))["status"]);

        await TransferAsync(reference, Amount);
        await scenario.WaitForStatusAsync(id, "succeeded", Patience);
        await scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task CreditAfterCancel_IsALatePaymentGivenBack()
    {
        var (id, reference) = await CreateAsync();
        using var close = platform.Request(HttpMethod.Post, $"api/v1/payments/{id}/close");
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(close)).Status);
        await scenario.WaitForStatusAsync(id, "closed", Patience);

        await TransferAsync(reference, Amount);
        await ExecuteRefundsAsync();
        await scenario.WaitForRefundAsync(LatePaymentRefunds.RefundIdFor(id), "succeeded", Patience);
        Assert.Equal("closed", (string?)(await scenario.GetPaymentAsync(id))["status"]);
        await scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task UnknownReferenceGoesToSuspense_AndBadFilesAreQuarantinedUnapplied()
    {
        var unknown = CreditorReference.Create("UNKNOWN" + Guid.NewGuid().ToString("N")[..10]);
        var servicerRef = await TransferAsync(unknown, 777);
        await WaitUntilInboxEmptyAsync();
        var rows = platform.Storage.Tables.GetTableClient(TableNames.UnmatchedCredits)
            .QueryAsync<TableEntity>(e => e.PartitionKey == BankTransferModule.ChannelName);
        var row = await rows.SingleAsync(r => r.GetString("EventId") == servicerRef);
        Assert.Equal((UnmatchedCredits.UnknownReference, 777L), (row.GetString("Reason"), row.GetInt64("Amount")));

        var (_, reference) = await CreateAsync();
        var foreign = await BankPostAsync("sandbox/bank-transfer/faults/foreign-account", $$"""{"amount":{{Amount}},"reference":"{{reference}}"}""");
        var broken = await BankPostAsync("sandbox/bank-transfer/faults/malformed-file", "{}");
        await WaitUntilInboxEmptyAsync();
        var quarantine = platform.Storage.Blobs.GetBlobContainerClient(ChannelInbox.QuarantineContainer);
        foreach (var file in new[] { (string)foreign["file"]!, (string)broken["file"]! })
        {
            var name = $"{BankTransferModule.ChannelName}/main/{file}";
            Assert.True((await quarantine.GetBlobClient(name).ExistsAsync()).Value, file);

            // A bank's file names payers and their accounts: it is kept sealed under its container and name.
            var kept = (await quarantine.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString();
            Assert.True(SecretEnvelope.IsSealed(kept), file);
            Assert.NotEmpty(await new SecretEnvelope(platform.Secrets).OpenBytesAsync(kept, ChannelInbox.KeptContext(ChannelInbox.QuarantineContainer, name), CancellationToken.None));
        }

        await scenario.AssertLedgerInvariantAsync();
    }

    private async Task<(string Id, string Reference)> CreateAsync()
    {
        var body = $$"""{"amount":{{Amount}},"currency":"eur","method":"{{BankTransferModule.ReferenceMethod}}","merchant_order_id":"{{Scenario.NewOrderId()}}","description":"Invoice"}""";
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", json: body);
        var (status, created, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, $"create answered {status}: {created}");
        var instructions = created["next_action"]?["display_transfer_instructions"];
        Assert.Equal("display_transfer_instructions", (string?)created["next_action"]?["type"]);
        Assert.Equal(("DE89370400440532013000", Amount, "EUR"), ((string?)instructions?["iban"], (long?)instructions?["amount"], (string?)instructions?["currency"]));
        return ((string)created["id"]!, (string)instructions!["reference"]!);
    }

    private async Task<string> TransferAsync(string reference, long amount, bool duplicateFile = false)
    {
        var answer = await BankPostAsync("sandbox/bank-transfer/transfers", $$"""{"reference":"{{reference}}","amount":{{amount}},"duplicate_file":{{(duplicateFile ? "true" : "false")}}}""");
        return (string)answer["account_servicer_ref"]!;
    }

    private async Task<string> FirstCreditRefAsync() =>
        (string)(await scenario.SandboxGetAsync("sandbox/bank-transfer/movements")).Last(m => (bool)m!["is_credit"]!)!["account_servicer_ref"]!;

    /// <summary>The bank collects the outbox until the refund's pain.001 is there (its orchestration writes it shortly after the request).</summary>
    private async Task ExecuteRefundsAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var answer = await BankPostAsync("sandbox/bank-transfer/refunds/execute", "{}");
            Assert.Empty(answer["rejected"]!.AsArray());
            if (answer["executed"]!.AsArray().Count > 0)
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"No refund reached the outbox.\n{platform.HostLogTail()}");
    }

    private async Task WaitUntilInboxEmptyAsync()
    {
        var inbox = platform.Storage.Blobs.GetBlobContainerClient(ChannelInbox.Container);
        var deadline = DateTime.UtcNow + Patience;
        while (await inbox.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, BankTransferModule.ChannelName + "/", CancellationToken.None).AnyAsync())
        {
            Assert.True(DateTime.UtcNow < deadline, "the inbox was not swept");
            await Task.Delay(250);
        }
    }

    private async Task<JsonObject> BankPostAsync(string path, string json)
    {
        using var response = await platform.Sandbox.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
