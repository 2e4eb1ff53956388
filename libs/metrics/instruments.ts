import { Counter, Histogram, type CounterConfiguration, type HistogramConfiguration, type Registry } from 'prom-client';

/*
 * Instruments are made by the adapters that record them, in their constructors, from the app's one
 * Registry (MetricsModule). Several adapters may record into one instrument (generations are counted
 * where they are queued and where they end), so each is made on first use and found afterwards:
 * a second `new Counter` of one name in one registry would throw. Labels stay low-cardinality: never
 * an organization, a user, a content or a raw URL.
 */

/** The counter `config.name` of `registry`, made on first use. */
export function counterIn<T extends string = never>(
  registry: Registry,
  config: Omit<CounterConfiguration<T>, 'registers'>,
): Counter<T> {
  return (
    (registry.getSingleMetric(config.name) as Counter<T> | undefined) ??
    new Counter<T>({ ...config, registers: [registry] })
  );
}

/** The histogram `config.name` of `registry`, made on first use. */
export function histogramIn<T extends string = never>(
  registry: Registry,
  config: Omit<HistogramConfiguration<T>, 'registers'>,
): Histogram<T> {
  return (
    (registry.getSingleMetric(config.name) as Histogram<T> | undefined) ??
    new Histogram<T>({ ...config, registers: [registry] })
  );
}
