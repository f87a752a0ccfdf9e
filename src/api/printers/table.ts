/**
 * @module Server-side printing: the meta.k8s.io Table a resource answers with when kubectl asks
 * for `as=Table`. Each resource has a column set (the ones kubectl shows against Kubernetes) and
 * a row function; resources without one get Name + Created At, like Kubernetes's default
 * table convertor. Rows carry every column (wide ones too); kubectl hides priority > 0.
 */
import type { KubeObject } from '../meta/object.js';

export interface TableColumn {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  readonly format: string;
  readonly description: string;
  readonly priority: number;
}

export type Cell = string | number | boolean | null;

export interface RowCondition {
  readonly type: 'Completed';
  readonly status: 'True' | 'False';
  readonly reason?: string;
  readonly message?: string;
}

export interface TableRowData {
  readonly cells: Cell[];
  readonly conditions?: readonly RowCondition[];
}

/** How one resource prints: its columns and the cells of one object. */
export interface Printer {
  readonly columns: readonly TableColumn[];
  row(obj: KubeObject, now: number): TableRowData;
}

/** Column shorthand: `col('Ready')`, `col('IP', { priority: 1 })`. */
export function col(name: string, o: { type?: TableColumn['type']; format?: string; priority?: number; description?: string } = {}): TableColumn {
  return { name, type: o.type ?? 'string', format: o.format ?? '', description: o.description ?? name, priority: o.priority ?? 0 };
}

export const NAME_COLUMN = col('Name', { format: 'name', description: 'Name must be unique within a namespace.' });
export const AGE_COLUMN = col('Age', { description: 'Time since the object was created.' });
/** Wide columns for template-carrying workloads. */
export const CONTAINERS_COLUMN = col('Containers', { priority: 1, description: 'Names of each container in the template.' });
export const IMAGES_COLUMN = col('Images', { priority: 1, description: 'Images referenced by each container in the template.' });
export const SELECTOR_COLUMN = col('Selector', { priority: 1, description: 'The label selector of the object.' });

/** The default printer (Kubernetes's default table convertor): Name and Created At. */
export const DEFAULT_PRINTER: Printer = {
  columns: [NAME_COLUMN, col('Created At', { type: 'date', description: 'When the object was created.' })],
  row: (obj) => ({ cells: [obj.metadata.name ?? '', obj.metadata.creationTimestamp ?? null] }),
};
