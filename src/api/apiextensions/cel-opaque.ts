/**
 * @module Opaque CEL values for the Kubernetes libraries (net.IP, net.CIDR, kubernetes.Semver,
 * kubernetes.NamedFormat, optional_type). @bufbuild/cel only carries scalars, lists, maps and
 * protobuf messages, so each opaque type is a protobuf message built at start-up from a
 * descriptor with one string field holding the value's canonical text (the IP in Go's netip
 * form, the CIDR as address/bits, the version as semver text, the format's name). Function
 * overloads then dispatch on the message type name exactly as cel-go dispatches on its opaque
 * types, and `==` compares the canonical text, which is how the Go types compare. Optionals carry
 * their payload beside the message (see cel-optional.ts).
 */
import { create, createFileRegistry, type DescMessage, type Registry } from '@bufbuild/protobuf';
import { isReflectMessage, reflect, type ReflectMessage } from '@bufbuild/protobuf/reflect';
import {
  FieldDescriptorProto_Label as Label,
  FieldDescriptorProto_Type as FieldType,
  FileDescriptorProtoSchema,
  type FileDescriptorProto,
} from '@bufbuild/protobuf/wkt';
import { objectType, type CelObjectType, type CelValue } from '@bufbuild/cel';

/** Message type name → [file package, message name]. */
const TYPES: Record<string, [string, string]> = {
  'net.IP': ['net', 'IP'],
  'net.CIDR': ['net', 'CIDR'],
  'kubernetes.Semver': ['kubernetes', 'Semver'],
  'kubernetes.NamedFormat': ['kubernetes', 'NamedFormat'],
  optional_type: ['', 'optional_type'],
};

function fileFor(pkg: string): FileDescriptorProto {
  const messageType = Object.values(TYPES)
    .filter(([p]) => p === pkg)
    .map(([, name]) => ({
      name,
      field: [{ name: 'value', number: 1, jsonName: 'value', type: FieldType.STRING, label: Label.OPTIONAL }],
    }));
  return create(FileDescriptorProtoSchema, { name: `k3ts/cel/${pkg || 'optional'}.proto`, package: pkg, syntax: 'proto3', messageType });
}

/** The registry of the opaque message types (given to celEnv so `type(x) == net.IP` resolves). */
export const opaqueRegistry: Registry = createFileRegistry(
  ...(['net', 'kubernetes', ''].map((p) => createFileRegistry(fileFor(p), () => undefined))),
);

/** One opaque CEL type: its CEL type for overloads, and conversions from and to its text. */
export interface OpaqueType {
  readonly type: CelObjectType;
  /** The CEL value carrying `text`. */
  of(text: string): ReflectMessage;
  /** The text carried by `v`, or undefined when `v` is not of this type. */
  textOf(v: CelValue): string | undefined;
}

function opaque(typeName: string): OpaqueType {
  const desc = opaqueRegistry.getMessage(typeName) as DescMessage;
  const field = desc.fields[0];
  if (!field) throw new Error(`opaque type ${typeName} has no field`);
  return {
    type: objectType(desc),
    of: (text) => reflect(desc, create(desc, { value: text })),
    textOf(v) {
      if (!isReflectMessage(v) || v.desc.typeName !== typeName) return undefined;
      const got = v.get(field);
      return typeof got === 'string' ? got : '';
    },
  };
}

export const IP_TYPE = opaque('net.IP');
export const CIDR_TYPE = opaque('net.CIDR');
export const SEMVER_TYPE = opaque('kubernetes.Semver');
export const FORMAT_TYPE = opaque('kubernetes.NamedFormat');
export const OPTIONAL_TYPE = opaque('optional_type');

/** The text of `v` as type `t`; throws cel-go's overload error when `v` has another type. */
export function textOf(t: OpaqueType, v: CelValue): string {
  const s = t.textOf(v);
  if (s === undefined) throw new Error(`no such overload: ${t.type.name}`);
  return s;
}
