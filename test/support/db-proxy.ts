import net from 'node:net';

/**
 * A TCP proxy between the server and the database, so an e2e test can take the database away:
 * `down()` closes every connection and refuses new ones; `freeze()` keeps connections (and
 * accepts new ones) but forwards no byte either way, like a hung database; `restore()` forwards
 * again (a frozen connection's held bytes are delivered). `queries` counts the COM_QUERY commands
 * clients sent (one per round trip: a query of several statements is one), read off the MySQL
 * protocol's packet headers.
 */
export class DbProxy {
  private server: net.Server;
  private readonly pairs = new Set<{ client: net.Socket; upstream: net.Socket | null; held: Buffer[][] }>();
  private frozen = false;
  port = 0;
  /** COM_QUERY commands sent by clients through this proxy so far. */
  queries = 0;

  private constructor(private readonly target: { host: string; port: number }) {
    this.server = this.createServer();
  }

  static async start(target: { host: string; port: number }): Promise<DbProxy> {
    const proxy = new DbProxy(target);
    await proxy.listen(0);
    return proxy;
  }

  private createServer(): net.Server {
    return net.createServer((client) => {
      const pair = { client, upstream: null as net.Socket | null, held: [[], []] as Buffer[][] };
      this.pairs.add(pair);
      const drop = () => {
        client.destroy();
        pair.upstream?.destroy();
        this.pairs.delete(pair);
      };
      client.on('error', drop);
      client.on('close', drop);
      const count = commandCounter(() => this.queries++);
      client.on('data', (d) => {
        count(d);
        if (this.frozen || !pair.upstream) pair.held[0].push(d);
        else pair.upstream.write(d);
      });
      if (!this.frozen) this.connectUpstream(pair, drop);
      else (pair as { drop?: () => void }).drop = drop;
    });
  }

  private connectUpstream(pair: { client: net.Socket; upstream: net.Socket | null; held: Buffer[][] }, drop: () => void): void {
    const upstream = net.connect(this.target);
    pair.upstream = upstream;
    upstream.on('error', drop);
    upstream.on('close', drop);
    upstream.on('data', (d) => (this.frozen ? pair.held[1].push(d) : pair.client.write(d)));
    upstream.on('connect', () => this.flush(pair));
  }

  private flush(pair: { client: net.Socket; upstream: net.Socket | null; held: Buffer[][] }): void {
    if (this.frozen || !pair.upstream) return;
    for (const d of pair.held[0].splice(0)) pair.upstream.write(d);
    for (const d of pair.held[1].splice(0)) pair.client.write(d);
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.port = (this.server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  /** The database is gone: every connection closed, new ones refused. */
  async down(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const p of this.pairs) {
        p.client.destroy();
        p.upstream?.destroy();
      }
      this.pairs.clear();
    });
  }

  /** The database hangs: connections stay open (new ones are accepted) but nothing is forwarded. */
  freeze(): void {
    this.frozen = true;
  }

  /** Back to normal: listening again on the same port if it was down, forwarding if it was frozen. */
  async restore(): Promise<void> {
    if (!this.server.listening) {
      this.server = this.createServer();
      await this.listen(this.port);
    }
    this.frozen = false;
    for (const p of this.pairs) {
      if (!p.upstream) this.connectUpstream(p, (p as { drop?: () => void }).drop ?? (() => p.client.destroy()));
      else this.flush(p);
    }
  }

  async close(): Promise<void> {
    await this.down();
  }
}

/** MySQL protocol command byte of a text query. */
const COM_QUERY = 0x03;

/**
 * Reads a client's byte stream as MySQL packets (3-byte length, 1-byte sequence id, payload) and
 * calls `onQuery` for each COM_QUERY command (sequence id 0: the first packet of a command; the
 * handshake response is sequence 1).
 */
function commandCounter(onQuery: () => void): (chunk: Buffer) => void {
  let header = Buffer.alloc(0);
  let skip = 0;
  let wantCommandByte = false;
  return (chunk) => {
    let at = 0;
    while (at < chunk.length) {
      if (wantCommandByte) {
        if (chunk[at] === COM_QUERY) onQuery();
        wantCommandByte = false;
      }
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - at);
        skip -= n;
        at += n;
        continue;
      }
      const need = 4 - header.length;
      header = Buffer.concat([header, chunk.subarray(at, at + need)]);
      at += Math.min(need, chunk.length - at);
      if (header.length < 4) return;
      skip = header.readUIntLE(0, 3);
      wantCommandByte = header[3] === 0 && skip > 0;
      header = Buffer.alloc(0);
    }
  };
}
