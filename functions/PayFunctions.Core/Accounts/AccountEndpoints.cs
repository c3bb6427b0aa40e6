using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Accounts;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Accounts;

/// <summary>A merchant's connected accounts: the receivers its splits may pay.</summary>
public sealed class AccountEndpoints(
    AccountStore accounts,
    IdempotentPost idempotentPost,
    SanctionsScreener screener,
    PayoutBlocks blocks,
    TimeProvider time,
    ILogger<AccountEndpoints> logger)
{
    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var (body, parsed, parseError) = await RequestBody.ReadAsync<CreateAccountRequest>(request, null, cancellationToken);
        if (parseError is not null)
        {
            return parseError.ToResult();
        }

        var (valid, invalid) = CreateAccountValidator.Validate(parsed!);
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        return await idempotentPost.RunAsync(
            request,
            merchant.Id,
            body!,
            accounts.NewId,
            async accountId =>
            {
                var account = await accounts.CreateAsync(
                    new AccountEntity
                    {
                        PartitionKey = merchant.Id,
                        RowKey = accountId,
                        Type = valid!.Type,
                        Name = valid.Name,
                        PayoutType = valid.PayoutType,
                        PayoutBankName = valid.BankName,
                        PayoutLast4 = valid.Last4,
                        CreatedAt = time.GetUtcNow(),
                    },
                    valid.PayoutDetailsJson,
                    cancellationToken);
                logger.LogInformation("Account {AccountId} created for merchant {MerchantId}", account.Id, merchant.Id);

                // A hit does not stop the account's creation: it holds the account's payouts until an operator has reviewed it.
                var hits = await screener.ScreenAsync(ScreenedParty.Account(merchant.Id, account.Id, account.Name), cancellationToken);
                var resource = AccountResource.From(account, payoutsEnabled: !hits.Any(h => ScreeningHitStatuses.Blocks(h.Status)));
                return new StoredResponse(StatusCodes.Status201Created, JsonSerializer.Serialize(resource, ApiJson.Options), "application/json");
            },
            cancellationToken);
    }

    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var account = AccountStore.IsAccountId(id) ? await accounts.GetAsync(merchant.Id, id, cancellationToken) : null;
        return account is null
            ? ApiError.NotFound("account", "id").ToResult()
            : Results.Json(await ResourceAsync(account, cancellationToken), ApiJson.Options);
    }

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var (limit, startingAfter, invalid) = ListQuery.Parse(request, AccountStore.IsAccountId, "an account");
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        var (page, hasMore) = await accounts.ListAsync(merchant.Id, limit, startingAfter, cancellationToken);
        var data = new List<AccountResource>(page.Count);
        foreach (var account in page)
        {
            data.Add(await ResourceAsync(account, cancellationToken));
        }

        return Results.Json(new AccountList("list", "/api/v1/accounts", data, hasMore), ApiJson.Options);
    }

    private async Task<AccountResource> ResourceAsync(AccountEntity account, CancellationToken cancellationToken) =>
        AccountResource.From(account, payoutsEnabled: !await blocks.IsHeldAsync(account.Id, cancellationToken));

    /// <summary>Idempotent: deactivating an inactive account answers it unchanged.</summary>
    public async Task<IResult> DeactivateAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var account = AccountStore.IsAccountId(id) ? await accounts.DeactivateAsync(merchant.Id, id, cancellationToken) : null;
        return account is null
            ? ApiError.NotFound("account", "id").ToResult()
            : Results.Json(await ResourceAsync(account, cancellationToken), ApiJson.Options);
    }

    internal sealed record AccountList(string Object, string Url, IReadOnlyList<AccountResource> Data, bool HasMore);
}
