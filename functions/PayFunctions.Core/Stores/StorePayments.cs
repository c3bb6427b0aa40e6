using PayFunctions.Core.Payments;

namespace PayFunctions.Core.Stores;

/// <summary>What a store code's payments have in common, however the payer reached them.</summary>
internal static class StorePayments
{
    /// <summary>The store and the form's nonce: a form posted or authorized twice makes one payment.</summary>
    public static string MerchantOrderId(StoreEntity store, string nonce) => $"{store.Id}_{nonce}";

    public static CreatePaymentRequest Request(StoreEntity store, long amount, string currency, string method, string nonce, PayerBody? payer) =>
        new(amount, currency, method, MerchantOrderId(store, nonce), store.Name, null, null, new Dictionary<string, string> { ["store"] = store.Id }, null, null, payer);
}
