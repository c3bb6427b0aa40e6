using PayFunctions.RiskModel;

return RiskModelCommand.Run(args, Console.Out, Console.Error);
