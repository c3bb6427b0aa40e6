using ChannelSandbox;

await using var app = SandboxApp.Create(args);
await app.RunAsync();
