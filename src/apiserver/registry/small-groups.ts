/**
 * @module Strategies for the smaller named groups, each a generic strategy plus its rules:
 * defaults (api/defaults/groups.ts), validation and update rules (api/validation/*), /status
 * checks and extras: leases, disruption budgets, RBAC (path-safe names, immutable roleRef),
 * storage, priority and runtime classes, networking, endpoint slices, HPAs (v1 checked as the v2
 * it is stored as), CSRs (requester recorded, spec frozen), webhooks and admission policies,
 * events.k8s.io events and flow control.
 */
import { eventsV1ToCore } from '../../api/conversion/events.js';
import { hpaV1ToV2 } from '../../api/conversion/hpa.js';
import {
  defaultCSIDriver, defaultEndpointSlice, defaultFlowSchema, defaultHpaV1, defaultHpaV2, defaultIngressClass, defaultMutatingWebhookConfiguration,
  defaultNetworkPolicy, defaultPriorityClass, defaultPriorityLevelConfiguration, defaultRoleBinding, defaultStorageClass,
  defaultValidatingAdmissionPolicy, defaultValidatingAdmissionPolicyBinding, defaultValidatingWebhookConfiguration,
} from '../../api/defaults/groups.js';
import type { KubeObject } from '../../api/meta/object.js';
import { validateAdmissionPolicy, validateAdmissionPolicyBinding, validateWebhookConfiguration } from '../../api/validation/admission.js';
import { validateHpa, validatePdb, validatePdbStatus } from '../../api/validation/autoscaling.js';
import { validateEvent } from '../../api/validation/core-objects.js';
import type { FieldError } from '../../api/validation/field-errors.js';
import {
  validateCsr, validateEndpointSlice, validateFlowSchema, validateLease, validatePriorityClass, validatePriorityClassUpdate, validatePriorityLevel,
  validateRuntimeClass,
} from '../../api/validation/groups-misc.js';
import { obj } from '../../api/validation/helpers.js';
import { nameIsDNSSubdomain, nameIsPathSegment } from '../../api/validation/names.js';
import {
  validateIPAddress, validateIngress, validateIngressClass, validateIngressStatus, validateNetworkPolicy, validateServiceCIDR,
} from '../../api/validation/networking.js';
import { validateImmutable } from '../../api/validation/object-meta.js';
import { validateBinding, validateBindingUpdate, validateRole } from '../../api/validation/rbac.js';
import {
  validateCSIDriver, validateCSIDriverUpdate, validateCSINode, validateCSIStorageCapacity, validateStorageClass, validateStorageClassUpdate,
  validateVolumeAttachment, validateVolumeAttachmentUpdate,
} from '../../api/validation/storage.js';
import type { RequestContext } from './rest/context.js';
import { BaseStrategy, type BaseStrategyOptions } from './rest/strategy.js';
import { isApiServer } from './core/misc.js';

type Check = (o: KubeObject, ctx: RequestContext) => FieldError[];
type UpdateCheck = (next: KubeObject, prev: KubeObject) => FieldError[];

interface Rules {
  readonly defaults?: (o: KubeObject) => void;
  readonly validate?: Check;
  readonly update?: UpdateCheck;
  readonly status?: UpdateCheck;
  readonly create?: (o: KubeObject, ctx: RequestContext) => void;
  readonly prepareUpdate?: (next: KubeObject, prev: KubeObject) => void;
  readonly ttl?: number;
}

/** A generic strategy with a few extra rules: the shape most of these resources need. */
export class RuleStrategy extends BaseStrategy {
  constructor(o: BaseStrategyOptions, private readonly rules: Rules = {}) {
    super(o);
  }
  protected override setDefaults(o: KubeObject): void { this.rules.defaults?.(o); }
  override prepareForCreate(o: KubeObject, ctx: RequestContext): void {
    super.prepareForCreate(o, ctx);
    this.rules.create?.(o, ctx);
  }
  override prepareForUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): void {
    super.prepareForUpdate(next, prev, ctx);
    this.rules.prepareUpdate?.(next, prev);
  }
  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(o, ctx), ...(this.rules.validate?.(o, ctx) ?? [])];
  }
  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...(this.rules.validate?.(next, ctx) ?? []), ...(this.rules.update?.(next, prev) ?? [])];
  }
  validateStatusUpdate(next: KubeObject, prev: KubeObject): FieldError[] {
    return this.rules.status?.(next, prev) ?? [];
  }
  ttlSeconds(): number | undefined { return this.rules.ttl; }
}

