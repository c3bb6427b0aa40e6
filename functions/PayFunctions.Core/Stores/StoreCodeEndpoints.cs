using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Payments;
using PayFunctions.Domain;

namespace PayFunctions.Core.Stores;

/// <summary>
/// A store's static code (聚合收款码): the scanning app's browser decides which wallet's in-app payment
/// opens, for the amount the payer enters; any other browser gets the cashier page with every method.
/// </summary>
public sealed partial class StoreCodeEndpoints(
    StoreStore stores,
    MerchantStore merchants,
    ChannelRegistry channels,
    PaymentStarter starter,
    PaymentIdGenerator paymentIds,
    CheckoutLinks links,
    CheckoutEndpoints checkout,
    StorePayerAuthorization authorization,
    ILogger<StoreCodeEndpoints> logger)
{
    private const int MaxAmountCharacters = 16;

    public async Task<IResult> PageAsync(HttpRequest request, string code, CancellationToken cancellationToken)
    {
        var text = CashierText.For(request);
        var store = StoreStore.IsCode(code) ? await stores.FindByCodeAsync(code, cancellationToken) : null;
        return store is null
            ? CheckoutPage.NotFound(text)
            : StorePage.Render(store, text, FormUrl(store), StoreStore.NewCode());
    }

    /// <summary>
    /// The payer's submission: a checkout payment for the store's merchant (metadata <c>store</c>), the
    /// wallet's in-app method chosen at once when there is one; when that method needs the payer's id, the
    /// wallet's OAuth first (<see cref="StorePayerAuthorization"/>). The form's nonce makes the merchant order
    /// id, so a repeated submission leads to the same payment.
    /// </summary>
    public async Task<IResult> PayAsync(HttpRequest request, string code, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var form = await RequestBody.ReadFormAsync(request, cancellationToken);
        var text = Value(form, "lang") == "zh" ? CashierText.Chinese : CashierText.English;
        var store = StoreStore.IsCode(code) ? await stores.FindByCodeAsync(code, cancellationToken) : null;
        var merchant = store is null ? null : await merchants.GetAsync(store.MerchantId, cancellationToken);
        if (store is null || merchant is null)
        {
            return CheckoutPage.NotFound(text);
        }

        var nonce = Value(form, "nonce");
        if (!StoreStore.IsCode(nonce))
        {
            return StorePage.Render(store, text, FormUrl(store), StoreStore.NewCode(), text.StoreUnavailable, status: StatusCodes.Status400BadRequest);
        }

        var currency = Currency.Parse(store.Currency);
        var entered = Value(form, "amount");
        var amount = store.Amount ?? ParseAmount(entered, currency);
        if (amount is null)
        {
            return StorePage.Render(store, text, FormUrl(store), nonce, text.AmountInvalid, entered.Length <= MaxAmountCharacters ? entered : null, StatusCodes.Status400BadRequest);
        }

        var wallet = InAppWallets.Detect(request.Headers.UserAgent.ToString(), channels, merchant.TestMode);
        var money = new Money(amount.Value, currency);
        if (wallet is not null && await authorization.AuthorizeUrlAsync(store, merchant, wallet, nonce, money, text.Lang, cancellationToken) is { } authorize)
        {
            return StorePayerAuthorization.Opening(authorize, text, wallet.Capabilities.DisplayNameIn(text.Lang));
        }

        var (inApp, offered) = InAppWallets.MethodsFor(wallet, money);
        var create = StorePayments.Request(store, amount.Value, currency.Code, CheckoutMethods.Name, nonce, null) with
        {
            PaymentMethodTypes = offered?.Where(m => starter.IsConfigured(m, merchant.TestMode)).ToList() is { Count: > 0 } configured ? configured : null,
        };
        var (payment, error) = await starter.StartForPayerAsync(merchant, create, paymentIds.NewId(), durable, cancellationToken);
        if (payment is null)
        {
            LogRefused(logger, store.Id, error!.Code);
            return StorePage.Render(store, text, FormUrl(store), nonce, error.Code == "invalid_request" ? text.AmountInvalid : text.StoreUnavailable, entered, StatusCodes.Status400BadRequest);
        }

        var token = await links.TokenAsync(payment.Id, cancellationToken);
        var address = checkout.Address(payment.Id, token, text);
        if (inApp is not null && CheckoutPage.StateOf(payment) == CheckoutPage.Choose
            && await checkout.ChooseAsync(payment, inApp, address.PageUrl, request.HttpContext.Connection.RemoteIpAddress, durable, cancellationToken))
        {
            await checkout.WaitForPlacementAsync(payment, cancellationToken);
        }

        return new SeeOther(address.PageUrl);
    }

    /// <summary>A decimal in the currency's major unit with at most its minor digits, e.g. "12.5" → 1250; null otherwise.</summary>
    public static long? ParseAmount(string entered, Currency currency)
    {
        var trimmed = entered.Trim();
        if (trimmed.Length is 0 or > MaxAmountCharacters
            || !decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var major)
            || decimal.Round(major, currency.MinorUnitDigits) != major)
        {
            return null;
        }

        var minor = major * (decimal)Math.Pow(10, currency.MinorUnitDigits);
        return minor is >= 1 and <= 100_000_000_00 ? (long)minor : null;
    }

    private string FormUrl(StoreEntity store) => StoreResource.AddressOf(store, links.BaseUrl);

    private static string Value(Dictionary<string, StringValues> form, string key) => form.TryGetValue(key, out var value) ? value.ToString() : "";

    [LoggerMessage(EventId = 7602, Level = LogLevel.Information, Message = "Store {StoreId}: a payer's payment was refused ({Code})")]
    private static partial void LogRefused(ILogger logger, string storeId, string code);
}
