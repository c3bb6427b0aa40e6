using FsCheck.Xunit;
using PayFunctions.Domain;

namespace PayFunctions.Domain.Tests;

public sealed class PaymentTests
{
    [Property]
    public bool Terminal_states_never_transition(PaymentStatus from, PaymentStatus to) =>
        !PaymentTransitions.IsTerminal(from) || !PaymentTransitions.CanTransition(from, to);

    [Property]
    public bool Staying_in_the_same_state_is_not_a_transition(PaymentStatus status) =>
        !PaymentTransitions.CanTransition(status, status);

    [Fact]
    public void Only_requires_action_processing_and_requires_capture_are_pending()
    {
        PaymentStatus[] pending = [PaymentStatus.RequiresAction, PaymentStatus.Processing, PaymentStatus.RequiresCapture];

        Assert.All(pending, s => Assert.False(PaymentTransitions.IsTerminal(s)));
        Assert.All(Enum.GetValues<PaymentStatus>().Except(pending), s => Assert.True(PaymentTransitions.IsTerminal(s)));
    }

    [Fact]
    public void Processing_comes_only_from_requires_action_and_never_goes_back()
    {
        Assert.True(PaymentTransitions.CanTransition(PaymentStatus.RequiresAction, PaymentStatus.Processing));
        Assert.False(PaymentTransitions.CanTransition(PaymentStatus.Processing, PaymentStatus.RequiresAction));
        Assert.All(
            Enum.GetValues<PaymentStatus>().Where(PaymentTransitions.IsTerminal),
            s => Assert.True(PaymentTransitions.CanTransition(PaymentStatus.Processing, s)));
    }

    [Fact]
    public void A_queued_order_is_presented_as_processing_and_only_placing_it_shows_requires_action()
    {
        Assert.Equal(PaymentStatus.Processing, PaymentTransitions.Presented(PaymentStatus.RequiresAction, orderQueued: true));
        Assert.Equal(PaymentStatus.RequiresAction, PaymentTransitions.Presented(PaymentStatus.RequiresAction, orderQueued: false));

        // A payer confirming at the till is processing as recorded, and never goes back to requires_action.
        Assert.Equal(PaymentStatus.Processing, PaymentTransitions.Presented(PaymentStatus.Processing, orderQueued: false));
        Assert.False(PaymentTransitions.CanTransition(PaymentStatus.Processing, PaymentStatus.RequiresAction));
    }

    [Property]
    public bool Presenting_changes_only_a_queued_requires_action(PaymentStatus stored, bool queued) =>
        PaymentTransitions.Presented(stored, queued) == (stored == PaymentStatus.RequiresAction && queued ? PaymentStatus.Processing : stored);

    [Fact]
    public void Requires_capture_comes_only_from_requires_action_and_ends_in_any_final_status()
    {
        Assert.True(PaymentTransitions.CanTransition(PaymentStatus.RequiresAction, PaymentStatus.RequiresCapture));
        Assert.False(PaymentTransitions.CanTransition(PaymentStatus.Processing, PaymentStatus.RequiresCapture));
        Assert.False(PaymentTransitions.CanTransition(PaymentStatus.RequiresCapture, PaymentStatus.RequiresAction));
        Assert.All(
            Enum.GetValues<PaymentStatus>().Where(PaymentTransitions.IsTerminal),
            s => Assert.True(PaymentTransitions.CanTransition(PaymentStatus.RequiresCapture, s)));
    }

    [Theory]
    [InlineData(PaymentStatus.Succeeded)]
    [InlineData(PaymentStatus.Failed)]
    [InlineData(PaymentStatus.Expired)]
    [InlineData(PaymentStatus.Closed)]
    public void Pending_payment_can_end_in_any_terminal_state(PaymentStatus to) =>
        Assert.True(PaymentTransitions.CanTransition(PaymentStatus.RequiresAction, to));

    [Fact]
    public void Undefined_status_is_never_a_target() =>
        Assert.False(PaymentTransitions.CanTransition(PaymentStatus.RequiresAction, (PaymentStatus)42));

    [Theory]
    [InlineData("pay_0123456789abcdefghijklmn", true)]
    [InlineData("pay_zzzzzzzzzzzzzzzzzzzzzzzz", true)]
    [InlineData("pay_0123456789abcdefghijklm", false)]
    [InlineData("pay_0123456789abcdefghijklmno", false)]
    [InlineData("pay_0123456789ABCDEFGHIJKLMN", false)]
    [InlineData("pay_0123456789abcdefghijkl-n", false)]
    [InlineData("pi__0123456789abcdefghijklmn", false)]
    [InlineData("PAY_0123456789abcdefghijklmn", false)]
    [InlineData("pay_0123456789abcdefghijklmé", false)]
    [InlineData("pay_0123456789abcdefghijklm٣", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Payment_ids_are_checked_for_shape(string? id, bool expected) =>
        Assert.Equal(expected, PaymentIds.IsWellFormed(id));
}
