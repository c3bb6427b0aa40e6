using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Stores;

/// <summary>A merchant's stores and their printable collection codes.</summary>
public sealed partial class StoreEndpoints(
    StoreStore stores,
    IdempotentPost idempotentPost,
    IOptions<ApiOptions> api,
    TimeProvider time,
    ILogger<StoreEndpoints> logger)
{
    private Uri PublicBase => api.Value.PublicBaseUrl ?? throw new InvalidOperationException("Api:PublicBaseUrl is not configured.");

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var (body, parsed, parseError) = await RequestBody.ReadAsync<CreateStoreRequest>(request, null, cancellationToken);
        if (parseError is not null)
        {
            return parseError.ToResult();
        }

        var (name, amount, currency, invalid) = parsed!.Validate();
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        return await idempotentPost.RunAsync(
            request,
            merchant.Id,
            body!,
            stores.NewId,
            async storeId =>
            {
                var store = await stores.CreateAsync(
                    new StoreEntity
                    {
                        PartitionKey = merchant.Id,
                        RowKey = storeId,
                        Name = name,
                        Amount = amount,
                        Currency = currency.Code,
                        Code = StoreStore.NewCode(),
                        CreatedAt = time.GetUtcNow(),
                    },
                    cancellationToken);
                LogCreated(logger, store.Id, merchant.Id);
                return new StoredResponse(StatusCodes.Status201Created, JsonSerializer.Serialize(StoreResource.From(store, PublicBase), ApiJson.Options), "application/json");
            },
            cancellationToken);
    }

    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (store, error) = await FindAsync(request, id, cancellationToken);
        return store is null ? error!.ToResult() : Results.Json(StoreResource.From(store, PublicBase), ApiJson.Options);
    }

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var (limit, startingAfter, invalid) = ListQuery.Parse(request, StoreStore.IsStoreId, "a store");
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        var (page, hasMore) = await stores.ListAsync(merchant.Id, limit, startingAfter, cancellationToken);
        return Results.Json(new StoreList("list", "/api/v1/stores", [.. page.Select(s => StoreResource.From(s, PublicBase))], hasMore), ApiJson.Options);
    }

    public async Task<IResult> QrPngAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (store, error) = await FindAsync(request, id, cancellationToken);
        return store is null ? error!.ToResult() : Results.File(QrImages.Png(StoreResource.AddressOf(store, PublicBase)), "image/png");
    }

    public async Task<IResult> QrSvgAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (store, error) = await FindAsync(request, id, cancellationToken);
        return store is null
            ? error!.ToResult()
            : Results.Text(QrImages.Svg(StoreResource.AddressOf(store, PublicBase), store.Name, "store-qr"), "image/svg+xml", Encoding.UTF8);
    }

    private async Task<(StoreEntity? Store, ApiError? Error)> FindAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return (null, ApiError.Unauthenticated());
        }

        var store = StoreStore.IsStoreId(id) ? await stores.GetAsync(merchant.Id, id, cancellationToken) : null;
        return store is null ? (null, ApiError.NotFound("store", "id")) : (store, null);
    }

    [LoggerMessage(EventId = 7601, Level = LogLevel.Information, Message = "Store {StoreId} created for merchant {MerchantId}")]
    private static partial void LogCreated(ILogger logger, string storeId, string merchantId);

    internal sealed record StoreList(string Object, string Url, IReadOnlyList<StoreResource> Data, bool HasMore);
}
