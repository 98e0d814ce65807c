/**
 * The result of `verifyCredentials`: plain data for `--json` and the report. It never holds the
 * access token, the client secret or the private key.
 */
import type { OfflineCheck } from './credential-checks.ts';
import type { ImsDiagnosis, ImsFlow } from './diagnose.ts';
import type { JwtEndOfLifeNotice } from './end-of-life.ts';

/** `auto` picks what the configuration supports; `jwt` and `oauth` force one flow (`verify --flow`). */
export type VerifyFlow = 'auto' | ImsFlow;

/** The token IMS issued, described without the token itself. */
export interface IssuedToken {
  /** `token_type`, `bearer` in practice. */
  readonly type: string;
  /** Whole seconds the token lives (the JWT exchange's milliseconds converted). */
  readonly expiresInSeconds: number;
  /** When it expires, by this machine's clock. */
  readonly expiresAt: Date;
}

/** One call to IMS and what came of it. */
export interface ImsStepResult {
  readonly flow: ImsFlow;
  /** The URL that was called. */
  readonly endpoint: string;
  readonly outcome: 'accepted' | 'refused';
  readonly status: number;
  /** IMS's `x-debug-id`, to quote to Adobe support. */
  readonly debugId?: string;
  /** IMS's clock minus this machine's, in seconds, from the `Date` header. */
  readonly clockOffsetSeconds?: number;
  /** When accepted. */
  readonly token?: IssuedToken;
  /** When refused: IMS's `error` code. */
  readonly imsError?: string;
  /** When refused: IMS's `error_description`. */
  readonly imsErrorDescription?: string;
  /** When refused with a body that is not IMS's error shape: its start. */
  readonly unexpectedBody?: string;
  /** When refused: the cause and the next step. */
  readonly diagnosis?: ImsDiagnosis;
}

/** Everything `verifyCredentials` found out. */
export interface VerifyResult {
  /** True when every offline check passed (or warned) and, unless offline, IMS accepted the first flow tried. */
  readonly ok: boolean;
  readonly imsUrl: string;
  /** The flow asked for. */
  readonly flow: VerifyFlow;
  /** True when IMS was not asked (`--offline`). */
  readonly offline: boolean;
  /** Offline checks in order, the caller's key checks included. */
  readonly checks: readonly OfflineCheck[];
  /** Calls to IMS in order; empty when offline or when an offline check failed. */
  readonly steps: readonly ImsStepResult[];
  /** Present whenever the JWT flow was used or refused. */
  readonly jwtEndOfLife?: JwtEndOfLifeNotice;
  /**
   * 0 accepted (or offline checks passed); 1 a failed offline check or a refusal; 3 when every
   * call met IMS failing or throttling (5xx, 429): no verdict on the credential, try again later.
   */
  readonly exitCode: 0 | 1 | 3;
  /** One sentence: the verdict. */
  readonly summary: string;
}
