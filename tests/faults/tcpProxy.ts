import net from 'node:net';

/**
 * A TCP proxy to a database that a test can cut (every connection dropped, new ones refused), hang (packets
 * dropped: connections stay open and accepted, nothing gets through either way) and restore.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private hanging = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** A proxy in front of the database of `databaseUrl` (not started). */
  static forDatabase(databaseUrl: string): TcpProxy {
    const target = new URL(databaseUrl);
    return new TcpProxy(target.hostname, Number(target.port || 5432));
  }

  /** `databaseUrl` pointed at this proxy (once started). */
  urlThrough(databaseUrl: string): URL {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url;
  }

  /** Listens (on the same port as before after a stop, so clients reconnect to the same address). */
  async start(): Promise<void> {
    const server = net.createServer((client) => {
      this.track(client);
      // While hanging, a new connection is accepted and never answered: what a firewall dropping packets looks like.
      if (this.hanging) return;
      const upstream = net.connect(this.targetPort, this.targetHost);
      this.track(upstream);
      // Forwarded by hand rather than piped, so hang() can drop bytes on connections already open.
      client.on('data', (chunk: Buffer) => void (this.hanging || upstream.write(chunk)));
      upstream.on('data', (chunk: Buffer) => void (this.hanging || client.write(chunk)));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** The database stops answering without refusing anything (a partition): every byte is dropped from now on. */
  hang(): void {
    this.hanging = true;
  }

  /** The database "goes away": open connections are reset and new ones refused. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.hanging = false;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }
}
