import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkProjectFile, consoleIdRule, PROJECT_FILE_PATHS } from '../../src/config/workspace-rules.ts';

const consoleIdRuleSuite = suite('consoleIdRule');

consoleIdRuleSuite('accepts the digits the Developer Console numbers with, nothing else, and names the JSON path', () => {
  for (const field of Object.keys(PROJECT_FILE_PATHS) as (keyof typeof PROJECT_FILE_PATHS)[]) {
    const rule = consoleIdRule(field);
    for (const good of ['1340225', '4566206088344794932', '0']) assert.is(rule(good), undefined, good);
    for (const bad of ['', ' 1', '1 ', '12a', '-1', '1.5', '0123456789ABCDEF01234567@AdobeOrg', '1'.repeat(31)]) {
      assert.equal(rule(bad), {
        expected: 'the digits of a Developer Console id (write it in quotes)',
        hint: `copy ${PROJECT_FILE_PATHS[field]} from the project JSON the Adobe Developer Console downloads, or give workspace.projectFile`,
      }, bad);
    }
  }
});

consoleIdRuleSuite.run();

// ---

const checkProjectFileSuite = suite('checkProjectFile');

checkProjectFileSuite('a path is accepted; the JSON itself is refused', () => {
  assert.is(checkProjectFile('console/project.json'), undefined);
  assert.is(checkProjectFile('/abs/{weird}.json'), undefined);
  const refused = { expected: 'the path of the project JSON, not its content', hint: 'save the JSON the Adobe Developer Console downloads to a file readable only by you and give its path' };
  assert.equal(checkProjectFile('{"project":{}}'), refused);
  assert.equal(checkProjectFile('  \n{"project":{}}'), refused);
});

checkProjectFileSuite.run();
