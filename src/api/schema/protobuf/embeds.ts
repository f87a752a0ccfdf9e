/**
 * @module Where protobuf nests what JSON flattens. A Go struct embedded with `json:",inline"` puts
 * its fields at the top level of the JSON object, but protobuf encodes it as one nested message
 * under its own field number. The catalog lists the flattened JSON fields (with protobuf number 0,
 * as the outer message has none for them); these facts say where each lives on the wire.
 * Field numbers are Kubernetes facts (k8s.io/api generated.proto), written down here by hand.
 */

/** An embedded struct: its number in the outer message and where its fields live inside it. */
export interface Embed {
  readonly at: number;
  /** JSON field name → number inside the embedded message, or a further embedded struct. */
  readonly fields: Readonly<Record<string, number>>;
  readonly embeds?: readonly Embed[];
}

const core = (n: string) => `io.k8s.api.core.v1.${n}`;
const localObjectReference: Embed = { at: 1, fields: { name: 1 } };
const rule: Embed = { at: 2, fields: { apiGroups: 1, apiVersions: 2, resources: 3, scope: 4 } };

/** Core/v1 VolumeSource: the volume kinds a pod's Volume can hold. */
const volumeSource: Readonly<Record<string, number>> = {
  hostPath: 1, emptyDir: 2, gcePersistentDisk: 3, awsElasticBlockStore: 4, gitRepo: 5, secret: 6, nfs: 7,
  iscsi: 8, glusterfs: 9, persistentVolumeClaim: 10, rbd: 11, flexVolume: 12, cinder: 13, cephfs: 14,
  flocker: 15, downwardAPI: 16, fc: 17, azureFile: 18, configMap: 19, vsphereVolume: 20, quobyte: 21,
  azureDisk: 22, photonPersistentDisk: 23, portworxVolume: 24, scaleIO: 25, projected: 26, storageos: 27,
  csi: 28, ephemeral: 29, image: 30,
};

/** Core/v1 PersistentVolumeSource: the volume kinds a PersistentVolume can hold (other numbers). */
const persistentVolumeSource: Readonly<Record<string, number>> = {
  gcePersistentDisk: 1, awsElasticBlockStore: 2, hostPath: 3, glusterfs: 4, nfs: 5, rbd: 6, iscsi: 7,
  cinder: 8, cephfs: 9, fc: 10, flocker: 11, flexVolume: 12, azureFile: 13, vsphereVolume: 14, quobyte: 15,
  azureDisk: 16, photonPersistentDisk: 17, portworxVolume: 18, scaleIO: 19, local: 20, storageos: 21, csi: 22,
};

/** Container fields, numbered as in Container; EphemeralContainerCommon repeats those numbers. */
const containerCommon: Readonly<Record<string, number>> = {
  name: 1, image: 2, command: 3, args: 4, workingDir: 5, ports: 6, env: 7, resources: 8, volumeMounts: 9,
  livenessProbe: 10, readinessProbe: 11, lifecycle: 12, terminationMessagePath: 13, imagePullPolicy: 14,
  securityContext: 15, stdin: 16, stdinOnce: 17, tty: 18, envFrom: 19, terminationMessagePolicy: 20,
  volumeDevices: 21, startupProbe: 22, resizePolicy: 23, restartPolicy: 24,
};

/** Definition name → the structs it embeds. */
export const EMBEDS: ReadonlyMap<string, readonly Embed[]> = new Map<string, readonly Embed[]>([
  [core('Probe'), [{ at: 1, fields: { exec: 1, httpGet: 2, tcpSocket: 3, grpc: 4 } }]],
  [core('Volume'), [{ at: 2, fields: volumeSource }]],
  [core('PersistentVolumeSpec'), [{ at: 2, fields: persistentVolumeSource }]],
  [core('EphemeralContainer'), [{ at: 1, fields: containerCommon }]],
  [core('ConfigMapEnvSource'), [localObjectReference]],
  [core('ConfigMapKeySelector'), [localObjectReference]],
  [core('ConfigMapProjection'), [localObjectReference]],
  [core('ConfigMapVolumeSource'), [localObjectReference]],
  [core('SecretEnvSource'), [localObjectReference]],
  [core('SecretKeySelector'), [localObjectReference]],
  [core('SecretProjection'), [localObjectReference]],
  ['io.k8s.api.networking.v1.IngressRule', [{ at: 2, fields: { http: 1 } }]],
  ['io.k8s.api.admissionregistration.v1.RuleWithOperations', [rule]],
  ['io.k8s.api.admissionregistration.v1.NamedRuleWithOperations', [{ at: 2, fields: { operations: 1 }, embeds: [rule] }]],
]);
