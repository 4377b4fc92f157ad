import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/** A TypeORM logger that counts SQL statements, for the N+1 tests. */
export class QueryCounter extends AbstractLogger {
  count = 0;
  readonly statements: string[] = [];

  override logQuery(query: string): void {
    this.count++;
    this.statements.push(query);
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[], _qr?: QueryRunner): void {}

  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }

  /** Runs `fn` and returns the statements it issued. */
  async during<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    this.reset();
    const result = await fn();
    return { result, statements: [...this.statements] };
  }
}
