/**
 * HMAC signatures for links that must work without a session (draft previews, one-click
 * unsubscribe). Each purpose has its own key, stored in the database so that every
 * instance signs and verifies alike.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SettingsRepository } from '../storage/repositories/catalog.js';

export class SigningKey {
  private key: Promise<Buffer> | undefined;

  constructor(
    private readonly settings: SettingsRepository,
    private readonly name: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private secret(): Promise<Buffer> {
    this.key ??= (async () => {
      // Another instance may store its key first: everyone uses whatever is stored.
      const value = await this.settings.setIfAbsent(this.name, randomBytes(32).toString('base64url'), this.now());
      return Buffer.from(value, 'base64url');
    })();
    return this.key;
  }

  async sign(message: string): Promise<string> {
    return createHmac('sha256', await this.secret()).update(message).digest('base64url');
  }

  async verify(message: string, signature: string): Promise<boolean> {
    const expected = Buffer.from(await this.sign(message));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
