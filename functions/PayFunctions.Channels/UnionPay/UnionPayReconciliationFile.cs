using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using PayFunctions.Domain;

namespace PayFunctions.Channels.UnionPay;

/// <summary>
/// The merchant reconciliation file (全渠道商户对账文件) as the file transfer (文件传输, txnType 76) delivers it once decoded:
/// a ZIP whose general transaction detail entry, <c>INN{yyMMdd}88ZM_{merId}</c>, has one fixed-width line per transaction.
/// The ZIP is read rather than the bare entry because the entry's lines give times as MMDDhhmmss: only the entry's name
/// says the settlement date (yyMMdd), and so the year. The 42 fields and their widths are those of 文件接口规范 6.1 as
/// UnionPay's SDK demo lays them out (<c>parseZMFile</c>), one space between fields, 607 bytes a line. The fields read
/// are ASCII; the free-text ones (二级商户简称, GBK) are skipped, so each line is taken byte for byte (Latin-1) and its
/// widths are byte counts.
/// </summary>
internal static partial class UnionPayReconciliationFile
{
    /// <summary>文件接口规范 6.1, ZM: 交易代码, 代理机构标识码, 发送机构标识码, 系统跟踪号, 交易传输时间, 账号, 交易金额, … 保留使用.</summary>
    private static readonly int[] Widths =
        [3, 11, 11, 6, 10, 19, 12, 4, 2, 21, 2, 32, 2, 6, 10, 13, 13, 4, 15, 2, 2, 6, 2, 4, 32, 1, 21, 15, 1, 15, 32, 13, 13, 8, 32, 13, 13, 12, 2, 1, 32, 98];

    private static readonly int[] Starts = StartsOf(Widths);

    private static readonly int LineLength = Starts[^1] + Widths[^1];

    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private const int TransmissionTime = 4;
    private const int Amount = 6;
    private const int QueryId = 9;
    private const int OrderId = 11;
    private const int MerchantFee = 15;
    private const int TransactionType = 19;
    private const int MerchantId = 27;

    private const string VoidOrderPrefix = "CX";

    /// <exception cref="FormatException">The file is not a reconciliation ZIP with one ZM entry, or the entry is damaged.</exception>
    public static async IAsyncEnumerable<ChannelStatementLine> ReadAsync(Stream statement, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        await using var copy = statement.CanSeek ? null : await CopyAsync(statement, cancellationToken).ConfigureAwait(false);
        using var zip = Open(copy ?? statement);
        var (entry, settleDate) = DetailEntry(zip);
        await using var detail = OpenEntry(entry);
        using var reader = new StreamReader(detail, Encoding.Latin1, detectEncodingFromByteOrderMarks: false);
        var lines = new BoundedLines(reader, LineLength);
        var number = 0;
        while (await lines.NextAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (line.Length > 0)
            {
                yield return Read(line, number, settleDate);
            }
        }
    }

