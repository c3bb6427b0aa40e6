@description('The private DNS zones every private endpoint of the deployment registers in, each linked once to the VNet.')
param zoneNames string[]
@description('The private-link sub-resource (blob, queue, table, vault, namespace) of each zone, in the order of zoneNames.')
param groupIds string[]
@description('Names of the VNet links, one per zone, in the order of zoneNames.')
param linkNames string[]
param virtualNetworkId string
param tags object

// A VNet can be linked to a zone only once, so the zones and links are shared by every cell's endpoints.
resource zones 'Microsoft.Network/privateDnsZones@2020-06-01' = [
  for zoneName in zoneNames: {
    name: zoneName
    location: 'global'
    tags: tags
  }
]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = [
  for (zoneName, i) in zoneNames: {
    parent: zones[i]
    name: linkNames[i]
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: virtualNetworkId
      }
    }
  }
]

@description('Zone resource id by sub-resource, for the endpoints to register in.')
output zoneIds { *: string } = toObject(
  range(0, length(zoneNames)),
  i => groupIds[i],
  i => resourceId('Microsoft.Network/privateDnsZones', zoneNames[i])
)
