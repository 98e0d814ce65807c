import { table } from './rule-table.ts';
import { checkAppName, checkFlow, checkRunMode } from '../../src/config/osgi-rules.ts';


const APP = { expected: "one folder name below /apps of letters, digits, '.', '_' and '-' (no '/', no ':')", hint: 'use the name of your application folder, like aem-ioevents or mysite' };
table('checkAppName', checkAppName, [
  ['aem-ioevents', undefined],
  ['mysite', undefined],
  ['my_site.core', undefined],
  ['system', undefined],
  ['.', APP],
  ['..', APP],
  ['.hidden', APP],
  ['a/b', APP],
  ['cq:apps', APP],
  ['my site', APP],
  ['', APP],
]);

const RUN_MODE = { expected: "run modes of letters, digits, '_' and '-', joined by '.'", hint: 'like author, publish or author.prod; leave it out for every instance' };
table('checkRunMode', checkRunMode, [
  ['author', undefined],
  ['publish', undefined],
  ['author.prod', undefined],
  ['author.dev_1', undefined],
  ['author.', RUN_MODE],
  ['.author', RUN_MODE],
  ['author prod', RUN_MODE],
  ['author/prod', RUN_MODE],
  ['config.author', { expected: 'the run modes alone, without the folder name config', hint: 'write author; build adds /apps/<app>/config.' }],
  ['config', { expected: 'the run modes alone, without the folder name config', hint: 'write author; build adds /apps/<app>/config.' }],
  ['install.publish', { expected: 'the run modes alone, without the folder name install', hint: 'write publish; build adds /apps/<app>/config.' }],
]);

const FLOW = { expected: 'jwt or oauth', hint: 'jwt writes the JWT claims and key (end of life at Adobe), oauth the OAuth Server-to-Server scopes (give ims.scopes)' };
table('checkFlow', checkFlow, [
  ['jwt', undefined],
  ['oauth', undefined],
  ['JWT', FLOW],
  ['oauth2', FLOW],
  ['auto', FLOW],
]);
