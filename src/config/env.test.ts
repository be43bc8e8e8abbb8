import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, publicOrigin, trustProxyOption } from './env.js';

describe('configuration', () => {
  it('has working defaults for a first start', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBe('sqlite:./data/newsdesk.db');
    expect(c.SEED_DEMO_CONTENT).toBe(true);
    expect(publicOrigin(c)).toBe('http://localhost:3000');
  });

  it('parses social profiles and booleans', () => {
    const c = loadConfig({ SOCIAL_PROFILES: 'facebook=https://facebook.com/nd, x=https://x.com/nd', SEED_DEMO_CONTENT: 'false', PORT: '8080' });
    expect(c.SOCIAL_PROFILES).toEqual([
      { network: 'facebook', url: 'https://facebook.com/nd' },
      { network: 'x', url: 'https://x.com/nd' },
    ]);
    expect(c.SEED_DEMO_CONTENT).toBe(false);
    expect(c.PORT).toBe(8080);
  });

  it('names every bad variable in one clear error', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SOCIAL_PROFILES: 'myspace=https://myspace.com', SITE_TIME_ZONE: 'Mars/Olympus' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'SOCIAL_PROFILES', 'SITE_TIME_ZONE']) expect(message).toContain(name);
    }
  });

  it('uses PUBLIC_URL for links when set', () => {
    expect(publicOrigin(loadConfig({ PUBLIC_URL: 'https://news.example.org/' }))).toBe('https://news.example.org');
  });

  it('names what a CDN purge adapter is missing', () => {
    expect(() => loadConfig({ CDN_PURGE: 'fastly', FASTLY_SERVICE_ID: 'svc' })).toThrow(/FASTLY_API_TOKEN: required when CDN_PURGE=fastly/);
    expect(() => loadConfig({ CDN_PURGE: 'varnish' })).toThrow(/CDN_PURGE_URL/);
    expect(loadConfig({ CDN_PURGE: 'varnish', CDN_PURGE_URL: 'http://127.0.0.1:6081/' }).CDN_PURGE).toBe('varnish');
  });

  it('trusts X-Forwarded-For only from the proxies it is told to', () => {
    expect(trustProxyOption(loadConfig({}).TRUST_PROXY)).toBe('loopback');
    expect(trustProxyOption(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY)).toBe(false);
    expect(trustProxyOption(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.1' }).TRUST_PROXY)).toBe('10.0.0.0/8, 192.168.1.1');
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });
});
