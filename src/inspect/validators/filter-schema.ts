/**
 * The checks of FileVault's `workspacefilter-1.0.xsd`, which `jackrabbit-filter` validates
 * filter.xml against before loading it, with the messages Xerces gives
 * (AdvancedFilterValidatorTest.testFilterWithInvalidElements):
 *
 * | filter.xml                              | message                                                        |
 * | --------------------------------------- | -------------------------------------------------------------- |
 * | `<filter root="/x" mode="invalid">`     | `cvc-enumeration-valid: Value 'invalid' is not facet-valid with respect to enumeration '[replace, merge, merge_properties, update, update_properties]'. It must be a value from the enumeration.` and `cvc-attribute.3: The value 'invalid' of attribute 'mode' on element 'filter' is not valid with respect to its type, 'mode'.` |
 * | `<exclude pattern="x" mode="merge"/>`   | `cvc-complex-type.3.2.2: Attribute 'mode' is not allowed to appear in element 'exclude'.` |
 * | `<invalidelement/>` in a filter         | `cvc-complex-type.2.4.a: Invalid content was found starting with element 'invalidelement'. One of '{exclude, include}' is expected.` |
 * | `<filter>` without `root`               | `cvc-complex-type.4: Attribute 'root' must appear on element 'filter'.` |
 * | `<include/>`                            | `cvc-complex-type.4: Attribute 'pattern' must appear on element 'include'.` |
 *
 * Positions are the element's (just after its start tag), as Xerces reports them.
 */
import type { XmlElement } from '../../packaging/xml-elements.ts';
import { message, type ValidationMessage } from '../validator.ts';

type AttributeType = 'string' | 'mode' | 'type' | 'float' | 'boolean';

interface ElementRule {
  readonly attributes: Readonly<Record<string, AttributeType>>;
  readonly required: readonly string[];
  /** Allowed child elements; `undefined`: simple content (no children). */
  readonly children?: readonly string[];
}

const RULES: Readonly<Record<string, ElementRule>> = {
  workspaceFilter: { attributes: { version: 'float' }, required: [], children: ['filter'] },
  filter: { attributes: { root: 'string', type: 'type', mode: 'mode' }, required: ['root'], children: ['exclude', 'include'] },
  include: { attributes: { pattern: 'string', matchProperties: 'boolean' }, required: ['pattern'] },
  exclude: { attributes: { pattern: 'string', matchProperties: 'boolean' }, required: ['pattern'] },
};

const MODES = ['replace', 'merge', 'merge_properties', 'update', 'update_properties'];

/** Checks filter.xml's element tree against the schema; every message is an error. */
export function checkFilterSchema(root: XmlElement): ValidationMessage[] {
  if (root.name !== 'workspaceFilter') return [at(root, `cvc-elt.1.a: Cannot find the declaration of element '${root.name}'.`)];
  const messages: ValidationMessage[] = [];
  checkElement(root, messages);
  return messages;
}

function checkElement(element: XmlElement, messages: ValidationMessage[]): void {
  const rule = RULES[element.name]!;
  for (const [name, value] of element.attributes) {
    // Own keys only: an attribute named `constructor` is not allowed either (issue 11, point 5).
    const type = Object.hasOwn(rule.attributes, name) ? rule.attributes[name] : undefined;
    if (type === undefined) {
      if (!name.startsWith('xmlns')) messages.push(at(element, `cvc-complex-type.3.2.2: Attribute '${name}' is not allowed to appear in element '${element.name}'.`));
    } else messages.push(...checkValue(element, name, value, type));
  }
  for (const name of rule.required) {
    if (!element.attributes.has(name)) messages.push(at(element, `cvc-complex-type.4: Attribute '${name}' must appear on element '${element.name}'.`));
  }
  if (rule.children === undefined) {
    if (element.children.length > 0) messages.push(at(element.children[0]!, `cvc-complex-type.2.2: Element '${element.name}' must have no element [children], and the value must be valid.`));
    return;
  }
  if (element.text.trim() !== '') messages.push(at(element, `cvc-complex-type.2.3: Element '${element.name}' cannot have character [children], because the type's content type is element-only.`));
  for (const child of element.children) {
    // Xerces stops checking an element's content at the first unexpected child.
    if (!rule.children.includes(child.name)) {
      messages.push(at(child, `cvc-complex-type.2.4.a: Invalid content was found starting with element '${child.name}'. One of '{${rule.children.join(', ')}}' is expected.`));
      return;
    }
    checkElement(child, messages);
  }
}

function checkValue(element: XmlElement, name: string, value: string, type: AttributeType): ValidationMessage[] {
  let facet: string | undefined;
  if (type === 'mode' && !MODES.includes(value)) {
    facet = `cvc-enumeration-valid: Value '${value}' is not facet-valid with respect to enumeration '[${MODES.join(', ')}]'. It must be a value from the enumeration.`;
  } else if (type === 'type' && value !== '' && value !== 'cleanup') {
    facet = `cvc-pattern-valid: Value '${value}' is not facet-valid with respect to pattern '(|cleanup)' for type 'type'.`;
  } else if (type === 'float' && !/^\s*(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|-?INF|NaN)\s*$/.test(value)) {
    facet = `cvc-datatype-valid.1.2.1: '${value}' is not a valid value for 'float'.`;
  } else if (type === 'boolean' && !/^\s*(?:true|false|1|0)\s*$/.test(value)) {
    facet = `cvc-datatype-valid.1.2.1: '${value}' is not a valid value for 'boolean'.`;
  }
  if (facet === undefined) return [];
  return [at(element, facet), at(element, `cvc-attribute.3: The value '${value}' of attribute '${name}' on element '${element.name}' is not valid with respect to its type, '${type}'.`)];
}

function at(element: XmlElement, text: string): ValidationMessage {
  return message('error', text, { line: element.line, column: element.column });
}
