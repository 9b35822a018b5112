import {describe, expect, it} from 'vitest';
import {appFromFlags, imageUpdate} from '../../src/apps/app-actions.js';
import {buildDockerApp, parseAppFile} from '../../src/apps/app-definition.js';
import {explainStrategy, strategyBounds} from '../../src/apps/upgrade-strategy.js';
import {UserInputError} from '../../src/errors.js';

describe('app definitions', () => {
	it('builds the tutorial nginx app from flags, with placement', () => {
		const app = appFromFlags({image: 'nginx:1.27', instances: '2', port: '80', servicePort: '10000', health: '/', spread: 'dc'});
		expect(app).toMatchObject({
			id: '/nginx',
			instances: 2,
			container: {type: 'DOCKER', docker: {image: 'nginx:1.27', network: 'BRIDGE', portMappings: [{containerPort: 80, hostPort: 0, servicePort: 10000}]}},
			labels: {HAPROXY_GROUP: 'docker-haproxy'},
			healthChecks: [{protocol: 'HTTP', path: '/'}],
			constraints: [['dc', 'GROUP_BY']],
		});
	});

	it.each([
		['{"id":"/Web","cmd":"x"}', /id: must be lower-case/],
		['{"id":"/web","cmd":"x","mem":8}', /mem: must be at least 32/],
		['{"id":"/web","cmd":"x","instances":-1}', /instances: must not be negative/],
		['{"id":"/web","container":{"type":"DOCKER","docker":{"image":"nginx","portMappings":[{"containerPort":70000}]}}}', /container\.docker\.portMappings\[0\]\.containerPort: must be at most 65535/],
		['{"id":"/web","cmd":"x","constraints":[["dc","SOMETIMES"]]}', /constraints\[0\]: operator "SOMETIMES"/],
		['{"id":"/web","cmd":"x","upgradeStrategy":{"minimumHealthCapacity":2,"maximumOverCapacity":0}}', /upgradeStrategy\.minimumHealthCapacity: must be between 0 and 1/],
		['{"id":"/web","cmd":"x","labels":{"HAPROXY_0_PORT":80}}', /labels\.HAPROXY_0_PORT: label values must be strings/],
		['{"id":"/web"}', /cmd: an app needs a command/],
		['{"id": "/web",', /not valid JSON/],
	])('rejects a bad app file and names the field: %s', (text, message) => {
		expect(() => parseAppFile(text, 'app.json')).toThrow(UserInputError);
		expect(() => parseAppFile(text, 'app.json')).toThrow(message);
	});

	it('rejects bad deploy flags by name', () => {
		expect(() => appFromFlags({image: 'nginx', instances: 'two'})).toThrow(/--instances must be a whole number/);
		expect(() => appFromFlags({image: 'nginx', port: '99999'})).toThrow(/--port must be a port/);
		expect(() => appFromFlags({})).toThrow(/needs an app file or --image/);
	});

	it('changes only the image and the strategy in a rolling update', () => {
		const app = buildDockerApp({id: '/nginx', image: 'nginx:1.25', instances: 4, servicePort: 10000});
		const {changes, strategy} = imageUpdate({...app, instances: 4}, {image: 'nginx:1.27', minimumHealthCapacity: '0.5'});
		expect(changes).toMatchObject({container: {docker: {image: 'nginx:1.27', network: 'BRIDGE'}}, upgradeStrategy: {minimumHealthCapacity: 0.5, maximumOverCapacity: 0.5}});
		expect(strategy).toEqual({minimumHealthCapacity: 0.5, maximumOverCapacity: 0.5});
		expect(() => imageUpdate({id: '/shell', instances: 1, cmd: 'sleep 1'}, {image: 'x'})).toThrow(/not a Docker app/);
		expect(() => imageUpdate({...app, instances: 4}, {image: 'x', minimumHealthCapacity: '1', maximumOverCapacity: '0'})).toThrow(/no room/);
		expect(() => imageUpdate({...app, instances: 4}, {image: 'x', maximumOverCapacity: '1.5'})).toThrow(/--maximum-over-capacity must be a fraction/);
	});

	it('explains an upgrade strategy with the numbers for this app', () => {
		expect(strategyBounds({minimumHealthCapacity: 0.5, maximumOverCapacity: 0.25}, 4)).toEqual({minHealthy: 2, maxTotal: 5});
		const text = explainStrategy({minimumHealthCapacity: 0.5, maximumOverCapacity: 0.25}, 4);
		expect(text.en).toContain('at least 2 stay healthy');
		expect(text.en).toContain('at most 5 run at once');
		expect(text.zh).toContain('至少保持 2 个健康实例');
	});
});
