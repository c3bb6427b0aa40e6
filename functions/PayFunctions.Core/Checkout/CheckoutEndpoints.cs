using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Reports;
using PayFunctions.Core.Routing;
using PayFunctions.Domain;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Checkout;

/// <summary>
/// The hosted cashier page: anyone holding a payment's checkout address sees it, picks a method
/// when the merchant left the choice to them, follows the next step and sees the result.
/// </summary>
public sealed partial class CheckoutEndpoints(
    CheckoutLinks links,
    PaymentRouter router,
    CheckoutPicks picks,
    PaymentStore payments,
    PaymentStarter starter,
    PayerSealing payerSealing,
    IpRegions regions,
    PaymentProgress progress,
    TimeProvider time,
    ILogger<CheckoutEndpoints> logger)
{
    private static readonly TimeSpan PlacementWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FallbackPoll = TimeSpan.FromMilliseconds(250);

    public async Task<IResult> PageAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var text = CashierText.For(request);
        var token = request.Query["token"].ToString();
        var payment = await FindAsync(id, token, durable, cancellationToken);
        return payment is null ? CheckoutPage.NotFound(text) : CheckoutPage.Render(payment, text, Address(id, token, text));
    }

    /// <summary>
    /// The page that posts the payment's signed form to the channel, the target of its <c>redirect_to_url</c>. Once
    /// the payment no longer waits for the payer (or has no form), the payer is sent to the cashier page instead.
    /// </summary>
    public async Task<IResult> RedirectAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var text = CashierText.For(request);
        var token = request.Query["token"].ToString();
        var payment = await FindAsync(id, token, durable, cancellationToken);
        if (payment is null)
        {
            return CheckoutPage.NotFound(text);
        }

        return CheckoutPage.StateOf(payment) == CheckoutPage.Action
            && PayerForm.Deserialize(payment.PayerFormJson) is { } form && PayerFormPage.Target(form) is { } target
            ? PayerFormPage.Render(form, target, text)
            : new SeeOther(Address(id, token, text).PageUrl);
    }

    /// <summary>
    /// Where a channel that returns the payer by posting its result (a front notification) sends them: on with a GET
    /// to the merchant's <c>return_url</c> for a payment the merchant's own page started, else to the cashier page.
    /// The body is not read: the channel's verified back notification records the result.
    /// </summary>
    public async Task<IResult> ReturnAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var text = CashierText.For(request);
        var token = request.Query["token"].ToString();
        var payment = await FindAsync(id, token, durable, cancellationToken);
        if (payment is null)
        {
            return CheckoutPage.NotFound(text);
        }

        // Only ever the stored return_url: the query chooses whether to go there, never where.
        return request.Query["to"] == CheckoutLinks.ToReturnUrl && payment.ReturnUrl is { } returnUrl && CheckoutPage.IsWebAddress(returnUrl)
            ? new SeeOther(returnUrl)
            : new SeeOther(Address(id, token, text).PageUrl);
    }

    public async Task<IResult> StatusAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        CashierHtml.Secure(request.HttpContext.Response);
        var payment = await FindAsync(id, request.Query["token"].ToString(), durable, cancellationToken);
        return payment is null
            ? ApiError.NotFound("payment", "id").ToResult()
            : Results.Json(new CheckoutStatus(PaymentResourceStatus(payment), CheckoutPage.StateOf(payment)), ApiJson.Options);
    }

    /// <summary>The payer's pick, posted by the page's form; answered with the page again (303), never JSON.</summary>
    public async Task<IResult> ChooseMethodAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var form = await RequestBody.ReadFormAsync(request, cancellationToken);
        var text = form.TryGetValue("lang", out var lang) && lang.ToString() == "zh" ? CashierText.Chinese : CashierText.English;
        var token = form.TryGetValue("token", out var t) ? t.ToString() : "";
        var payment = await FindAsync(id, token, durable, cancellationToken);
        if (payment is null)
        {
            return CheckoutPage.NotFound(text);
        }

        var address = Address(id, token, text);
        var method = form.TryGetValue("method", out var m) ? m.ToString() : "";
        if (CheckoutPage.StateOf(payment) == CheckoutPage.Choose)
        {
            if (await ChooseAsync(payment, method, address.PageUrl, request.HttpContext.Connection.RemoteIpAddress, durable, cancellationToken) is false)
            {
                return CheckoutPage.Render(payment, text, address, text.MethodUnavailable, StatusCodes.Status400BadRequest);
            }

            await WaitForPlacementAsync(payment, cancellationToken);
        }

        return new SeeOther(address.PageUrl);
    }

    /// <summary>
    /// Hands <paramref name="method"/> to the payment's orchestration when it is one the payer may pick
    /// and the page can supply what it needs. Only the first pick is routed, counted against the merchant's
    /// routing limits and handed on: anyone holding the page's address can post picks, and a later or late one
    /// costs nothing. False when the method cannot be picked; true when the payment has its pick, this one or an earlier.
    /// </summary>
    public async Task<bool> ChooseAsync(
        PaymentEntity payment, string method, string pageUrl, IPAddress? payerAddress, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(durable);
        if (!CheckoutMethods.Split(payment.PaymentMethodTypes).Contains(method, StringComparer.Ordinal)
            || !ChannelRegistry.TryGetMethod(method, out var module, out var capability)
            || !starter.IsConfigured(method, payment.TestMode)
            || !CheckoutMethods.Fits(capability, payment.AmountValue, CheckoutMethods.PageSupplies, payment.PayerCountry))
        {
            return false;
        }

        var clientIp = payerAddress is null ? null : (payerAddress.IsIPv4MappedToIPv6 ? payerAddress.MapToIPv4() : payerAddress).ToString();
        if (capability.Requires.HasFlag(PayerDetails.ClientIp) && clientIp is null)
        {
            return false;
        }

        if (!await picks.TakeAsync(payment, method, await regions.LocateAsync(payerAddress, cancellationToken), cancellationToken))
        {
            return true;
        }

        var channel = module.Capabilities.Name;
        var pending = await router.DecideAsync(
            payment.MerchantId, payment.TestMode, payment.Id, method, channel, payment.AmountValue, payment.PayerCountry, TerminalType.Online, payerBound: false, cancellationToken);
        if (pending.Decision.Chosen is not { } account)
        {
            await picks.ReleaseAsync(payment, method, cancellationToken);
            LogNoRoute(logger, payment.Id, method);
            return false;
        }

        var routing = RoutingBody.From(pending.Decision);
        var payer = await payerSealing.SealAsync(
            new PayerInput(
                null,
                null,
                capability.Requires.HasFlag(PayerDetails.ReturnUrl) ? pageUrl : null,
                capability.Requires.HasFlag(PayerDetails.ClientIp) ? clientIp : null),
            payment.MerchantId,
            payment.Id,
            cancellationToken);
        try
        {
            await durable.RaiseEventAsync(payment.Id, CheckoutEvents.MethodChosen, new MethodChoice(method, channel, account.Account, payer) { RoutingJson = routing.Serialize(), Route = routing.Order }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The pick never reached the orchestration: the payer may pick again.
            await picks.ReleaseAsync(payment, method, CancellationToken.None);
            throw;
        }

        router.Count(pending);
        LogChosen(logger, payment.Id, method);
        return true;
    }

    /// <summary>The payment behind a checkout address: the token is checked before anything is read.</summary>
    public async Task<PaymentEntity?> FindAsync(string id, string? token, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        if (!PaymentIds.IsWellFormed(id) || !await links.VerifyAsync(id, token, cancellationToken))
        {
            return null;
        }

        // The orchestration's input names the merchant whose partition holds the payment.
        var instance = await durable.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        var input = instance?.ReadInputAs<PaymentOrchestrationInput>();
        return input is null ? null : await payments.GetAsync(input.MerchantId, id, cancellationToken);
    }

    public CheckoutAddress Address(string id, string token, CashierText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var baseUrl = links.BaseUrl;
        return new CheckoutAddress(
            id,
            token,
            links.PageUrl(id, token, text.Lang),
            new Uri(baseUrl, $"api/checkout/{id}/method").AbsoluteUri,
            new Uri(baseUrl, $"api/checkout/{id}/status").AbsoluteUri + "?token=" + Uri.EscapeDataString(token));
    }

    /// <summary>Waits a moment for the order to be placed, so the payer lands on the next step rather than on "preparing".</summary>
    public async Task WaitForPlacementAsync(PaymentEntity payment, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + PlacementWait;
        try
        {
            while (time.GetUtcNow() < deadline)
            {
                var next = progress.NextAsync(payment.Id);
                var current = await payments.GetAsync(payment.MerchantId, payment.Id, cancellationToken);
                if (current is null || CheckoutPage.StateOf(current) is not (CheckoutPage.Choose or CheckoutPage.Preparing))
                {
                    return;
                }

                await Task.WhenAny(next, Task.Delay(FallbackPoll, time, cancellationToken));
            }
        }
        finally
        {
            progress.Forget(payment.Id);
        }
    }

    private static string PaymentResourceStatus(PaymentEntity payment) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(payment.Status);

    [LoggerMessage(EventId = 10104, Level = LogLevel.Warning, Message = "Payment {PaymentId}: no channel account can take {Method} now")]
    private static partial void LogNoRoute(ILogger logger, string paymentId, string method);

    [LoggerMessage(EventId = 7701, Level = LogLevel.Information, Message = "Payment {PaymentId}: the payer chose {Method} on the checkout page")]
    private static partial void LogChosen(ILogger logger, string paymentId, string method);

    internal sealed record CheckoutStatus(string Status, string State);
}
