#!/usr/bin/env node
// Enforces the layer rules of docs/ARCHITECTURE.md on src/:
//  1. a folder under src/ imports only folders of a higher rank (further "right");
//     folders of the same rank are siblings and never import each other;
//  2. no import cycles between files (type-only imports are ignored: they vanish at run time);
//  3. no `any` without a one-line reason (`// any: <why>` on the same or previous line).
// Exits 1 and lists every violation. Reads files as text: no dependencies.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, resolve, relative, sep } from 'node:path';

// cmd → cli → config → server|agent → components → client|datastore → api|pki → base
export const RANKS = {
  cmd: 0,
  cli: 1,
  config: 2,
  server: 3, agent: 3,
  apiserver: 4, controllers: 4, scheduler: 4, kubelet: 4, network: 4, addons: 4,
  client: 5, datastore: 5,
  api: 6, pki: 6,
  base: 7,
};

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const importRe = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function imports(file) {
  const text = readFileSync(file, 'utf8');
  const out = [];
  for (const m of text.matchAll(importRe)) {
    const spec = m[3] ?? m[4];
    const typeOnly = Boolean(m[2]) || /^\s*import\s+type\s/.test(m[0]);
    if (!spec || !spec.startsWith('.')) continue;
    let target = resolve(dirname(file), spec);
    if (target.endsWith('.js')) target = target.slice(0, -3) + '.ts';
    out.push({ spec, target, typeOnly, dynamic: Boolean(m[4]) });
  }
  return { text, list: out };
}

const topOf = (file) => relative(src, file).split(sep)[0];
const problems = [];
const files = walk(src);
const graph = new Map();

for (const file of files) {
  const { text, list } = imports(file);
  const from = topOf(file);
  const isTest = file.endsWith('.test.ts') || file.includes(`${sep}testing${sep}`);
  if (!(from in RANKS) && !file.endsWith('.ts')) continue;
  if (!(from in RANKS) && !isTest) problems.push(`${relative(root, file)}: folder src/${from}/ has no rank in scripts/lint-layers.mjs`);
  const edges = [];
  for (const imp of list) {
    const to = topOf(imp.target);
    if (imp.target.startsWith(src) && to !== from && !isTest) {
      const rf = RANKS[from], rt = RANKS[to];
      if (rt === undefined) problems.push(`${relative(root, file)}: imports unknown folder src/${to}/`);
      else if (rf !== undefined && rt <= rf) {
        problems.push(`${relative(root, file)}: src/${from}/ (rank ${rf}) may not import src/${to}/ (rank ${rt}) via '${imp.spec}'`);
      }
    }
    if (!imp.typeOnly && !imp.dynamic) edges.push(imp.target);
  }
  graph.set(file, edges);
  // `any` needs a reason: an `// any:` comment on the same or the previous line.
  // Block comments are blanked (keeping line numbers) so prose mentioning "any" is not code.
  const lines = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).split('\n');
  lines.forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '').replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');
    if (/(:\s*any\b|<any>|\bas any\b|any\[\])/.test(code)) {
      const prev = lines[i - 1] ?? '';
      if (!/\/\/\s*any:/.test(line) && !/\/\/\s*any:/.test(prev)) {
        problems.push(`${relative(root, file)}:${i + 1}: 'any' without a '// any: <reason>' comment`);
      }
    }
  });
}

// Cycle detection (Tarjan's strongly connected components) over value imports.
let index = 0;
const idx = new Map(), low = new Map(), onStack = new Set(), stack = [];
function strong(v) {
  idx.set(v, index); low.set(v, index); index++;
  stack.push(v); onStack.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!graph.has(w)) continue;
    if (!idx.has(w)) { strong(w); low.set(v, Math.min(low.get(v), low.get(w))); }
    else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const comp = [];
    let w;
    do { w = stack.pop(); onStack.delete(w); comp.push(w); } while (w !== v);
    if (comp.length > 1) problems.push(`import cycle: ${comp.map((f) => relative(root, f)).join(' -> ')}`);
  }
}
for (const v of graph.keys()) if (!idx.has(v)) strong(v);

if (problems.length) {
  console.error(`layer lint: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`layer lint: ${files.length} files, no problems`);
