namespace PayFunctions.IntegrationTests.Security;

/// <summary>The integration run's last step: every table, blob and queue message in the run's storage, and every host log.</summary>
public static class EndOfRunScan
{
    public static async Task<IReadOnlyList<SecretFinding>> RunAsync(
        string connectionString, string hostLogsDirectory, string secretsDirectory, IEnumerable<(string Kind, string Value)> held)
    {
        var scanner = new PlaintextSecretScanner(RunSecrets.From(secretsDirectory, held));
        var findings = new List<SecretFinding>();
        await foreach (var item in StoredContents.ReadAsync(connectionString))
        {
            findings.AddRange(scanner.Scan([item]));
        }

        foreach (var log in Directory.Exists(hostLogsDirectory) ? Directory.GetFiles(hostLogsDirectory) : [])
        {
            var lines = await File.ReadAllLinesAsync(log);
            for (var i = 0; i < lines.Length; i++)
            {
                findings.AddRange(scanner.Scan([ScanItem.Text($"host log {Path.GetFileName(log)}, line {i + 1}", lines[i])]));
            }
        }

        return findings;
    }
}
