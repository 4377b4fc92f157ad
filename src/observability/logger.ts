/**
 * Structured logs: pino, one JSON object a line (level as a label, ISO time). The server writes to
 * stdout; the billing CLI to stderr (its stdout is the JSON report). In development on a terminal
 * the lines go through pino-pretty when it is installed (a dev dependency: never in production).
 */
import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import { Config } from '../config';

export type { Logger };

export interface CreateLoggerOptions {
  /** Written to every line as `name` (`portal`, `billing-cli`, ...). */
  name?: string;
  /** 2 writes to stderr (the CLI); 1, stdout, by default. */
  fd?: 1 | 2;
  /** Where lines go instead of the fd (tests capture lines this way). */
  destination?: DestinationStream;
}

/** The pino options every logger of this project shares. */
export function loggerOptions(cfg: Pick<Config, 'logLevel'>, name = 'portal'): LoggerOptions {
  return {
    name,
    level: cfg.logLevel,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // `cause` kept as a nested object (a TypeORM error's driver error, a fetch failure's socket error).
    serializers: { err: pino.stdSerializers.errWithCause },
  };
}

export function createLogger(cfg: Pick<Config, 'env' | 'logLevel'>, opts: CreateLoggerOptions = {}): Logger {
  const fd = opts.fd ?? 1;
  // NOTE: asynchronous writes (a line goes out at once, or with the next write while one is in
  // flight; pino flushes what is pending when the process exits): a synchronous write blocked the event loop
  // whenever the reader of stdout was slower than the server (measured on the gateway's hot path).
  const stream = opts.destination ?? prettyStream(cfg, fd) ?? pino.destination({ fd, sync: false });
  return pino(loggerOptions(cfg, opts.name), stream);
}

/** pino-pretty on a development terminal, when the dev dependency is there; otherwise null (plain JSON). */
function prettyStream(cfg: Pick<Config, 'env'>, fd: 1 | 2): DestinationStream | null {
  const tty = fd === 1 ? process.stdout.isTTY : process.stderr.isTTY;
  if (cfg.env !== 'development' || !tty) return null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (o: object) => DestinationStream;
    return pretty({ destination: fd, sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    return null;
  }
}

/** A logger that writes nothing (the default of code that is given none). */
export const silentLogger: Logger = pino({ level: 'silent' });

/**
 * Which request an error belongs to: the request's logger (bound to its request id) is attached to
 * the error when Apollo reports it, so `formatError`, which sees only the error, logs it under
 * the right request id.
 */
const errorLoggers = new WeakMap<object, Logger>();

export function attachLogger(error: unknown, log: Logger): void {
  if (error && typeof error === 'object') errorLoggers.set(error, log);
}

/** The logger attached to this error (or to the error it wraps), else `fallback`. */
export function loggerFor(error: unknown, fallback: Logger): Logger {
  if (!error || typeof error !== 'object') return fallback;
  const original = (error as { originalError?: unknown }).originalError;
  return errorLoggers.get(error) ?? (original && typeof original === 'object' ? errorLoggers.get(original) : undefined) ?? fallback;
}

/**
 * Logs an internal error (masked for the client) with its cause and stack. `error` is what Apollo
 * hands formatError: a GraphQLError whose `originalError` is the thrown one.
 */
export function logInternalError(error: unknown, fallback: Logger, extra: Record<string, unknown> = {}): void {
  const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
  loggerFor(error, fallback).error({ err: original, ...extra }, 'internal error (masked for the client)');
}
