/**
 * @module core/v1 security settings: pod and container security contexts, SELinux, seccomp,
 * AppArmor, capabilities, sysctls and Windows options.
 */
import { defineGroup } from '../../dsl.js';
import { CORE_V1 } from './core-v1.js';

const PROFILE_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];

export const coreSecurity = defineGroup(CORE_V1, (g) => {
  g.struct('PodSecurityContext', 'Security settings applied to every container of a pod and to its volumes.', {
    seLinuxOptions: ['SELinuxOptions', 1, 'SELinux label given to all containers unless they set their own.', { ptr: true }],
    windowsOptions: ['WindowsSecurityContextOptions', 8, 'Windows-specific settings for all containers.', { ptr: true }],
    runAsUser: ['int64', 2, 'User ID the container processes run as, overriding the image.', { ptr: true }],
    runAsGroup: ['int64', 6, 'Primary group ID the container processes run as.', { ptr: true }],
    runAsNonRoot: ['boolean', 3, 'When true, the kubelet refuses to start a container that would run as UID 0.', { ptr: true }],
    supplementalGroups: ['[]int64', 4, 'Extra group IDs given to the first process of each container.', { list: 'atomic' }],
    supplementalGroupsPolicy: ['string', 12, 'How supplementary groups are computed: Merge with the image\'s, or Strict.', { ptr: true, enum: ['Merge', 'Strict'] }],
    fsGroup: ['int64', 5, 'Group that owns supported volumes and is added to every container.', { ptr: true }],
    sysctls: ['[]Sysctl', 7, 'Namespaced kernel parameters set for the pod.', { list: 'atomic' }],
    fsGroupChangePolicy: ['string', 9, 'When volume ownership is changed to fsGroup: Always or OnRootMismatch.', { ptr: true, enum: ['Always', 'OnRootMismatch'] }],
    seccompProfile: ['SeccompProfile', 10, 'Seccomp filter for all containers unless they set their own.', { ptr: true }],
    appArmorProfile: ['AppArmorProfile', 11, 'AppArmor profile for all containers unless they set their own.', { ptr: true }],
    seLinuxChangePolicy: ['string', 13, 'How volumes get their SELinux label: Recursive relabel or MountOption.', { ptr: true }],
  });

  g.struct('SecurityContext', 'Security settings for one container; they win over the pod-level ones.', {
    capabilities: ['Capabilities', 1, 'Linux capabilities to add to or drop from the runtime default.', { ptr: true }],
    privileged: ['boolean', 2, 'Runs the container with host-root equivalent privileges.', { ptr: true }],
    seLinuxOptions: ['SELinuxOptions', 3, 'SELinux label of the container.', { ptr: true }],
    windowsOptions: ['WindowsSecurityContextOptions', 10, 'Windows-specific settings.', { ptr: true }],
    runAsUser: ['int64', 4, 'User ID the process runs as.', { ptr: true }],
    runAsGroup: ['int64', 8, 'Primary group ID the process runs as.', { ptr: true }],
    runAsNonRoot: ['boolean', 5, 'When true, refuse to start the container as UID 0.', { ptr: true }],
    readOnlyRootFilesystem: ['boolean', 6, 'Mounts the root filesystem read-only.', { ptr: true }],
    allowPrivilegeEscalation: ['boolean', 7, 'Whether a process may gain more privileges than its parent (no_new_privs off).', { ptr: true }],
    procMount: ['string', 9, 'Which /proc masking to use: Default or Unmasked.', { ptr: true, enum: ['Default', 'Unmasked'] }],
    seccompProfile: ['SeccompProfile', 11, 'Seccomp filter of the container.', { ptr: true }],
    appArmorProfile: ['AppArmorProfile', 12, 'AppArmor profile of the container.', { ptr: true }],
  });

  g.struct('SELinuxOptions', 'An SELinux label.', {
    user: ['string', 1, 'SELinux user part.'],
    role: ['string', 2, 'SELinux role part.'],
    type: ['string', 3, 'SELinux type part.'],
    level: ['string', 4, 'SELinux level part.'],
  });

  g.struct('SeccompProfile', 'Which seccomp filter applies.', {
    type: ['string', 1, 'Localhost (a file on the node), RuntimeDefault or Unconfined.', { required: true, enum: PROFILE_TYPES }],
    localhostProfile: ['string', 2, 'Profile file relative to the kubelet seccomp directory; only with Localhost.', { ptr: true }],
  });

  g.struct('AppArmorProfile', 'Which AppArmor profile applies.', {
    type: ['string', 1, 'Localhost (a profile loaded on the node), RuntimeDefault or Unconfined.', { required: true, enum: PROFILE_TYPES }],
    localhostProfile: ['string', 2, 'Name of the loaded profile; only with Localhost.', { ptr: true }],
  });

  g.struct('Capabilities', 'Linux capabilities added to and removed from a container.', {
    add: ['[]string', 1, 'Capabilities to add.', { list: 'atomic' }],
    drop: ['[]string', 2, 'Capabilities to remove.', { list: 'atomic' }],
  });

  g.struct('Sysctl', 'One kernel parameter.', {
    name: ['string', 1, 'Parameter name.', { required: true }],
    value: ['string', 2, 'Parameter value.', { required: true }],
  });

  g.struct('WindowsSecurityContextOptions', 'Security settings that only apply on Windows nodes.', {
    gmsaCredentialSpecName: ['string', 1, 'Names a GMSACredentialSpec object to load the spec from.', { ptr: true }],
    gmsaCredentialSpec: ['string', 2, 'Inlined GMSA credential spec contents.', { ptr: true }],
    runAsUserName: ['string', 3, 'Windows user name the entrypoint runs as.', { ptr: true }],
    hostProcess: ['boolean', 4, 'Runs the container as a Windows host process.', { ptr: true }],
  });
});
