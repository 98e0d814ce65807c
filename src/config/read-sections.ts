/**
 * One reader per section: the section's fields, typed, each checked by its rule. Problems go
 * to the {@link FieldReader}; the values returned are complete only when it recorded none.
 */
import { resolve } from 'node:path';
import { checkApiKey, checkExternalizer, checkOrganizationId, checkPlainSecret, checkTechnicalAccountId, checkXmlText, protectedRule } from './cloud-service-rules.ts';
import { childPath } from './field-path.ts';
import type { FieldReader } from './field-reader.ts';
import { checkKeyPath, checkMetascope, checkScope, normalizeImsUrl } from './ims-rules.ts';
import { checkAppName, checkFlow, checkRunMode } from './osgi-rules.ts';
import { checkPackageIdPart, getWindowsFileNameProblem } from './package-id-rules.ts';
import { checkAlias, checkDependency, checkGroup, checkNodeName, checkUserHome } from './repository-rules.ts';
import type { CloudServiceConfig, ImsConfig, KeystoreConfig, OsgiConfig, OsgiFlow, PackageConfig, ServiceUserConfig, WorkspaceConfig } from './types.ts';
import { checkProjectFile, consoleIdRule } from './workspace-rules.ts';

type Section = Record<string, unknown>;

/** `package`; its defaults are already filled in. */
export function readPackage(r: FieldReader, s: Section): PackageConfig {
  const group = r.text(s, 'package', 'group', { required: 'the package group', rule: checkGroup }) ?? '';
  const name = r.text(s, 'package', 'name', { required: 'the package name', rule: checkPackageIdPart }) ?? '';
  const version = r.text(s, 'package', 'version', { required: 'the package version', rule: checkPackageIdPart }) ?? '';
  const windowsProblem = getWindowsFileNameProblem(name, version);
  if (windowsProblem !== undefined) r.report('package.name', windowsProblem);
  return {
    group,
    name,
    version,
    description: r.text(s, 'package', 'description', { allowEmpty: true, rule: checkXmlText }) ?? '',
    dependencies: r.list(s, 'package', 'dependencies', { rule: checkDependency }) ?? [],
  };
}

/** `cloudService`: every field but `externalizer` and the secret's form is required. */
export function readCloudService(r: FieldReader, s: Section): CloudServiceConfig {
  const at = 'cloudService';
  const config: CloudServiceConfig = {
    name: r.text(s, at, 'name', { required: 'the node name of the configuration page, like ioevents', rule: checkNodeName }) ?? '',
    title: r.text(s, at, 'title', { required: 'the title shown in Cloud Services, like Adobe I/O Events', rule: checkXmlText }) ?? '',
    externalizer: r.text(s, at, 'externalizer', { required: 'a Link Externalizer name, like author', rule: checkExternalizer }) ?? '',
    apiKey: r.text(s, at, 'apiKey', { required: 'the API key (client ID) from the Adobe Developer Console', rule: checkApiKey }) ?? '',
    technicalAccountId: r.text(s, at, 'technicalAccountId', { required: 'the Technical Account ID, like 0123456789ABCDEF01234567@techacct.adobe.com', rule: checkTechnicalAccountId }) ?? '',
    organizationId: r.text(s, at, 'organizationId', { required: 'the Organization ID, like 0123456789ABCDEF01234567@AdobeOrg', rule: checkOrganizationId }) ?? '',
    clientSecret: r.text(s, at, 'clientSecret', { rule: checkPlainSecret }),
    clientSecretProtected: r.text(s, at, 'clientSecretProtected', { rule: protectedRule('give the plain secret in clientSecret instead') }),
  };
  if (s['clientSecret'] === undefined && s['clientSecretProtected'] === undefined) {
    r.report(childPath(at, 'clientSecret'), 'required; give clientSecret: ${IOEVENTS_CLIENT_SECRET} (and set that variable), or clientSecretProtected with the value protected by the target AEM');
  } else if (s['clientSecret'] !== undefined && s['clientSecretProtected'] !== undefined) {
    r.report(childPath(at, 'clientSecretProtected'), 'give either clientSecret or clientSecretProtected, not both');
  }
  return dropUndefined(config);
}

