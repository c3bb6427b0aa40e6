namespace ChannelSandbox.WeChatPay;

/// <summary>
/// How the next payment-code orders are answered, set through the control API. Without a fault the payer has to
/// confirm (USERPAYING) until the control API pays or fails the order.
/// </summary>
public sealed class CodePayFaults
{
    private readonly Lock _gate = new();
    private readonly Queue<CodePayFault> _next = new();

    public void Add(CodePayFault fault, int times)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _next.Enqueue(fault);
            }
        }
    }

    public CodePayFault Take()
    {
        lock (_gate)
        {
            return _next.TryDequeue(out var fault) ? fault : CodePayFault.UserPaying;
        }
    }
}

/// <summary>What the next payment-code order meets.</summary>
public enum CodePayFault
{
    /// <summary>The payer must confirm: USERPAYING until the control API pays or fails it.</summary>
    UserPaying,

    /// <summary>Paid at once, as a small password-free payment is.</summary>
    Success,

    /// <summary>500 SYSTEM_ERROR although the order was taken (USERPAYING): only a query tells.</summary>
    SystemError,

    /// <summary>500 BANK_ERROR although the order was taken (USERPAYING): only a query tells.</summary>
    BankError,

    /// <summary>The payer's balance is insufficient: 403 NOT_ENOUGH, the order is PAYERROR.</summary>
    InsufficientBalance,
}
