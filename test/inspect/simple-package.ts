import { withFileVaultHeader } from './zip-bytes.ts';

const SIMPLE = 'vault-validation/src/test/resources/simple-package/jcr_root/';

/** FileVault's simple-package test files, bodies as in FileVault, positions kept by the header. */
export const SIMPLE_PACKAGE = {
  appsContent: withFileVaultHeader(`${SIMPLE}apps/.content.xml`, `<jc:root xmlns:sling="http://sling.apache.org/jcr/sling/1.0" xmlns:jc="http://www.jcp.org/jcr/1.0"
    jc:primaryType="sling:Folder">
    <somepath jc:primaryType="nt:unstructured"
        attribute1="value1">
        <jc:content jc:primaryType="nt:unstructured">
        </jc:content>
    </somepath>
    <_x0030_123_sample.jpg/>
    <_x0030_1234_sample.jpg jc:primaryType="nt:file"/>
</jc:root>`),
  rootContent: `<?xml version="1.0" encoding="UTF-8"?>
<jcr:root xmlns:sling="http://sling.apache.org/jcr/sling/1.0" xmlns:jcr="http://www.jcp.org/jcr/1.0" xmlns:rep="internal"
    jcr:mixinTypes="[rep:AccessControllable,rep:RepoAccessControllable]"
    jcr:primaryType="rep:root"
    sling:resourceType="sling:redirect"
    sling:target="/index.html">
</jcr:root>`,
  child1: withFileVaultHeader(`${SIMPLE}apps/child1.xml`, `<jcr:root xmlns:sling="http://sling.apache.org/jcr/sling/1.0" xmlns:jcr="http://www.jcp.org/jcr/1.0"
    jcr:primaryType="sling:Folder">
    <somepath jcr:primaryType="nt:unstructured"
        attribute1="value1"
    ></somepath>
</jcr:root>`, true),
  child2Content: withFileVaultHeader(`${SIMPLE}apps/child2/.content.xml`, `<child3 xmlns:sling="http://sling.apache.org/jcr/sling/1.0" xmlns:jcr="http://www.jcp.org/jcr/1.0"
    jcr:primaryType="sling:Folder">
    <somepath jcr:primaryType="nt:unstructured"
        attribute1="value1"
    ></somepath>
</child3>`, true),
  child2Child1: withFileVaultHeader(`${SIMPLE}apps/child2/child1.xml`, `<child3 xmlns:sling="http://sling.apache.org/jcr/sling/1.0" xmlns:jcr2="http://www.jcp.org/jcr/1.0"
    jcr2:primaryType="sling:Folder">
    <somepath jcr2:primaryType="nt:unstructured"
        attribute1="value1"
    ></somepath>
</child3>`),
  emptyElements: withFileVaultHeader(`${SIMPLE}apps/emptyelements/.content.xml`, `<jcr:root xmlns:sling="http://sling.apache.org/jcr/sling/1.0" xmlns:jcr="http://www.jcp.org/jcr/1.0"
    jcr:primaryType="sling:Folder">
    <emptyelement1></emptyelement1>
    <emptyelement2 />
    <nonemptyelement jcr:primaryType="sling:Folder" />
</jcr:root>`, true),
  wrongType: withFileVaultHeader(`${SIMPLE}apps/invalid/wrongtype.xml`, `<jcr:root xmlns:sling="http://sling.apache.org/jcr/sling/1.0" xmlns:jcr="http://www.jcp.org/jcr/1.0"
    jcr:primaryType="sling:Folder">
    <somepath jcr:primaryType="nt:unstructured"
        attribute2="{Long}123"
        attribute1="{Invalid}value1"
    ></somepath>
</jcr:root>`, true),
  inconvertibleTypes: withFileVaultHeader(`${SIMPLE}apps/invalid/inconvertibletypes.xml`, `<jcr:root xmlns:sling="http://sling.apache.org/jcr/sling/1.0" xmlns:jcr="http://www.jcp.org/jcr/1.0"
    jcr:primaryType="sling:Folder">
    <somepath jcr:primaryType="nt:unstructured"
        attribute2="{Long}1.0"
        attribute1="{Date}somedate"
        attribute3="{Boolean}true"
        attribute4="{Boolean}TRUE"
        attribute5="value"
        attribute6="{String}value"
    ></somepath>
</jcr:root>`, true),
  unusedCharacterData: withFileVaultHeader(`${SIMPLE}apps/invalid/unusedcharacterdata.xml`, `<jcr:root xmlns:sling="http://sling.apache.org/jcr/sling/1.0" xmlns:jcr="http://www.jcp.org/jcr/1.0"
    jcr:primaryType="sling:Folder">
    <somepath jcr:primaryType="nt:unstructured">This is some character data</somepath>
</jcr:root>`, true),
  cqContent: withFileVaultHeader(`${SIMPLE}apps/_cq_content.xml`, `<jcr:root xmlns:jcr="http://www.jcp.org/jcr/1.0"
    jcr:primaryType="sling:Folder">
</jcr:root>`),
};

