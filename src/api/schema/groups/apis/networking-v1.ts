/**
 * @module networking.k8s.io/v1: Ingress and IngressClass, NetworkPolicy, and the IPAddress and
 * ServiceCIDR objects that allocate service addresses.
 */
import { defineGroup, embedded } from '../../dsl.js';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export const networkingV1 = defineGroup({ prefix: 'io.k8s.api.networking.v1', group: 'networking.k8s.io', version: 'v1' }, (g) => {
  // Ingress
  g.struct('HTTPIngressPath', 'Routes requests whose path matches to a backend.', {
    path: ['string', 1, 'The path matched against the request path; must start with a slash.'],
    pathType: ['string', 3, 'How path is compared: Exact, Prefix (by path element) or ImplementationSpecific.', { required: true, ptr: true, enum: ['Exact', 'ImplementationSpecific', 'Prefix'] }],
    backend: ['IngressBackend', 2, 'Where matching requests go.', { required: true }],
  });
  g.struct('HTTPIngressRuleValue', 'The HTTP routes of an ingress rule.', {
    paths: ['[]HTTPIngressPath', 1, 'Path routes, tried most specific first.', { required: true, list: 'atomic' }],
  });
  g.kind('Ingress', 'Routes external HTTP(S) traffic to services by host and path.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['IngressSpec', 2, 'The routing rules and TLS settings.'],
    status: ['IngressStatus', 3, 'Where the ingress is reachable, as reported by its controller; read-only.'],
  });
  g.struct('IngressBackend', 'Where an ingress sends traffic: a service port or another resource.', {
    service: ['IngressServiceBackend', 4, 'A service and port; exclusive with resource.', { ptr: true }],
    resource: ['core.TypedLocalObjectReference', 3, 'Another object in the namespace, interpreted by the controller; exclusive with service.', { ptr: true }],
  });
  g.kind('IngressClass', 'Names an ingress controller and its configuration so ingresses can pick it.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['IngressClassSpec', 2, 'The controller and its parameters.'],
  });
  g.kind('IngressClassList', 'A page of IngressClass objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]IngressClass', 2, 'The ingress classes returned.', { required: true }],
  });
  g.struct('IngressClassParametersReference', 'Points at the object holding an ingress class\'s controller settings.', {
    apiGroup: ['string', 1, 'API group of the referenced object; the core group when unset.', { ptr: true }],
    kind: ['string', 2, 'Kind of the referenced object.', { required: true }],
    name: ['string', 3, 'Name of the referenced object.', { required: true }],
    scope: ['string', 4, 'Cluster (the default) or Namespace, saying where the object lives.', { ptr: true }],
    namespace: ['string', 5, 'Namespace of the object when scope is Namespace.', { ptr: true }],
  });
  g.struct('IngressClassSpec', 'The controller behind an ingress class.', {
    controller: ['string', 1, 'Domain-prefixed name of the controller implementing the class, e.g. example.com/ingress.'],
    parameters: ['IngressClassParametersReference', 2, 'Optional controller-specific configuration object.', { ptr: true }],
  });
  g.kind('IngressList', 'A page of Ingress objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]Ingress', 2, 'The ingresses returned.', { required: true }],
  });
  g.struct('IngressLoadBalancerIngress', 'One address at which an ingress load balancer answers.', {
    ip: ['string', 1, 'An IP address of the load balancer.'],
    hostname: ['string', 2, 'A DNS name of the load balancer.'],
    ports: ['[]IngressPortStatus', 4, 'Status of the individual ports.', { list: 'atomic' }],
  });
  g.struct('IngressLoadBalancerStatus', 'The addresses an ingress is reachable at.', {
    ingress: ['[]IngressLoadBalancerIngress', 1, 'Load balancer entry points.', { list: 'atomic' }],
  });
  g.struct('IngressPortStatus', 'The state of one load balancer port.', {
    port: ['int32', 1, 'The port number.', { required: true }],
    protocol: ['string', 2, 'TCP, UDP or SCTP.', { required: true, enum: PROTOCOLS }],
    error: ['string', 3, 'Why the port is not working, when it is not.', { ptr: true }],
  });
  g.struct('IngressRule', 'Routes requests for one host (or any host) by their HTTP path.', {
    host: ['string', 1, 'Fully qualified domain name to match, optionally with a leading "*." wildcard; any host when empty.'],
    ...embedded([2], {
      http: ['HTTPIngressRuleValue', 1, 'The HTTP path routes for this host.', { ptr: true }],
    }),
  });
  g.struct('IngressServiceBackend', 'A service port as an ingress destination.', {
    name: ['string', 1, 'Name of the service, in the ingress\'s namespace.', { required: true }],
    port: ['ServiceBackendPort', 2, 'The service port, by name or number.'],
  });
  g.struct('IngressSpec', 'The desired routing of an Ingress.', {
    ingressClassName: ['string', 4, 'The IngressClass that should serve this ingress.', { ptr: true }],
    defaultBackend: ['IngressBackend', 1, 'Where requests that match no rule go.', { ptr: true }],
    tls: ['[]IngressTLS', 2, 'TLS certificates and the hosts they cover.', { list: 'atomic' }],
    rules: ['[]IngressRule', 3, 'Host and path routing rules.', { list: 'atomic' }],
  });
  g.struct('IngressStatus', 'The observed state of an Ingress.', {
    loadBalancer: ['IngressLoadBalancerStatus', 1, 'Addresses of the load balancer serving it.'],
  });
  g.struct('IngressTLS', 'A TLS certificate and the hosts it is used for.', {
    hosts: ['[]string', 1, 'Host names the certificate covers.', { list: 'atomic' }],
    secretName: ['string', 2, 'Secret holding the certificate and key.'],
  });
  g.struct('ServiceBackendPort', 'A service port, given by name or by number (not both).', {
    name: ['string', 1, 'The port\'s name on the service.'],
    number: ['int32', 2, 'The port number on the service.'],
  }, { mapType: 'atomic' });

  // IP address allocation
  g.kind('IPAddress', 'Records that one IP address is allocated, and to what; the name is the address.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['IPAddressSpec', 2, 'What holds the address.'],
  });
  g.kind('IPAddressList', 'A page of IPAddress objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]IPAddress', 2, 'The addresses returned.', { required: true }],
  });
  g.struct('IPAddressSpec', 'The holder of an allocated address.', {
    parentRef: ['ParentReference', 1, 'The object the address is allocated to.', { required: true, ptr: true }],
  });
  g.struct('ParentReference', 'Identifies the object an IP address belongs to.', {
    group: ['string', 1, 'API group of the owner.'],
    resource: ['string', 2, 'Resource (plural) of the owner.', { required: true }],
    namespace: ['string', 3, 'Namespace of the owner.'],
    name: ['string', 4, 'Name of the owner.', { required: true }],
  });
  g.kind('ServiceCIDR', 'A range of addresses from which ClusterIPs are allocated.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['ServiceCIDRSpec', 2, 'The ranges.'],
    status: ['ServiceCIDRStatus', 3, 'Whether the ranges are ready for use; read-only.'],
  });
  g.kind('ServiceCIDRList', 'A page of ServiceCIDR objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]ServiceCIDR', 2, 'The service ranges returned.', { required: true }],
  });
  g.struct('ServiceCIDRSpec', 'The address ranges of a ServiceCIDR.', {
    cidrs: ['[]string', 1, 'At most one IPv4 and one IPv6 range, in CIDR notation; immutable.', { list: 'atomic' }],
  });
  g.struct('ServiceCIDRStatus', 'The observed state of a ServiceCIDR.', {
    conditions: ['[]Condition', 1, 'The latest observations, such as Ready.', { list: 'map', keys: ['type'], patch: 'merge', mergeKey: 'type' }],
  });

  // NetworkPolicy
  g.struct('IPBlock', 'An address range a network policy allows, minus exceptions.', {
    cidr: ['string', 1, 'The allowed range, e.g. 10.0.0.0/8.', { required: true }],
    except: ['[]string', 2, 'Sub-ranges of cidr that are not allowed.', { list: 'atomic' }],
  });
  g.kind('NetworkPolicy', 'Declares which traffic may reach or leave a set of pods.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['NetworkPolicySpec', 2, 'The selected pods and the allowed traffic.'],
  });
  g.struct('NetworkPolicyEgressRule', 'Outgoing traffic allowed when it matches both the ports and the destinations.', {
    ports: ['[]NetworkPolicyPort', 1, 'Destination ports allowed; any port when empty.', { list: 'atomic' }],
    to: ['[]NetworkPolicyPeer', 2, 'Destinations allowed; any destination when empty.', { list: 'atomic' }],
  });
  g.struct('NetworkPolicyIngressRule', 'Incoming traffic allowed when it matches both the ports and the sources.', {
    ports: ['[]NetworkPolicyPort', 1, 'Ports on the selected pods that may be reached; any port when empty.', { list: 'atomic' }],
    from: ['[]NetworkPolicyPeer', 2, 'Sources allowed; any source when empty.', { list: 'atomic' }],
  });
  g.kind('NetworkPolicyList', 'A page of NetworkPolicy objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]NetworkPolicy', 2, 'The policies returned.', { required: true }],
  });
  g.struct('NetworkPolicyPeer', 'A set of traffic endpoints: pods by labels (in namespaces by labels) or an address block.', {
    podSelector: ['LabelSelector', 1, 'Pods matched, in the policy\'s namespace unless namespaceSelector is set.', { ptr: true }],
    namespaceSelector: ['LabelSelector', 2, 'Namespaces whose pods are matched.', { ptr: true }],
    ipBlock: ['IPBlock', 3, 'An address range; exclusive with the selectors.', { ptr: true }],
  });
  g.struct('NetworkPolicyPort', 'A port, or range of ports, with a protocol.', {
    protocol: ['string', 1, 'TCP (the default), UDP or SCTP.', { ptr: true, enum: PROTOCOLS }],
    port: ['IntOrString', 2, 'Port number or named port; all ports when unset.', { ptr: true }],
    endPort: ['int32', 3, 'Last port of a range starting at port.', { ptr: true }],
  });
  g.struct('NetworkPolicySpec', 'The pods a policy selects and the traffic it allows them.', {
    podSelector: ['LabelSelector', 1, 'Pods in the namespace the policy applies to; all pods when empty.', { required: true }],
    ingress: ['[]NetworkPolicyIngressRule', 2, 'Incoming traffic allowed to the selected pods.', { list: 'atomic' }],
    egress: ['[]NetworkPolicyEgressRule', 3, 'Outgoing traffic allowed from the selected pods.', { list: 'atomic' }],
    policyTypes: ['[]string', 4, 'Directions the policy governs: Ingress, Egress or both.', { list: 'atomic', enum: ['Egress', 'Ingress'] }],
  });

  const status = { status: ['get', 'patch', 'update'] } as const;
  g.resource('ingressclasses', { kind: 'IngressClass', namespaced: false });
  g.resource('ingresses', { kind: 'Ingress', shortNames: ['ing'], sub: status });
  g.resource('ipaddresses', { kind: 'IPAddress', namespaced: false, shortNames: ['ip'] });
  g.resource('networkpolicies', { kind: 'NetworkPolicy', shortNames: ['netpol'] });
  g.resource('servicecidrs', { kind: 'ServiceCIDR', namespaced: false, sub: status });
});
