/**
 * Every text a person reads lives in the message catalog (src/i18n/texts), in Chinese and English.
 * This rule finds text written anywhere else in src/, so English-only (or Chinese-only) text cannot
 * creep back:
 * - any string or template containing a Han character;
 * - JSX text containing letters;
 * - prose (two words or more) given as the message or hint of an error, to console.*, to a
 *   stdout/stderr write, or to a blessed widget (setContent, setLabel, `content:`, `label:`).
 * Log keys, identifiers, commands and paths are single tokens or carry no words, and pass.
 */

const han = /\p{Script=Han}/u;
/** Two words in a row: a sentence or a phrase, not a key, an identifier, a flag or a path. */
const prose = /\p{L}{2,}[,.;:!?]?\s+\(?\p{L}{2,}/u;
const errorName = /Error$/;
/** JavaScript's own errors carry a program's reasons, not a person's; ours (src/errors.ts) carry both. */
const builtinErrors = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'AggregateError', 'EvalError', 'URIError']);
const consoleMethods = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace']);
const widgetMethods = new Set(['setContent', 'setLabel', 'setText', 'setLine', 'insertLine', 'pushLine', 'log']);
const widgetProperties = new Set(['content', 'label']);

/** The fixed text pieces of an expression: strings and template parts, through ?:, ||, ?? and +. */
function textPieces(node) {
	switch (node?.type) {
		case 'Literal':
			return typeof node.value === 'string' ? [{node, text: node.value}] : [];
		case 'TemplateLiteral':
			return [{node, text: node.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ')}, ...node.expressions.flatMap(textPieces)];
		case 'ConditionalExpression':
			return [...textPieces(node.consequent), ...textPieces(node.alternate)];
		case 'LogicalExpression':
			return [...textPieces(node.left), ...textPieces(node.right)];
		case 'BinaryExpression':
			return node.operator === '+' ? [...textPieces(node.left), ...textPieces(node.right)] : [];
		case 'TSAsExpression':
			return textPieces(node.expression);
		default:
			return [];
	}
}

function calleeName(callee) {
	if (callee.type === 'Identifier') return callee.name;
	if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
	return undefined;
}

function objectName(callee) {
	return callee.type === 'MemberExpression' ? calleeName(callee.object) : undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const userTextRule = {
	meta: {
		type: 'problem',
		docs: {description: 'Text a person reads comes from the message catalog (src/i18n/texts), in both languages.'},
		messages: {
			han: 'Chinese text outside the message catalog: add a key to src/i18n/texts and use t() or localized().',
			jsx: 'JSX text outside the message catalog: add a key to src/i18n/texts and render t(language, key).',
			sink: 'Text a person reads ({{where}}) outside the message catalog: add a key to src/i18n/texts and pass t(language, key, params).',
		},
		schema: [{
			type: 'object',
			properties: {upstreamErrors: {type: 'array', items: {type: 'string'}, description: 'error classes whose messages reproduce an upstream API word for word'}},
			additionalProperties: false,
		}],
	},
	create(context) {
		const upstreamErrors = new Set(context.options[0]?.upstreamErrors ?? []);
		const reported = new Set();
		const report = (node, messageId, data) => {
			if (!reported.has(node)) {
				reported.add(node);
				context.report({node, messageId, data});
			}
		};
		const checkProse = (expression, where) => {
			for (const piece of textPieces(expression)) {
				if (prose.test(piece.text)) report(piece.node, 'sink', {where});
			}
		};
		return {
			Literal(node) {
				if (typeof node.value === 'string' && han.test(node.value)) report(node, 'han');
			},
			TemplateLiteral(node) {
				if (node.quasis.some((quasi) => han.test(quasi.value.cooked ?? quasi.value.raw))) report(node, 'han');
			},
			JSXText(node) {
				if (/\p{L}/u.test(node.value)) report(node, 'jsx');
			},
			NewExpression(node) {
				const name = calleeName(node.callee);
				if (name === undefined || !errorName.test(name) || builtinErrors.has(name) || upstreamErrors.has(name)) return;
				for (const argument of node.arguments) {
					if (argument.type === 'ObjectExpression') {
						for (const property of argument.properties) {
							if (property.type === 'Property' && !property.computed && ['hint', 'message'].includes(property.key.name ?? property.key.value)) checkProse(property.value, `the ${property.key.name ?? property.key.value} of ${name}`);
						}
					} else {
						checkProse(argument, `a ${name}`);
					}
				}
			},
			CallExpression(node) {
				const name = calleeName(node.callee);
				const owner = objectName(node.callee);
				if ((owner === 'console' && consoleMethods.has(name)) || ((owner === 'stdout' || owner === 'stderr') && name === 'write') || (owner !== 'console' && widgetMethods.has(name) && name !== 'log')) {
					for (const argument of node.arguments) checkProse(argument, `${owner ?? ''}.${name}`);
				}
			},
			Property(node) {
				const key = node.key.type === 'Identifier' ? node.key.name : node.key.value;
				if (!node.computed && widgetProperties.has(key)) checkProse(node.value, `a widget's ${key}`);
			},
		};
	},
};

export const userTextPlugin = {rules: {'user-text': userTextRule}};