/** `keystore`; relative `file` resolves against `baseDir`. */
export function readKeystore(r: FieldReader, s: Section, baseDir: string): KeystoreConfig {
  const at = 'keystore';
  const file = r.text(s, at, 'file', { required: 'the PKCS#12 file, like keys/keystore.p12 (made by aem-ioevents keygen)' }) ?? '';
  return dropUndefined({
    file: file === '' ? '' : resolve(baseDir, file),
    password: r.text(s, at, 'password'),
    alias: r.text(s, at, 'alias', { required: 'the alias of the key, eventproxy', rule: checkAlias }) ?? '',
    include: r.flag(s, at, 'include') ?? false,
    protectedPassword: r.text(s, at, 'protectedPassword', { rule: protectedRule('remove it and install the key with deploy --keystore') }),
  });
}

/** `serviceUser`. */
export function readServiceUser(r: FieldReader, s: Section): ServiceUserConfig {
  return { home: r.text(s, 'serviceUser', 'home', { required: 'the home path of eventproxy-service', rule: checkUserHome }) ?? '' };
}

/** `ims`; relative `privateKey` resolves against `baseDir`. */
export function readIms(r: FieldReader, s: Section, baseDir: string): ImsConfig {
  const at = 'ims';
  const privateKey = r.text(s, at, 'privateKey', { rule: checkKeyPath });
  const passphrase = r.text(s, at, 'passphrase');
  if (passphrase !== undefined && s['privateKey'] === undefined) r.report(childPath(at, 'passphrase'), 'set, but ims.privateKey is not; give the key file in ims.privateKey or remove the passphrase');
  return dropUndefined({
    url: readImsUrl(r, s),
    metascopes: r.list(s, at, 'metascopes', { rule: checkMetascope, nonEmpty: 'list at least one, like [event_receiver_api, ent_adobeio_sdk]' }) ?? [],
    scopes: r.list(s, at, 'scopes', { rule: checkScope, nonEmpty: 'list at least one, like [openid, AdobeID, read_organizations], or remove ims.scopes' }),
    privateKey: privateKey === undefined || privateKey === '' ? privateKey : resolve(baseDir, privateKey),
    passphrase,
  });
}

/** `osgi`; its defaults are already filled in. */
export function readOsgi(r: FieldReader, s: Section): OsgiConfig {
  const at = 'osgi';
  return dropUndefined({
    app: r.text(s, at, 'app', { required: 'the folder below /apps, like aem-ioevents', rule: checkAppName }) ?? '',
    runMode: r.text(s, at, 'runMode', { rule: checkRunMode }),
    flow: (r.text(s, at, 'flow', { required: 'jwt or oauth', rule: checkFlow }) ?? 'jwt') as OsgiFlow,
  });
}

/** `workspace`; relative `projectFile` resolves against `baseDir`. Every field is optional here: the template that needs one says so. */
export function readWorkspace(r: FieldReader, s: Section, baseDir: string): WorkspaceConfig {
  const at = 'workspace';
  const projectFile = r.text(s, at, 'projectFile', { rule: checkProjectFile });
  return dropUndefined({
    projectFile: projectFile === undefined || projectFile === '' ? projectFile : resolve(baseDir, projectFile),
    consumerOrgId: r.text(s, at, 'consumerOrgId', { rule: consoleIdRule('consumerOrgId') }),
    projectId: r.text(s, at, 'projectId', { rule: consoleIdRule('projectId') }),
    workspaceId: r.text(s, at, 'workspaceId', { rule: consoleIdRule('workspaceId') }),
    credentialId: r.text(s, at, 'credentialId', { rule: consoleIdRule('credentialId') }),
  });
}

function readImsUrl(r: FieldReader, s: Section): string {
  const value = r.text(s, 'ims', 'url', { required: 'the IMS base URL, like https://ims-na1.adobelogin.com' });
  if (value === undefined || value === '') return '';
  const result = normalizeImsUrl(value);
  if ('url' in result) return result.url;
  r.fail('ims.url', value, result);
  return '';
}

// Optional fields that are absent stay absent (no `key: undefined`), so the frozen result prints and compares cleanly.
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