const immutable = (...fields: string[]): UpdateCheck => (n, p) => fields.flatMap((f) => validateImmutable(n[f] ?? null, p[f] ?? null, f));
const specImmutable: UpdateCheck = (n, p) => validateImmutable(n['spec'] ?? null, p['spec'] ?? null, 'spec');

const rbac = (kind: 'role' | 'binding', namespaced: boolean) => () => new RuleStrategy({ namespaced, nameValidator: nameIsPathSegment }, kind === 'role'
  ? { validate: (o) => validateRole(o, namespaced) }
  : { defaults: defaultRoleBinding, validate: (o) => validateBinding(o, namespaced), update: validateBindingUpdate });

const csrStrategy = () => new RuleStrategy({ namespaced: false, hasStatus: true }, {
  create: (o, ctx) => {
    // The requester is whoever created the CSR, whatever the body claims (csr strategy PrepareForCreate).
    const s = (o['spec'] = obj(o['spec']));
    const u = ctx.user;
    if (u) {
      s['username'] = u.name;
      if (u.uid) s['uid'] = u.uid;
      s['groups'] = [...u.groups];
      if (u.extra) s['extra'] = u.extra;
    }
    o['status'] = {};
  },
  validate: validateCsr,
  // Spec and status cannot change through the main resource: the stored ones are kept.
  prepareUpdate: (n, p) => { n['spec'] = p['spec']; },
});

const eventsV1 = () => new RuleStrategy({ namespaced: true }, {
  ttl: 3600,
  validate: (o) => validateEvent(eventsV1ToCore(structuredClone(o)), true),
});

