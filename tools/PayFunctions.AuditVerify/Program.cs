using PayFunctions.AuditVerify;

return await AuditVerifyCommand.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
