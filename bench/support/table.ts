import type { LoadFigures } from './load';

type Cell = string | number;

function format(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  if (Number.isInteger(cell)) return cell.toLocaleString('en-US');
  return cell.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Prints rows under a header, text left-aligned and numbers right-aligned. */
export function printTable(header: string[], rows: Cell[][]): void {
  const cells = [header, ...rows.map((row) => row.map(format))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: string[], source: Cell[] | undefined) =>
    row
      .map((cell, column) =>
        typeof source?.[column] === 'number' ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(cells[0] ?? [], undefined)}\n`);
  process.stdout.write(`${widths.map((width) => '-'.repeat(width)).join('  ')}\n`);
  cells.slice(1).forEach((row, index) => process.stdout.write(`${line(row, rows[index])}\n`));
}

export const LOAD_HEADER = [
  'target',
  'req/s',
  'p50 ms',
  'p90 ms',
  'p99 ms',
  'mean ms',
  'requests',
  'errors',
  'non-2xx',
];

export function loadRow(target: string, figures: LoadFigures): Cell[] {
  const { latencyMs } = figures;
  return [
    target,
    Math.round(figures.requestsPerSecond),
    latencyMs.p50,
    latencyMs.p90,
    latencyMs.p99,
    latencyMs.mean,
    figures.requests,
    figures.errors + figures.timeouts,
    figures.non2xx,
  ];
}

/** `0.42x`: how the first figure compares with the second. */
export function ratio(value: number, baseline: number): string {
  return baseline > 0 ? `${(value / baseline).toFixed(2)}x` : 'n/a';
}
