/**
 * Signed preview links: anyone holding one sees that draft exactly as it will look, until
 * the link expires. The signing key lives in the database so every instance accepts it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SettingsRepository } from '../storage/repositories/catalog.js';

const PREVIEW_HOURS = 48;

export class Previews {
  private key: Promise<Buffer> | undefined;

  constructor(
    private readonly settings: SettingsRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private secret(): Promise<Buffer> {
    this.key ??= (async () => {
      // Another instance may store its key first: everyone uses whatever is stored.
      const value = await this.settings.setIfAbsent('preview_signing_key', randomBytes(32).toString('base64url'), this.now());
      return Buffer.from(value, 'base64url');
    })();
    return this.key;
  }

  private async sign(articleId: number, expires: number): Promise<string> {
    return createHmac('sha256', await this.secret()).update(`${articleId}.${expires}`).digest('base64url');
  }

  async url(articleId: number): Promise<string> {
    const expires = Math.floor(this.now().getTime() / 1000) + PREVIEW_HOURS * 3600;
    return `/preview/${articleId}?expires=${expires}&sig=${await this.sign(articleId, expires)}`;
  }

  async verify(articleId: number, expires: number, sig: string): Promise<boolean> {
    if (!Number.isFinite(expires) || expires * 1000 < this.now().getTime()) return false;
    const expected = Buffer.from(await this.sign(articleId, expires));
    const given = Buffer.from(sig);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
