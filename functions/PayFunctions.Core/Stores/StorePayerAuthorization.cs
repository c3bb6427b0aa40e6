using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Payments;
using PayFunctions.Domain;

namespace PayFunctions.Core.Stores;

/// <summary>
/// A store code opened in a wallet whose in-app method needs the payer's id at the channel (e.g. an openid): the
/// payer's browser goes through the wallet's OAuth first (<see cref="IPayerAuthorization"/>), and its return, with a
/// one-time code and the sealed <see cref="StoreAuthorizationState"/>, creates the payment with that payer id.
/// </summary>
public sealed partial class StorePayerAuthorization(
    StoreStore stores,
    MerchantStore merchants,
    PaymentStore payments,
    ChannelRegistry channels,
    PaymentStarter starter,
    PaymentIdGenerator paymentIds,
    CheckoutLinks links,
    CheckoutEndpoints checkout,
    StoreAuthorizationState states,
    ILogger<StorePayerAuthorization> logger)
{
    private const int MaxCodeLength = 512;

    /// <summary>Where to send the payer first, when the wallet's in-app method needs their id and the channel account can ask the wallet; null otherwise.</summary>
    /// <param name="lang">The page's language, carried through the wallet's round trip so the cashier page keeps it.</param>
    public async Task<Uri?> AuthorizeUrlAsync(
        StoreEntity store, MerchantEntity merchant, IChannelModule wallet, string nonce, Money amount, string lang, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentNullException.ThrowIfNull(wallet);
        if (await AuthorizationOfAsync(wallet, merchant.TestMode, amount, cancellationToken) is not { } authorization)
        {
            return null;
        }

        var state = await states.IssueAsync(store.Code, wallet.Capabilities.Name, nonce, amount.MinorUnits, cancellationToken);
        return authorization.Wallet.AuthorizeUrl(new Uri(StoreResource.AddressOf(store, links.BaseUrl) + "/authorized?lang=" + Uri.EscapeDataString(lang)), state);
    }

    /// <summary>
    /// The page that sends the payer on to the wallet's OAuth. Not a 303: the store page's form posts under
    /// <c>form-action 'self'</c>, which browsers also apply to the redirects that follow a form submission, so a
    /// redirect to the wallet's host would be blocked; a page of our own may navigate anywhere.
    /// </summary>
    public static CashierHtml Opening(Uri authorizeUrl, CashierText text, string wallet)
    {
        ArgumentNullException.ThrowIfNull(authorizeUrl);
        ArgumentNullException.ThrowIfNull(text);
        var message = CashierText.Format(text.Identifying, wallet);
        return CashierHtml.Page(text, message, nonce => $$"""
            <div class="card">
            <p class="status" role="status">{{CashierHtml.Encode(message)}}</p>
            <a class="button" id="authorize" href="{{CashierHtml.Encode(authorizeUrl.AbsoluteUri)}}" rel="noreferrer">{{CashierHtml.Encode(text.Continue)}}</a>
            </div>
            <script nonce="{{nonce}}">location.replace({{System.Text.Json.JsonSerializer.Serialize(authorizeUrl.AbsoluteUri, CheckoutPage.ScriptJson)}});</script>
            """);
    }

    /// <summary>
    /// The wallet's return (<c>?code=…&amp;state=…</c>): a state this store issued to this wallet within its lifetime,
    /// a code the channel exchanges for the payer's id, then the payment with that payer, and the cashier page. A
    /// repeated return of the same state (a reload, when the code is already spent) finds the payment the first made.
    /// </summary>
    public async Task<IResult> AuthorizedAsync(HttpRequest request, string storeCode, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = CashierText.For(request);
        var store = StoreStore.IsCode(storeCode) ? await stores.FindByCodeAsync(storeCode, cancellationToken) : null;
        var merchant = store is null ? null : await merchants.GetAsync(store.MerchantId, cancellationToken);
        if (store is null || merchant is null)
        {
            return CheckoutPage.NotFound(text);
        }

        var wallet = InAppWallets.Detect(request.Headers.UserAgent.ToString(), channels, merchant.TestMode);
        var sealedState = wallet is null ? null : await states.ReadAsync(store.Code, wallet.Capabilities.Name, request.Query["state"].ToString(), cancellationToken);
        if (wallet is null || sealedState is not { } state)
        {
            LogStateRefused(logger, store.Id);
            return Again(store, text, text.AuthorizationExpired, StatusCodes.Status400BadRequest);
        }

        var orderId = StorePayments.MerchantOrderId(store, state.Nonce);
        if (await payments.OrderHolderAsync(merchant.Id, orderId, cancellationToken) is { } holder
            && await payments.GetAsync(merchant.Id, holder, cancellationToken) is { } earlier)
        {
            return await CashierAsync(earlier, text, cancellationToken);
        }

        var currency = Currency.Parse(store.Currency);
        var walletCode = request.Query["code"].ToString();
        if (await AuthorizationOfAsync(wallet, merchant.TestMode, new Money(state.Amount, currency), cancellationToken) is not { } authorization
            || walletCode.Length is 0 or > MaxCodeLength)
        {
            LogNotIdentified(logger, store.Id, walletCode.Length == 0 ? "no_code" : "unavailable");
            return Again(store, text, CashierText.Format(text.PayerNotIdentified, wallet.Capabilities.DisplayNameIn(text.Lang)), StatusCodes.Status400BadRequest);
        }

        string payerId;
        try
        {
            payerId = await authorization.Wallet.PayerIdAsync(walletCode, cancellationToken);
        }
        catch (ChannelException e)
        {
            LogNotIdentified(logger, store.Id, e.Code ?? "unreachable");
            return Again(store, text, CashierText.Format(text.PayerNotIdentified, wallet.Capabilities.DisplayNameIn(text.Lang)), StatusCodes.Status502BadGateway);
        }

        var create = StorePayments.Request(store, state.Amount, currency.Code, authorization.Method, state.Nonce, new PayerBody(payerId, null));
        var (payment, error) = await starter.StartForPayerAsync(merchant, create, paymentIds.NewId(), durable, cancellationToken);
        if (payment is null)
        {
            LogNotIdentified(logger, store.Id, error!.Code);
            return Again(store, text, text.StoreUnavailable, StatusCodes.Status400BadRequest);
        }

        await checkout.WaitForPlacementAsync(payment, cancellationToken);
        return await CashierAsync(payment, text, cancellationToken);
    }

    private async Task<(string Method, IPayerAuthorization Wallet)?> AuthorizationOfAsync(
        IChannelModule wallet, bool testMode, Money amount, CancellationToken cancellationToken)
    {
        var method = InAppWallets.PayerIdMethod(wallet, amount);
        var channel = wallet.Capabilities.Name;
        if (method is null || !starter.IsConfigured(method.Method, testMode) || channels.DefaultAccountOf(channel, testMode) is not { } account)
        {
            return null;
        }

        // New payments take the default account, so the payer id comes from that account's OAuth too.
        return await channels.GetAsync(channel, account, cancellationToken) is IPayerAuthorization authorization ? (method.Method, authorization) : null;
    }

    private async Task<IResult> CashierAsync(PaymentEntity payment, CashierText text, CancellationToken cancellationToken) =>
        new SeeOther(checkout.Address(payment.Id, await links.TokenAsync(payment.Id, cancellationToken), text).PageUrl);

    // A fresh nonce: the payer starts over, and nothing was created.
    private CashierHtml Again(StoreEntity store, CashierText text, string message, int status) =>
        StorePage.Render(store, text, StoreResource.AddressOf(store, links.BaseUrl), StoreStore.NewCode(), message, status: status);

    [LoggerMessage(EventId = 7603, Level = LogLevel.Information, Message = "Store {StoreId}: a wallet's return carried a refused or expired state")]
    private static partial void LogStateRefused(ILogger logger, string storeId);

    [LoggerMessage(EventId = 7604, Level = LogLevel.Information, Message = "Store {StoreId}: the payer could not be identified by the wallet ({Code})")]
    private static partial void LogNotIdentified(ILogger logger, string storeId, string code);
}
