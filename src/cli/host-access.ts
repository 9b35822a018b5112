import {password} from '@inquirer/prompts';
import {homedir} from 'node:os';
import {join} from 'node:path';
import type {AskHidden, HostAccess} from '../exec/open-host.js';
import type * as z from 'zod';
import type {hostAccessOptions} from './command-options.js';
import type {CommandContext} from './context.js';

/** The flags every command that reaches lab hosts over SSH takes. */
export type HostAccessFlags = z.output<typeof hostAccessOptions>;

/**
 * How this run reaches lab hosts: mesos-lab's own known_hosts, the ssh config, and hidden questions
 * on the terminal when there is one (a password typed there stays in this process's memory).
 */
export function hostAccess(ctx: CommandContext, flags: HostAccessFlags): HostAccess {
	const terminal = (ctx.stdin as NodeJS.ReadStream).isTTY === true;
	const ask: AskHidden = async question => password({message: question[ctx.lang]}, {input: ctx.stdin, output: ctx.stderr});
	return {
		knownHostsPath: join(ctx.home, 'known_hosts'),
		acceptNewHostKey: flags.acceptNewHostKey === true,
		...(flags.sshConfig === undefined ? {} : {sshConfigPath: flags.sshConfig}),
		userHome: ctx.env['HOME'] ?? homedir(),
		...(terminal ? {ask} : {}),
	};
}
