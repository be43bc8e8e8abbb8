/**
 * Backing up and restoring a whole site: the database dump and media files
 * (storage/backup.ts), then what a restored database still needs to serve: migrations past
 * the backup's level, and the search index, which is derived from the stories and never
 * copied.
 */
import { createBackup, restoreBackup, verifyBackup } from '../storage/backup.js';
import type { BackupOptions, BackupReport, ProgressFactory, RestoreOptions, RestoreReport, VerifiedBackup } from '../storage/backup.js';
import type { Db } from '../storage/db.js';
import { migrateToLatest } from '../storage/migrate.js';
import { rebuildSearchIndex } from './search.js';

export { BackupError, defaultBackupName, totalRows } from '../storage/backup.js';
export type { BackupReport, Manifest, ProgressFactory, VerifiedBackup } from '../storage/backup.js';

export function backupSite(db: Db, options: BackupOptions): Promise<BackupReport> {
  return createBackup(db, options);
}

/** Reads the archive and checks every part against its manifest, writing nothing. */
export function checkBackup(file: string, options: { progress?: ProgressFactory } = {}): Promise<VerifiedBackup> {
  return verifyBackup(file, options);
}

export interface LoadedReport extends RestoreReport {
  /** Migrations this Newsdesk has that the backup did not: applied after loading. */
  upgraded: string[];
}

export interface SiteRestoreReport extends LoadedReport {
  /** Stories put into the search index. */
  indexed: number;
}

/**
 * Loads a checked backup (see checkBackup), then brings the database up to date and rebuilds
 * the search index; `onLoaded` hears about the load before the index is rebuilt.
 */
export async function restoreSite(db: Db, backup: VerifiedBackup, options: RestoreOptions & { onLoaded?: (report: LoadedReport) => void }): Promise<SiteRestoreReport> {
  const report = await restoreBackup(db, backup, options);
  const upgraded = await migrateToLatest(db.kysely);
  options.onLoaded?.({ ...report, upgraded });
  const indexed = await rebuildSearchIndex(db, options.progress);
  return { ...report, upgraded, indexed };
}
