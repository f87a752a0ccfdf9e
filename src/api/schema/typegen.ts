/**
 * @module Generates TypeScript types from the catalog: one file per API package under
 * src/api/types/ (core-v1.ts, apps-v1.ts, meta-v1.ts, ...), one interface per definition with the
 * catalog's descriptions as doc comments. scripts/gen-api-types.mjs writes the files; a test
 * fails when the committed files differ from what this produces.
 */
import type { Catalog } from './catalog.js';
import type { Definition, FieldDef, TypeRef } from './types.js';

/** `io.k8s.api.core.v1.Pod` → `io.k8s.api.core.v1`. */
const packageOf = (name: string) => name.slice(0, name.lastIndexOf('.'));
const shortOf = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/** The file (without .ts) a package's types go to: `core-v1`, `meta-v1`, `intstr`. */
export function typeFileOf(pkg: string): string {
  const parts = pkg.split('.');
  const last = parts[parts.length - 1] ?? pkg;
  return /^v\d/.test(last) ? `${parts[parts.length - 2]}-${last}` : last;
}

/** The module namespace a file is imported as: `core-v1` → `coreV1`. */
const alias = (file: string) => file.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

const IDENT = /^[A-Za-z_$][\w$]*$/;
const lit = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const key = (name: string) => (IDENT.test(name) ? name : lit(name));

function comment(doc: string, indent: string): string {
  const text = doc.replace(/\*\//g, '*\\/').trim();
  if (!text) return '';
  const lines = text.split('\n');
  if (lines.length === 1) return `${indent}/** ${text} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

class FileWriter {
  readonly imports = new Set<string>();

  constructor(readonly file: string, private readonly cat: Catalog) {}

  /** The TypeScript spelling of a definition name, importing its file when foreign. */
  name(def: string): string {
    const file = typeFileOf(packageOf(def));
    if (file === this.file) return shortOf(def);
    this.imports.add(file);
    return `${alias(file)}.${shortOf(def)}`;
  }

  type(t: TypeRef, f?: FieldDef): string {
    if ('scalar' in t) {
      if (t.scalar === 'string' && f?.enum?.length) return f.enum.map(lit).join(' | ');
      return t.scalar === 'boolean' ? 'boolean' : t.scalar === 'string' || t.scalar === 'bytes' ? 'string' : 'number';
    }
    if ('list' in t) {
      const inner = this.type(t.list);
      return /[|\s]/.test(inner) ? `Array<${inner}>` : `${inner}[]`;
    }
    if ('map' in t) return `{ [key: string]: ${this.type(t.map)} }`;
    return this.name(t.ref);
  }

  custom(d: Definition): string {
    const schema = () => this.name(d.name.replace(/Or(Array|Bool|StringArray)$/, ''));
    switch (d.custom) {
      case 'Time':
      case 'MicroTime':
      case 'Duration':
      case 'Quantity': return 'string';
      case 'IntOrString': return 'number | string';
      case 'RawExtension':
      case 'FieldsV1': return '{ [key: string]: unknown }';
      case 'JSON': return 'unknown';
      case 'JSONSchemaPropsOrArray': return `${schema()} | ${schema()}[]`;
      case 'JSONSchemaPropsOrBool': return `${schema()} | boolean`;
      case 'JSONSchemaPropsOrStringArray': return `${schema()} | string[]`;
      default: return 'unknown';
    }
  }

  definition(d: Definition): string {
    const head = comment(d.doc, '');
    const name = shortOf(d.name);
    if (d.custom) return `${head}export type ${name} = ${this.custom(d)};\n`;
    const single = d.gvk?.length === 1 ? d.gvk[0] : undefined;
    const body = d.fields.map((f) => {
      let t = this.type(f.type, f);
      if (single && f.name === 'apiVersion' && f.proto === 0) t = lit(single.group ? `${single.group}/${single.version}` : single.version);
      if (single && f.name === 'kind' && f.proto === 0) t = lit(single.kind);
      return `${comment(f.doc, '  ')}  ${key(f.name)}${f.required ? '' : '?'}: ${t};\n`;
    }).join('');
    const extra = d.preserveUnknownFields ? '  /** Fields this type keeps without declaring them. */\n  [key: string]: unknown;\n' : '';
    return `${head}export interface ${name} {\n${body}${extra}}\n`;
  }
}

const HEADER = (what: string) => `/**\n * @module Types of ${what}, generated from the schema catalog by scripts/gen-api-types.mjs.\n * Do not edit: change the catalog and run \`npm run gen:types\`.\n */\n`;

/** File name (e.g. `core-v1.ts`) → contents, for every package of the catalog, plus index.ts. */
export function generateTypes(cat: Catalog): Map<string, string> {
  const byFile = new Map<string, { pkg: string; defs: Definition[] }>();
  for (const d of cat.definitions.values()) {
    const pkg = packageOf(d.name);
    const file = typeFileOf(pkg);
    const entry = byFile.get(file) ?? { pkg, defs: [] };
    entry.defs.push(d);
    byFile.set(file, entry);
  }
  const out = new Map<string, string>();
  for (const [file, { pkg, defs }] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const w = new FileWriter(file, cat);
    const body = defs.map((d) => w.definition(d)).join('\n');
    const imports = [...w.imports].sort().map((f) => `import type * as ${alias(f)} from './${f}.js';\n`).join('');
    out.set(`${file}.ts`, `${HEADER(pkg)}${imports}${imports ? '\n' : ''}${body}`);
  }
  const index = [...byFile.keys()].sort().map((f) => `export type * as ${alias(f)} from './${f}.js';\n`).join('');
  out.set('index.ts', `${HEADER('every catalog package, one namespace each')}${index}`);
  return out;
}
