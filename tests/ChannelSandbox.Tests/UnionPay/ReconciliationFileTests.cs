using System.Net.Http.Json;
using PayFunctions.Channels;
using PayFunctions.Channels.UnionPay;
using PayFunctions.Domain;
using ChannelPrepay = PayFunctions.Channels.PrepayRequest;

namespace ChannelSandbox.Tests.UnionPay;

/// <summary>
/// The reconciliation file end to end: the adapter pays and refunds at the sandbox, downloads the day's file by the file
/// transfer and reads it; each injected difference shows in what it reads. Tests share the sandbox, so each looks only
/// at the lines of its own orders.
/// </summary>
public sealed class ReconciliationFileTests(UnionPaySandboxHost sandbox) : IClassFixture<UnionPaySandboxHost>, IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly UnionPayModule _module = new();
    private NotifyListener _listener = null!;
    private HttpClient _http = null!;
    private UnionPayClient _adapter = null!;

    public async Task InitializeAsync()
    {
        _listener = await NotifyListener.StartAsync([.. Enumerable.Repeat(200, 50)]);
        _http = new HttpClient();
        var account = new ChannelAccount(
            "main",
            new Dictionary<string, string>
            {
                ["MerId"] = UnionPayMerchant.MerId,
                ["SignCertId"] = UnionPayMerchant.CertId,
                ["BaseUrl"] = sandbox.BaseUrl.AbsoluteUri,
                ["FileTransferUrl"] = sandbox.BaseUrl.AbsoluteUri,
                ["BackUrl"] = _listener.Url,
            },
            new Dictionary<string, string>
            {
                [UnionPayModule.SigningPrivateKeySecret] = sandbox.Secret("unionpay-main-signing-private-key"),
                [UnionPayModule.RootCertSecret] = sandbox.Secret("unionpay-main-root-cert"),
                [UnionPayModule.MiddleCertSecret] = sandbox.Secret("unionpay-main-middle-cert"),
            });
        _adapter = (UnionPayClient)_module.Create(account, _http, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        _adapter.Dispose();
        _http.Dispose();
        await _listener.DisposeAsync();
    }

    [Fact]
    public async Task Two_payments_and_a_refund_are_on_the_days_file_as_processed()
    {
        var (first, second, refund, day) = await ProcessAsync();

        var lines = await LinesAsync(day, first, second, refund);

        Assert.Equal(
            [
                (ChannelStatementLineType.Payment, first, (string?)null, 1500L, 9L),
                (ChannelStatementLineType.Payment, second, null, 1500L, 9L),
                (ChannelStatementLineType.Refund, null, refund, 700L, -4L),
            ],
            lines.Select(line => (line.Type, line.OutTradeNo, line.OutRefundNo, line.Amount.MinorUnits, line.Fee.MinorUnits)));
        Assert.All(lines, line => Assert.Equal((Currency.Cny, China), (line.Amount.Currency, line.BookedAt.Offset)));
        Assert.All(lines, line => Assert.Equal(day, DateOnly.FromDateTime(line.BookedAt.DateTime)));
        Assert.Equal(3, lines.Select(line => line.ChannelReference).Distinct().Count());
    }

    [Fact]
    public async Task Unknown_adds_a_payment_the_merchant_never_sent()
    {
        var (first, _, _, day) = await ProcessAsync();
        var added = await AddAsync(day, "unknown", null, new { amount = 4200 });

        var lines = await LinesAsync(day, first, added);

        Assert.Equal(
            new[] { (first, 1500L), (added, 4200L) }.OrderBy(line => line.Item1, StringComparer.Ordinal),
            lines.Select(line => (line.OutTradeNo!, line.Amount.MinorUnits)).OrderBy(line => line.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Missing_leaves_a_refund_off_the_file()
    {
        var (first, second, refund, day) = await ProcessAsync();
        await AddAsync(day, "missing", refund);

        Assert.Equal([first, second], (await LinesAsync(day, first, second, refund)).Select(line => line.OutTradeNo!));
    }

    [Fact]
    public async Task Amount_changes_the_lines_amount_by_a_fen_by_default()
    {
        var (first, _, _, day) = await ProcessAsync();
        await AddAsync(day, "amount", first);

        Assert.Equal(1501, Assert.Single(await LinesAsync(day, first)).Amount.MinorUnits);
    }

    [Fact]
    public async Task Status_lists_the_payment_as_a_void()
    {
        var (first, _, _, day) = await ProcessAsync();
        await AddAsync(day, "status", first);

        Assert.Equal(ChannelStatementLineType.Adjustment, Assert.Single(await LinesAsync(day, first)).Type);
    }

    [Fact]
    public async Task Fee_sets_the_lines_fee()
    {
        var (first, _, _, day) = await ProcessAsync();
        await AddAsync(day, "fee", first, new { fee = 30 });

        Assert.Equal(30, Assert.Single(await LinesAsync(day, first)).Fee.MinorUnits);
    }

    [Fact]
    public async Task Duplicate_lists_the_line_twice()
    {
        var (_, second, _, day) = await ProcessAsync();
        await AddAsync(day, "duplicate", second);

        var lines = await LinesAsync(day, second);

        Assert.Equal(2, lines.Count);
        Assert.Equal(lines[0], lines[1]);
    }

    [Fact]
    public async Task Date_shift_moves_the_line_to_the_next_days_file_at_its_midnight()
    {
        var (first, _, _, day) = await ProcessAsync();
        await AddAsync(day, "date_shift", first);

        Assert.Empty(await LinesAsync(day, first));
        var shifted = Assert.Single(await LinesAsync(day.AddDays(1), first));
        Assert.Equal(new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), China), shifted.BookedAt);
    }

    [Fact]
    public async Task A_discrepancy_is_validated_and_needs_a_line_of_that_day()
    {
        var (first, _, _, day) = await ProcessAsync();

        using var unknownKind = await sandbox.Client.PostAsJsonAsync("/sandbox/unionpay/bill/discrepancies", new { settle_date = Text(day), kind = "lost", order_id = Order(first) });
        using var badDate = await sandbox.Client.PostAsJsonAsync("/sandbox/unionpay/bill/discrepancies", new { settle_date = "2026-13-01", kind = "missing", order_id = Order(first) });
        using var badFee = await sandbox.Client.PostAsJsonAsync("/sandbox/unionpay/bill/discrepancies", new { settle_date = Text(day), kind = "amount", order_id = Order(first), fee = 1 });
        using var otherDay = await sandbox.Client.PostAsJsonAsync("/sandbox/unionpay/bill/discrepancies", new { settle_date = Text(day.AddDays(-1)), kind = "missing", order_id = Order(first) });
        using var taken = await sandbox.Client.PostAsJsonAsync("/sandbox/unionpay/bill/discrepancies", new { settle_date = Text(day), kind = "unknown", order_id = Order(first) });

        Assert.Equal([400, 400, 400, 404, 409], new[] { unknownKind, badDate, badFee, otherDay, taken }.Select(response => (int)response.StatusCode));
    }

    private async Task<(string First, string Second, string Refund, DateOnly Day)> ProcessAsync()
    {
        var first = NewId("pay");
        var second = NewId("pay");
        Assert.Equal(ChannelTradeState.Succeeded, (await _adapter.PrepayAsync(Barcode(first), CancellationToken.None)).Order!.State);
        Assert.Equal(ChannelTradeState.Succeeded, (await _adapter.PrepayAsync(Barcode(second), CancellationToken.None)).Order!.State);
        var refund = NewId("re");
        await _adapter.RefundAsync(
            new ChannelRefundRequest(second, refund, new Money(700, Currency.Cny), new Money(1500, Currency.Cny), null, new Uri(_listener.Url)), CancellationToken.None);
        return (first, second, refund, DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(China).DateTime));
    }

    /// <summary>The lines of the day's file, downloaded and read by the adapter, about the given platform numbers.</summary>
    private async Task<List<ChannelStatementLine>> LinesAsync(DateOnly day, params string[] numbers)
    {
        await using var file = await _adapter.DownloadStatementAsync(day, CancellationToken.None);
        var lines = await _module.ReadAsync(file, CancellationToken.None).ToListAsync();
        return [.. lines.Where(line => numbers.Contains(line.OutTradeNo ?? line.OutRefundNo))];
    }

    private async Task<string> AddAsync(DateOnly day, string kind, string? number, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["settle_date"] = Text(day), ["kind"] = kind };
        if (number is not null)
        {
            body["order_id"] = Order(number);
        }

        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }

        using var response = await sandbox.Client.PostAsJsonAsync("/sandbox/unionpay/bill/discrepancies", body);
        Assert.Equal(202, (int)response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>();
        return answer!["order_id"].GetString()!;
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Order(string number) => number.Replace("_", string.Empty, StringComparison.Ordinal);

    private static string NewId(string prefix)
    {
        const string alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        var inverted = (long)Math.Pow(36, 12) - 1 - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var id = new char[24];
        for (var i = 11; i >= 0; i--)
        {
            id[i] = alphabet[(int)(inverted % 36)];
            inverted /= 36;
        }

        for (var i = 12; i < 24; i++)
        {
            id[i] = alphabet[Random.Shared.Next(36)];
        }

        return prefix + "_" + new string(id);
    }

    private ChannelPrepay Barcode(string id) =>
        new(id, UnionPayClient.BarcodeMethod, new Money(1500, Currency.Cny), "Coffee", DateTimeOffset.UtcNow.AddMinutes(15), new Uri(_listener.Url), null)
        {
            PaymentCode = "6222021234567890123",
        };
}
