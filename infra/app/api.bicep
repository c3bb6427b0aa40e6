@description('Function app name.')
param name string
param planName string
param location string
param tags object
@description('FC1 (Flex Consumption) scales to zero; EP1 (Elastic Premium) keeps an instance warm for the Service Bus processor.')
@allowed([
  'FC1'
  'EP1'
])
param planSku string
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int
param identityId string
param storageBlobEndpoint string
param deploymentContainerName string
@description('Empty unless the app is integrated into a virtual network.')
param virtualNetworkSubnetId string
param logAnalyticsWorkspaceId string
@description('azd deploys to the one app tagged as its service "api"; the other cells get the same package from the post-deploy hook.')
param azdService bool

var flexConsumption = planSku == 'FC1'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: flexConsumption ? 'functionapp' : 'elastic'
  sku: flexConsumption
    ? {
        name: 'FC1'
        tier: 'FlexConsumption'
      }
    : {
        name: 'EP1'
        tier: 'ElasticPremium'
      }
  properties: {
    reserved: true
    maximumElasticWorkerCount: flexConsumption ? null : maximumInstanceCount
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: azdService ? union(tags, { 'azd-service-name': 'api' }) : tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    vnetRouteAllEnabled: !empty(virtualNetworkSubnetId)
    functionAppConfig: flexConsumption
      ? {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: '${storageBlobEndpoint}${deploymentContainerName}'
              authentication: {
                type: 'UserAssignedIdentity'
                userAssignedIdentityResourceId: identityId
              }
            }
          }
          scaleAndConcurrency: {
            maximumInstanceCount: maximumInstanceCount
            instanceMemoryMB: 2048
          }
          runtime: {
            name: 'dotnet-isolated'
            version: '10.0'
          }
        }
      : null
    siteConfig: {
      linuxFxVersion: flexConsumption ? null : 'DOTNET-ISOLATED|10.0'
      // One always-ready instance keeps the hosted Service Bus processor receiving between requests.
      minimumElasticInstanceCount: flexConsumption ? null : 1
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
  }
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output name string = site.name
output flexConsumption bool = flexConsumption
output defaultHostName string = site.properties.defaultHostName