    private static ChannelStatementLine Read(string line, int number, DateOnly settleDate)
    {
        if (line.Length != LineLength)
        {
            throw new FormatException($"Line {number} is {line.Length} bytes long, not {LineLength}.");
        }

        for (var i = 1; i < Starts.Length; i++)
        {
            if (line[Starts[i] - 1] != ' ')
            {
                throw new FormatException($"Line {number}: field {i + 1} is not preceded by a space.");
            }
        }

        string Field(int index) => line.Substring(Starts[index], Widths[index]);
        if (!Field(MerchantId).All(char.IsAsciiDigit))
        {
            throw new FormatException($"Line {number}: 商户代码 '{Field(MerchantId)}' is not a merchant id.");
        }

        var amount = new Money(Digits(Field(Amount), "交易金额", number), Currency.Cny);
        var fee = new Money(Fee(Field(MerchantFee), number), Currency.Cny);
        var bookedAt = BookedAt(Field(TransmissionTime), settleDate, number);
        var queryId = Field(QueryId).TrimEnd(' ');
        if (queryId.Length == 0 || !queryId.All(char.IsAsciiLetterOrDigit))
        {
            throw new FormatException($"Line {number}: 查询流水号 '{queryId}' is not an id.");
        }

        var orderId = Field(OrderId).TrimEnd(' ');
        if (orderId.Length == 0 || !orderId.All(char.IsAsciiLetterOrDigit))
        {
            throw new FormatException($"Line {number}: 商户订单号 '{orderId}' is not an order id.");
        }

        // 01 消费 collects, 04 退货 gives back under the refund's own order id; 31 消费撤销 voids a payment under "CX" + its
        // order id (as the adapter sends it). Other types (pre-authorisations) are not the platform's, but are still reconciled.
        return Field(TransactionType) switch
        {
            UnionPayTransactionTypes.Consume => new ChannelStatementLine(ChannelStatementLineType.Payment, queryId, Number(orderId), null, amount, fee, bookedAt),
            UnionPayTransactionTypes.Refund => new ChannelStatementLine(ChannelStatementLineType.Refund, queryId, null, Number(orderId), amount, fee, bookedAt),
            UnionPayTransactionTypes.Void => new ChannelStatementLine(
                ChannelStatementLineType.Adjustment,
                queryId,
                Number(orderId.StartsWith(VoidOrderPrefix, StringComparison.Ordinal) ? orderId[VoidOrderPrefix.Length..] : orderId),
                null,
                amount,
                fee,
                bookedAt),
            var type when type.All(char.IsAsciiDigit) => new ChannelStatementLine(ChannelStatementLineType.Adjustment, queryId, Number(orderId), null, amount, fee, bookedAt),
            var type => throw new FormatException($"Line {number}: 交易类型 '{type}' is not a transaction type."),
        };
    }

    /// <summary>The platform's number an order id stands for; an order id the platform did not make is kept as it is.</summary>
    private static string Number(string orderId) => UnionPayOrderNumbers.TryFromOrderId(orderId, out var number) ? number : orderId;

