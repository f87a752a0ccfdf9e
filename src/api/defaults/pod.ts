/**
 * @module Pod and pod template defaulting as Kubernetes's scheme defaults them
 * (pkg/apis/core/v1/defaults.go): the PodSpec policies and grace period, per container the pull
 * policy, termination message settings, port protocols and the always-present `resources: {}`,
 * probes and HTTP actions, volume sources (emptyDir when none, file modes, token expiry),
 * downward API selectors; for pods only (not templates) requests from limits, enableServiceLinks
 * and host network ports. Every function mutates its argument.
 */
import { isPlainObject } from '../meta/object.js';

type Obj = Record<string, unknown>;

/** Sets `o[key]` when it is absent or null. */
export function setDefault(o: Obj, key: string, value: unknown): void {
  if (o[key] === undefined || o[key] === null) o[key] = value;
}

const each = (v: unknown, fn: (o: Obj) => void) => {
  if (Array.isArray(v)) for (const x of v) if (isPlainObject(x)) fn(x);
};
const at = (o: Obj, key: string, fn: (o: Obj) => void) => {
  const v = o[key];
  if (isPlainObject(v)) fn(v);
};

/** IfNotPresent, or Always for `:latest` and untagged images (digests pin the image). */
export function defaultPullPolicy(image: unknown): string {
  if (typeof image !== 'string') return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const tagAt = image.indexOf(':', lastSlash + 1);
  if (tagAt < 0) return 'Always';
  return image.slice(tagAt + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultHttpGet(h: Obj): void {
  at(h, 'httpGet', (g) => {
    setDefault(g, 'path', '/');
    setDefault(g, 'scheme', 'HTTP');
  });
}

function defaultFieldRefs(o: Obj): void {
  at(o, 'fieldRef', (f) => setDefault(f, 'apiVersion', 'v1'));
  // A zero Quantity is still encoded: the divisor reads "0" when none was given.
  at(o, 'resourceFieldRef', (f) => setDefault(f, 'divisor', '0'));
}

function defaultContainer(c: Obj): void {
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  setDefault(c, 'imagePullPolicy', defaultPullPolicy(c['image']));
  setDefault(c, 'resources', {});
  each(c['ports'], (p) => setDefault(p, 'protocol', 'TCP'));
  each(c['env'], (e) => at(e, 'valueFrom', defaultFieldRefs));
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    at(c, probe, (p) => {
      setDefault(p, 'timeoutSeconds', 1);
      setDefault(p, 'periodSeconds', 10);
      setDefault(p, 'successThreshold', 1);
      setDefault(p, 'failureThreshold', 3);
      defaultHttpGet(p);
    });
  }
  at(c, 'lifecycle', (l) => {
    at(l, 'postStart', defaultHttpGet);
    at(l, 'preStop', defaultHttpGet);
  });
}

/** Template ObjectMeta always encodes its zero creationTimestamp (as null) in 1.33. */
export function defaultTemplateMeta(t: Obj): void {
  const meta = isPlainObject(t['metadata']) ? t['metadata'] : (t['metadata'] = {});
  if (!('creationTimestamp' in meta)) meta['creationTimestamp'] = null;
}

function defaultVolume(v: Obj): void {
  const SOURCES = ['hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
    'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap', 'vsphereVolume',
    'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image'];
  // A volume without a source is an emptyDir (SetDefaults_Volume); an explicit null emptyDir too.
  if (!SOURCES.some((s) => v[s] !== undefined && v[s] !== null)) v['emptyDir'] = {};
  for (const src of ['secret', 'configMap', 'downwardAPI', 'projected']) at(v, src, (s) => setDefault(s, 'defaultMode', 420));
  at(v, 'downwardAPI', (d) => each(d['items'], defaultFieldRefs));
  at(v, 'projected', (p) => each(p['sources'], (s) => {
    at(s, 'serviceAccountToken', (t) => setDefault(t, 'expirationSeconds', 3600));
    at(s, 'downwardAPI', (d) => each(d['items'], defaultFieldRefs));
  }));
  at(v, 'hostPath', (h) => setDefault(h, 'type', ''));
  at(v, 'iscsi', (i) => setDefault(i, 'iscsiInterface', 'default'));
  at(v, 'rbd', (r) => {
    setDefault(r, 'pool', 'rbd');
    setDefault(r, 'user', 'admin');
    setDefault(r, 'keyring', '/etc/ceph/keyring');
  });
  at(v, 'azureDisk', (a) => {
    setDefault(a, 'cachingMode', 'ReadWrite');
    setDefault(a, 'fsType', 'ext4');
    setDefault(a, 'readOnly', false);
    setDefault(a, 'kind', 'Shared');
  });
  at(v, 'scaleIO', (s) => {
    setDefault(s, 'storageMode', 'ThinProvisioned');
    setDefault(s, 'fsType', 'xfs');
  });
  at(v, 'image', (i) => setDefault(i, 'pullPolicy', defaultPullPolicy(i['reference'])));
  at(v, 'ephemeral', (e) => at(e, 'volumeClaimTemplate', (t) => {
    defaultTemplateMeta(t);
    at(t, 'spec', (s) => setDefault(s, 'volumeMode', 'Filesystem'));
  }));
}

/** Defaults a PodSpec in place (pods and templates alike). */
export function defaultPodSpec(spec: unknown): void {
  if (!isPlainObject(spec)) return;
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'schedulerName', 'default-scheduler');
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) each(spec[list], defaultContainer);
  each(spec['volumes'], defaultVolume);
}

/** Containers' requests default to their limits (pods only: templates keep what they say). */
function defaultRequestsFromLimits(c: Obj): void {
  const res = isPlainObject(c['resources']) ? c['resources'] : undefined;
  if (!res || !isPlainObject(res['limits'])) return;
  const requests = isPlainObject(res['requests']) ? res['requests'] : (res['requests'] = {});
  for (const [k, v] of Object.entries(res['limits'])) if (requests[k] === undefined) requests[k] = v;
}

/** Defaults a Pod's spec: the PodSpec defaults plus the pod-only ones (SetDefaults_Pod). */
export function defaultPod(pod: Obj): void {
  const spec = pod['spec'];
  if (!isPlainObject(spec)) return;
  defaultPodSpec(spec);
  each(spec['containers'], defaultRequestsFromLimits);
  each(spec['initContainers'], defaultRequestsFromLimits);
  setDefault(spec, 'enableServiceLinks', true);
  if (spec['hostNetwork'] === true) {
    for (const list of ['containers', 'initContainers']) {
      each(spec[list], (c) => each(c['ports'], (p) => {
        if (p['hostPort'] === undefined || p['hostPort'] === 0) p['hostPort'] = p['containerPort'];
      }));
    }
  }
}

/** Defaults a pod template (deployments, jobs, ...): metadata and spec. */
export function defaultPodTemplate(template: unknown): void {
  if (!isPlainObject(template)) return;
  defaultTemplateMeta(template);
  if (!isPlainObject(template['spec'])) template['spec'] = {};
  defaultPodSpec(template['spec']);
}
