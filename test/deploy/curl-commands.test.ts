import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { quoted, renderCurlCommands } from '../../src/deploy/curl-commands.ts';

const renderSuite = suite('renderCurlCommands');

renderSuite('service.jsp: the probe, then upload and install in one call, per target', () => {
  const lines = renderCurlCommands({ targets: [{ url: 'http://localhost:4502' }, { url: 'https://pub.example:4503' }], api: 'jsp', user: 'admin', packageFile: 'dist/eventproxy-config-1.0.0.zip', packagePath: '/etc/packages/aem-ioevents/eventproxy-config-1.0.0.zip' });
  assert.equal(lines, [
    '# http://localhost:4502: wait for 405 (404 while AEM starts), then upload and install (HTTP 200 for a failed install too: the verdict is the answer\'s <status code> and its E lines)',
    `curl -sS -o /dev/null -w '%{http_code}\\n' -u "admin:$AEM_PASSWORD" 'http://localhost:4502/crx/packmgr/service/script.html'`,
    `curl -sS --fail-with-body -u "admin:$AEM_PASSWORD" -F 'file=@dist/eventproxy-config-1.0.0.zip;type=application/zip' -F force=true -F install=true 'http://localhost:4502/crx/packmgr/service.jsp'`,
    '# https://pub.example:4503: wait for 405 (404 while AEM starts), then upload and install (HTTP 200 for a failed install too: the verdict is the answer\'s <status code> and its E lines)',
    `curl -sS -o /dev/null -w '%{http_code}\\n' -u "admin:$AEM_PASSWORD" 'https://pub.example:4503/crx/packmgr/service/script.html'`,
    `curl -sS --fail-with-body -u "admin:$AEM_PASSWORD" -F 'file=@dist/eventproxy-config-1.0.0.zip;type=application/zip' -F force=true -F install=true 'https://pub.example:4503/crx/packmgr/service.jsp'`,
  ]);
});

renderSuite('the JSON API: upload, then install by the package path; no user writes $AEM_USER', () => {
  const lines = renderCurlCommands({ targets: [{ url: 'http://localhost:4502' }], api: 'json', user: undefined, packageFile: 'p.zip', packagePath: '/etc/packages/g/p-1.zip' });
  assert.equal(lines, [
    '# http://localhost:4502: wait for 405 (404 while AEM starts), then upload, then install (the verdict is each answer\'s "success")',
    `curl -sS -o /dev/null -w '%{http_code}\\n' -u "$AEM_USER:$AEM_PASSWORD" 'http://localhost:4502/crx/packmgr/service/script.html'`,
    `curl -sS --fail-with-body -u "$AEM_USER:$AEM_PASSWORD" -F 'package=@p.zip;type=application/zip' -F force=true 'http://localhost:4502/crx/packmgr/service/.json/?cmd=upload'`,
    `curl -sS --fail-with-body -u "$AEM_USER:$AEM_PASSWORD" -X POST 'http://localhost:4502/crx/packmgr/service/.json/etc/packages/g/p-1.zip?cmd=install'`,
  ]);
});

renderSuite('the keystore step: read, create when absent, add the key; every password a variable', () => {
  const lines = renderCurlCommands({ targets: [{ url: 'http://localhost:4502' }], api: 'jsp', user: 'admin', packageFile: 'p.zip', packagePath: undefined, keystore: { home: '/home/users/system/eventproxy/eventproxy-service', alias: 'eventproxy', file: 'keys/keystore.p12' } });
  assert.equal(lines.slice(3), [
    "# http://localhost:4502: the key of /home/users/system/eventproxy/eventproxy-service under alias 'eventproxy'",
    `curl -sS --fail-with-body -u "admin:$AEM_PASSWORD" 'http://localhost:4502/home/users/system/eventproxy/eventproxy-service.ks.json'`,
    '# when "exists" is false:',
    `curl -sS --fail-with-body -u "admin:$AEM_PASSWORD" --data-urlencode ':operation=createStore' --data-urlencode "newPassword=$AEM_KEYSTORE_PASSWORD" --data-urlencode "rePassword=$AEM_KEYSTORE_PASSWORD" 'http://localhost:4502/home/users/system/eventproxy/eventproxy-service.ks.html'`,
    "# when alias 'eventproxy' is not there:",
    `curl -sS --fail-with-body -u "admin:$AEM_PASSWORD" -F 'keyStore=@keys/keystore.p12;type=application/x-pkcs12' --form-string "keyStorePass=$IOEVENTS_KEYSTORE_PASSWORD" --form-string 'alias=eventproxy' --form-string "keyPassword=$IOEVENTS_KEYSTORE_PASSWORD" --form-string 'newAlias=eventproxy' 'http://localhost:4502/home/users/system/eventproxy/eventproxy-service.ks.html'`,
  ]);
});

