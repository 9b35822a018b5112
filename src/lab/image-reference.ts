import {localized} from '../i18n/localized.js';
import type {Localized} from '../steps/step.js';
// The grammar of a Docker image reference, from distribution/reference (reference.go, v0.5.0):
//   reference        := name [ ":" tag ] [ "@" digest ]
//   name             := [domain '/'] remote-name
//   domain           := host [':' port-number]
//   host             := domain-name | IPv4address | \[ IPv6address \]
//   domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
//   path-component   := alpha-numeric [separator alpha-numeric]*
//   alpha-numeric    := /[a-z0-9]+/
//   separator        := /[_.]|__|[-]*/
//   tag              := /[\w][\w.-]{0,127}/
//   digest           := algorithm ":" /[0-9a-fA-F]{32,}/
// Hand-written because no maintained npm package implements it; a reference can then never begin
// with "-" and be read as an option by `docker run` or `docker pull`.

const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[0-9a-fA-F:.]+\\])`;
const domain = `${host}(?::[0-9]+)?`;
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const name = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

const reference = new RegExp(`^(${name})(?::${tag})?(?:@${digest})?$`);

/** The longest repository name the registry accepts. */
const maxNameLength = 255;

/** Whether `text` is a Docker image reference such as `mesosphere/marathon:v1.10.26` or `registry:5000/team/app@sha256:…`. */
export function isImageReference(text: string): boolean {
	const match = reference.exec(text);
	return match !== null && (match[1]?.length ?? 0) <= maxNameLength;
}

/** What an image reference must look like, in both languages: the lab file's check and the app commands' share it. */
export const imageReferenceRule: Localized = localized('errIssueImageReference');
