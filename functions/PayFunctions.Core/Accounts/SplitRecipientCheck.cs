using System.Globalization;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;
using PayFunctions.Core.Screening;
using PayFunctions.Domain;

namespace PayFunctions.Core.Accounts;

/// <summary>
/// A split may pay only the merchant's own active connected accounts. An id that is not one of the
/// merchant's accounts gets the same answer whether it belongs to another merchant or to nobody,
/// so the check reveals nothing about other merchants. An account whose payouts a sanctions screening hit holds
/// receives no new splits either: the money would only pile up owed to it.
/// </summary>
public sealed class SplitRecipientCheck(AccountStore accounts, PayoutBlocks blocks)
{
    public async Task<ApiError?> CheckAsync(string merchantId, SplitRule? split, CancellationToken cancellationToken)
    {
        if (split is null)
        {
            return null;
        }

        for (var i = 0; i < split.Recipients.Count; i++)
        {
            var id = split.Recipients[i].AccountId;
            var param = "split.recipients[" + i.ToString(CultureInfo.InvariantCulture) + "].account";
            if (!AccountStore.IsAccountId(id))
            {
                return ApiError.InvalidRequest(param, "account must be the id of one of your connected accounts (acct_…).");
            }

            var account = await accounts.GetAsync(merchantId, id, cancellationToken);
            if (account is null)
            {
                return new ApiError(StatusCodes.Status400BadRequest, "account_missing", "No such account.", $"No such account: '{id}'.", param);
            }

            if (!account.IsActive)
            {
                return new ApiError(StatusCodes.Status400BadRequest, "account_inactive", "This account is deactivated.", $"Account '{id}' was deactivated and cannot receive new splits.", param);
            }

            if (await blocks.IsHeldAsync(id, cancellationToken))
            {
                return new ApiError(
                    StatusCodes.Status400BadRequest, "split_recipient_blocked", "This account cannot receive splits now.",
                    $"Payouts to account '{id}' are held by a compliance review; it cannot receive new splits while they are.", param);
            }
        }

        return null;
    }
}
