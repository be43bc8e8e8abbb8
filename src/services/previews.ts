/**
 * Signed preview links: anyone holding one sees that draft exactly as it will look, until
 * the link expires.
 */
import type { SettingsRepository } from '../storage/repositories/catalog.js';
import { SigningKey } from './signing.js';

const PREVIEW_HOURS = 48;

export class Previews {
  private readonly key: SigningKey;

  constructor(
    settings: SettingsRepository,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = new SigningKey(settings, 'preview_signing_key', now);
  }

  async url(articleId: number): Promise<string> {
    const expires = Math.floor(this.now().getTime() / 1000) + PREVIEW_HOURS * 3600;
    return `/preview/${articleId}?expires=${expires}&sig=${await this.key.sign(`${articleId}.${expires}`)}`;
  }

  async verify(articleId: number, expires: number, sig: string): Promise<boolean> {
    if (!Number.isFinite(expires) || expires * 1000 < this.now().getTime()) return false;
    return this.key.verify(`${articleId}.${expires}`, sig);
  }
}
