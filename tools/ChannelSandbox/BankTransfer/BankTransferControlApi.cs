using System.Text;

namespace ChannelSandbox.BankTransfer;

/// <summary>
/// What payers and the bank's back office do, on demand: receive a transfer (reported at once by camt.054 unless
/// <c>notify</c> is false), publish the day's camt.053, execute the refunds waiting in the platform's outbox, and faults:
/// a file that does not parse, a report about another customer's account, the same file dropped twice.
/// </summary>
public static class BankTransferControlApi
{
    private const string PayerIban = "FR1420041010050500013M02606";

    public static void MapBankTransferSandboxControl(this IEndpointRouteBuilder app)
    {
        var bank = app.MapGroup("/sandbox/bank-transfer");
        bank.MapPost("/transfers", ReceiveAsync);
        bank.MapPost("/statements", StatementAsync);
        bank.MapPost("/refunds/execute", ExecuteRefundsAsync);
        bank.MapGet("/movements", (BankLedger ledger) => Results.Json(ledger.All(), SandboxJson.Options));
        bank.MapPost("/faults/malformed-file", async (BankFileDrop drop, CancellationToken cancellationToken) =>
            Results.Json(new { file = await drop.DropAsync($"camt054-broken-{Guid.NewGuid():N}.xml", Encoding.UTF8.GetBytes("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn>"), cancellationToken) }, SandboxJson.Options));
        bank.MapPost("/faults/foreign-account", ForeignAccountAsync);
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, BankLedger ledger, BankFileDrop drop, TimeProvider time)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<TransferCommand>(request, request.HttpContext.RequestAborted);
        if (!valid || command is null || command.Amount is <= 0 or > 999_999_999_99 || (command.Reference is null) == (command.Unstructured is null)
            || command.Reference?.Length > 35 || command.Unstructured?.Length > 140 || command.DebtorName?.Length > 70)
        {
            return Problem("Expected {\"amount\": cents > 0, \"reference\" (≤ 35) or \"unstructured\" (≤ 140), \"debtor_name\", \"debtor_iban\", \"notify\": bool, \"duplicate_file\": bool}.");
        }

        var now = time.GetUtcNow();
        var movement = ledger.Book(reference => new BankMovement(
            reference, IsCredit: true, command.Amount, "EUR", DateOnly.FromDateTime(now.UtcDateTime), command.DebtorName ?? "Sandbox Payer",
            command.DebtorIban ?? PayerIban, command.Reference, command.Unstructured, null, null, IsReturn: false));
        var files = new List<string>();
        if (command.Notify ?? true)
        {
            var content = CamtFiles.Notification("NTF" + movement.AccountServicerRef, [movement], BankLedger.AccountIban, now);
            files.Add(await drop.DropAsync($"camt054-{movement.AccountServicerRef}.xml", content, request.HttpContext.RequestAborted));
            if (command.DuplicateFile == true)
            {
                files.Add(await drop.DropAsync($"camt054-{movement.AccountServicerRef}-again.xml", content, request.HttpContext.RequestAborted));
            }
        }

        return Results.Json(new { account_servicer_ref = movement.AccountServicerRef, files }, SandboxJson.Options);
    }

    private static async Task<IResult> StatementAsync(BankLedger ledger, BankFileDrop drop, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = $"STMT{now:yyyyMMddHHmmssfff}";
        var file = await drop.DropAsync($"camt053-{id}.xml", CamtFiles.Statement(id, ledger.All(), BankLedger.AccountIban, now), cancellationToken);
        return Results.Json(new { file }, SandboxJson.Options);
    }

    /// <summary>Executes each collected transfer once (booked as a debit), or with <c>"outcome": "returned"</c> reports it returned by the payer's bank.</summary>
    private static async Task<IResult> ExecuteRefundsAsync(HttpRequest request, BankLedger ledger, BankFileDrop drop, TimeProvider time)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<ExecuteCommand>(request, request.HttpContext.RequestAborted);
        var returned = command?.Outcome == "returned";
        if (!valid || command?.Outcome is not (null or "executed" or "returned"))
        {
            return Problem("Expected {\"outcome\": \"executed\"|\"returned\"}.");
        }

        var now = time.GetUtcNow();
        var executed = new List<BankMovement>();
        var rejected = new List<object>();
        foreach (var (name, content) in await drop.CollectAsync(request.HttpContext.RequestAborted))
        {
            IReadOnlyList<CreditTransfer> transfers;
            try
            {
                transfers = CreditTransferInstructions.Read(content, BankLedger.AccountIban);
            }
            catch (FormatException e)
            {
                rejected.Add(new { file = name, reason = e.Message });
                continue;
            }

            if (!ledger.TryExecute(transfers[0].MessageId))
            {
                continue;
            }

            executed.AddRange(transfers.Select(t => ledger.Book(reference => new BankMovement(
                reference, IsCredit: returned, t.Amount, t.Currency, DateOnly.FromDateTime(now.UtcDateTime), t.CreditorName, t.CreditorIban,
                null, null, t.EndToEndId, t.InstructionId, IsReturn: returned))));
        }

        if (executed.Count > 0)
        {
            var id = "NTF" + executed[0].AccountServicerRef;
            await drop.DropAsync($"camt054-{executed[0].AccountServicerRef}.xml", CamtFiles.Notification(id, executed, BankLedger.AccountIban, now), request.HttpContext.RequestAborted);
        }

        return Results.Json(new { executed = executed.Select(m => new { m.EndToEndId, m.AccountServicerRef, m.Amount }), rejected }, SandboxJson.Options);
    }

    /// <summary>A well-formed report about another customer's account, as a misrouted or tampered file would be.</summary>
    private static async Task<IResult> ForeignAccountAsync(HttpRequest request, BankFileDrop drop, TimeProvider time)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<TransferCommand>(request, request.HttpContext.RequestAborted);
        if (!valid || command is null || command.Amount <= 0 || command.Reference is null)
        {
            return Problem("Expected {\"amount\": cents > 0, \"reference\"}.");
        }

        var now = time.GetUtcNow();
        var movement = new BankMovement(
            $"SBXFOREIGN{now:HHmmssfff}", IsCredit: true, command.Amount, "EUR", DateOnly.FromDateTime(now.UtcDateTime), "Sandbox Payer", PayerIban,
            command.Reference, null, null, null, IsReturn: false);
        var file = await drop.DropAsync(
            $"camt054-foreign-{now:HHmmssfff}.xml", CamtFiles.Notification("NTFFOREIGN", [movement], "GB82WEST12345698765432", now), request.HttpContext.RequestAborted);
        return Results.Json(new { file }, SandboxJson.Options);
    }

    private static IResult Problem(string detail) =>
        Results.Json(new { code = "INVALID_BODY", message = detail }, SandboxJson.Options, statusCode: StatusCodes.Status400BadRequest);

    private sealed record TransferCommand(long Amount, string? Reference, string? Unstructured, string? DebtorName, string? DebtorIban, bool? Notify, bool? DuplicateFile);

    private sealed record ExecuteCommand(string? Outcome);
}
