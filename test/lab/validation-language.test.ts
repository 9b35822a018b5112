import {describe, expect, it} from 'vitest';
import {UserInputError} from '../../src/errors.js';
import {parseLab} from '../../src/lab/lab-file.js';

const badLab = `hosts:
  - name: node1
    address: 10.0.0.11
    port: twenty-two
    colour: blue
ports:
  marathonLb: 9091
`;

function refusal(): UserInputError {
	try {
		parseLab(badLab, 'lab.yaml');
	} catch (error) {
		if (error instanceof UserInputError) {
			return error;
		}
		throw error;
	}
	throw new Error('the lab file was accepted');
}

describe('a lab file with wrong fields', () => {
	it('is refused in Chinese, each field named as written, with a hint', () => {
		const {message, hint} = refusal().textIn('zh');
		expect(message.split('\n')).toEqual([
			'lab.yaml 有 3 处问题：',
			'  - hosts.0.port: 应为 number',
			'  - hosts.0: 未知字段 colour',
			'  - ports.marathonLb: marathon-lb 总是在 9090 上提供 HAProxy 统计页面（它的 config.py 固定绑定这个端口）；ports.marathonLb 请保持 9090',
		]);
		expect(hint).toBe('完整、带注释的 lab 文件见 examples/lab.yaml。');
	});

	it('is refused in English the same way', () => {
		const error = refusal();
		expect(error.textIn('en').message).toBe(error.message);
		expect(error.message.split('\n').slice(1)).toEqual([
			'  - hosts.0.port: expected number',
			'  - hosts.0: unknown field colour',
			'  - ports.marathonLb: marathon-lb always serves its HAProxy stats on 9090 (its config.py binds it); leave ports.marathonLb at 9090',
		]);
	});
});
