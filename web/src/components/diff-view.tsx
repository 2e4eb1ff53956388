import type { Diff } from '@/lib/types';
import { toPersianDigits } from '@/lib/format';

/** Two columns, older on the right (where a right-to-left reader starts), newer on the left. */
export function DiffView({ diff }: { diff: Diff }) {
  return (
    <div className="overflow-x-auto" data-testid="diff">
      <table className="w-full border-collapse text-sm">
        <tbody>
          {diff.lines.map((line, index) => (
            <tr key={index} className="align-top">
              <td className="w-8 px-1 text-slate-400">{line.fromLine ? toPersianDigits(String(line.fromLine)) : ''}</td>
              <td dir="auto" className={`w-1/2 px-2 py-1 ${line.type === 'removed' ? 'bg-rose-50' : line.type === 'changed' ? 'bg-amber-50' : ''}`}>
                {line.type === 'changed'
                  ? line.segments?.filter((s) => s.type !== 'added').map((s, i) => (s.type === 'removed' ? <del key={i} className="bg-rose-200">{s.text}</del> : <span key={i}>{s.text}</span>))
                  : line.type === 'added'
                    ? null
                    : line.text}
              </td>
              <td className="w-8 px-1 text-slate-400">{line.toLine ? toPersianDigits(String(line.toLine)) : ''}</td>
              <td dir="auto" className={`w-1/2 px-2 py-1 ${line.type === 'added' ? 'bg-emerald-50' : line.type === 'changed' ? 'bg-amber-50' : ''}`}>
                {line.type === 'changed'
                  ? line.segments?.filter((s) => s.type !== 'removed').map((s, i) => (s.type === 'added' ? <ins key={i} className="bg-emerald-200 no-underline">{s.text}</ins> : <span key={i}>{s.text}</span>))
                  : line.type === 'removed'
                    ? null
                    : line.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
