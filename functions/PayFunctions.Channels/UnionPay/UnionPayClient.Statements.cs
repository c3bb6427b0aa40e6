using System.Globalization;

namespace PayFunctions.Channels.UnionPay;

// The merchant reconciliation file: 文件传输 (76/01) answers the day's files in one signed answer.
public sealed partial class UnionPayClient
{
    private const string ReconciliationFileType = "00";

    /// <summary>
    /// Downloads the reconciliation file of settlement date <paramref name="day"/> (UnionPay's clearing day) by the file
    /// transfer, sent to <see cref="UnionPayOptions.FileTransferUrl"/> and verified like every answer, and returns the ZIP it
    /// carries, decoded into a temporary file that deletes itself when disposed; see <see cref="UnionPayFileContent"/>.
    /// respCode 98 (no file for that day yet) is a transient <see cref="ChannelException"/>.
    /// </summary>
    public async Task<Stream> DownloadStatementAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var fields = BaseFields(UnionPayTransactionTypes.FileTransfer, UnionPayTransactionTypes.FileTransferSubType);
        fields["settleDate"] = day.ToString("MMdd", CultureInfo.InvariantCulture);
        fields["txnTime"] = UnionPayOrderNumbers.FormatChinaTime(_time.GetUtcNow());
        fields["fileType"] = ReconciliationFileType;
        var answer = await SendAsync(_options.FileTransferUrl, fields, cancellationToken).ConfigureAwait(false);
        if (answer.RespCode == UnionPayResponseCodes.NoFile)
        {
            throw new ChannelException(
                $"UnionPay has no reconciliation file for {day:yyyy-MM-dd} yet: {answer.Fields.GetValueOrDefault("respMsg")}", answer.RespCode, answer.Status, isTransient: true);
        }

        if (!UnionPayResponseCodes.IsSuccess(answer.RespCode))
        {
            throw Refused(answer);
        }

        var content = answer.Fields.GetValueOrDefault("fileContent")
            ?? throw new ChannelException("The file transfer answer carries no fileContent.", ResponseMalformed, answer.Status, isTransient: false);
        return await UnionPayFileContent.DecodeAsync(content, day, _options.MerId, answer.Status, cancellationToken).ConfigureAwait(false);
    }
}
