/**
 * @module core/v1 probes and lifecycle hooks: Probe, the exec/HTTP/TCP/gRPC/sleep actions, and
 * Lifecycle.
 */
import { defineGroup, embedded } from '../../dsl.js';
import { CORE_V1 } from './core-v1.js';

export const coreProbe = defineGroup(CORE_V1, (g) => {
  g.struct('Probe', 'A periodic health check of a container, and how its results are judged.', {
    // Go embeds ProbeHandler: one JSON object, but protobuf nests it as field 1.
    ...embedded([1], {
      exec: ['ExecAction', 1, 'Run a command in the container; exit status 0 passes.', { ptr: true }],
      httpGet: ['HTTPGetAction', 2, 'Send an HTTP GET; a 2xx or 3xx status passes.', { ptr: true }],
      tcpSocket: ['TCPSocketAction', 3, 'Open a TCP connection; connecting passes.', { ptr: true }],
      grpc: ['GRPCAction', 4, 'Call the gRPC health checking service.', { ptr: true }],
    }),
    initialDelaySeconds: ['int32', 2, 'Seconds after container start before the first check.'],
    timeoutSeconds: ['int32', 3, 'Seconds a single check may take; 1 when unset.'],
    periodSeconds: ['int32', 4, 'Seconds between checks; 10 when unset.'],
    successThreshold: ['int32', 5, 'Consecutive passes needed after a failure; must be 1 except for readiness.'],
    failureThreshold: ['int32', 6, 'Consecutive failures that count as failed; 3 when unset.'],
    terminationGracePeriodSeconds: ['int64', 7, 'Grace period used when a failing probe kills the container, overriding the pod\'s.', { ptr: true }],
  });

  g.struct('ExecAction', 'A command run inside the container.', {
    command: ['[]string', 1, 'Argument vector run directly, without a shell.', { list: 'atomic' }],
  });

  g.struct('HTTPGetAction', 'An HTTP GET request against the container.', {
    path: ['string', 1, 'Request path.'],
    port: ['IntOrString', 2, 'Port number or named container port.', { required: true }],
    host: ['string', 3, 'Host to connect to; the pod IP when empty.'],
    scheme: ['string', 4, 'HTTP or HTTPS.', { enum: ['HTTP', 'HTTPS'] }],
    httpHeaders: ['[]HTTPHeader', 5, 'Extra request headers.', { list: 'atomic' }],
  });

  g.struct('HTTPHeader', 'One HTTP header.', {
    name: ['string', 1, 'Header name; normalised on output.', { required: true }],
    value: ['string', 2, 'Header value.', { required: true }],
  });

  g.struct('TCPSocketAction', 'A TCP connection attempt against the container.', {
    port: ['IntOrString', 1, 'Port number or named container port.', { required: true }],
    host: ['string', 2, 'Host to connect to; the pod IP when empty.'],
  });

  g.struct('GRPCAction', 'A call to the standard gRPC health service.', {
    port: ['int32', 1, 'Port the gRPC server listens on.', { required: true }],
    service: ['string', 2, 'Service name passed in the health request; empty asks about the server.', { ptr: true, default: '' }],
  });

  g.struct('SleepAction', 'A pause of fixed length.', {
    seconds: ['int64', 1, 'How long to sleep.', { required: true }],
  });

  g.struct('Lifecycle', 'Actions the kubelet takes around container start and stop.', {
    postStart: ['LifecycleHandler', 1, 'Runs right after the container is created; failure restarts it.', { ptr: true }],
    preStop: ['LifecycleHandler', 2, 'Runs before the container is stopped, within the grace period.', { ptr: true }],
    stopSignal: ['string', 3, 'Signal sent to stop the container, overriding the image default.', { ptr: true }],
  });

  g.struct('LifecycleHandler', 'One lifecycle action; exactly one kind is set.', {
    exec: ['ExecAction', 1, 'Run a command in the container.', { ptr: true }],
    httpGet: ['HTTPGetAction', 2, 'Send an HTTP GET.', { ptr: true }],
    tcpSocket: ['TCPSocketAction', 3, 'Deprecated TCP check, kept for compatibility.', { ptr: true }],
    sleep: ['SleepAction', 4, 'Wait a while.', { ptr: true }],
  });
});
