import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FilterModel } from '../../src/inspect/filter-model.ts';
import { parseFilterXml } from '../../src/packaging/parse-filter-xml.ts';

const model = (body: string): FilterModel => new FilterModel(parseFilterXml(`<workspaceFilter version="1.0">${body}</workspaceFilter>`));

const filterSuite = suite('FilterModel');

filterSuite('contains: no rules take the whole tree; otherwise the first rule sets the default and the last matching rule wins', () => {
  const f = model('<filter root="/a"/><filter root="/b"><include pattern="/b/x(/.*)?"/><exclude pattern="/b/x/y"/></filter><filter root="/c"><exclude pattern="/c/z"/></filter>');
  const cases: [string, boolean][] = [
    ['/a', true], ['/a/deep/node', true], ['/ab', false], ['/', false],
    ['/b', false], ['/b/x', true], ['/b/x/q', true], ['/b/x/y', false], ['/b/w', false],
    ['/c', true], ['/c/z', false], ['/c/zz', true],
  ];
  for (const [path, expected] of cases) assert.is(f.contains(path), expected, path);
});

filterSuite('covers, isAncestor, the covering set and its import mode (the first covering filter decides, JCRVLT-96)', () => {
  const f = model('<filter root="/content/site" mode="merge"/><filter root="/content/site/en" mode="update"/><filter root="/"/>');
  assert.equal(['/content/site/x', '/content/site/en/x', '/other'].map((p) => f.importMode(p)), ['merge', 'merge', 'replace']);
  const g = model('<filter root="/apps/x"/>');
  assert.equal(['/apps/x', '/apps/x/y', '/apps/xy', '/apps'].map((p) => g.covers(p)), [true, true, false, false]);
  assert.equal(['/', '/apps', '/apps/x', '/apps/x/y', '/ap'].map((p) => g.isAncestor(p)), [true, true, true, false, false]);
  assert.is(g.coveringSet('/apps/x/y')?.root, '/apps/x');
});

filterSuite('matchProperties rules decide about properties only, not nodes', () => {
  const f = model('<filter root="/a"><exclude pattern="/a/b" matchProperties="true"/></filter>');
  assert.is(f.contains('/a/b'), true);
  assert.equal(f.sets[0]!.rules.length, 0);
  assert.equal(f.propertySets[0]!.rules.map((r) => r.source.pattern), ['/a/b']);
});

filterSuite('an empty or missing filter imports everything: contains and covers say yes', () => {
  for (const f of [model(''), new FilterModel(undefined)]) {
    assert.is(f.isEmpty, true);
    assert.is(f.contains('/anything'), true);
    assert.is(f.covers('/anything'), true);
    assert.is(f.isAncestor('/anything'), false);
  }
});

filterSuite('a rule that takes too long on a path is recorded once and then matches nothing', () => {
  const f = model('<filter root="/a"><include pattern="/a/(x+x+)+y"/></filter>');
  const path = `/a/${'x'.repeat(30)}`;
  assert.is(f.contains(path), false);
  assert.is(f.contains(path), false);
  assert.is(f.problems.length, 1);
  assert.match(f.problems[0]!.reason, /^matching took more than 200000 steps \(catastrophic backtracking\) on '\/a\/x+'$/);
});

filterSuite.run();
