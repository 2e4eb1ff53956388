import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '#libs/config';
import { requestLogFields } from './request-logging';

/** Paths pino removes from every log line: credentials and anything that identifies a person. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.code',
  '*.otp',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.apiKey',
  '*.secret',
  '*.phone',
];

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // No Nest middleware: logRequests (a Fastify hook, see createHttpApp) logs each answer, and
        // the request being served is on every line through `mixin`.
        forRoutes: [],
        pinoHttp: {
          level: config.log.level,
          transport: config.log.pretty
            ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
            : undefined,
          // `req` and `requestId` on every line logged while serving a request.
          mixin: requestLogFields,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          serializers: {
            req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url,
              remoteAddress: req.remoteAddress,
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          // pid: which process wrote the line, among the HTTP processes of an API cluster (API_WORKERS) too.
          base: { service: 'contexor', role: config.role, pid: process.pid },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
