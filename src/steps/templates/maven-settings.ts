import {xmlHostComment} from './host-comment.js';

/** /etc/maven/settings.xml sending every download to one https mirror (Central refuses http with 501). */
export function mavenSettings(mirrorUrl: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
${xmlHostComment('stepFileMavenSettings').join('\n')}
<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://maven.apache.org/SETTINGS/1.0.0 https://maven.apache.org/xsd/settings-1.0.0.xsd">
  <mirrors>
    <mirror>
      <id>mesos-lab-mirror</id>
      <name>HTTPS mirror of Maven Central</name>
      <url>${escapeXml(mirrorUrl)}</url>
      <mirrorOf>*</mirrorOf>
    </mirror>
  </mirrors>
</settings>
`;
}

function escapeXml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
