import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ownAuthority, parseRequestTarget } from '../../src/server/request-target.js';
import { FUZZ_RUNS } from '../fuzz/expect-digitlab-error.js';

const own = ownAuthority({ localAddress: '127.0.0.1', localPort: 5173 });

test('request-target: origin form and our own absolute URIs give the raw path; other servers and malformed targets do not', () => {
  assert.deepEqual(parseRequestTarget('/a/b?x=1#f', own), { kind: 'path', path: '/a/b' });
  assert.deepEqual(parseRequestTarget('http://127.0.0.1:5173/a/%2e%2e/b?x', own), { kind: 'path', path: '/a/%2e%2e/b' }, 'nothing decoded or normalised');
  assert.deepEqual(parseRequestTarget('http://localhost:5173', own), { kind: 'path', path: '/' });
  assert.deepEqual(parseRequestTarget('HTTP://LOCALHOST.:5173/x', own), { kind: 'path', path: '/x' }, 'scheme and host are case-insensitive; a trailing dot is the same name');
  assert.deepEqual(parseRequestTarget('http://[::1]:5173/x', own), { kind: 'path', path: '/x' });
  assert.deepEqual(parseRequestTarget('http://127.0.0.1/x', own), { kind: 'elsewhere', authority: '127.0.0.1' }, 'no port is port 80');
  assert.deepEqual(parseRequestTarget('http://127.0.0.1:80/x', ownAuthority({ localAddress: '127.0.0.1', localPort: 80 })), { kind: 'path', path: '/x' });
  assert.deepEqual(parseRequestTarget('http://example.com:5173/', own), { kind: 'elsewhere', authority: 'example.com:5173' });
  assert.deepEqual(parseRequestTarget('https://127.0.0.1:5173/', own), { kind: 'elsewhere', authority: '127.0.0.1:5173' });
  for (const target of ['*', '', 'a/b', 'http://user:pw@127.0.0.1:5173/', 'http://127.0.0.1:5173:1/', 'http://[::1/', 'http:///x', 'http://127.0.0.1:123456/']) {
    assert.deepEqual(parseRequestTarget(target, own), { kind: 'invalid' }, JSON.stringify(target));
  }
});

test('own authority: the address reached, loopback names on the loopback, IPv4-mapped and IPv6 addresses as a URI writes them, extra names', () => {
  assert.deepEqual(ownAuthority({ localAddress: '::ffff:127.0.0.1', localPort: 1 }).hosts, ['127.0.0.1', 'localhost', '127.0.0.1', '[::1]']);
  assert.deepEqual(ownAuthority({ localAddress: '::1', localPort: 1 }).hosts.slice(0, 2), ['[::1]', 'localhost']);
  assert.deepEqual(ownAuthority({ localAddress: '192.168.1.5', localPort: 8080 }, ['MyBox.local']), { hosts: ['192.168.1.5', 'mybox.local'], port: 8080 });
  assert.deepEqual(ownAuthority({ localAddress: 'fe80::1', localPort: 1 }).hosts, ['[fe80::1]']);
});

test(`request-target: ${FUZZ_RUNS} random targets never throw; a served path always starts with "/" and is the URI's own path`, () => {
  const authority = fc.constantFrom('127.0.0.1:5173', 'localhost:5173', '[::1]:5173', 'example.com', '127.0.0.1:5174', 'a@127.0.0.1:5173', '', ':5173');
  const target = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.tuple(fc.constantFrom('http', 'HTTP', 'https', 'x'), authority, fc.string({ maxLength: 20 })).map(([s, a, p]) => `${s}://${a}${p}`),
  );
  fc.assert(
    fc.property(target, (t) => {
      const result = parseRequestTarget(t, own);
      if (result.kind !== 'path') return;
      assert.ok(result.path.startsWith('/'), `${JSON.stringify(t)} → ${JSON.stringify(result.path)}`);
      assert.ok(t.startsWith('/') || t.toLowerCase().startsWith('http://'), JSON.stringify(t));
      assert.ok(!/[?#]/.test(result.path));
    }),
    { numRuns: FUZZ_RUNS },
  );
});
