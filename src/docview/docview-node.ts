import type { DocViewProperty } from './docview-property.ts';

/**
 * `DocViewNode`: one element of a DocView document (`DocViewNode2`). An element without
 * properties only orders its siblings and never creates a node (docview.md, JCRVLT-251).
 */
export interface DocViewNode {
  /** Qualified JCR name of the node (`jcr:content`); the root element's own name comes from its file. */
  readonly name: string;
  /** Same-name-sibling index, written `name[2]` when above 1. */
  readonly index?: number;
  /** Properties, in any order; rendering sorts them as FileVault does. */
  readonly properties: readonly DocViewProperty[];
  /** Child nodes in document order. */
  readonly children: readonly DocViewNode[];
}

/** Well-known namespace prefixes and their URIs, as AEM registers them. */
export const KNOWN_NAMESPACES: Readonly<Record<string, string>> = {
  jcr: 'http://www.jcp.org/jcr/1.0',
  nt: 'http://www.jcp.org/jcr/nt/1.0',
  mix: 'http://www.jcp.org/jcr/mix/1.0',
  sling: 'http://sling.apache.org/jcr/sling/1.0',
  cq: 'http://www.day.com/jcr/cq/1.0',
  rep: 'internal',
  vlt: 'http://www.day.com/jcr/vault/1.0',
  oak: 'http://jackrabbit.apache.org/oak/ns/1.0',
  dam: 'http://www.day.com/dam/1.0',
  granite: 'http://www.adobe.com/jcr/granite/1.0',
  crx: 'http://www.day.com/crx/1.0',
};
