import pino from 'pino';
import { LogLevel } from '../../src/config';
import { Logger, loggerOptions } from '../../src/observability/logger';

export type LogLine = Record<string, unknown> & { level: string; msg: string; time: string };

/** A pino logger whose lines (each one write of one JSON line) are kept, parsed, for assertions. */
export class LogCapture {
  readonly lines: LogLine[] = [];
  readonly logger: Logger;

  constructor(level: LogLevel = 'info') {
    this.logger = pino(loggerOptions({ logLevel: level }), {
      write: (line: string) => {
        for (const l of line.split('\n')) if (l.trim()) this.lines.push(JSON.parse(l) as LogLine);
      },
    });
  }

  /** Lines with this message. */
  withMsg(msg: string): LogLine[] {
    return this.lines.filter((l) => l.msg === msg);
  }
}
