using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Stores;

namespace PayFunctions.FunctionApp;

/// <summary>The cashier page, the stores API and the store codes: one trigger per entry of <c>ApiRoutes</c>, as in <see cref="HttpFunctions"/>.</summary>
public sealed class StoreAndCheckoutFunctions(
    CheckoutEndpoints checkout, StoreEndpoints stores, StoreCodeEndpoints storeCodes, StorePayerAuthorization payerAuthorization)
{
    [Function("CheckoutPage")]
    public Task<IActionResult> CheckoutPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "checkout/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => checkout.PageAsync(request, id, durable, cancellationToken).AsActionResult();

    [Function("CheckoutStatus")]
    public Task<IActionResult> CheckoutStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "checkout/{id}/status")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => checkout.StatusAsync(request, id, durable, cancellationToken).AsActionResult();

    [Function("CheckoutChooseMethod")]
    public Task<IActionResult> CheckoutChooseMethod(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "checkout/{id}/method")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => checkout.ChooseMethodAsync(request, id, durable, cancellationToken).AsActionResult();

    [Function("CheckoutRedirect")]
    public Task<IActionResult> CheckoutRedirect(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "checkout/{id}/redirect")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => checkout.RedirectAsync(request, id, durable, cancellationToken).AsActionResult();

    [Function("CheckoutReturn")]
    public Task<IActionResult> CheckoutReturn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "checkout/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => checkout.ReturnAsync(request, id, durable, cancellationToken).AsActionResult();

    [Function("CreateStore")]
    public Task<IActionResult> CreateStore(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/stores")] HttpRequest request,
        CancellationToken cancellationToken) => stores.CreateAsync(request, cancellationToken).AsActionResult();

    [Function("ListStores")]
    public Task<IActionResult> ListStores(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/stores")] HttpRequest request,
        CancellationToken cancellationToken) => stores.ListAsync(request, cancellationToken).AsActionResult();

    [Function("GetStore")]
    public Task<IActionResult> GetStore(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/stores/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => stores.GetAsync(request, id, cancellationToken).AsActionResult();

    [Function("GetStoreQrPng")]
    public Task<IActionResult> GetStoreQrPng(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/stores/{id}/qr.png")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => stores.QrPngAsync(request, id, cancellationToken).AsActionResult();

    [Function("GetStoreQrSvg")]
    public Task<IActionResult> GetStoreQrSvg(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/stores/{id}/qr.svg")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => stores.QrSvgAsync(request, id, cancellationToken).AsActionResult();

    [Function("StoreCodePage")]
    public Task<IActionResult> StoreCodePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "s/{code}")] HttpRequest request,
        string code,
        CancellationToken cancellationToken) => storeCodes.PageAsync(request, code, cancellationToken).AsActionResult();

    [Function("StoreCodePay")]
    public Task<IActionResult> StoreCodePay(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "s/{code}")] HttpRequest request,
        string code,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => storeCodes.PayAsync(request, code, durable, cancellationToken).AsActionResult();

    [Function("StoreCodeAuthorized")]
    public Task<IActionResult> StoreCodeAuthorized(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "s/{storeCode}/authorized")] HttpRequest request,
        string storeCode,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => payerAuthorization.AuthorizedAsync(request, storeCode, durable, cancellationToken).AsActionResult();
}
