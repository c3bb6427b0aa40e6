namespace PayFunctions.Channels.BankTransfer;

/// <summary>The platform's account at the bank: where payers send their transfers and refunds are sent from.</summary>
/// <param name="Iban">The account's IBAN, electronic form.</param>
/// <param name="Bic">The bank's BIC, when given.</param>
/// <param name="HolderName">The account holder's name, as payers must enter it.</param>
internal sealed record BankTransferAccount(string Iban, string? Bic, string HolderName);
