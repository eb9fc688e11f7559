import { Socket } from 'node:net';

// Snippets must never reach the real API: while a snippet runs, a connection anywhere but loopback throws
// (undici, axios and fetch all connect through Socket), and is listed for the harness to report.

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function blockNetwork(): { attempts: string[]; restore: () => void } {
  const attempts: string[] = [];
  const connect = Socket.prototype.connect;
  // biome-ignore lint/suspicious/noExplicitAny: connect's overloads are forwarded as they are
  Socket.prototype.connect = function (this: Socket, ...args: any[]) {
    const [first, second] = args;
    const options = typeof first === 'object' && first !== null ? first : undefined;
    const path =
      options?.path ?? (typeof first === 'string' && Number.isNaN(Number(first)) ? first : undefined);
    const host = options ? (options.host ?? 'localhost') : typeof second === 'string' ? second : 'localhost';
    if (path === undefined && !LOOPBACK.has(host)) {
      const port = options ? options.port : first;
      attempts.push(`${host}:${port}`);
      throw new Error(`readme snippets: no network here (a connection to ${host}:${port} was attempted)`);
    }
    return connect.apply(this, args as Parameters<typeof connect>);
  } as typeof connect;
  return {
    attempts,
    restore: () => {
      Socket.prototype.connect = connect;
    },
  };
}