/** Strategies by `group/plural` (the apps and batch ones are added by groups.ts). */
export const OTHER_STRATEGIES: Readonly<Record<string, () => BaseStrategy>> = {
  'coordination.k8s.io/leases': () => new RuleStrategy({ namespaced: true }, { validate: validateLease }),
  'policy/poddisruptionbudgets': () => new RuleStrategy({ namespaced: true, hasStatus: true, tracksGeneration: true }, {
    create: (o) => { o['status'] = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }; },
    validate: validatePdb, status: validatePdbStatus,
  }),
  'rbac.authorization.k8s.io/roles': rbac('role', true),
  'rbac.authorization.k8s.io/clusterroles': rbac('role', false),
  'rbac.authorization.k8s.io/rolebindings': rbac('binding', true),
  'rbac.authorization.k8s.io/clusterrolebindings': rbac('binding', false),
  'storage.k8s.io/storageclasses': () => new RuleStrategy({ namespaced: false }, { defaults: defaultStorageClass, validate: validateStorageClass, update: validateStorageClassUpdate }),
  'storage.k8s.io/csidrivers': () => new RuleStrategy({ namespaced: false }, { defaults: defaultCSIDriver, validate: validateCSIDriver, update: validateCSIDriverUpdate }),
  'storage.k8s.io/csinodes': () => new RuleStrategy({ namespaced: false }, { validate: validateCSINode }),
  'storage.k8s.io/volumeattachments': () => new RuleStrategy({ namespaced: false, hasStatus: true, initialStatus: { attached: false } }, { validate: validateVolumeAttachment, update: validateVolumeAttachmentUpdate }),
  'storage.k8s.io/csistoragecapacities': () => new RuleStrategy({ namespaced: true }, { validate: validateCSIStorageCapacity }),
  'scheduling.k8s.io/priorityclasses': () => new RuleStrategy({ namespaced: false }, { defaults: defaultPriorityClass, validate: validatePriorityClass, update: validatePriorityClassUpdate }),
  'node.k8s.io/runtimeclasses': () => new RuleStrategy({ namespaced: false }, { validate: validateRuntimeClass, update: immutable('handler') }),
  'networking.k8s.io/ingresses': () => new RuleStrategy({ namespaced: true, hasStatus: true, tracksGeneration: true, initialStatus: { loadBalancer: {} } }, { validate: validateIngress, status: validateIngressStatus }),
  'networking.k8s.io/ingressclasses': () => new RuleStrategy({ namespaced: false, tracksGeneration: true }, {
    defaults: defaultIngressClass, validate: validateIngressClass, update: (n, p) => validateImmutable(obj(n['spec'])['controller'] ?? null, obj(p['spec'])['controller'] ?? null, 'spec.controller'),
  }),
  'networking.k8s.io/networkpolicies': () => new RuleStrategy({ namespaced: true, tracksGeneration: true }, { defaults: defaultNetworkPolicy, validate: validateNetworkPolicy }),
  'networking.k8s.io/ipaddresses': () => new RuleStrategy({ namespaced: false }, { validate: validateIPAddress, update: specImmutable }),
  'networking.k8s.io/servicecidrs': () => new RuleStrategy({ namespaced: false, hasStatus: true, initialStatus: {} }, { validate: validateServiceCIDR }),
  'discovery.k8s.io/endpointslices': () => new RuleStrategy({ namespaced: true, tracksGeneration: true, nameValidator: nameIsDNSSubdomain }, {
    defaults: defaultEndpointSlice, validate: (o, ctx) => validateEndpointSlice(o, isApiServer(ctx)), update: immutable('addressType'),
  }),
  'autoscaling/horizontalpodautoscalers': () => new RuleStrategy({ namespaced: true, hasStatus: true, tracksGeneration: true }, {
    create: (o) => { o['status'] = o.apiVersion === 'autoscaling/v1' ? { currentReplicas: 0, desiredReplicas: 0 } : { desiredReplicas: 0 }; },
    defaults: (o) => (o.apiVersion === 'autoscaling/v1' ? defaultHpaV1(o) : defaultHpaV2(o)),
    validate: (o) => validateHpa(o.apiVersion === 'autoscaling/v1' ? hpaV1ToV2(structuredClone(o)) : o),
  }),
  'certificates.k8s.io/certificatesigningrequests': csrStrategy,
  'admissionregistration.k8s.io/mutatingwebhookconfigurations': () => new RuleStrategy({ namespaced: false, tracksGeneration: true }, {
    defaults: defaultMutatingWebhookConfiguration, validate: (o) => validateWebhookConfiguration(o, true),
  }),
  'admissionregistration.k8s.io/validatingwebhookconfigurations': () => new RuleStrategy({ namespaced: false, tracksGeneration: true }, {
    defaults: defaultValidatingWebhookConfiguration, validate: (o) => validateWebhookConfiguration(o, false),
  }),
  'admissionregistration.k8s.io/validatingadmissionpolicies': () => new RuleStrategy({ namespaced: false, hasStatus: true, tracksGeneration: true, initialStatus: {} }, {
    defaults: defaultValidatingAdmissionPolicy, validate: validateAdmissionPolicy,
  }),
  'admissionregistration.k8s.io/validatingadmissionpolicybindings': () => new RuleStrategy({ namespaced: false, tracksGeneration: true }, {
    defaults: defaultValidatingAdmissionPolicyBinding, validate: validateAdmissionPolicyBinding,
  }),
  'events.k8s.io/events': eventsV1,
  'flowcontrol.apiserver.k8s.io/flowschemas': () => new RuleStrategy({ namespaced: false, hasStatus: true, tracksGeneration: true, initialStatus: {} }, { defaults: defaultFlowSchema, validate: validateFlowSchema }),
  'flowcontrol.apiserver.k8s.io/prioritylevelconfigurations': () => new RuleStrategy({ namespaced: false, hasStatus: true, tracksGeneration: true, initialStatus: {} }, {
    defaults: defaultPriorityLevelConfiguration, validate: validatePriorityLevel,
  }),
};
