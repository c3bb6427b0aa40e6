@description('Service Bus namespace carrying the channel work queues.')
param name string
param location string
param tags object
@description('Standard is the cheapest tier with duplicate detection; Premium adds private endpoints.')
@allowed([
  'Standard'
  'Premium'
])
param sku string
param queueNames string[]
@description('Closes the public endpoint; only honoured on Premium, the one tier with private endpoints.')
param vnetEnabled bool
param logAnalyticsWorkspaceId string

var privateOnly = vnetEnabled && sku == 'Premium'

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: sku == 'Premium'
    ? {
        name: 'Premium'
        tier: 'Premium'
        capacity: 1
      }
    : {
        name: 'Standard'
        tier: 'Standard'
      }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: privateOnly ? 'Disabled' : 'Enabled'
  }
}

resource queues 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = [
  for queueName in queueNames: {
    parent: namespace
    name: queueName
    properties: {
      // The sender sets MessageId to the idempotency key of the channel call, so a retried send
      // inside the window is dropped rather than charging a payer twice.
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: 'PT1H'
      deadLetteringOnMessageExpiration: true
      maxDeliveryCount: 10
      lockDuration: 'PT1M'
      defaultMessageTimeToLive: 'P14D'
    }
  }
]

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: namespace
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
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

output name string = namespace.name
output resourceId string = namespace.id
@description('Fully qualified namespace, e.g. sb-abc.servicebus.windows.net, as the SDK client takes it.')
output hostName string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]
