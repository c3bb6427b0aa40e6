using Microsoft.DurableTask;
using PayFunctions.Core.Payments;

namespace PayFunctions.Core.Checkout;

/// <summary>
/// Records the payer's pick on the payment: from here on it is a payment of that method at that
/// channel. Only the orchestration runs this, once, for the first pick it received.
/// </summary>
public sealed class ChooseMethodActivity(PaymentStore payments, PaymentProgress progress) : TaskActivity<ChooseMethodInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, ChooseMethodInput input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<bool> ExecuteAsync(ChooseMethodInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var written = await payments.UpdateAsync(input.MerchantId, input.PaymentId, p =>
        {
            if (p.Method != CheckoutMethods.Name)
            {
                return false;
            }

            p.Method = input.Choice.Method;
            p.Channel = input.Choice.Channel;
            p.ChannelAccount = input.Choice.ChannelAccount;
            p.RoutingJson = input.Choice.RoutingJson;
            return true;
        }, cancellationToken);
        progress.Notify(written);
        return true;
    }
}
