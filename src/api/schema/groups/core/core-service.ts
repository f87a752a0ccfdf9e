/**
 * @module core/v1 service discovery: Service, its ports and load balancer status, Endpoints, and
 * ServiceAccount.
 */
import { defineGroup } from '../../dsl.js';
import { CORE_V1, listKind } from './core-v1.js';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];

export const coreService = defineGroup(CORE_V1, (g) => {
  g.kind('Service', 'A stable name and virtual address in front of a set of pods.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['ServiceSpec', 2, 'How the service is exposed and which pods back it.'],
    status: ['ServiceStatus', 3, 'Load balancer state and conditions.'],
  });
  listKind(g, 'Service', 'services');

  g.struct('ServiceSpec', 'How a service is exposed.', {
    ports: ['[]ServicePort', 1, 'Ports the service exposes.', { list: 'map', keys: ['port', 'protocol'], patch: 'merge', mergeKey: 'port' }],
    selector: ['map[string]string', 2, 'Labels of the backing pods; endpoints are managed by hand when empty.', { mapType: 'atomic' }],
    clusterIP: ['string', 3, 'Virtual IP of the service: allocated when empty, None for a headless service.'],
    clusterIPs: ['[]string', 18, 'Virtual IPs, one per family, the first equal to clusterIP.', { list: 'atomic' }],
    type: ['string', 4, 'ClusterIP, NodePort, LoadBalancer or ExternalName.', { enum: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] }],
    externalIPs: ['[]string', 5, 'Extra addresses nodes accept traffic for on behalf of the service.', { list: 'atomic' }],
    sessionAffinity: ['string', 7, 'ClientIP keeps a client on one pod; None does not.', { enum: ['ClientIP', 'None'] }],
    loadBalancerIP: ['string', 8, 'Deprecated request for a specific load balancer address.'],
    loadBalancerSourceRanges: ['[]string', 9, 'Client ranges a cloud load balancer admits.', { list: 'atomic' }],
    externalName: ['string', 10, 'DNS name the service aliases, for type ExternalName.'],
    externalTrafficPolicy: ['string', 11, 'Whether external traffic may leave the receiving node: Cluster or Local.', { enum: TRAFFIC_POLICIES }],
    healthCheckNodePort: ['int32', 12, 'Node port serving health checks for the Local external policy.'],
    publishNotReadyAddresses: ['boolean', 13, 'Publishes addresses of pods that are not ready.'],
    sessionAffinityConfig: ['SessionAffinityConfig', 14, 'Settings of session affinity.', { ptr: true }],
    ipFamilies: ['[]string', 19, 'Address families of the service, IPv4 and/or IPv6.', { list: 'atomic' }],
    ipFamilyPolicy: ['string', 17, 'SingleStack, PreferDualStack or RequireDualStack.', { ptr: true, enum: ['PreferDualStack', 'RequireDualStack', 'SingleStack'] }],
    allocateLoadBalancerNodePorts: ['boolean', 20, 'Whether a LoadBalancer service gets node ports; true when unset.', { ptr: true }],
    loadBalancerClass: ['string', 21, 'Which load balancer implementation handles the service.', { ptr: true }],
    internalTrafficPolicy: ['string', 22, 'Whether in-cluster traffic may leave the sending node: Cluster or Local.', { ptr: true, enum: TRAFFIC_POLICIES }],
    trafficDistribution: ['string', 23, 'Preference for how traffic is spread over endpoints, e.g. PreferClose.', { ptr: true }],
  });

  g.struct('ServicePort', 'One port of a service.', {
    name: ['string', 1, 'Name of the port, required when there are several.'],
    protocol: ['string', 2, 'TCP, UDP or SCTP.', { enum: PROTOCOLS, default: 'TCP' }],
    appProtocol: ['string', 6, 'Application protocol hint, e.g. kubernetes.io/h2c.', { ptr: true }],
    port: ['int32', 3, 'Port the service listens on.', { required: true }],
    targetPort: ['IntOrString', 4, 'Pod port number or name traffic goes to; the same as port when unset.'],
    nodePort: ['int32', 5, 'Port opened on every node for NodePort and LoadBalancer services.'],
  });

  g.struct('ServiceStatus', 'The observed state of a service.', {
    loadBalancer: ['LoadBalancerStatus', 1, 'Addresses of the load balancer, when there is one.'],
    conditions: ['[]Condition', 2, 'Current conditions of the service.', { list: 'map', keys: ['type'], patch: 'merge', mergeKey: 'type' }],
  });

  g.struct('LoadBalancerStatus', 'The addresses of a load balancer.', {
    ingress: ['[]LoadBalancerIngress', 1, 'Entry points of the load balancer.', { list: 'atomic' }],
  });

  g.struct('LoadBalancerIngress', 'One entry point of a load balancer.', {
    ip: ['string', 1, 'IP address of the entry point.'],
    hostname: ['string', 2, 'DNS name of the entry point.'],
    ipMode: ['string', 3, 'VIP (traffic arrives addressed to the IP) or Proxy (addressed to the node).', { ptr: true }],
    ports: ['[]PortStatus', 4, 'State of each service port on this entry point.', { list: 'atomic' }],
  });

  g.struct('PortStatus', 'The state of one port.', {
    port: ['int32', 1, 'Port number.', { required: true }],
    protocol: ['string', 2, 'TCP, UDP or SCTP.', { required: true, enum: PROTOCOLS }],
    error: ['string', 3, 'Problem with the port, in CamelCase or as domain/CamelCase; empty when fine.', { ptr: true }],
  });

  g.struct('SessionAffinityConfig', 'Settings of session affinity.', {
    clientIP: ['ClientIPConfig', 1, 'Settings for ClientIP affinity.', { ptr: true }],
  });

  g.struct('ClientIPConfig', 'Settings for ClientIP session affinity.', {
    timeoutSeconds: ['int32', 1, 'How long a client stays on a pod, 1 to 86400; 10800 when unset.', { ptr: true }],
  });

  g.kind('Endpoints', 'The addresses and ports that implement a service (legacy form of EndpointSlice).', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    subsets: ['[]EndpointSubset', 2, 'Groups of addresses sharing the same ports.', { list: 'atomic' }],
  });
  listKind(g, 'Endpoints', 'endpoints');

  g.struct('EndpointSubset', 'Addresses that all expose the same ports.', {
    addresses: ['[]EndpointAddress', 1, 'Addresses ready to receive traffic.', { list: 'atomic' }],
    notReadyAddresses: ['[]EndpointAddress', 2, 'Addresses not ready yet, or no longer.', { list: 'atomic' }],
    ports: ['[]EndpointPort', 3, 'Ports available on every address.', { list: 'atomic' }],
  });

  g.struct('EndpointAddress', 'One endpoint address.', {
    ip: ['string', 1, 'IP address; never loopback, link-local or a service IP.', { required: true }],
    hostname: ['string', 3, 'Host name of the endpoint.'],
    nodeName: ['string', 4, 'Node that hosts the endpoint.', { ptr: true }],
    targetRef: ['ObjectReference', 2, 'Object behind the endpoint, usually a pod.', { ptr: true }],
  }, { mapType: 'atomic' });

  g.struct('EndpointPort', 'One endpoint port.', {
    name: ['string', 1, 'Name matching a service port name; optional with one port.'],
    port: ['int32', 2, 'Port number.', { required: true }],
    protocol: ['string', 3, 'TCP, UDP or SCTP.', { enum: PROTOCOLS }],
    appProtocol: ['string', 4, 'Application protocol hint.', { ptr: true }],
  }, { mapType: 'atomic' });

  g.kind('ServiceAccount', 'An identity for processes in pods, with its credentials.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    secrets: ['[]ObjectReference', 2, 'Secrets pods of this account may use; legacy token secrets live here.', { list: 'map', keys: ['name'], patch: 'merge', mergeKey: 'name' }],
    imagePullSecrets: ['[]LocalObjectReference', 3, 'Registry credentials added to the pods of this account.', { list: 'atomic' }],
    automountServiceAccountToken: ['boolean', 4, 'Whether pods get an API token mounted by default.', { ptr: true }],
  });
  listKind(g, 'ServiceAccount', 'service accounts');
});
