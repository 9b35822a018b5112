import {localized, localizedBy} from '../i18n/localized.js';
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {StoreError} from '../errors.js';

/**
 * Proves that the home folder takes writes, by writing and removing a small file, before an install
 * touches any host: checkpoints that cannot be saved would make a run that cannot be resumed.
 */
export function assertHomeWritable(home: string): void {
	const probe = join(home, `.write-check-${process.pid}`);
	try {
		mkdirSync(home, {recursive: true});
		writeFileSync(probe, 'mesos-lab\n');
		rmSync(probe);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'error';
		const why = code === 'EROFS' ? localized('errHomeReadOnly') : code === 'ENOSPC' ? localized('errDiskFull') : code === 'EACCES' || code === 'EPERM' ? localized('errUserMayNotWrite') : {en: code, zh: code};
		throw new StoreError(localizedBy('errHomeNotWritable', (language) => [{home, why: why[language]}]), {
			hint: localized('errCheckpointsAndLogsLiveThereHint'),
			cause: error,
		});
	}
}
