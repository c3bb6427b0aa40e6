// One cell (stamp): a Functions app and its plan, its identity, its storage account (tables, queues,
// blobs and the Durable task hub) and its Service Bus namespace. Cells share nothing on the payment
// path; they share the Key Vault and the monitoring. Cell 1 keeps the names the single deployment had.

@description('1-based number of the cell; cell 1 takes no suffix, so a deployment from before cells keeps its resources.')
@minValue(1)
param cellNumber int
param resourceToken string
param location string
param tags object
@allowed([
  'FC1'
  'EP1'
])
param functionPlanSku string
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int
@allowed([
  'Standard'
  'Premium'
])
param serviceBusSku string
param channelQueueNames string[]
param channelWorkTransport string
param durableTaskHub string
param settlementTimeZone string
param channelAccountSettings object
param keyVaultName string
param keyVaultUri string
param applicationInsightsName string
param applicationInsightsConnectionString string
param logAnalyticsWorkspaceId string
param vnetEnabled bool
@description('Empty unless vnetEnabled: the cell\'s own app subnet.')
param appSubnetId string
@description('Empty unless vnetEnabled.')
param privateEndpointSubnetId string
@description('Private DNS zone id by sub-resource (blob, queue, table, namespace); empty unless vnetEnabled.')
param privateDnsZoneIds object

var abbrs = loadJsonContent('../abbreviations.json')
var dashSuffix = cellNumber == 1 ? '' : '-c${cellNumber}'
// Storage account names take only lower-case letters and digits.
var plainSuffix = cellNumber == 1 ? '' : 'c${cellNumber}'
var flexConsumption = functionPlanSku == 'FC1'
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}${dashSuffix}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'

module identity 'identity.bicep' = {
  name: 'identity${dashSuffix}'
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}${dashSuffix}'
    location: location
    tags: tags
  }
}

module storage 'storage.bicep' = {
  name: 'storage${dashSuffix}'
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}${plainSuffix}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    createDeploymentContainer: flexConsumption
    vnetEnabled: vnetEnabled
    logAnalyticsWorkspaceId: logAnalyticsWorkspaceId
  }
}

module serviceBus 'servicebus.bicep' = {
  name: 'serviceBus${dashSuffix}'
  params: {
    name: '${abbrs.serviceBusNamespaces}${resourceToken}${dashSuffix}'
    location: location
    tags: tags
    sku: serviceBusSku
    queueNames: channelQueueNames
    vnetEnabled: vnetEnabled
    logAnalyticsWorkspaceId: logAnalyticsWorkspaceId
  }
}

module rbac 'rbac.bicep' = {
  name: 'rbac${dashSuffix}'
  params: {
    storageAccountName: storage.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    keyVaultName: keyVaultName
    applicationInsightsName: applicationInsightsName
    appPrincipalId: identity.outputs.principalId
  }
}

// Service Bus Standard has no private endpoint: on Standard the namespace stays public, guarded by
// Entra-only auth (local auth off) and the cell identity's Sender/Receiver roles.
var privateEndpointTargets = [
  {
    name: 'blob'
    enabled: true
    groupId: 'blob'
  }
  {
    name: 'queue'
    enabled: true
    groupId: 'queue'
  }
  {
    name: 'table'
    enabled: true
    groupId: 'table'
  }
  {
    name: 'servicebus'
    enabled: serviceBusSku == 'Premium'
    groupId: 'namespace'
  }
]

module privateEndpoints 'private-endpoint.bicep' = [
  for target in privateEndpointTargets: if (vnetEnabled && target.enabled) {
    name: 'privateEndpoint-${target.name}${dashSuffix}'
    params: {
      name: '${abbrs.networkPrivateEndpoints}${target.name}-${resourceToken}${dashSuffix}'
      location: location
      tags: tags
      subnetId: privateEndpointSubnetId
      targetResourceId: target.groupId == 'namespace' ? serviceBus.outputs.resourceId : storage.outputs.resourceId
      groupId: target.groupId
      dnsZoneId: privateDnsZoneIds[target.groupId]
    }
  }
]

module api 'api.bicep' = {
  name: 'api${dashSuffix}'
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}${dashSuffix}'
    location: location
    tags: tags
    planSku: functionPlanSku
    maximumInstanceCount: maximumInstanceCount
    identityId: identity.outputs.resourceId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    virtualNetworkSubnetId: appSubnetId
    logAnalyticsWorkspaceId: logAnalyticsWorkspaceId
    azdService: cellNumber == 1
  }
  // The identity needs its data roles before the host first starts, or the first cold start fails.
  dependsOn: [
    rbac
  ]
}

module apiSettings 'api-settings.bicep' = {
  name: 'apiSettings${dashSuffix}'
  params: {
    siteName: api.outputs.name
    flexConsumption: api.outputs.flexConsumption
    channelAccountSettings: channelAccountSettings
    appSettings: {
      // Functions host storage (triggers, Durable task hub), reached with the cell's identity.
      AzureWebJobsStorage__accountName: storage.outputs.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.outputs.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
      // DefaultAzureCredential in the app code picks the user-assigned identity from this.
      AZURE_CLIENT_ID: identity.outputs.clientId
      Storage__AccountName: storage.outputs.name
      // A task hub lives in its storage account: the same hub name in another cell's account is another hub.
      Durable__TaskHub: durableTaskHub
      ChannelWork__Transport: channelWorkTransport
      ChannelWork__ServiceBusNamespace: serviceBus.outputs.hostName
      Secrets__KeyVaultUri: keyVaultUri
      // Channels call back the cell that created the payment: each cell announces its own address.
      Api__PublicBaseUrl: 'https://${api.outputs.defaultHostName}'
      Settlement__TimeZone: settlementTimeZone
    }
  }
}

output functionAppName string = api.outputs.name
output apiBaseUrl string = 'https://${api.outputs.defaultHostName}'
output storageAccountName string = storage.outputs.name
output serviceBusHostName string = serviceBus.outputs.hostName
output identityClientId string = identity.outputs.clientId
