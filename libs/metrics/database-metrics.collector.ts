import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { observeQueries, poolStatsOf } from '#libs/database';

/**
 * The PostgreSQL pool, read from pg-pool at scrape time (in use, idle, callers waiting, its size),
 * and the duration of every statement by kind (select, insert, update, delete, transaction, other;
 * never the SQL text).
 */
@Injectable()
export class DatabaseMetricsCollector implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: Registry,
  ) {}

  onModuleInit(): void {
    const dataSource = this.dataSource;
    const registers = [this.registry];
    new Gauge({
      name: 'db_pool_connections',
      help: 'PostgreSQL connections of this process by state: in_use (lent out) or idle',
      labelNames: ['state'] as const,
      registers,
      collect() {
        const pool = poolStatsOf(dataSource);
        this.set({ state: 'in_use' }, pool ? pool.total - pool.idle : 0);
        this.set({ state: 'idle' }, pool?.idle ?? 0);
      },
    });
    new Gauge({
      name: 'db_pool_waiting_requests',
      help: 'Callers of this process waiting for a PostgreSQL connection (every one is busy)',
      registers,
      collect() {
        this.set(poolStatsOf(dataSource)?.waiting ?? 0);
      },
    });
    new Gauge({
      name: 'db_pool_max_connections',
      help: 'The most PostgreSQL connections this process opens (DB_POOL_SIZE)',
      registers,
      collect() {
        this.set(poolStatsOf(dataSource)?.max ?? 0);
      },
    });
    const duration = new Histogram({
      name: 'db_query_duration_seconds',
      help: 'Duration of successful PostgreSQL statements by kind (select, insert, update, delete, transaction, other)',
      labelNames: ['statement'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    observeQueries(dataSource, (statement, seconds) => duration.observe({ statement }, seconds));
  }
}
