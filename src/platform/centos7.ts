import {shellCommand} from '../exec/quote.js';

// Command builders for CentOS 7. Every argument goes through shellCommand.

export function yumInstall(packages: readonly string[]): string {
	return shellCommand(['yum', 'install', '-y', ...packages]);
}

export function yumRemove(packages: readonly string[]): string {
	return shellCommand(['yum', 'remove', '-y', ...packages]);
}

export function rpmInstalled(packageName: string): string {
	return shellCommand(['rpm', '-q', packageName]);
}

export function systemctl(action: 'enable' | 'disable' | 'start' | 'stop' | 'restart' | 'is-active' | 'is-enabled' | 'daemon-reload' | 'mask', unit?: string, now = false): string {
	const argv = ['systemctl', action];
	if (now) {
		argv.push('--now');
	}
	if (unit !== undefined) {
		argv.push(unit);
	}
	return shellCommand(argv);
}

export function firewalldOff(): string[] {
	return [systemctl('disable', 'firewalld', true)];
}
