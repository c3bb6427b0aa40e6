using System.Globalization;
using Azure;
using Microsoft.Extensions.Options;
using PayFunctions.CommandLine;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Storage;

namespace PayFunctions.AuditVerify;

/// <summary>
/// <c>dotnet run --project tools/PayFunctions.AuditVerify -- [--connection-string CS] [--chain NAME] [--expect-head SEQ:HASH]</c>:
/// walks the audit chain in the storage account and exits 0 when it is intact, 1 with the first broken link, 2 when it
/// could not look. The connection string defaults to the local Azurite that scripts/run-local.sh starts. With
/// <c>--expect-head</c> (a head recorded earlier, e.g. from the app's log), a chain cut short at its newest end fails too.
/// </summary>
public static class AuditVerifyCommand
{
    public const string LocalAzurite = "UseDevelopmentStorage=true";

    public const int Intact = 0;
    public const int Broken = 1;
    public const int Unusable = 2;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string connectionString;
        AuditOptions options;
        (long Sequence, string Hash)? expected;
        try
        {
            var arguments = new OptionArguments(args, "--connection-string", "--chain", "--expect-head");
            connectionString = arguments.Text("--connection-string", LocalAzurite);
            options = new AuditOptions { Chain = arguments.Text("--chain", AuditOptions.DefaultChain) };
            if (!options.IsValid())
            {
                throw new ArgumentException("--chain must be 1–64 letters or digits.");
            }

            expected = arguments.Text("--expect-head") is { } head ? ParseHead(head) : null;
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync(e.Message);
            return Unusable;
        }

        AuditVerification result;
        try
        {
            var storage = new StorageClients(new StorageOptions { ConnectionString = connectionString }, new Azure.Data.Tables.TableClientOptions());
            result = await new AuditChainVerifier(storage, Options.Create(options)).VerifyAsync(cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException or FormatException or InvalidOperationException)
        {
            await error.WriteLineAsync("The audit chain could not be read: " + e.Message);
            return Unusable;
        }

        if (!result.Intact)
        {
            await output.WriteLineAsync(Invariant($"broken at sequence {result.FirstBrokenSequence}: {result.Problem} ({result.Records} records read)"));
            return Broken;
        }

        if (expected is { } head2 && !Reaches(result, head2))
        {
            await output.WriteLineAsync(Invariant(
                $"cut short: the recorded head {head2.Sequence}:{head2.Hash} is not in the chain, whose head is {result.HeadSequence ?? 0}:{result.HeadHash ?? AuditChain.GenesisHash}"));
            return Broken;
        }

        await output.WriteLineAsync(Invariant($"intact: {result.Records} records, head {result.HeadSequence ?? 0}:{result.HeadHash ?? AuditChain.GenesisHash}"));
        return Intact;
    }

    /// <summary>
    /// An intact chain reaches a recorded head when it is at least that long; whether the record there is the recorded
    /// one is the verifier's business only at the head itself, so an older recorded head is checked by its number alone.
    /// </summary>
    private static bool Reaches(AuditVerification result, (long Sequence, string Hash) head) =>
        (result.HeadSequence ?? 0) > head.Sequence
        || ((result.HeadSequence ?? 0) == head.Sequence && string.Equals(result.HeadHash ?? AuditChain.GenesisHash, head.Hash, StringComparison.Ordinal));

    private static (long, string) ParseHead(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            && parts[1].Length == 64 && parts[1].All(char.IsAsciiHexDigitLower)
            ? (sequence, parts[1])
            : throw new ArgumentException("--expect-head must be SEQUENCE:HASH, the hash 64 lower-case hex digits.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
