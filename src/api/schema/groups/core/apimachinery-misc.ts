/**
 * @module The apimachinery types outside meta/v1: resource quantities, int-or-string values,
 * embedded raw objects and the /version document.
 */
import { defineGroup } from '../../dsl.js';

export const resourceQuantity = defineGroup({ prefix: 'io.k8s.apimachinery.pkg.api.resource', group: '', version: '' }, (g) => {
  g.custom('Quantity', 'A decimal or binary amount with an optional suffix, such as 500m, 2 or 1Gi.', 'Quantity');
});

export const intOrString = defineGroup({ prefix: 'io.k8s.apimachinery.pkg.util.intstr', group: '', version: '' }, (g) => {
  g.custom('IntOrString', 'A value that is either a 32-bit integer or a string, such as a port number or a port name.', 'IntOrString');
});

export const runtimeTypes = defineGroup({ prefix: 'io.k8s.apimachinery.pkg.runtime', group: '', version: '' }, (g) => {
  g.custom('RawExtension', 'An embedded object of any kind, carried as its own serialized bytes.', 'RawExtension');
});

export const versionInfo = defineGroup({ prefix: 'io.k8s.apimachinery.pkg.version', group: '', version: '' }, (g) => {
  // Served only as JSON at /version: no protobuf form, hence field number 0 everywhere.
  g.struct('Info', 'What /version reports about the server build.', {
    major: ['string', 0, 'Major version number.', { required: true }],
    minor: ['string', 0, 'Minor version number.', { required: true }],
    emulationMajor: ['string', 0, 'Major version of the release whose behaviour the server emulates.'],
    emulationMinor: ['string', 0, 'Minor version of the release whose behaviour the server emulates.'],
    minCompatibilityMajor: ['string', 0, 'Oldest major version the server stays compatible with.'],
    minCompatibilityMinor: ['string', 0, 'Oldest minor version the server stays compatible with.'],
    gitVersion: ['string', 0, 'Full semantic version string, e.g. v1.33.0+k3ts1.', { required: true }],
    gitCommit: ['string', 0, 'Source commit the binary was built from.', { required: true }],
    gitTreeState: ['string', 0, 'Whether the source tree was clean or dirty at build time.', { required: true }],
    buildDate: ['string', 0, 'When the binary was built, in RFC 3339.', { required: true }],
    goVersion: ['string', 0, 'Toolchain the server was built with.', { required: true }],
    compiler: ['string', 0, 'Compiler the server was built with.', { required: true }],
    platform: ['string', 0, 'Operating system and architecture, e.g. linux/amd64.', { required: true }],
  });
});
