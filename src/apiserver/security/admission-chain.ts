/**
 * @module The admission chain in kube-apiserver's plugin order (NamespaceLifecycle, LimitRanger,
 * ServiceAccount, NodeRestriction, PodSecurity, DefaultTolerationSeconds, DefaultStorageClass,
 * MutatingAdmissionWebhook, ValidatingAdmissionWebhook, ResourceQuota), plus RBAC's escalation
 * check, which kube-apiserver runs in the RBAC registry just before admission.
 */
import { AdmissionChain, type AdmissionAttributes, type MutatingPlugin, type ValidatingPlugin } from '../admission/admission.js';
import { namespaceLifecycle } from '../admission/namespace-lifecycle.js';
import type { Authorizer } from '../authorization/authorizer.js';
import type { RbacAuthorizer, RbacSource } from '../authorization/rbac/authorizer.js';
import { rbacEscalationCheck } from '../authorization/rbac/escalation.js';
import type { ResourceRegistry } from '../registry/resources.js';

export interface AdmissionChainOptions {
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

export function buildAdmissionChain(registry: ResourceRegistry, o: AdmissionChainOptions): AdmissionChain {
  const mutating: MutatingPlugin[] = [];
  const validating: ValidatingPlugin[] = [lateEscalation(o), namespaceLifecycle(registry)];
  return new AdmissionChain(mutating, validating);
}
