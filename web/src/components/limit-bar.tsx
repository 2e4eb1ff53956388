import { formatNumber } from '@/lib/format';
import { fa } from '@/messages/fa';

/** The bar runs to 120 % of the limit, so use beyond it stays visible past the 100 % mark. */
const SCALE = 120;
const MARKS = [80, 100];

/** Where the use of a monthly limit stands: a bar with its 80 % and 100 % marks, amber from 80 %, red from 100 %. */
/** `projected`: the use forecast at the period's end, drawn as a dashed marker (capped at the bar's 120 % end). */
export function LimitBar({ label, used, limit, shown, projected }: { label: string; used: number; limit: number | null; shown: string; projected?: number }) {
  if (limit === null) {
    return (
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span>{fa.usage.unlimited}</span>
      </div>
    );
  }
  const percent = limit > 0 ? (used / limit) * 100 : used > 0 ? SCALE : 0;
  const percentText = `${formatNumber(Math.round(percent))}٪`;
  const tone = percent >= 100 ? 'bg-rose-500' : percent >= 80 ? 'bg-amber-500' : 'bg-emerald-500';
  return (
    <div className="flex flex-col gap-1">
      <div className="flex justify-between gap-2 text-sm">
        <span>{label}</span>
        <span>
          {shown} ({percentText})
        </span>
      </div>
      <div
        className="relative h-3 rounded-full bg-slate-100"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={SCALE}
        aria-valuenow={Math.min(SCALE, Math.round(percent))}
        aria-valuetext={`${shown} (${percentText})`}
      >
        <div className={`h-3 rounded-full ${tone}`} style={{ width: `${(Math.min(SCALE, percent) / SCALE) * 100}%` }} data-testid="limit-fill" />
        {MARKS.map((mark) => (
          <span key={mark} className="absolute -top-0.5 h-4 w-0.5 bg-slate-600" style={{ insetInlineStart: `${(mark / SCALE) * 100}%` }} aria-hidden data-testid="limit-mark" />
        ))}
        {projected === undefined ? null : (
          <span
            className="absolute -top-1 h-5 border-s-2 border-dashed border-indigo-700"
            style={{ insetInlineStart: `${(Math.min(SCALE, limit > 0 ? (projected / limit) * 100 : projected > 0 ? SCALE : 0) / SCALE) * 100}%` }}
            title={fa.usage.forecast.marker}
            aria-hidden
            data-testid="limit-projected"
          />
        )}
      </div>
      <div className="relative h-4 text-[10px] text-slate-500" aria-hidden>
        {MARKS.map((mark) => (
          <span key={mark} className="absolute -translate-x-1/2 rtl:translate-x-1/2" style={{ insetInlineStart: `${(mark / SCALE) * 100}%` }}>
            {formatNumber(mark)}٪
          </span>
        ))}
      </div>
    </div>
  );
}
