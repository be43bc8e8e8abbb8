// Tests serve the same browser islands as production: build them once before any suite runs.
import { buildClient } from '../scripts/build-client.mjs';

export default async function setup(): Promise<void> {
  await buildClient();
}
