/**
 * The request-target of an HTTP/1.1 request line (RFC 9112 §3.2). Browsers send the
 * origin form ("/data/x?y"); proxies and some clients send the absolute form
 * ("http://127.0.0.1:5173/data/x"), which a server must accept (§3.2.2) — for its own
 * authority. The authority decides, not the Host header (which §3.2.2 says to ignore then).
 */

/** What a request-target names: a raw path here, another server's URI, or nothing servable. */
export type RequestTarget =
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'elsewhere'; readonly authority: string }
  | { readonly kind: 'invalid' };

/** The authority this server answers for: host names (lower case, IPv6 in brackets) and its port. */
export interface OwnAuthority {
  readonly hosts: readonly string[];
  readonly port: number;
}

const ABSOLUTE_FORM = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;
const AUTHORITY = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::(\d{0,5}))?$/;

/**
 * Splits a request-target into the raw path to resolve (query and fragment dropped, nothing
 * decoded or normalised: the path resolver judges it exactly as in the origin form).
 * An absolute URI is served only for `http` and this server's own host and port (a missing
 * port is 80); a URI with user info, or a target that is neither form, is invalid.
 */
export function parseRequestTarget(target: string, own: OwnAuthority): RequestTarget {
  if (target.startsWith('/')) return { kind: 'path', path: target.split(/[?#]/, 1)[0] };
  const absolute = ABSOLUTE_FORM.exec(target);
  if (absolute === null) return { kind: 'invalid' };
  const [, scheme, authority, path] = absolute;
  if (authority.includes('@')) return { kind: 'invalid' };
  const parts = AUTHORITY.exec(authority);
  if (parts === null) return { kind: 'invalid' };
  const host = parts[1].toLowerCase().replace(/\.$/, '');
  const port = parts[2] === undefined || parts[2] === '' ? 80 : Number(parts[2]);
  const ours = scheme.toLowerCase() === 'http' && port === own.port && own.hosts.includes(host);
  return ours ? { kind: 'path', path: path === '' ? '/' : path } : { kind: 'elsewhere', authority };
}

/** A host as written in a URI: lower case, IPv6 in brackets, an IPv4-mapped IPv6 address as IPv4. */
function uriHost(address: string): string {
  const plain = address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return plain.includes(':') && !plain.startsWith('[') ? `[${plain}]` : plain;
}

/**
 * The authority of the socket a request came in on: the address it reached (and, on the
 * loopback, every loopback name: localhost, 127.0.0.1, [::1]) plus `names` (e.g. the
 * `--host` the server was started with), and the local port.
 */
export function ownAuthority(socket: { readonly localAddress?: string; readonly localPort?: number }, names: readonly string[] = []): OwnAuthority {
  const address = uriHost(socket.localAddress ?? '');
  const loopback = /^127\./.test(address) || address === '[::1]';
  const hosts = [address, ...(loopback ? ['localhost', '127.0.0.1', '[::1]'] : []), ...names.map(uriHost)];
  return { hosts, port: socket.localPort ?? 0 };
}
