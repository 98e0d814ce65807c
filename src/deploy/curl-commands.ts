/**
 * `deploy --dry-run`: the curl commands that do what deploy would do, for review or for a
 * pipeline without Node (Adobe's Package Manager HTTP service documentation). Passwords are never in them:
 * `$AEM_PASSWORD`, `$AEM_KEYSTORE_PASSWORD` and `$IOEVENTS_KEYSTORE_PASSWORD` stand in, inside
 * double quotes so the shell fills them in; secret form values go through `--form-string`, so a
 * password that starts with `@` or `<` is not read as a file name by curl. With proxy variables
 * set, each command names the proxy deploy takes for its target (`--proxy "$HTTPS_PROXY"`, never
 * the value, which may hold a password) or goes direct (`--noproxy '*'`): curl alone reads
 * `http_proxy` only in lower case, does not send https through `HTTP_PROXY`, and has its own
 * `NO_PROXY` rules, so it would not always take the way deploy takes. Every command but the
 * readiness probe has `--fail-with-body` (curl 7.76): an HTTP error fails the step and shows AEM's
 * page; the first line of each block says where the verdict of a 200 is.
 */
import type { PackmgrApi } from './install-package.ts';
import { READINESS_PATH } from './readiness.ts';
import { SERVICE_JSP_FIELDS, SERVICE_JSP_PATH } from './service-jsp.ts';
import { getInstallPath, getUploadPath } from './service-json.ts';
import { targetPath, type DeployTarget } from './targets.ts';

/** What the commands are for. */
export interface CurlPlan {
  readonly targets: readonly DeployTarget[];
  readonly api: PackmgrApi;
  /** The AEM user; `undefined` writes `$AEM_USER`. */
  readonly user: string | undefined;
  /** The zip as the user named it. */
  readonly packageFile: string;
  /** Where Package Manager stores it; `undefined` when properties.xml does not say. */
  readonly packagePath: string | undefined;
  /** The keystore step, with `--keystore`. */
  readonly keystore?: { readonly home: string; readonly alias: string; readonly file: string } | undefined;
  /** With proxy variables set: the variable naming the proxy deploy takes for a target URL, `undefined` where it goes direct. */
  readonly proxyVariableFor?: ((url: string) => string | undefined) | undefined;
}

/** What the commands read from the environment, and when it is needed. */
const COMMAND_VARIABLES: readonly { readonly name: string; readonly shown: string; readonly keystoreOnly: boolean }[] = [
  { name: 'AEM_USER', shown: 'AEM_USER (or --user)', keystoreOnly: false },
  { name: 'AEM_PASSWORD', shown: 'AEM_PASSWORD', keystoreOnly: false },
  // Whether a store must be created only AEM knows, and a dry run asks nothing.
  { name: 'AEM_KEYSTORE_PASSWORD', shown: 'AEM_KEYSTORE_PASSWORD (needed if the target has no keystore yet)', keystoreOnly: true },
];

/** The variables the commands (and a real deploy) need that `env` does not set, all at once: names, and how a message shows them. */
export function findMissingVariables(env: Readonly<Record<string, string | undefined>>, options: { readonly user: string | undefined; readonly keystore: boolean }): { readonly names: string[]; readonly shown: string[] } {
  const missing = COMMAND_VARIABLES.filter((v) => (!v.keystoreOnly || options.keystore) && !(v.name === 'AEM_USER' && options.user) && !env[v.name]);
  return { names: missing.map((v) => v.name), shown: missing.map((v) => v.shown) };
}

/** The commands, one per line, each target's block led by a `#` line. */
export function renderCurlCommands(plan: CurlPlan): string[] {
  const auth = `-u "${plan.user === undefined ? '$AEM_USER' : doubleQuoted(plan.user)}:$AEM_PASSWORD"`;
  return plan.targets.flatMap((target) => {
    const { note, flags } = renderProxy(plan, target);
    const connect = `${auth}${flags}`;
    return [...note, ...renderInstall(plan, target, connect), ...(plan.keystore ? renderKeystore(plan.keystore, target, connect) : [])];
  });
}

