import { describe, expect, it } from 'vitest';
import os from 'node:os';
import { allowedHostNames, isAllowedHostHeader, isLoopbackHost, parseHostHeader, tokensMatch } from '../../../electron/node/server/requestGuards';
import { safeSegments } from '../../../electron/node/server/staticFiles';

describe('request guards', () => {
  it('accepts loopback names on our port only', () => {
    const loopback = allowedHostNames('127.0.0.1');
    expect(isAllowedHostHeader('127.0.0.1:8080', loopback, 8080)).toBe(true);
    expect(isAllowedHostHeader('localhost:8080', loopback, 8080)).toBe(true);
    expect(isAllowedHostHeader('[::1]:8080', loopback, 8080)).toBe(true);
    expect(isAllowedHostHeader('127.0.0.1:8081', loopback, 8080)).toBe(false);
    expect(isAllowedHostHeader('attacker.example:8080', loopback, 8080)).toBe(false);
    expect(isAllowedHostHeader(undefined, loopback, 8080)).toBe(false);
  });

  it('accepts the --host name when bound elsewhere; on a wildcard bind this machine’s names, never any name', () => {
    expect(isAllowedHostHeader('192.168.1.5:8080', allowedHostNames('192.168.1.5'), 8080)).toBe(true);
    expect(isAllowedHostHeader('other.example:8080', allowedHostNames('192.168.1.5'), 8080)).toBe(false);
    const wildcard = allowedHostNames('0.0.0.0');
    expect(isAllowedHostHeader(`${os.hostname()}:8080`, wildcard, 8080)).toBe(true);
    expect(isAllowedHostHeader('attacker.example:8080', wildcard, 8080)).toBe(false);
  });

  it('parses host headers and recognises loopback addresses', () => {
    expect(parseHostHeader('[::1]:80')).toEqual({ hostName: '::1', port: 80 });
    expect(parseHostHeader('Example.org')).toEqual({ hostName: 'example.org', port: null });
    expect(parseHostHeader('a:b:c')).toBeNull();
    expect(isLoopbackHost('127.3.4.5')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
  });

  it('compares tokens exactly', () => {
    expect(tokensMatch('abc123', 'abc123')).toBe(true);
    expect(tokensMatch('abc124', 'abc123')).toBe(false);
    expect(tokensMatch('abc', 'abc123')).toBe(false);
    expect(tokensMatch(undefined, 'abc123')).toBe(false);
  });

  it('refuses path segments that could leave the static folder', () => {
    expect(safeSegments('/assets/a%20b.js')).toEqual(['assets', 'a b.js']);
    expect(safeSegments('/')).toEqual([]);
    for (const hostile of ['/..', '/a/../b', '/..%2fetc', '/a%5c..%5cb', '/%00', '/c:%5cwindows', '/%E0%A4%A']) {
      expect(safeSegments(hostile)).toBeNull();
    }
  });
});
