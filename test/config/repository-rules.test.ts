import type { RuleFailure } from '../../src/config/field-reader.ts';
import { table } from './rule-table.ts';
import { checkAlias, checkDependency, checkGroup, checkJcrName, checkNodeName, checkUserHome } from '../../src/config/repository-rules.ts';


const NAME_HINT = "use letters, digits, '.', '-' and '_'";
table('checkJcrName', checkJcrName, [
  ['eventproxy-config', undefined],
  ['1.0.0-SNAPSHOT', undefined],
  ['a/b', { expected: "a valid JCR name ('/' not allowed in name)", hint: NAME_HINT }],
  ['..', { expected: "a valid JCR name ('..' is not a valid name)", hint: NAME_HINT }],
  ['1.0 ', { expected: 'a valid JCR name (Trailing spaces not allowed)', hint: NAME_HINT }],
  ['v[1]', { expected: "a valid JCR name ('[' not allowed in name)", hint: NAME_HINT }],
]);

// ---

const NODE_HINT = "use letters, digits, '-' and '_', like ioevents";
const CLIMB = { expected: "a single node name below /etc/cloudservices/eventproxy, without '/' and not '.' or '..'", hint: NODE_HINT };
table('checkNodeName', checkNodeName, [
  ['ioevents', undefined],
  ['ioevents-stage_2', undefined],
  ['.', CLIMB],
  ['..', CLIMB],
  ['../../apps', CLIMB],
  ['a/b', CLIMB],
  ['/ioevents', CLIMB],
  ['cq:ioevents', { expected: "a node name without ':' (a namespace prefix does not belong in a page name)", hint: NODE_HINT }],
  ['io*events', { expected: "a valid JCR name ('*' not allowed in name)", hint: NODE_HINT }],
  [' ioevents', { expected: "a valid JCR name (' ' not valid name start)", hint: NODE_HINT }],
]);

// ---

const GROUP_HINT = 'like aem-ioevents or my-company/ioevents';
table('checkGroup', checkGroup, [
  ['aem-ioevents', undefined],
  ['my-company/ioevents', undefined],
  ['/aem-ioevents', { expected: "a group of '/'-separated JCR names (empty segment: no leading, trailing or double '/')", hint: GROUP_HINT }],
  ['a//b', { expected: "a group of '/'-separated JCR names (empty segment: no leading, trailing or double '/')", hint: GROUP_HINT }],
  ['a/', { expected: "a group of '/'-separated JCR names (empty segment: no leading, trailing or double '/')", hint: GROUP_HINT }],
  ['a/../b', { expected: "a group of '/'-separated JCR names ('..': '..' is not a valid name)", hint: GROUP_HINT }],
  ['a,b', { expected: "a group of '/'-separated JCR names (',' separates dependencies)", hint: GROUP_HINT }],
  ['a/b*', { expected: "a group of '/'-separated JCR names ('b*': '*' not allowed in name)", hint: GROUP_HINT }],
]);

// ---

const DEP_HINT = 'like eventproxy:aem-event-proxy or eventproxy:aem-event-proxy:[6.3,7)';
const dep = (problem: string): RuleFailure => ({ expected: `group:name or group:name:versionRange (${problem})`, hint: DEP_HINT });
table('checkDependency', checkDependency, [
  ['eventproxy:aem-event-proxy', undefined],
  ['eventproxy:aem-event-proxy:6.3.16', undefined],
  ['eventproxy:aem-event-proxy:[6.3,7)', undefined],
  ['eventproxy:aem-event-proxy:(6.3,7]', undefined],
  ['eventproxy:aem-event-proxy:[6.3,]', undefined],
  ['eventproxy:aem-event-proxy:[,7)', undefined],
  ['day/cq60/product:cq-content:[6.3, 7)', undefined],
  ['aem-event-proxy', dep('no group')],
  ['a:b:c:d', dep("too many ':'")],
  [':aem-event-proxy', dep("group empty segment: no leading, trailing or double '/'")],
  ['eventproxy:', dep('name \'\': empty name')],
  ['eventproxy:a,b:1.0', dep("name 'a,b': ',' separates dependencies")],
  ['eventproxy:a/b', dep("name 'a/b': '/' not allowed in name")],
  ['eventproxy:aem-event-proxy:[6.3', dep("version range '[6.3': a range needs a ',' between its bounds")],
  ['eventproxy:aem-event-proxy:6.3]', dep("version range '6.3]': a range needs a ',' between its bounds")],
  ['eventproxy:aem-event-proxy:[6.3,7', dep("version range '[6.3,7': write [low,high], with ( or ) for an exclusive bound")],
  ['eventproxy:aem-event-proxy:[1,2,3]', dep("version range '[1,2,3]': write [low,high], with ( or ) for an exclusive bound")],
  ['eventproxy:aem-event-proxy:[6*,7]', dep("version '6*': '*' not allowed in name")],
  ['eventproxy:aem-event-proxy:6 3', undefined],
  ['eventproxy:aem-event-proxy:6.3 ', dep("version '6.3 ': Trailing spaces not allowed")],
]);

// ---

const HOME_HINT = 'the connector uses /home/users/system/eventproxy/eventproxy-service';
const home = (problem: string): RuleFailure => ({ expected: `a path under /home/users/ (${problem})`, hint: HOME_HINT });
table('checkUserHome', checkUserHome, [
  ['/home/users/system/eventproxy/eventproxy-service', undefined],
  ['/home/users/system/cq:services/x', undefined],
  ['/home/users/x', undefined],
  ['/home/users', home("it must start with '/home/users/'")],
  ['/home/users/', home("empty segment: no trailing or double '/'")],
  ['home/users/system/x', home("it must start with '/home/users/'")],
  ['/home/groups/x', home("it must start with '/home/users/'")],
  ['/home/users/system/x/', home("empty segment: no trailing or double '/'")],
  ['/home/users/system//x', home("empty segment: no trailing or double '/'")],
  ['/home/users/system/../../../apps', home("segment '..': '..' is not a valid name")],
  ['/home/users/./x', home("segment '.': '.' is not a valid name")],
  ['/home/users/system/x[1]', home("segment 'x[1]': '[' not allowed in name")],
]);

// ---

table('checkAlias', checkAlias, [
  ['eventproxy', undefined],
  ['my-key.2_b', undefined],
  ['EventProxy', { expected: 'a lower-case alias (Java lower-cases PKCS#12 aliases, so this one would not be found)', hint: 'write eventproxy' }],
  ['event proxy', { expected: "an alias of lower-case letters, digits, '.', '_' and '-'", hint: 'the connector looks the key up as eventproxy' }],
  ['event/proxy', { expected: "an alias of lower-case letters, digits, '.', '_' and '-'", hint: 'the connector looks the key up as eventproxy' }],
  ['-eventproxy', { expected: "an alias of lower-case letters, digits, '.', '_' and '-'", hint: 'the connector looks the key up as eventproxy' }],
]);
