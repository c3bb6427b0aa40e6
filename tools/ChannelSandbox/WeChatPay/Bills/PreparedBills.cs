using System.Collections.Concurrent;

namespace ChannelSandbox.WeChatPay.Bills;

/// <summary>
/// The bill files "申请交易账单" wrote, each behind the token of its download_url until it expires: the download serves the
/// bill as it was when asked for, as WeChat Pay's does.
/// </summary>
public sealed class PreparedBills(TimeProvider time)
{
    /// <summary>How long a download_url works ("该地址5min内有效").</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, PreparedBill> _bills = new(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="bill"/> and returns the token that fetches it; expired bills are dropped first.</summary>
    public string Add(PreparedBill bill)
    {
        var now = time.GetUtcNow();
        foreach (var (token, expired) in _bills.Where(entry => entry.Value.ExpiresAt <= now))
        {
            _bills.TryRemove(new KeyValuePair<string, PreparedBill>(token, expired));
        }

        var added = WeChatPayCrypto.RandomString(64);
        _bills[added] = bill;
        return added;
    }

    public PreparedBill? Find(string token) =>
        _bills.TryGetValue(token, out var bill) && bill.ExpiresAt > time.GetUtcNow() ? bill : null;
}

/// <summary>A bill file as it is downloaded (gzipped when it was asked for so) and when its address stops working.</summary>
public sealed record PreparedBill(byte[] Content, DateTimeOffset ExpiresAt);