// The way deploy takes (http-fetch.ts getProxyFor), spelt out: `--noproxy ''` keeps curl's own
// NO_PROXY reading from overriding it (curl's --noproxy documentation).
function renderProxy(plan: CurlPlan, target: DeployTarget): { note: string[]; flags: string } {
  if (plan.proxyVariableFor === undefined) return { note: [], flags: '' };
  const variable = plan.proxyVariableFor(target.url);
  if (variable === undefined) return { note: [`# ${target.url} directly, as deploy goes (NO_PROXY names it, or no proxy is set for its scheme)`], flags: ` --noproxy '*'` };
  return { note: [`# ${target.url} through the proxy in $${variable}, as deploy goes`], flags: ` --proxy "$${variable}" --noproxy ''` };
}

function renderInstall(plan: CurlPlan, target: DeployTarget, auth: string): string[] {
  const probe = `curl -sS -o /dev/null -w '%{http_code}\\n' ${auth} ${quoted(targetPath(target, READINESS_PATH))}`;
  if (plan.api === 'jsp') {
    const fields = SERVICE_JSP_FIELDS.map((f) => `-F ${f.name}=${f.value}`).join(' ');
    return [
      `# ${target.url}: wait for 405 (404 while AEM starts), then upload and install (HTTP 200 for a failed install too: the verdict is the answer's <status code> and its E lines)`,
      probe,
      `curl -sS --fail-with-body ${auth} -F ${fileField('file', plan.packageFile, 'application/zip')} ${fields} ${quoted(targetPath(target, SERVICE_JSP_PATH))}`,
    ];
  }
  const install = plan.packagePath === undefined ? [`# install: POST …/.json<path>?cmd=install with the "path" of the upload answer`] : [`curl -sS --fail-with-body ${auth} -X POST ${quoted(targetPath(target, getInstallPath(plan.packagePath)))}`];
  return [
    `# ${target.url}: wait for 405 (404 while AEM starts), then upload, then install (the verdict is each answer's "success")`,
    probe,
    `curl -sS --fail-with-body ${auth} -F ${fileField('package', plan.packageFile, 'application/zip')} -F force=true ${quoted(targetPath(target, getUploadPath()))}`,
    ...install,
  ];
}

function renderKeystore(keystore: NonNullable<CurlPlan['keystore']>, target: DeployTarget, auth: string): string[] {
  const home = keystore.home.split('/').map((segment) => encodeURIComponent(segment)).join('/');
  const html = quoted(targetPath(target, `${home}.ks.html`));
  const alias = quoted(`alias=${keystore.alias}`);
  return [
    `# ${target.url}: the key of ${keystore.home} under alias '${keystore.alias}'`,
    `curl -sS --fail-with-body ${auth} ${quoted(targetPath(target, `${home}.ks.json`))}`,
    `# when "exists" is false:`,
    `curl -sS --fail-with-body ${auth} --data-urlencode ':operation=createStore' --data-urlencode "newPassword=$AEM_KEYSTORE_PASSWORD" --data-urlencode "rePassword=$AEM_KEYSTORE_PASSWORD" ${html}`,
    `# when alias '${keystore.alias}' is not there:`,
    [
      `curl -sS --fail-with-body ${auth} -F ${fileField('keyStore', keystore.file, 'application/x-pkcs12')}`,
      `--form-string "keyStorePass=$IOEVENTS_KEYSTORE_PASSWORD" --form-string ${alias}`,
      `--form-string "keyPassword=$IOEVENTS_KEYSTORE_PASSWORD" --form-string ${quoted(`newAlias=${keystore.alias}`)} ${html}`,
    ].join(' '),
  ];
}

// curl's -F syntax: a file name with ';', ',' or '"' goes in double quotes with \ and " escaped.
function fileField(name: string, file: string, type: string): string {
  const path = /[;,"\\]/.test(file) ? `"${file.replace(/[\\"]/g, '\\$&')}"` : file;
  return quoted(`${name}=@${path};type=${type}`);
}

/** POSIX shell single quotes. */
export function quoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

// Inside double quotes the shell still reads \ " $ and `.
function doubleQuoted(text: string): string {
  return text.replace(/[\\"$`]/g, '\\$&');
}
