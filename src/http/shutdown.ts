/**
 * Graceful shutdown of the HTTP side: once draining starts, /readyz answers 503 at once (the load
 * balancer stops sending), new requests are answered 503 SHUTTING_DOWN with `Connection: close`,
 * and the requests already in flight run to their end, up to a deadline. The listener stays open
 * meanwhile so probes get an answer rather than a refused connection.
 */
import { ServerResponse } from 'node:http';
import { NextFunction, Request, RequestHandler, Response } from 'express';

export const SHUTTING_DOWN = 'SHUTTING_DOWN';

export class Lifecycle {
  private inFlight = 0;
  private drainingSince: number | null = null;
  private waiters: (() => void)[] = [];

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  /** Requests started before draining and not answered yet. */
  get pending(): number {
    return this.inFlight;
  }

  /** Mount first (after the request logger): counts requests in flight, refuses new ones while draining. */
  readonly middleware: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    if (this.draining) {
      res.set({ connection: 'close', 'retry-after': '1' });
      if (req.path === '/healthz') return next(); // the process is still up
      if (req.path === '/readyz') {
        res.status(503).json({ status: 'shutting down' });
        return;
      }
      res.status(503).json({ errors: [{ message: 'the server is shutting down; retry on another instance', extensions: { code: SHUTTING_DOWN } }] });
      return;
    }
    this.track(res);
    next();
  };

  /** Counts a request as in flight until its response closes. */
  track(res: ServerResponse): void {
    this.inFlight++;
    res.once('close', () => {
      this.inFlight--;
      if (this.inFlight === 0) this.wake();
    });
  }

  beginDrain(): void {
    this.drainingSince ??= Date.now();
  }

  /** Resolves true once nothing is in flight, false if `timeoutMs` passed first. */
  async drained(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([
      new Promise<true>((resolve) => this.waiters.push(() => resolve(true))),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    return done;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