    private static long Digits(string text, string field, int number) =>
        text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"Line {number}: {field} '{text}' is not an amount in fen.");

    /// <summary>
    /// 商户手续费: a debit or credit mark and twelve digits of fen. D is charged to the merchant; C is given back (a refund's
    /// share of the fee), read as a negative fee as the other channels' statements do.
    /// </summary>
    private static long Fee(string text, int number)
    {
        var fen = Digits(text[1..], "商户手续费", number);
        return text[0] switch
        {
            'D' => fen,
            'C' => -fen,
            _ => throw new FormatException($"Line {number}: 商户手续费 '{text}' does not start with D or C."),
        };
    }

    /// <summary>
    /// 交易传输时间 is MMDDhhmmss, China Standard Time, with no year: the year is the one of the year before, of and after
    /// the settlement date's that puts the time nearest the settlement date, so a transaction of 31 December settled on
    /// 1 January keeps its own year.
    /// </summary>
    private static DateTimeOffset BookedAt(string text, DateOnly settleDate, int number)
    {
        var settled = new DateTimeOffset(settleDate.ToDateTime(TimeOnly.MinValue), ChinaStandardTime);
        DateTimeOffset? nearest = null;
        for (var year = settleDate.Year - 1; year <= settleDate.Year + 1; year++)
        {
            if (year is >= 1 and <= 9999
                && text.All(char.IsAsciiDigit)
                && DateTime.TryParseExact(year.ToString("D4", CultureInfo.InvariantCulture) + text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                && local >= DateTime.MinValue + ChinaStandardTime)
            {
                var candidate = new DateTimeOffset(local, ChinaStandardTime);
                if (nearest is null || (candidate - settled).Duration() < (nearest.Value - settled).Duration())
                {
                    nearest = candidate;
                }
            }
        }

        return nearest ?? throw new FormatException($"Line {number}: 交易传输时间 '{text}' is not a time (MMDDhhmmss).");
    }

    private static (ZipArchiveEntry Entry, DateOnly SettleDate) DetailEntry(ZipArchive zip)
    {
        ZipArchiveEntry? found = null;
        var settleDate = default(DateOnly);
        foreach (var entry in Entries(zip))
        {
            var match = DetailEntryName().Match(entry.Name);
            if (!match.Success)
            {
                continue;
            }

            if (found is not null)
            {
                throw new FormatException("The reconciliation file has more than one ZM entry.");
            }

            found = entry;
            settleDate = DateOnly.TryParseExact(match.Groups[1].Value, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new FormatException($"The ZM entry's name '{entry.Name}' does not name a settlement date.");
        }

        return found is null ? throw new FormatException("The reconciliation file has no ZM entry (INN{yyMMdd}88ZM_{merId}).") : (found, settleDate);
    }

    /// <summary>The ZIP's directory, read when first asked for.</summary>
    private static System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> Entries(ZipArchive zip)
    {
        try
        {
            return zip.Entries;
        }
        catch (InvalidDataException e)
        {
            throw new FormatException("The reconciliation file's ZIP directory is damaged.", e);
        }
    }

    private static ZipArchive Open(Stream zip)
    {
        try
        {
            return new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new FormatException("The reconciliation file is not a ZIP.", e);
        }
    }

    private static Stream OpenEntry(ZipArchiveEntry entry)
    {
        try
        {
            return entry.Open();
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            throw new FormatException("The reconciliation file's ZM entry cannot be opened.", e);
        }
    }

    /// <summary>
    /// The ZIP's directory is at its end, so a stream that cannot seek is copied to a temporary file first (the ZIP reader
    /// would otherwise copy it into memory); the copy deletes itself when disposed.
    /// </summary>
    private static async Task<FileStream> CopyAsync(Stream statement, CancellationToken cancellationToken)
    {
        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "unionpay-statement-" + Path.GetRandomFileName()),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            81_920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await statement.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static int[] StartsOf(int[] widths)
    {
        var starts = new int[widths.Length];
        for (var i = 1; i < widths.Length; i++)
        {
            starts[i] = starts[i - 1] + widths[i - 1] + 1;
        }

        return starts;
    }

    [GeneratedRegex(@"^INN(\d{6})\d{2}ZM_\d{15}$", RegexOptions.CultureInvariant)]
    private static partial Regex DetailEntryName();

    /// <summary>
    /// The entry's lines (CRLF or LF), none longer than a ZM line can be: a line without end, as a decompression bomb would
    /// make, is refused at its first byte too many instead of being gathered into memory.
    /// </summary>
    private sealed class BoundedLines(StreamReader reader, int maxLength)
    {
        private readonly char[] _chunk = new char[8_192];
        private readonly StringBuilder _line = new(maxLength + 1);
        private int _at;
        private int _count;
        private int _number;

        public async Task<string?> NextAsync(CancellationToken cancellationToken)
        {
            _line.Clear();
            _number++;
            while (true)
            {
                if (_at == _count)
                {
                    _count = await FillAsync(cancellationToken).ConfigureAwait(false);
                    _at = 0;
                    if (_count == 0)
                    {
                        return _line.Length > 0 ? _line.ToString() : null;
                    }
                }

                var c = _chunk[_at++];
                if (c == '\n')
                {
                    return _line.Length > 0 && _line[^1] == '\r' ? _line.ToString(0, _line.Length - 1) : _line.ToString();
                }

                if (_line.Length > maxLength)
                {
                    throw new FormatException($"Line {_number} is longer than {maxLength} bytes.");
                }

                _line.Append(c);
            }
        }

        /// <summary>The next chunk, or a <see cref="FormatException"/> for a damaged entry (the decompressor's own exception says nothing of the file).</summary>
        private async Task<int> FillAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await reader.ReadAsync(_chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                throw new FormatException("The reconciliation file's ZM entry is damaged.", e);
            }
        }
    }
}
