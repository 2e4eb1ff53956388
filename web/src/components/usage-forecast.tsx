import { formatDate, formatNumber, formatUsd } from '@/lib/format';
import type { UsageForecast } from '@/lib/types';
import { fa } from '@/messages/fa';

const t = fa.usage.forecast;

/** Whether the limit the forecast names is already used up (the API then gives the time of the request). */
function alreadyReached(forecast: UsageForecast): boolean {
  if (forecast.exhaustsLimit === 'tokens') {
    return forecast.limit.monthlyTokenLimit !== null && forecast.used.tokens >= forecast.limit.monthlyTokenLimit;
  }
  if (forecast.exhaustsLimit === 'cost') {
    return (
      forecast.limit.monthlyCostLimitUsd !== null &&
      Number(forecast.used.costUsd) >= Number(forecast.limit.monthlyCostLimitUsd)
    );
  }
  return false;
}

/** When the first limit runs out at the present burn rate, as a Jalali date, or that it will not this period. */
export function runsOutText(forecast: UsageForecast): string {
  if (!forecast.exhaustsAt || !forecast.exhaustsLimit) return t.notThisPeriod;
  const limit = t.limits[forecast.exhaustsLimit];
  return alreadyReached(forecast) ? t.exhausted(limit) : t.exhaustsOn(limit, formatDate(forecast.exhaustsAt));
}

/** The period's usage projected to its end at the present burn rate (GET usage/forecast), beside the limit bars. */
export function UsageForecastSummary({ forecast }: { forecast: UsageForecast }) {
  const exhausting = forecast.exhaustsAt !== null;
  return (
    <section
      aria-labelledby="usage-forecast-title"
      className="mt-4 border-t border-slate-100 pt-4"
      data-testid="usage-forecast"
    >
      <h2 id="usage-forecast-title" className="mb-2 text-sm font-bold">
        {t.title}
      </h2>
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">{t.projected}</dt>
          <dd className="font-medium" data-testid="forecast-projected">
            {t.tokens(formatNumber(forecast.projected.tokens))} — {formatUsd(forecast.projected.costUsd)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t.burn}</dt>
          <dd className="font-medium" data-testid="forecast-burn">
            {t.perDay(
              `${t.tokens(formatNumber(forecast.burnPerDay.tokens))} — ${formatUsd(forecast.burnPerDay.costUsd)}`,
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t.runsOut}</dt>
          <dd
            className={`font-medium ${exhausting ? 'text-rose-700' : 'text-emerald-700'}`}
            data-testid="forecast-runs-out"
          >
            {runsOutText(forecast)}
          </dd>
        </div>
      </dl>
      <p className="mt-2 text-xs text-slate-500">{t.method}</p>
    </section>
  );
}
