@description('Applied after the site exists because some settings (the public base URL) come from the site itself.')
param siteName string
param flexConsumption bool
@description('Every application setting the runtime and the code read.')
param appSettings object
@description('The channel accounts\' non-secret settings (Channels__<Channel>__Accounts__<account>__<Setting>).')
param channelAccountSettings object

// Flex Consumption sets the runtime through functionAppConfig and rejects these settings.
// Without a content file share (shared keys are off and Azure Files cannot use an identity for it),
// Elastic Premium runs the deployed zip as a read-only package.
var premiumSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
  WEBSITE_RUN_FROM_PACKAGE: '1'
}

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, channelAccountSettings, flexConsumption ? {} : premiumSettings)
}
