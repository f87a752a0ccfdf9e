/**
 * @module Types of io.k8s.apimachinery.pkg.version, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
/** What /version reports about the server build. */
export interface Info {
  /** Major version number. */
  major: string;
  /** Minor version number. */
  minor: string;
  /** Major version of the release whose behaviour the server emulates. */
  emulationMajor?: string;
  /** Minor version of the release whose behaviour the server emulates. */
  emulationMinor?: string;
  /** Oldest major version the server stays compatible with. */
  minCompatibilityMajor?: string;
  /** Oldest minor version the server stays compatible with. */
  minCompatibilityMinor?: string;
  /** Full semantic version string, e.g. v1.33.0+k3ts1. */
  gitVersion: string;
  /** Source commit the binary was built from. */
  gitCommit: string;
  /** Whether the source tree was clean or dirty at build time. */
  gitTreeState: string;
  /** When the binary was built, in RFC 3339. */
  buildDate: string;
  /** Toolchain the server was built with. */
  goVersion: string;
  /** Compiler the server was built with. */
  compiler: string;
  /** Operating system and architecture, e.g. linux/amd64. */
  platform: string;
}
