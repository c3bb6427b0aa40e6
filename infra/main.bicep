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

@description('Number of identical cells (stamps), each with its own Functions app, storage account and Service Bus namespace; merchants are assigned to one (docs/capacity.md). Cell 1 keeps the names of a deployment from before cells.')
@minValue(1)
@maxValue(50)
param cellCount int = 1

@description('Upper bound of scale-out, per cell.')
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

module deployerRbac 'app/deployer-rbac.bicep' = {
  name: 'deployerRbac'
  scope: rg
  params: {
    keyVaultName: keyVault.outputs.name
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
    appSubnetDelegation: functionPlanSku == 'FC1' ? 'Microsoft.App/environments' : 'Microsoft.Web/serverFarms'
    cellCount: cellCount
  }
}

// The private DNS zone of each sub-resource that gets a private endpoint (Service Bus only on Premium).
var privateDnsZones = concat(
  [
    {
      groupId: 'blob'
      endpoint: 'blob'
      zoneName: 'privatelink.blob.${environment().suffixes.storage}'
    }
    {
      groupId: 'queue'
      endpoint: 'queue'
      zoneName: 'privatelink.queue.${environment().suffixes.storage}'
    }
    {
      groupId: 'table'
      endpoint: 'table'
      zoneName: 'privatelink.table.${environment().suffixes.storage}'
    }
    {
      groupId: 'vault'
      endpoint: 'vault'
      zoneName: 'privatelink.vaultcore.azure.net'
    }
  ],
  serviceBusSku == 'Premium'
    ? [
        {
          groupId: 'namespace'
          endpoint: 'servicebus'
          zoneName: 'privatelink.servicebus.windows.net'
        }
      ]
    : []
)

module privateDns 'app/private-dns.bicep' = if (vnetEnabled) {
  name: 'privateDns'
  scope: rg
  params: {
    groupIds: map(privateDnsZones, zone => zone.groupId)
    zoneNames: map(privateDnsZones, zone => zone.zoneName)
    // The link names the endpoints' own links had before the zones were shared.
    linkNames: map(privateDnsZones, zone => '${abbrs.networkPrivateEndpoints}${zone.endpoint}-${resourceToken}-link')
    virtualNetworkId: network.?outputs.resourceId ?? ''
    tags: tags
  }
}

var privateDnsZoneIds = privateDns.?outputs.zoneIds ?? {}

module vaultPrivateEndpoint 'app/private-endpoint.bicep' = if (vnetEnabled) {
  name: 'privateEndpoint-vault'
  scope: rg
  params: {
    name: '${abbrs.networkPrivateEndpoints}vault-${resourceToken}'
    location: location
    tags: tags
    subnetId: network.?outputs.privateEndpointSubnetId ?? ''
    targetResourceId: keyVault.outputs.resourceId
    groupId: 'vault'
    dnsZoneId: privateDns.?outputs.zoneIds.vault ?? ''
  }
}

module cells 'app/cell.bicep' = [
  for cell in range(1, cellCount): {
    name: cell == 1 ? 'cell' : 'cell-c${cell}'
    scope: rg
    params: {
      cellNumber: cell
      resourceToken: resourceToken
      location: location
      tags: tags
      functionPlanSku: functionPlanSku
      maximumInstanceCount: maximumInstanceCount
      serviceBusSku: serviceBusSku
      channelQueueNames: channelQueueNames
      channelWorkTransport: channelWorkTransport
      durableTaskHub: durableTaskHub
      settlementTimeZone: settlementTimeZone
      channelAccountSettings: channelAccountSettings
      keyVaultName: keyVault.outputs.name
      keyVaultUri: keyVault.outputs.uri
      applicationInsightsName: monitoring.outputs.applicationInsightsName
      applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
      logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
      vnetEnabled: vnetEnabled
      appSubnetId: network.?outputs.appSubnetIds[cell - 1] ?? ''
      privateEndpointSubnetId: network.?outputs.privateEndpointSubnetId ?? ''
      privateDnsZoneIds: privateDnsZoneIds
    }
  }
]

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output RESOURCE_GROUP string = rg.name
output AZURE_RESOURCE_GROUP string = rg.name
// azd deploys to cell 1 (the app tagged as its service); these name cell 1 as they named the single deployment.
output AZURE_FUNCTION_APP_NAME string = cells[0].outputs.functionAppName
output SERVICE_API_NAME string = cells[0].outputs.functionAppName
output SERVICE_API_URI string = cells[0].outputs.apiBaseUrl
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = cells[0].outputs.identityClientId
output AZURE_STORAGE_ACCOUNT_NAME string = cells[0].outputs.storageAccountName
output AZURE_SERVICE_BUS_NAMESPACE string = cells[0].outputs.serviceBusHostName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output VNET_ENABLED bool = vnetEnabled
output CHANNEL_SECRET_NAMES string = join(channelSecretNames, ' ')
@description('Each cell\'s API base URL, cell 1 first: a merchant is given the one of the cell it is assigned to.')
output CELL_API_BASE_URLS array = [for cell in range(0, cellCount): cells[cell].outputs.apiBaseUrl]
@description('Each cell\'s function app, cell 1 first: the post-deploy hook deploys the package azd built to cells 2 to N.')
output CELL_FUNCTION_APP_NAMES array = [for cell in range(0, cellCount): cells[cell].outputs.functionAppName]
