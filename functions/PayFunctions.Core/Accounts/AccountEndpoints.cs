using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Accounts;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Accounts;

/// <summary>A merchant's connected accounts: the receivers its splits may pay.</summary>
public sealed class AccountEndpoints(
    AccountStore accounts,
    IdempotentPost idempotentPost,
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
                return new StoredResponse(StatusCodes.Status201Created, JsonSerializer.Serialize(AccountResource.From(account), ApiJson.Options), "application/json");
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
            : Results.Json(AccountResource.From(account), ApiJson.Options);
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
        return Results.Json(new AccountList("list", "/api/v1/accounts", [.. page.Select(AccountResource.From)], hasMore), ApiJson.Options);
    }

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
            : Results.Json(AccountResource.From(account), ApiJson.Options);
    }

    private sealed record AccountList(string Object, string Url, IReadOnlyList<AccountResource> Data, bool HasMore);
}
