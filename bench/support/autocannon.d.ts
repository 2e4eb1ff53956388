// autocannon ships no type declarations; this covers the part of its programmatic API the benchmarks use.
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      pipelining?: number;
      /** Requests per second over all connections (per load worker); latency is corrected for coordinated omission. */
      overallRate?: number;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
      /** Worker threads that generate the load; 0 or absent runs it on the calling thread. */
      workers?: number;
      method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
      headers?: Record<string, string>;
      body?: string;
    }

    /** Percentile keys are spelled `p50`, `p97_5`, `p99_9` … */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      p50: number;
      p75: number;
      p90: number;
      p97_5: number;
      p99: number;
      p99_9: number;
    }

    interface Result {
      url: string;
      connections: number;
      pipelining: number;
      /** Seconds actually run. */
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      '2xx': number;
      /** Milliseconds per request. */
      latency: Histogram & { totalCount: number };
      /** Requests per second, sampled each second; `total` is the count over the run. */
      requests: Histogram & { total: number; sent: number };
      throughput: Histogram & { total: number };
    }
  }

  function autocannon(options: autocannon.Options): PromiseLike<autocannon.Result>;
  export = autocannon;
}
