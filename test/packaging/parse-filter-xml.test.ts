import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { FilterXmlError, parseFilterXml } from '../../src/packaging/parse-filter-xml.ts';
import { renderFilterXml, type WorkspaceFilter } from '../../src/packaging/workspace-filter.ts';

// FileVault vault-core/src/test/resources/org/apache/jackrabbit/vault/fs/filter/workspacefilters/complex-expected.xml
const COMPLEX_EXPECTED = `<?xml version="1.0" encoding="UTF-8"?>
<workspaceFilter version="1.0">
    <filter root="/bar" mode="merge" type="cleanup"/>
    <filter root="/tmp">
        <include pattern="/a/b.*"/>
        <include pattern="/a/c.*"/>
        <include pattern="/a/.*" matchProperties="true"/>
    </filter>
    <filter root="/var/foo/bar">
        <exclude pattern="^.*/node1"/>
        <exclude pattern="^.*/prop1" matchProperties="true"/>
    </filter>
</workspaceFilter>
`;

/** Without positions, to compare with a WorkspaceFilter literal. */
function plain(filter: WorkspaceFilter): WorkspaceFilter {
  return {
    filterSets: filter.filterSets.map(({ root, mode, type, rules }) => ({
      root, ...(mode === undefined ? {} : { mode }), ...(type === undefined ? {} : { type }),
      rules: rules.map(({ kind, pattern, matchProperties }) => ({ kind, pattern, ...(matchProperties === undefined ? {} : { matchProperties }) })),
    })),
  };
}

const wrap = (body: string): string => `<?xml version="1.0"?>\n<workspaceFilter version="1.0">\n${body}\n</workspaceFilter>`;

const parseSuite = suite('parseFilterXml');

parseSuite("reads FileVault's complex-expected.xml into the filter that renders back to it byte for byte", () => {
  const filter = parseFilterXml(COMPLEX_EXPECTED);
  assert.equal(plain(filter), {
    filterSets: [
      { root: '/bar', mode: 'merge', type: 'cleanup', rules: [] },
      { root: '/tmp', rules: [{ kind: 'include', pattern: '/a/b.*' }, { kind: 'include', pattern: '/a/c.*' }, { kind: 'include', pattern: '/a/.*', matchProperties: true }] },
      { root: '/var/foo/bar', rules: [{ kind: 'exclude', pattern: '^.*/node1' }, { kind: 'exclude', pattern: '^.*/prop1', matchProperties: true }] },
    ],
  });
  assert.is(renderFilterXml(filter), COMPLEX_EXPECTED);
  assert.is(filter.version, 1);
});

parseSuite('reads roots, modes and rule flags as DefaultWorkspaceFilter does', () => {
  const cases: [string, WorkspaceFilter['filterSets'][number]][] = [
    ['<filter root="/apps/"/>', { root: '/apps', rules: [] }],
    ['<filter root=""/>', { root: '/', rules: [] }],
    ['<filter/>', { root: '/', rules: [] }],
    ['<filter root="/"/>', { root: '/', rules: [] }],
    ['<filter root="/a" mode="Merge_Properties"/>', { root: '/a', mode: 'merge_properties', rules: [] }],
    ['<filter root="/a" mode=""/>', { root: '/a', rules: [] }],
    ['<filter root="/a" type="other"/>', { root: '/a', rules: [] }],
    ['<filter root="/a"><include pattern="x" matchProperties="TRUE"/><exclude pattern="y" matchProperties="yes"/></filter>', { root: '/a', rules: [{ kind: 'include', pattern: 'x', matchProperties: true }, { kind: 'exclude', pattern: 'y' }] }],
  ];
  for (const [xml, expected] of cases) assert.equal(plain(parseFilterXml(wrap(xml))).filterSets, [expected], xml);
  assert.equal(plain(parseFilterXml('<workspaceFilter/>')).filterSets, []);
  assert.is(parseFilterXml('<workspaceFilter version=" 0.9 "/>').version, 0.9);
});

parseSuite("refuses what DefaultWorkspaceFilter.load refuses, with FileVault's message and the position", () => {
  const cases: [string, string, number, number][] = [
    ['<filters/>', '<workspaceFilter> expected.', 1, 11],
    ['<workspaceFilter version="2.0"/>', 'version 2.0 not supported.', 1, 33],
    ['<workspaceFilter version="1.5"/>', 'version 1.5 not supported.', 1, 33],
    ['<workspaceFilter version="one"/>', "version 'one' is not a number", 1, 33],
    [wrap('<foo/>'), '<filter> expected.', 3, 7],
    [wrap('<filter root="/a" mode="invalid"/>'), "Invalid value given for attribute 'mode': 'invalid'", 3, 35],
    [wrap('<filter root="/a"><include/></filter>'), 'Filter pattern must not be empty', 3, 29],
    [wrap('<filter root="/a"><include pattern=""/></filter>'), 'Filter pattern must not be empty', 3, 40],
    [wrap('<filter root="/a"><include pattern="["/></filter>'), "Invalid pattern given: '['", 3, 41],
    [wrap('<filter root="/a"><other pattern="x"/></filter>'), 'either <include> or <exclude> expected.', 3, 39],
    [wrap('<filter root="/a"><other/></filter>'), 'Filter pattern must not be empty', 3, 27],
    [wrap('<filter root="/a">'), 'Configuration file syntax error. unexpected close tag.', 4, 19],
  ];
  for (const [xml, reason, line, column] of cases) {
    assert.throws(() => parseFilterXml(xml), (e: unknown) => e instanceof FilterXmlError && e instanceof InputError && e.reason === reason && e.line === line && e.column === column, `${xml} → ${reason}`);
  }
});

parseSuite('keeps a pattern Java accepts but this reader cannot evaluate; the inspector reports it', () => {
  assert.equal(plain(parseFilterXml(wrap('<filter root="/a"><include pattern="/a/\\p{InGreek}"/></filter>'))).filterSets[0]!.rules, [{ kind: 'include', pattern: '/a/\\p{InGreek}' }]);
});

parseSuite.run();
