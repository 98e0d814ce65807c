/**
 * What a user must know about each target when a deploy is cancelled (SIGINT, SIGTERM:
 * `interruption.ts`): above all whether the install may be running on AEM. AEMaaCS: "Do not retry
 * the installation" while one may be running; aem-ioevents never sends an install twice, and a
 * cancelled run must not leave the user guessing either.
 */
import { whileInProgress } from '../interruption.ts';

/** Where one target's deploy stands. */
export type DeployStage =
  /** Readiness probes and back-off: only GETs were sent. */
  | 'waiting'
  /** The package is being sent; AEM installs nothing from a cut upload. */
  | 'uploading'
  /** The install request went out whole; Package Manager has not answered. */
  | 'installing'
  /** The install is over (its verdict is in the note). */
  | 'answered'
  /** `--keystore`: the package installed, the service user's key is being added. */
  | 'keystore';

/** Receives the stage changes of one target. */
export type OnStage = (stage: DeployStage, verdict?: string) => void;

/** One target's note, registered until `release` is called. */
export interface TrackedTarget {
  readonly onStage: OnStage;
  readonly release: () => void;
}

/** Tracks the target `url`, starting at `waiting`. */
export function trackTarget(url: string): TrackedTarget {
  let stage: DeployStage = 'waiting';
  let verdict = '';
  const release = whileInProgress({ note: () => `${url}: ${describeStage(stage, verdict)}` });
  return {
    onStage: (next, answer) => {
      stage = next;
      if (answer !== undefined) verdict = answer;
    },
    release,
  };
}

/** What `stage` means for the target when the run ends there. */
export function describeStage(stage: DeployStage, verdict = ''): string {
  switch (stage) {
    case 'waiting':
      return 'the package was not sent; nothing was installed';
    case 'uploading':
      return 'the upload did not end; nothing was installed';
    case 'installing':
      return 'the install was sent and AEM had not answered: it may still be running on AEM; look at Package Manager before you deploy again, do not send it again blindly';
    case 'answered':
      return `its install had ended: ${verdict}`;
    case 'keystore':
      return "the package was installed; the key may have reached the service user's keystore: deploy --keystore looks at the keystore again before it sends anything";
  }
}
