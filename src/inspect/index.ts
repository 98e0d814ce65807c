/**
 * `inspect`: read any FileVault content package and validate it with the rules of FileVault's
 * own validators (FileVault's `validation.md`). `build` calls {@link inspectPackage} on its zip
 * before writing it.
 */
export { inspectPackage, type InspectOptions, type InspectResult } from './inspect-package.ts';
export { countFindings, hasFailingFindings, type Finding, type FindingCounts, type Severity, type ValidatorId } from './finding.ts';
export { formatInspectReport, toInspectJson, type ReportOptions } from './format-report.ts';
export type { PackageNode, NodeSource } from './package-tree.ts';
export type { OmittedFindings } from './finding-collector.ts';
export type { PackageSource } from './zip-reader.ts';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-safety.ts';
export { validateFilterXml, type FilterXmlReading } from './validators/filter.ts';
export { validatePropertiesXml, type PropertiesXmlReading } from './validators/properties.ts';
export type { ValidationMessage } from './validator.ts';
export { parseSeverityFlags, SEVERITY_LEVELS, CONFIGURABLE_VALIDATORS, type CndSource, type SeverityLevel, type ValidationSettings } from './validation-settings.ts';
export { loadValidationSettings, readShippedCnds, type CndChoice, type ValidationChoice } from './validation-files.ts';
