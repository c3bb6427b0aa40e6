using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PayFunctions.Core.Notifications;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;

namespace PayFunctions.IntegrationTests;

/// <summary>Rejected callbacks leave bounded evidence; verified ones are archived in full.</summary>
[Collection(PlatformCollection.Name)]
public sealed class NotificationEvidenceTests(PlatformFixture platform)
{
    private const string Channel = "wechat_pay";
    private const string Reason = "signature_headers_missing";
    private readonly Scenario scenario = new(platform);

    private SecretEnvelope Envelope => new(platform.Secrets);

    private BlobContainerClient Archive => platform.Storage.Blobs.GetBlobContainerClient(TableNames.NotificationArchiveContainer);

    [Fact]
    public async Task RejectedNotifications_AreAllCounted_ButSampledOnlyUpToTheHourlyCap_AndTruncated()
    {
        const int rejected = RejectedNotificationLog.SamplesPerHour + 5;
        var start = DateTimeOffset.UtcNow;
        var hours = new[] { start, start.AddHours(1) };
        var before = await CountsAsync(hours);
        var bodies = Enumerable.Range(0, rejected).Select(i => Encoding.UTF8.GetBytes($"{{\"id\":\"forged-{i}\",\"pad\":\"{new string('x', 3 * RejectedNotificationLog.SampleBytes)}\"}}")).ToList();

        foreach (var body in bodies)
        {
            using var content = new ByteArrayContent(body);
            using var response = await platform.Api.PostAsync("api/notify/wechat_pay", content);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var after = await CountsAsync(hours);
        Assert.Equal(rejected, after.Sum() - before.Sum());

        var ours = bodies.ToDictionary(b => Convert.ToHexStringLower(SHA256.HashData(b)), b => b);
        var sampledOfOurs = 0;
        for (var i = 0; i < hours.Length; i++)
        {
            var samples = await SamplesAsync(hours[i]);
            Assert.Equal(Math.Min(after[i], RejectedNotificationLog.SamplesPerHour), samples.Count);
            foreach (var sample in samples.Where(s => ours.ContainsKey((string?)s["body_sha256"] ?? "")))
            {
                sampledOfOurs++;
                var body = ours[(string)sample["body_sha256"]!];
                Assert.Equal(body.Length, (int?)sample["body_length"]);
                Assert.True((bool?)sample["body_truncated"]);
                Assert.Null(sample["body_base64"]);
                Assert.Equal(
                    body[..RejectedNotificationLog.SampleBytes],
                    await Envelope.OpenBytesAsync((string)sample["body_sealed"]!, NotificationLog.BodyContext((string)sample["blob_name"]!), CancellationToken.None));
                Assert.Equal(Reason, (string?)sample["reason"]);
            }
        }

        Assert.InRange(sampledOfOurs, 1, RejectedNotificationLog.SamplesPerHour);
    }

    [Fact]
    public async Task VerifiedNotification_IsArchivedSealed_AndOpensByteForByte()
    {
        var id = (string)(await scenario.CreatePaymentAsync())["id"]!;
        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(id));
        await scenario.WaitForStatusAsync(id, "succeeded", TimeSpan.FromSeconds(30));
        var delivered = (await scenario.SandboxGetAsync($"sandbox/wechat_pay/orders/{id}/notifications"))[0]!.AsObject();
        var body = Encoding.UTF8.GetBytes((string)delivered["body"]!);
        var digest = Convert.ToHexStringLower(SHA256.HashData(body))[..16];

        var archived = await Archive.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{Channel}/verified/", CancellationToken.None)
            .Where(b => b.Name.EndsWith($"-{digest}.json", StringComparison.Ordinal))
            .ToListAsync();

        var blob = Assert.Single(archived);
        var stored = (await Archive.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
        Assert.True(SecretEnvelope.IsSealed(stored));
        Assert.Equal(body, await Envelope.OpenBytesAsync(stored, NotificationLog.BodyContext(blob.Name), CancellationToken.None));
    }

    private async Task<long[]> CountsAsync(DateTimeOffset[] hours)
    {
        var table = platform.Storage.Tables.GetTableClient(TableNames.NotificationRejections);
        var counts = new long[hours.Length];
        for (var i = 0; i < hours.Length; i++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(RejectedNotificationLog.Partition(Channel, hours[i]), Reason);
            counts[i] = row.HasValue ? row.Value!.GetInt64("Count") ?? 0 : 0;
        }

        return counts;
    }

    private async Task<List<JsonObject>> SamplesAsync(DateTimeOffset hour)
    {
        var samples = new List<JsonObject>();
        await foreach (var item in Archive.GetBlobsAsync(BlobTraits.None, BlobStates.None, RejectedNotificationLog.SamplePrefix(Channel, Reason, hour), CancellationToken.None))
        {
            var content = (await Archive.GetBlobClient(item.Name).DownloadContentAsync()).Value.Content;
            var sample = JsonNode.Parse(content.ToString())!.AsObject();
            sample["blob_name"] = item.Name;
            samples.Add(sample);
        }

        return samples;
    }
}
