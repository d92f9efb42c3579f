// Which requests the sandbox answers at all, checked before anything else: only those addressed to the sandbox
// itself (Host 127.0.0.1:PORT or localhost:PORT), so a web page cannot reach it through DNS rebinding, with a
// request target it can read — an absolute-form target (`GET http://127.0.0.1:PORT/path`) becomes its path, and one
// that does not parse is a 400, never a crash further down.
import type { IncomingMessage } from 'http';
import { errorReply, type Reply } from './reply';

export type GateVerdict = { ok: true; target: string } | { ok: false; reply: Reply; reason: string };

/** The `host:port` authorities a request may name, lower case: 127.0.0.1:PORT, localhost:PORT and the listening address. */
export function allowedAuthorities(listeningHost: string, port: number): Set<string> {
  const host = listeningHost.includes(':') ? `[${listeningHost}]` : listeningHost;
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `${host.toLowerCase()}:${port}`]);
}

export function admit(req: IncomingMessage, allowed: ReadonlySet<string>): GateVerdict {
  const hostHeader = req.headers.host;
  if (hostHeader === undefined)
    return badTarget(`A request needs a Host header (${[...allowed][0]}), as HTTP/1.1 asks.`, 'no Host header');
  if (!allowed.has(hostHeader.trim().toLowerCase())) return misdirected(allowed, `Host: ${hostHeader}`);

  const raw = req.url ?? '/';
  const originForm = raw.startsWith('/');
  if (!originForm && !/^https?:\/\//i.test(raw))
    return badTarget('The request target must be a path such as /api/v1/company/720441.');
  let url: URL;
  try {
    // An origin-form target is a path on this host whatever it looks like ("//x" is not a host name here).
    url = new URL(originForm ? `http://sandbox.invalid${raw}` : raw);
  } catch {
    return badTarget('The request target is not a valid URL.');
  }
  if (originForm) return { ok: true, target: canonical(url) };
  // An absolute-form target names the host itself (RFC 9112 3.2.2), and it must be the sandbox too.
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (url.protocol !== 'http:' || url.username || url.password || !allowed.has(`${url.hostname}:${port}`))
    return misdirected(allowed, `request target ${raw}`);
  return { ok: true, target: canonical(url) };
}

/**
 * The path and query as an origin-form target the rest of the pipeline reads the same way: leading slashes folded
 * into one, so `//x` is not taken for a host name.
 */
function canonical(url: URL): string {
  return `/${url.pathname.replace(/^\/+/, '')}${url.search}`;
}

function badTarget(message: string, reason = 'unreadable request target'): GateVerdict {
  return { ok: false, reply: errorReply(400, message), reason };
}

function misdirected(allowed: ReadonlySet<string>, what: string): GateVerdict {
  const names = [...allowed].slice(0, 2).join(' or ');
  return {
    ok: false,
    reply: errorReply(
      403,
      `The sandbox answers only requests addressed to ${names}, not ${clip(what)}; this keeps web pages from reaching it through DNS rebinding.`,
    ),
    reason: `refused ${clip(what)}`,
  };
}

function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}
