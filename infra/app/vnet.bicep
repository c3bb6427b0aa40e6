param name string
param location string
param tags object
@description('Flex Consumption integrates through Microsoft.App/environments, Elastic Premium through Microsoft.Web/serverFarms.')
param appSubnetDelegation string
@description('One app subnet per cell: each cell\'s plan integrates through a subnet of its own.')
@minValue(1)
@maxValue(50)
param cellCount int

// Cell 1 keeps the subnet "app" (10.0.1.0/24) it has always had; cell n > 1 gets "app-c<n>" (10.0.<10+n>.0/24).
var appSubnets = [
  for cell in range(1, cellCount): {
    name: cell == 1 ? 'app' : 'app-c${cell}'
    properties: {
      addressPrefix: cell == 1 ? '10.0.1.0/24' : '10.0.${10 + cell}.0/24'
      delegations: [
        {
          name: 'app-delegation'
          properties: {
            serviceName: appSubnetDelegation
          }
        }
      ]
    }
  }
]

var privateEndpointSubnet = {
  name: 'private-endpoints'
  properties: {
    addressPrefix: '10.0.2.0/24'
    privateEndpointNetworkPolicies: 'Disabled'
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
    subnets: concat([appSubnets[0], privateEndpointSubnet], skip(appSubnets, 1))
  }
}

output resourceId string = vnet.id
@description('The app subnet of each cell, cell 1 first.')
output appSubnetIds string[] = [for (subnet, i) in appSubnets: '${vnet.id}/subnets/${subnet.name}']
output privateEndpointSubnetId string = '${vnet.id}/subnets/${privateEndpointSubnet.name}'
