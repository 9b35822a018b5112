#!/usr/bin/env node
// Checked before anything else loads: the libraries underneath fail on older Node.js with errors that name
// none of the cause.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
	process.stderr.write(`mesos-lab needs Node.js 22 or newer; this is ${process.version}.\n`
		+ 'hint: install Node.js 22 or newer, or in a checkout of mesos-lab run `. scripts/node22.sh` to use one fetched from the npm registry\n');
	process.exitCode = 1;
} else {
	// A reader that closes the pipe early (`mesos-lab plan --script | head`) wants no more output: stop quietly,
	// as other command-line tools do, rather than fail on the write nobody reads.
	for (const stream of [process.stdout, process.stderr]) {
		stream.on('error', error => {
			if (error.code !== 'EPIPE') {
				throw error;
			}
			process.exit(process.exitCode ?? 0);
		});
	}
	const {main} = await import('../dist/cli/main.js');
	process.exitCode = await main(process.argv.slice(2));
}
