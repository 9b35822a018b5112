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
		const why = code === 'EROFS' ? 'its file system is read-only' : code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'this user may not write there' : code;
		const whyZh = code === 'EROFS' ? '所在文件系统是只读的' : code === 'ENOSPC' ? '磁盘已满' : code === 'EACCES' || code === 'EPERM' ? '当前用户没有写权限' : code;
		throw new StoreError(`The mesos-lab home ${home} cannot be written (${why}); nothing was run on any host.`, {
			hint: 'Checkpoints and logs live there. Choose a writable folder with --home (or MESOS_LAB_HOME), or free space / fix its permissions.',
			cause: error,
			zh: {
				message: `mesos-lab 的目录 ${home} 无法写入（${whyZh}）；没有在任何主机上执行命令。`,
				hint: '检查点和日志都存放在这里。用 --home（或 MESOS_LAB_HOME）换一个可写的目录，或腾出空间、修正权限。',
			},
		});
	}
}
