/**
 * The validators `inspect` runs, in FileVault's spirit and order. `jackrabbit-properties` and
 * `jackrabbit-docviewparser` read files and are called by the conductor directly; the
 * package-level facts (`package-manager`) too.
 */
import type { ValidationContext, Validator } from '../validator.ts';
import { createAccessControlValidator } from './access-control.ts';
import { createDuplicateUuidValidator } from './duplicate-uuid.ts';
import { createEmptyElementsValidator } from './empty-elements.ts';
import { createFilterValidator } from './filter.ts';
import { createMergeLimitationsValidator } from './merge-limitations.ts';
import type { NodeTypeDeclarations } from './node-type-names.ts';
import { createNodeTypesValidator } from './node-types.ts';
import { createOakIndexValidator } from './oak-index.ts';
import { createPackageTypeValidator } from './package-type.ts';

/** Creates every validator for one package. */
export function createValidators(context: ValidationContext, declarations: NodeTypeDeclarations): Validator[] {
  return [
    createFilterValidator(context),
    createEmptyElementsValidator(context),
    createMergeLimitationsValidator(context),
    createOakIndexValidator(context),
    createPackageTypeValidator(context),
    createNodeTypesValidator(context, declarations),
    createAccessControlValidator(context),
    createDuplicateUuidValidator(context),
  ].filter((validator) => validator !== undefined);
}
