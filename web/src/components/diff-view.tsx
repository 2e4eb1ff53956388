import { toPersianDigits } from '@/lib/format';
import type { Diff } from '@/lib/types';
import { fa } from '@/messages/fa';

type Line = Diff['lines'][number];

const digits = (n: number | undefined) => (n ? toPersianDigits(String(n)) : '');
// Not colour alone: a removed word is struck through, an added one underlined (the legend says so).
const DEL = 'rounded-sm bg-rose-100 text-rose-950 line-through decoration-rose-700';
const INS = 'rounded-sm bg-emerald-100 text-emerald-950 underline decoration-emerald-700 decoration-2 underline-offset-4';
const NUMBER = 'w-8 px-1 text-end align-top text-xs leading-7 text-slate-600 tabular-nums select-none';

/** One side of a line: the older (`removed` words shown) or the newer (`added` words shown). */
function side(line: Line, show: 'removed' | 'added') {
  const hide = show === 'removed' ? 'added' : 'removed';
  if (line.type === 'changed')
    return line.segments
      ?.filter((s) => s.type !== hide)
      .map((s, i) => (s.type === 'equal' ? <span key={i}>{s.text}</span> : show === 'removed' ? <del key={i} className={DEL}>{s.text}</del> : <ins key={i} className={INS}>{s.text}</ins>));
  if (line.type === hide) return null;
  if (line.type === 'removed') return <del className={DEL}>{line.text}</del>;
  if (line.type === 'added') return <ins className={INS}>{line.text}</ins>;
  return line.text;
}

/** A line in reading order: equal words as they are, removed ones struck through, added ones underlined, where they stand. */
function inline(line: Line) {
  if (line.type !== 'changed') return side(line, line.type === 'removed' ? 'removed' : 'added');
  return line.segments?.map((s, i) => (s.type === 'equal' ? <span key={i}>{s.text}</span> : s.type === 'removed' ? <del key={i} className={DEL}>{s.text}</del> : <ins key={i} className={INS}>{s.text}</ins>));
}

/** Two columns, older on the right (where a right-to-left reader starts), newer on the left; each line takes its own direction. */
export function DiffView({ diff }: { diff: Diff }) {
  return (
    <div className="overflow-x-auto" data-testid="diff" data-mode="side-by-side">
      <table className="w-full border-collapse text-sm">
        <thead className="text-xs text-slate-600">
          <tr>
            <th colSpan={2} scope="colgroup" className="px-2 py-1 text-start font-medium">
              {fa.editor.older(digits(diff.from.number))}
            </th>
            <th colSpan={2} scope="colgroup" className="px-2 py-1 text-start font-medium">
              {fa.editor.newer(digits(diff.to.number))}
            </th>
          </tr>
        </thead>
        <tbody>
          {diff.lines.map((line, index) => (
            <tr key={index} className="align-top">
              <td className={NUMBER}>{digits(line.fromLine)}</td>
              <td dir="auto" className={`w-1/2 px-2 py-1 leading-7 whitespace-pre-wrap ${line.type === 'removed' || line.type === 'changed' ? 'bg-rose-50' : ''}`}>
                {side(line, 'removed')}
              </td>
              <td className={NUMBER}>{digits(line.toLine)}</td>
              <td dir="auto" className={`w-1/2 px-2 py-1 leading-7 whitespace-pre-wrap ${line.type === 'added' || line.type === 'changed' ? 'bg-emerald-50' : ''}`}>
                {side(line, 'added')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One column: each line once, its removed words (`<del>`) and added words (`<ins>`) where they stand in the text. */
export function InlineDiff({ diff }: { diff: Diff }) {
  return (
    <div className="overflow-x-auto" data-testid="diff" data-mode="inline">
      <table className="w-full border-collapse text-sm">
        <thead className="sr-only">
          <tr>
            <th scope="col">{fa.editor.older(digits(diff.from.number))}</th>
            <th scope="col">{fa.editor.newer(digits(diff.to.number))}</th>
            <th scope="col">{fa.editor.diffTitle}</th>
          </tr>
        </thead>
        <tbody>
          {diff.lines.map((line, index) => (
            <tr key={index} className={line.type === 'unchanged' ? '' : line.type === 'removed' ? 'bg-rose-50' : line.type === 'added' ? 'bg-emerald-50' : 'bg-amber-50'}>
              <td className={NUMBER}>{digits(line.fromLine)}</td>
              <td className={NUMBER}>{digits(line.toLine)}</td>
              <td className="px-2 py-1">
                <p dir="auto" className="leading-7 whitespace-pre-wrap">
                  {inline(line)}
                </p>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the marks mean, for readers who do not tell the colours apart. */
export function DiffLegend() {
  return (
    <p className="flex flex-wrap items-center gap-3 text-xs text-slate-600">
      <span>{fa.editor.legend}:</span>
      <del className={DEL}>{fa.editor.removed}</del>
      <ins className={INS}>{fa.editor.added}</ins>
    </p>
  );
}
