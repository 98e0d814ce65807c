/**
 * FileVault's serialized spellings, byte-exact (vault-core `util/Constants.java`,
 * `PackageProperties.java`). One place, so no other file spells a package path by hand.
 */

/** The content root folder of every package. */
export const ROOT_DIR = 'jcr_root';
/** The metadata folder. */
export const META_DIR = 'META-INF/vault';
/** Path of the workspace filter inside the zip. */
export const FILTER_XML = `${META_DIR}/filter.xml`;
/** Path of the package properties inside the zip. */
export const PROPERTIES_XML = `${META_DIR}/properties.xml`;
/** The DocView file describing a folder's node. */
export const DOT_CONTENT_XML = '.content.xml';
/** Where Package Manager stores uploaded packages. */
export const ETC_PACKAGES = '/etc/packages';
/** The comment JDK's `storeToXML` writes and FileVault passes (`DefaultMetaInf`). */
export const PROPERTIES_COMMENT = 'FileVault Package Properties';
/** The DOCTYPE `Properties.loadFromXML` requires (JDK 17 refuses the file without it). */
export const PROPERTIES_DOCTYPE = '<!DOCTYPE properties SYSTEM "http://java.sun.com/dtd/properties.dtd">';
/** The XML declaration FileVault's writers emit. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
