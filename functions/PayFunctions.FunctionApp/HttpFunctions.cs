using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PayFunctions.Core.Accounts;
using PayFunctions.Core.Http;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Notifications;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Settlements;

namespace PayFunctions.FunctionApp;

/// <summary>One trigger per entry of <see cref="ApiRoutes"/>; a test checks names, methods and routes match it.</summary>
public sealed class HttpFunctions(
    PaymentEndpoints payments,
    NotifyEndpoints notify,
    SettlementEndpoints settlements,
    MerchantEndpoints merchants,
    BalanceEndpoint balance,
    AccountEndpoints accounts,
    ApiKeyEndpoints apiKeys)
{
    [Function("Health")]
    public static IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new ResultActionResult(HealthEndpoint.Get());

    [Function("CreatePayment")]
    public Task<IActionResult> CreatePayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/payments")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => payments.CreateAsync(request, durable, cancellationToken).AsActionResult();

    [Function("ListPayments")]
    public Task<IActionResult> ListPayments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/payments")] HttpRequest request,
        CancellationToken cancellationToken) => payments.ListAsync(request, cancellationToken).AsActionResult();

    [Function("GetPayment")]
    public Task<IActionResult> GetPayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/payments/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => payments.GetAsync(request, id, cancellationToken).AsActionResult();

    [Function("ClosePayment")]
    public Task<IActionResult> ClosePayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/payments/{id}/close")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => payments.CloseAsync(request, id, durable, cancellationToken).AsActionResult();

    [Function("CapturePayment")]
    public Task<IActionResult> CapturePayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/payments/{id}/capture")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => payments.CaptureAsync(request, id, durable, cancellationToken).AsActionResult();

    [Function("ListSettlements")]
    public Task<IActionResult> ListSettlements(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/settlements")] HttpRequest request,
        CancellationToken cancellationToken) => settlements.ListAsync(request, cancellationToken).AsActionResult();

    [Function("GetBalance")]
    public Task<IActionResult> GetBalance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/balance")] HttpRequest request,
        CancellationToken cancellationToken) => balance.GetAsync(request, cancellationToken).AsActionResult();

    [Function("ChannelNotify")]
    public Task<IActionResult> ChannelNotify(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notify/{channel}")] HttpRequest request,
        string channel,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => notify.HandleAsync(request, channel, durable, cancellationToken).AsActionResult();

    [Function("RunSettlement")]
    public Task<IActionResult> RunSettlement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/settlements")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => settlements.RunAsync(request, durable, cancellationToken).AsActionResult();

    [Function("CreateMerchant")]
    public Task<IActionResult> CreateMerchant(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/merchants")] HttpRequest request,
        CancellationToken cancellationToken) => merchants.CreateAsync(request, cancellationToken).AsActionResult();

    [Function("CreateAccount")]
    public Task<IActionResult> CreateAccount(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/accounts")] HttpRequest request,
        CancellationToken cancellationToken) => accounts.CreateAsync(request, cancellationToken).AsActionResult();

    [Function("ListAccounts")]
    public Task<IActionResult> ListAccounts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/accounts")] HttpRequest request,
        CancellationToken cancellationToken) => accounts.ListAsync(request, cancellationToken).AsActionResult();

    [Function("GetAccount")]
    public Task<IActionResult> GetAccount(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/accounts/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => accounts.GetAsync(request, id, cancellationToken).AsActionResult();

    [Function("DeactivateAccount")]
    public Task<IActionResult> DeactivateAccount(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/accounts/{id}/deactivate")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => accounts.DeactivateAsync(request, id, cancellationToken).AsActionResult();

    [Function("CreateApiKey")]
    public Task<IActionResult> CreateApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/api_keys")] HttpRequest request,
        CancellationToken cancellationToken) => apiKeys.CreateAsync(request, cancellationToken).AsActionResult();

    [Function("ListApiKeys")]
    public Task<IActionResult> ListApiKeys(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/api_keys")] HttpRequest request,
        CancellationToken cancellationToken) => apiKeys.ListAsync(request, cancellationToken).AsActionResult();

    [Function("RollApiKey")]
    public Task<IActionResult> RollApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/api_keys/{id}/roll")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => apiKeys.RollAsync(request, id, cancellationToken).AsActionResult();

    [Function("RevokeApiKey")]
    public Task<IActionResult> RevokeApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/api_keys/{id}/revoke")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => apiKeys.RevokeAsync(request, id, cancellationToken).AsActionResult();
}
