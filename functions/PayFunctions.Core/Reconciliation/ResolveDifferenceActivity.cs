using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Routing;
using PayFunctions.Domain;
using PayFunctions.Domain.Reconciliation;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Reconciliation;

/// <summary>One pending difference of a statement day.</summary>
/// <param name="Day">yyyy-MM-dd.</param>
/// <param name="Hash">The difference's id within the day.</param>
public sealed record ResolveDifferenceInput(string Day, string Hash);

/// <summary>
/// Where a difference stands after its automatic step, and, when the channel confirmed a payment the platform still
/// waits for, the event that books it: the orchestration raises it to the payment's own orchestration (an activity has
/// no client of its own), which checks the amount as it does for a callback.
/// </summary>
public sealed record DifferenceResolution(string Status, string? Outcome, string? RaiseToPayment, ChannelPaymentEvent? Event);

/// <summary>
/// Runs the automatic step a difference proposes, each one safe to repeat. Every step that moves money starts from the
/// channel's own answer, never from the statement alone: a payment the statement lists is booked only once a query
/// confirms it, and one the platform had ended goes the late-payment way (suspense, then a refund to the payer). Fee
/// differences are booked with an entry whose id comes from the difference. Date-boundary shifts are closed when the
/// neighbouring day's statement lists the movement. Anything else goes to the operator queue, with the reason.
/// </summary>
public sealed partial class ResolveDifferenceActivity(
    ReconciliationDifferenceStore differences,
    ChannelAccountCalls calls,
    ChannelPayerIntake payers,
    IChannelWorkQueue work,
    LedgerStore ledger,
    ChannelRegistry registry,
    IOptions<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<ResolveDifferenceActivity> logger)
    : TaskActivity<ResolveDifferenceInput, DifferenceResolution>
{
    private static readonly string[] Unresolved = [ReconciliationStatuses.Pending, ReconciliationStatuses.Awaiting];

    public override Task<DifferenceResolution> RunAsync(TaskActivityContext context, ResolveDifferenceInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public static string FeeEntryId(string differenceId) => "je_" + differenceId + "_fee";

    /// <exception cref="ChannelException">The channel could not be asked; the difference stays pending for the next run.</exception>
    public async Task<DifferenceResolution> ExecuteAsync(ResolveDifferenceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (difference, day) = await differences.GetRecordedAsync(input, cancellationToken);
        if (difference.Status != ReconciliationStatuses.Pending)
        {
            return new(difference.Status, difference.Outcome, null, null);
        }

        var resolution = await StepAsync(difference, day, cancellationToken);
        LogResolved(logger, ReconciliationIds.Difference(day, difference.RowKey), difference.Class, resolution.Status, resolution.Outcome ?? "");
        return resolution;
    }

    private async Task<DifferenceResolution> StepAsync(ReconciliationDifferenceEntity difference, DateOnly day, CancellationToken cancellationToken)
    {
        var proposed = Enum.Parse<ProposedResolution>(difference.Proposed);
        var isPayment = difference.Kind == ReconciliationCodes.Of(StatementEntryKind.Payment);
        return proposed switch
        {
            ProposedResolution.None => await ConfirmShiftAsync(difference, day, cancellationToken),
            ProposedResolution.AwaitNeighbourDay => await AwaitShiftAsync(difference, day, cancellationToken),
            ProposedResolution.CorrectFee => await CorrectFeeAsync(difference, day, cancellationToken),
            ProposedResolution.QueryChannel or ProposedResolution.BookLateSuccess or ProposedResolution.RefundPayer
                when isPayment && difference.Class != ReconciliationCodes.Of(DifferenceClass.MissingAtChannel) =>
                await QueryPaymentAsync(difference, cancellationToken),
            _ => await QueueAsync(difference, OperatorReason(difference), cancellationToken),
        };
    }

    /// <summary>The statement lists it a day after (or before) the platform booked it near midnight: both sides have it.</summary>
    private async Task<DifferenceResolution> ConfirmShiftAsync(ReconciliationDifferenceEntity difference, DateOnly day, CancellationToken cancellationToken)
    {
        if (PlatformOf(difference)?.BookedAt is { } bookedAt)
        {
            var neighbour = options.Value.DayOf(bookedAt);
            var other = await differences.GetAsync(neighbour, OtherHalf(difference, neighbour, DifferenceClass.DateBoundaryShift), cancellationToken);
            if (other is not null)
            {
                await ResolveAsync(other, ReconciliationOutcomes.ShiftConfirmed, null, cancellationToken);
            }
        }

        return await ResolveAsync(difference, ReconciliationOutcomes.ShiftConfirmed, null, cancellationToken);
    }

    /// <summary>The platform booked it near a midnight the statement left it out of: the neighbouring day's statement should list it.</summary>
    private async Task<DifferenceResolution> AwaitShiftAsync(ReconciliationDifferenceEntity difference, DateOnly day, CancellationToken cancellationToken)
    {
        var neighbour = PlatformOf(difference)?.BookedAt is { } bookedAt
            ? options.Value.NeighbourOf(bookedAt, day)
            : throw new InvalidOperationException("A shift awaits a record the platform booked.");
        if (await differences.GetAsync(neighbour, OtherHalf(difference, neighbour, DifferenceClass.DateBoundaryShift), cancellationToken) is not null)
        {
            return await ResolveAsync(difference, ReconciliationOutcomes.ShiftConfirmed, null, cancellationToken);
        }

        await differences.TransitionAsync(
            difference, [ReconciliationStatuses.Pending], ReconciliationStatuses.Awaiting, ReconciliationOutcomes.ShiftAwaited,
            $"Booked near midnight; the statement of {neighbour:yyyy-MM-dd} should list it.", AuditActors.System, time.GetUtcNow(), cancellationToken);
        return new(ReconciliationStatuses.Awaiting, ReconciliationOutcomes.ShiftAwaited, null, null);
    }

    private async Task<DifferenceResolution> CorrectFeeAsync(ReconciliationDifferenceEntity difference, DateOnly day, CancellationToken cancellationToken)
    {
        var (line, platform) = (StatementOf(difference), PlatformOf(difference));
        if (line is null || platform?.ExpectedFee is not { } expected)
        {
            return await QueueAsync(difference, "The fee differs but one side's fee is unknown.", cancellationToken);
        }

        var charged = line.Fee - expected;
        if (charged != 0)
        {
            var book = LedgerBooks.Of(registry.IsTestAccount(difference.Channel, difference.Account));
            var entry = Postings.ChannelFeeCorrected(
                FeeEntryId(ReconciliationIds.Difference(day, difference.RowKey)), difference.Reference, difference.Channel,
                new Money(charged, Currency.Parse(line.Currency)), line.BookedAt);
            await ledger.PostAsync(book.Post(entry), cancellationToken);
        }

        return await ResolveAsync(difference, ReconciliationOutcomes.FeeCorrected, $"Charged {line.Fee}, expected {expected}.", cancellationToken);
    }

    /// <summary>The statement lists money for an order the platform does not hold as paid: the channel's answer decides.</summary>
    private async Task<DifferenceResolution> QueryPaymentAsync(ReconciliationDifferenceEntity difference, CancellationToken cancellationToken)
    {
        if (!PaymentIds.IsWellFormed(difference.Reference))
        {
            return await QueueAsync(difference, "The statement lists an order number the platform never issued.", cancellationToken);
        }

        var order = await calls.CallAsync(
            difference.Channel, difference.Account, ChannelCallOperations.Query, (channel, c) => channel.QueryAsync(new ChannelOrderRef(difference.Reference), c), cancellationToken);
        if (order.State != ChannelTradeState.Succeeded)
        {
            return await QueueAsync(difference, $"The channel answers {order.State} for an order its statement lists as paid.", cancellationToken);
        }

        var platform = PlatformOf(difference);
        if (difference.MerchantId is not { } merchantId || platform is null)
        {
            // Not in the index: the payment has not ended. Its orchestration books the success once it checks the amount.
            // Raised with the account that answered: after failover the payment may be placed at another, which the
            // orchestration alone knows and checks.
            var paid = await payers.EventOfAsync(order, difference.MerchantId, difference.Reference, cancellationToken) with { ChannelAccount = difference.Account };
            return new(ReconciliationStatuses.Pending, ReconciliationOutcomes.LateSuccessRaised, difference.Reference, paid);
        }

        if (string.Equals(platform.Status, nameof(PlatformPaymentStatus.Succeeded), StringComparison.OrdinalIgnoreCase))
        {
            return await QueueAsync(difference, "The channel confirms one payment the platform already booked; the statement lists it again.", cancellationToken);
        }

        await work.EnqueueAsync(new ChannelWorkItem(ChannelWorkItem.ReconcileOrder, difference.Channel, difference.Account, merchantId, difference.Reference), cancellationToken);
        return await ResolveAsync(difference, ReconciliationOutcomes.LatePaymentRefunded, "The channel took money for a payment that had ended; it is refunded to the payer.", cancellationToken);
    }

    private async Task<DifferenceResolution> ResolveAsync(ReconciliationDifferenceEntity difference, string outcome, string? note, CancellationToken cancellationToken)
    {
        await differences.TransitionAsync(difference, Unresolved, ReconciliationStatuses.Resolved, outcome, note, AuditActors.System, time.GetUtcNow(), cancellationToken);
        return new(difference.Status, difference.Outcome, null, null);
    }

    private async Task<DifferenceResolution> QueueAsync(ReconciliationDifferenceEntity difference, string reason, CancellationToken cancellationToken)
    {
        await differences.TransitionAsync(difference, Unresolved, ReconciliationStatuses.Open, ReconciliationOutcomes.OperatorQueued, reason, AuditActors.System, time.GetUtcNow(), cancellationToken);
        return new(difference.Status, difference.Outcome, null, null);
    }

    private static string OperatorReason(ReconciliationDifferenceEntity difference) => difference.Class switch
    {
        "missing_at_channel" => "The platform booked it on this day; the channel's statement does not list it.",
        "amount_mismatch" => "The statement's amount differs from the platform's; no automatic step is safe.",
        "missing_on_platform" => "The statement lists a movement the platform has no record of for this day.",
        "status_mismatch" => "The channel moved money the platform holds as not succeeded.",
        "duplicate" => "The statement lists this movement more than once.",
        _ => "No automatic step applies.",
    };

    private static string OtherHalf(ReconciliationDifferenceEntity difference, DateOnly neighbour, DifferenceClass differenceClass) =>
        ReconciliationDifference.IdOf(
            new ChannelAccountId(difference.Channel, difference.Account), neighbour, differenceClass, Enum.Parse<StatementEntryKind>(difference.Kind, ignoreCase: true), difference.Reference, 0);

    public static StatementFacts? StatementOf(ReconciliationDifferenceEntity difference) =>
        difference?.StatementJson is { } json ? JsonSerializer.Deserialize<StatementFacts>(json, ApiJson.Options) : null;

    public static PlatformFacts? PlatformOf(ReconciliationDifferenceEntity difference) =>
        difference?.PlatformJson is { } json ? JsonSerializer.Deserialize<PlatformFacts>(json, ApiJson.Options) : null;

    [LoggerMessage(EventId = 9601, Level = LogLevel.Information, Message = "Reconciliation difference {DifferenceId} ({Class}): {Status}, {Outcome}")]
    private static partial void LogResolved(ILogger logger, string differenceId, string @class, string status, string outcome);
}
