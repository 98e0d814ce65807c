import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { applySeverity, describeValidRootProblem, parseSeverityFlags } from '../../src/inspect/validation-settings.ts';

const flags = suite('parseSeverityFlags');

flags('ID=LEVEL pairs; a later one for the same id wins', () => {
  assert.equal(parseSeverityFlags(['jackrabbit-nodetypes=off', 'jackrabbit-filter=warn', 'jackrabbit-nodetypes=info']), {
    'jackrabbit-nodetypes': 'info',
    'jackrabbit-filter': 'warn',
  });
});

const refused: readonly (readonly [string, string])[] = [
  ['nodetypes=off', "--severity nodetypes=off: unknown validator id 'nodetypes'; did you mean jackrabbit-nodetypes?"],
  ['jackrabbit-nodetype=off', "--severity jackrabbit-nodetype=off: unknown validator id 'jackrabbit-nodetype'; did you mean jackrabbit-nodetypes?"],
  ['jackrabbit-filtre=warn', "--severity jackrabbit-filtre=warn: unknown validator id 'jackrabbit-filtre'; did you mean jackrabbit-filter?"],
  ['sling-repoinit=off', "--severity sling-repoinit=off: unknown validator id 'sling-repoinit'; the ids are jackrabbit-properties, jackrabbit-filter, jackrabbit-docviewparser, jackrabbit-emptyelements, jackrabbit-mergelimitations, jackrabbit-oakindex, jackrabbit-packagetype, jackrabbit-nodetypes, jackrabbit-accesscontrol, jackrabbit-duplicateuuid"],
  ['package-manager=off', '--severity package-manager=off: package-manager reports what Package Manager refuses to install; its findings cannot be changed'],
  ['jackrabbit-filter=warning', "--severity jackrabbit-filter=warning: unknown level 'warning'; did you mean warn? the levels are error, warn, info, off"],
  ['jackrabbit-filter=of', "--severity jackrabbit-filter=of: unknown level 'of'; did you mean off? the levels are error, warn, info, off"],
  ['jackrabbit-filter', '--severity jackrabbit-filter: expected ID=LEVEL, like jackrabbit-nodetypes=warn'],
];

for (const [value, message] of refused) {
  flags(`refuses ${value} (exit 2, naming it)`, () => {
    try {
      parseSeverityFlags([value]);
      assert.unreachable();
    } catch (error) {
      assert.instance(error, InputError);
      assert.is((error as InputError).exitCode, 2);
      assert.is((error as Error).message, message);
    }
  });
}

const severity = suite('applySeverity');

const cases: readonly (readonly [string, Parameters<typeof applySeverity>[0], Parameters<typeof applySeverity>[2], ReturnType<typeof applySeverity>])[] = [
  ['no setting keeps an error', undefined, 'error', 'error'],
  ['another validator set keeps an error', { 'jackrabbit-filter': 'off' }, 'error', 'error'],
  ['off drops an error', { 'jackrabbit-nodetypes': 'off' }, 'error', undefined],
  ['off drops a warning', { 'jackrabbit-nodetypes': 'off' }, 'warning', undefined],
  ['warn makes an error a warning', { 'jackrabbit-nodetypes': 'warn' }, 'error', 'warning'],
  ['info makes an error an info', { 'jackrabbit-nodetypes': 'info' }, 'error', 'info'],
  // defaultSeverity: messages with their own severity option (severityForUnknownNodetypes) keep it.
  ['info keeps a warning', { 'jackrabbit-nodetypes': 'info' }, 'warning', 'warning'],
  ['error keeps a warning', { 'jackrabbit-nodetypes': 'error' }, 'warning', 'warning'],
];

for (const [name, settings, found, expected] of cases) {
  severity(name, () => assert.is(applySeverity(settings, 'jackrabbit-nodetypes', found), expected));
}

const roots = suite('describeValidRootProblem');

roots('absolute paths without a trailing slash are valid roots', () => {
  assert.is(describeValidRootProblem('/'), undefined);
  assert.is(describeValidRootProblem('/etc/cloudservices/eventproxy'), undefined);
  assert.is(describeValidRootProblem('etc/cloudservices'), "'etc/cloudservices' is not an absolute repository path; write it like /etc/cloudservices/eventproxy");
  assert.is(describeValidRootProblem('/etc/'), "'/etc/' ends with '/'; write it without, like /etc");
});

flags.run();
severity.run();
roots.run();
