targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it seeds the unique token in every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource. For FC1 pick a region that offers Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Principal id of the user or service principal running azd; empty skips its Key Vault role.')
param principalId string = ''

@description('Name of the resource group; empty derives it from the environment name.')
param resourceGroupName string = ''

@description('FC1 (Flex Consumption, scales to zero) or EP1 (Elastic Premium, one always-ready instance for the Service Bus processor).')
@allowed([
  'FC1'
  'EP1'
])
param functionPlanSku string = 'FC1'

@description('Upper bound of scale-out.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Standard has duplicate detection; Premium also allows a private endpoint.')
@allowed([
  'Standard'
  'Premium'
])
param serviceBusSku string = 'Standard'

@description('Puts the app into a VNet and reaches storage and Key Vault (and Service Bus on Premium) through private endpoints.')
param vnetEnabled bool = false

@description('Transport of the channel work queue.')
@allowed([
  'ServiceBus'
  'StorageQueue'
])
param channelWorkTransport string = 'ServiceBus'

@description('Durable task hub name: letters and digits, starting with a letter.')
@minLength(3)
@maxLength(45)
param durableTaskHub string = 'payfunctions'

@description('IANA time zone whose midnight is the T+1 settlement cut-off.')
param settlementTimeZone string = 'Asia/Shanghai'

@description('Non-secret settings of the platform\'s channel accounts, as app settings: Channels__<Channel>__Accounts__<account>__<Setting>. Keys go to Key Vault.')
param channelAccountSettings object = {}

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var flexConsumption = functionPlanSku == 'FC1'
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'

// The channels of the code's catalog and the secrets each account needs (checked against the code by the tests).
var channelCatalog = loadJsonContent('channels.json')

// One queue per channel, so a slow or failing channel backs up only its own queue.
var channelQueueNames = [for channel in channelCatalog: 'channel-${replace(channel.name, '_', '-')}']

// The Key Vault secrets of each channel's account "main", for the post-provision hook to create as placeholders.
var channelSecretNames = flatten(map(channelCatalog, channel => map(channel.secrets, secret => '${replace(channel.name, '_', '-')}-main-${secret}')))

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    createDeploymentContainer: flexConsumption
    vnetEnabled: vnetEnabled
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

module serviceBus 'app/servicebus.bicep' = {
  name: 'serviceBus'
  scope: rg
  params: {
    name: '${abbrs.serviceBusNamespaces}${resourceToken}'
    location: location
    tags: tags
    sku: serviceBusSku
    queueNames: channelQueueNames
    vnetEnabled: vnetEnabled
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    vnetEnabled: vnetEnabled
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
  }
}

module network 'app/vnet.bicep' = if (vnetEnabled) {
  name: 'network'
  scope: rg
  params: {
    name: '${abbrs.networkVirtualNetworks}${resourceToken}'
    location: location
    tags: tags
    appSubnetDelegation: flexConsumption ? 'Microsoft.App/environments' : 'Microsoft.Web/serverFarms'
  }
}

// Service Bus Standard has no private endpoint: on Standard the namespace stays public, guarded by
// Entra-only auth (local auth off) and the app identity's Sender/Receiver roles.
var privateEndpointTargets = [
  {
    name: 'blob'
    enabled: true
    target: 'storage'
    groupId: 'blob'
    dnsZoneName: 'privatelink.blob.${environment().suffixes.storage}'
  }
  {
    name: 'queue'
    enabled: true
    target: 'storage'
    groupId: 'queue'
    dnsZoneName: 'privatelink.queue.${environment().suffixes.storage}'
  }
  {
    name: 'table'
    enabled: true
    target: 'storage'
    groupId: 'table'
    dnsZoneName: 'privatelink.table.${environment().suffixes.storage}'
  }
  {
    name: 'vault'
    enabled: true
    target: 'keyVault'
    groupId: 'vault'
    dnsZoneName: 'privatelink.vaultcore.azure.net'
  }
  {
    name: 'servicebus'
    enabled: serviceBusSku == 'Premium'
    target: 'serviceBus'
    groupId: 'namespace'
    dnsZoneName: 'privatelink.servicebus.windows.net'
  }
]

module privateEndpoints 'app/private-endpoint.bicep' = [
  for target in privateEndpointTargets: if (vnetEnabled && target.enabled) {
    name: 'privateEndpoint-${target.name}'
    scope: rg
    params: {
      name: '${abbrs.networkPrivateEndpoints}${target.name}-${resourceToken}'
      location: location
      tags: tags
      subnetId: network.?outputs.privateEndpointSubnetId ?? ''
      virtualNetworkId: network.?outputs.resourceId ?? ''
      targetResourceId: target.target == 'storage'
        ? storage.outputs.resourceId
        : target.target == 'keyVault' ? keyVault.outputs.resourceId : serviceBus.outputs.resourceId
      groupId: target.groupId
      dnsZoneName: target.dnsZoneName
    }
  }
]

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    planSku: functionPlanSku
    maximumInstanceCount: maximumInstanceCount
    identityId: identity.outputs.resourceId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    virtualNetworkSubnetId: network.?outputs.appSubnetId ?? ''
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
  // The identity needs its data roles before the host first starts, or the first cold start fails.
  dependsOn: [
    rbac
  ]
}

module apiSettings 'app/api-settings.bicep' = {
  name: 'apiSettings'
  scope: rg
  params: {
    siteName: api.outputs.name
    flexConsumption: api.outputs.flexConsumption
    channelAccountSettings: channelAccountSettings
    appSettings: {
      // Functions host storage (triggers, Durable task hub), reached with the app identity.
      AzureWebJobsStorage__accountName: storage.outputs.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.outputs.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
      // DefaultAzureCredential in the app code picks the user-assigned identity from this.
      AZURE_CLIENT_ID: identity.outputs.clientId
      Storage__AccountName: storage.outputs.name
      Durable__TaskHub: durableTaskHub
      ChannelWork__Transport: channelWorkTransport
      ChannelWork__ServiceBusNamespace: serviceBus.outputs.hostName
      Secrets__KeyVaultUri: keyVault.outputs.uri
      Api__PublicBaseUrl: 'https://${api.outputs.defaultHostName}'
      Settlement__TimeZone: settlementTimeZone
    }
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output RESOURCE_GROUP string = rg.name
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = 'https://${api.outputs.defaultHostName}'
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_SERVICE_BUS_NAMESPACE string = serviceBus.outputs.hostName
output VNET_ENABLED bool = vnetEnabled
output CHANNEL_SECRET_NAMES string = join(channelSecretNames, ' ')
