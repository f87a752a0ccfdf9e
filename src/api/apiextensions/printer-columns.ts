/**
 * @module Table columns of custom resources (kubectl get): Name, then the version's
 * additionalPrinterColumns (Age when it has none), each cell read with its JSONPath and typed as
 * apiextensions' table convertor does (integers, numbers, booleans, strings, dates as ages).
 */
import type { KubeObject } from '../meta/object.js';
import { isObject } from '../merge/json.js';
import { since } from '../printers/duration.js';
import type { Cell, Printer, TableColumn } from '../printers/table.js';
import { evalJsonPath, parseJsonPath } from './jsonpath.js';

export interface PrinterColumn {
  readonly name: string;
  readonly type: string;
  readonly format?: string;
  readonly description?: string;
  readonly priority?: number;
  readonly jsonPath: string;
}

const AGE: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.' };

/** The printer of one custom resource version's columns. */
export function customResourcePrinter(columns: readonly PrinterColumn[] | undefined): Printer {
  const cols = columns?.length ? columns : [AGE];
  const paths = cols.map((c) => parseJsonPath(c.jsonPath));
  const defs: TableColumn[] = [
    { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 },
    ...cols.map((c) => ({
      name: c.name,
      type: (['integer', 'number', 'boolean', 'date'].includes(c.type) ? c.type : 'string') as TableColumn['type'],
      format: c.format ?? '',
      description: c.description ?? `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
      priority: c.priority ?? 0,
    })),
  ];
  return {
    columns: defs,
    row(obj: KubeObject, now: number) {
      const cells: Cell[] = [obj.metadata.name ?? ''];
      cols.forEach((c, i) => {
        const v = evalJsonPath(obj, paths[i] ?? [])[0];
        cells.push(cell(c.type, v, (t) => since(t, now)));
      });
      return { cells };
    },
  };
}

function cell(type: string, v: unknown, age: (t: string) => string): Cell {
  if (v === undefined || v === null) return null;
  switch (type) {
    case 'integer': return typeof v === 'number' ? Math.trunc(v) : null;
    case 'number': return typeof v === 'number' ? v : null;
    case 'boolean': return typeof v === 'boolean' ? v : null;
    case 'date': return typeof v === 'string' ? (Number.isNaN(Date.parse(v)) ? '<invalid>' : age(v)) : null;
    default: return typeof v === 'string' ? v : isObject(v) || Array.isArray(v) ? JSON.stringify(v) : String(v);
  }
}
