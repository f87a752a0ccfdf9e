/**
 * @module The admission chain in kube-apiserver's plugin order (NamespaceLifecycle, LimitRanger,
 * ServiceAccount, NodeRestriction, PodSecurity, DefaultTolerationSeconds, DefaultStorageClass,
 * MutatingAdmissionWebhook, ValidatingAdmissionWebhook, ResourceQuota), plus RBAC's escalation
 * check, which kube-apiserver runs in the RBAC registry just before admission. Mutating plugins
 * run first in that order, then validating ones.
 */
import type { KubeObject } from '../../api/meta/object.js';
import { AdmissionChain, type AdmissionAttributes, type MutatingPlugin, type ValidatingPlugin } from '../admission/admission.js';
import { namespaceLifecycle } from '../admission/namespace-lifecycle.js';
import { defaultStorageClassPlugin, defaultTolerationSeconds } from '../admission/plugins/defaults.js';
import type { PodSecurityConfig } from '../admission/plugins/pod-security/plugin.js';
import { limitRanger } from '../admission/plugins/limit-ranger.js';
import { nodeRestriction } from '../admission/plugins/node-restriction.js';
import { podSecurity } from '../admission/plugins/pod-security/plugin.js';
import { QuotaTracker } from '../admission/plugins/resource-quota/quota.js';
import { serviceAccountAdmission } from '../admission/plugins/service-account.js';
import { mutatingWebhooks, validatingWebhooks } from '../admission/webhooks/dispatcher.js';
import type { Authorizer } from '../authorization/authorizer.js';
import type { RbacAuthorizer, RbacSource } from '../authorization/rbac/authorizer.js';
import { rbacEscalationCheck } from '../authorization/rbac/escalation.js';
import type { ResourceRegistry } from '../registry/resources.js';
import { equivalentResources } from './equivalent-resources.js';
import { ObjectView } from './object-view.js';
import { endpointServiceResolver } from './service-resolver.js';

/** Settings of the built-in plugins, as kube-apiserver's flags and admission configuration give them. */
export interface AdmissionSettings {
  /** PodSecurity's cluster-wide defaults and exemptions (its PodSecurityConfiguration). */
  readonly podSecurity?: PodSecurityConfig | undefined;
  /** DefaultTolerationSeconds (300 s each). */
  readonly notReadyTolerationSeconds?: number | undefined;
  readonly unreachableTolerationSeconds?: number | undefined;
}

export interface AdmissionChainOptions extends AdmissionSettings {
  readonly authorizer: Authorizer;
  /** RBAC, once the security layer is attached. */
  readonly rbac: () => { readonly rbac: RbacAuthorizer; readonly source: RbacSource } | undefined;
}

/** The escalation check, created once RBAC exists. */
function lateEscalation(o: AdmissionChainOptions): ValidatingPlugin {
  let plugin: ValidatingPlugin | undefined;
  return {
    name: 'RBACEscalation',
    handles: (op) => op === 'CREATE' || op === 'UPDATE',
    async validate(a: AdmissionAttributes) {
      const r = o.rbac();
      if (!r) return;
      plugin ??= rbacEscalationCheck({ authorizer: o.authorizer, rbac: r.rbac, source: r.source });
      await plugin.validate(a);
    },
  };
}

/** A view's objects of one namespace (empty when the resource is not served). */
function lister(view: ObjectView | undefined): (namespace: string) => Promise<readonly KubeObject[]> {
  return async (namespace) => {
    if (!view) return [];
    await view.ready();
    return view.list(namespace);
  };
}

export function buildAdmissionChain(registry: ResourceRegistry, o: AdmissionChainOptions): { chain: AdmissionChain; quota: QuotaTracker } {
  const v = (group: string, plural: string) => ObjectView.of(registry, group, 'v1', plural);
  const namespaces = v('', 'namespaces');
  const serviceAccounts = v('', 'serviceaccounts');
  const pods = v('', 'pods');
  const mutatingConfigs = v('admissionregistration.k8s.io', 'mutatingwebhookconfigurations');
  const validatingConfigs = v('admissionregistration.k8s.io', 'validatingwebhookconfigurations');
  const namespaceLabels = async (name: string) => {
    const ns = await namespaces?.get('', name);
    return ns ? ns.metadata.labels ?? {} : undefined;
  };
  const equivalents = equivalentResources(registry);
  const webhookSources = (view: ObjectView | undefined) => ({
    configurations: () => view?.list() ?? [], namespaceLabels, resolveService: endpointServiceResolver(registry), equivalents,
  });
  const sa = serviceAccountAdmission(async (ns, name) => serviceAccounts?.get(ns, name));
  const limits = limitRanger(lister(v('', 'limitranges')));
  const quota = new QuotaTracker(registry);
  // Webhook configurations are read synchronously per request: load their caches now.
  void mutatingConfigs?.ready();
  void validatingConfigs?.ready();
  void pods?.ready();
  const mutating: MutatingPlugin[] = [
    limits.mutating,
    sa.mutating,
    defaultTolerationSeconds({
      ...(o.notReadyTolerationSeconds !== undefined ? { notReadySeconds: o.notReadyTolerationSeconds } : {}),
      ...(o.unreachableTolerationSeconds !== undefined ? { unreachableSeconds: o.unreachableTolerationSeconds } : {}),
    }),
    defaultStorageClassPlugin(async () => lister(v('storage.k8s.io', 'storageclasses'))('')),
    mutatingWebhooks(webhookSources(mutatingConfigs)),
  ];
  const validating: ValidatingPlugin[] = [
    lateEscalation(o),
    namespaceLifecycle(registry),
    limits.validating,
    sa.validating,
    nodeRestriction(async (ns, name) => pods?.get(ns, name)),
    podSecurity({ namespaceLabels, pods: (ns) => pods?.list(ns) ?? [], ...(o.podSecurity ? { config: o.podSecurity } : {}) }),
    validatingWebhooks(webhookSources(validatingConfigs)),
    quota.plugin(),
  ];
  return { chain: new AdmissionChain(mutating, validating), quota };
}