renderSuite("shell and curl quoting: a quote in the path, ';' for curl, $ and \" in the user", () => {
  const lines = renderCurlCommands({ targets: [{ url: 'http://h' }], api: 'jsp', user: 'a"$b', packageFile: "it's;x.zip", packagePath: undefined });
  assert.is(lines[2], `curl -sS --fail-with-body -u "a\\"\\$b:$AEM_PASSWORD" -F 'file=@"it'\\''s;x.zip";type=application/zip' -F force=true -F install=true 'http://h/crx/packmgr/service.jsp'`);
});

renderSuite('proxy variables: each command takes the proxy deploy takes, by the variable it came from, or goes direct', () => {
  // curl alone would send http://aem.example:4502 direct (it ignores upper-case HTTP_PROXY) and https through no proxy (no HTTPS_PROXY).
  const proxyVariableFor = (url: string) => (url.startsWith('http://10.') ? undefined : 'HTTP_PROXY');
  const lines = renderCurlCommands({ targets: [{ url: 'https://aem.example/ctx' }, { url: 'http://10.1.2.3:4502' }], api: 'json', user: 'admin', packageFile: 'p.zip', packagePath: '/etc/packages/g/p-1.zip', proxyVariableFor });
  assert.equal(lines, [
    '# https://aem.example/ctx through the proxy in $HTTP_PROXY, as deploy goes',
    '# https://aem.example/ctx: wait for 405 (404 while AEM starts), then upload, then install (the verdict is each answer\'s "success")',
    `curl -sS -o /dev/null -w '%{http_code}\\n' -u "admin:$AEM_PASSWORD" --proxy "$HTTP_PROXY" --noproxy '' 'https://aem.example/ctx/crx/packmgr/service/script.html'`,
    `curl -sS --fail-with-body -u "admin:$AEM_PASSWORD" --proxy "$HTTP_PROXY" --noproxy '' -F 'package=@p.zip;type=application/zip' -F force=true 'https://aem.example/ctx/crx/packmgr/service/.json/?cmd=upload'`,
    `curl -sS --fail-with-body -u "admin:$AEM_PASSWORD" --proxy "$HTTP_PROXY" --noproxy '' -X POST 'https://aem.example/ctx/crx/packmgr/service/.json/etc/packages/g/p-1.zip?cmd=install'`,
    '# http://10.1.2.3:4502 directly, as deploy goes (NO_PROXY names it, or no proxy is set for its scheme)',
    '# http://10.1.2.3:4502: wait for 405 (404 while AEM starts), then upload, then install (the verdict is each answer\'s "success")',
    `curl -sS -o /dev/null -w '%{http_code}\\n' -u "admin:$AEM_PASSWORD" --noproxy '*' 'http://10.1.2.3:4502/crx/packmgr/service/script.html'`,
    `curl -sS --fail-with-body -u "admin:$AEM_PASSWORD" --noproxy '*' -F 'package=@p.zip;type=application/zip' -F force=true 'http://10.1.2.3:4502/crx/packmgr/service/.json/?cmd=upload'`,
    `curl -sS --fail-with-body -u "admin:$AEM_PASSWORD" --noproxy '*' -X POST 'http://10.1.2.3:4502/crx/packmgr/service/.json/etc/packages/g/p-1.zip?cmd=install'`,
  ]);
});

renderSuite.run();

// ---

const quotedSuite = suite('quoted');

quotedSuite('POSIX single quotes, a quote closed, escaped and reopened', () => {
  assert.is(quoted("a b'c"), `'a b'\\''c'`);
});

quotedSuite.run();
