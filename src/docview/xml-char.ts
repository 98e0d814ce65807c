/**
 * XML 1.0 character classes exactly as Jackrabbit's `XMLChar` (a copy of Xerces' table, JCR-367)
 * defines them for UTF-16 code units. FileVault uses it for ISO 9075 names and for deciding
 * which characters a DocView value must write as `\uXXXX` (FileVault `DocViewProperty2`, Jackrabbit
 * `ISO9075`).
 *
 * The table below was dumped by running `org.apache.jackrabbit.util.XMLChar` over U+0000..U+FFFF:
 * `start:flags` runs in base 36, a run lasting until the next start. Flags: 1 valid,
 * 4 name start, 8 name, 64 NCName start, 128 NCName.
 */
const RUNS =
  '0:0,9:1,b:0,d:1,e:0,w:1,19:3t,1b:1,1c:3t,1m:d,1n:1,1t:5p,2j:1,2n:5p,2o:1,2p:5p,3f:1,53:3t,54:1,5c:5p,5z:1,60:5p,6v:1,6w:5p,8i:1,8k:5p,8v:1,8x:5p,95:1,96:5p,an:1,ao:5p,ck:1,ct:5p,dt:1,dw:5p,dy:1,e2:5p,ew:1,gg:5p,ix:1,jf:5p,jm:1,k0:3t,k2:1,lc:3t,na:1,o0:3t,o2:1,p2:5p,p3:3t,p4:5p,p7:1,p8:5p,p9:1,pa:5p,pu:1,pv:5p,r3:1,r4:5p,rb:1,re:5p,rf:1,rg:5p,rh:1,ri:5p,rj:1,rk:5p,rl:1,rm:5p,s4:1,sh:5p,st:1,su:5p,uo:1,up:5p,v1:1,v2:5p,w2:1,w3:3t,w7:1,wg:5p,xx:1,xz:5p,y1:1,y3:5p,y5:1,y8:5p,z0:1,z2:5p,za:1,zc:5p,ze:1,10x:5p,11z:1,121:5p,122:1,129:5p,13b:1,13l:3t,142:1,143:3t,14q:1,14r:3t,14u:1,14v:3t,14w:1,14x:3t,14z:1,150:3t,151:1,15c:5p,163:1,168:5p,16b:1,17l:5p,18b:1,18g:3t,18h:5p,18r:3t,18z:1,19c:3t,19m:1,19s:3t,19t:5p,1bs:1,1bu:5p,1bz:1,1c0:5p,1cf:1,1cg:5p,1ck:1,1cl:5p,1cm:3t,1d1:5p,1d3:3t,1d5:1,1d6:3t,1da:1,1dc:3t,1dm:1,1s1:3t,1s4:1,1s5:5p,1tm:1,1to:3t,1tp:5p,1tq:3t,1u6:1,1u9:3t,1ud:1,1ug:5p,1uq:3t,1us:1,1uu:3t,1v4:1,1vl:3t,1vo:1,1vp:5p,1vx:1,1vz:5p,1w1:1,1w3:5p,1wp:1,1wq:5p,1wx:1,1wy:5p,1wz:1,1x2:5p,1x6:1,1x8:3t,1x9:1,1xa:3t,1xh:1,1xj:3t,1xl:1,1xn:3t,1xq:1,1xz:3t,1y0:1,1y4:5p,1y6:1,1y7:5p,1ya:3t,1yc:1,1ye:3t,1yo:5p,1yq:1,1z6:3t,1z7:1,1z9:5p,1zf:1,1zj:5p,1zl:1,1zn:5p,209:1,20a:5p,20h:1,20i:5p,20k:1,20l:5p,20n:1,20o:5p,20q:1,20s:3t,20t:1,20u:3t,20z:1,213:3t,215:1,217:3t,21a:1,21l:5p,21p:1,21q:5p,21r:1,21y:3t,22a:5p,22d:1,22p:3t,22s:1,22t:5p,230:1,231:5p,232:1,233:5p,236:1,237:5p,23t:1,23u:5p,241:1,242:5p,244:1,245:5p,24a:1,24c:3t,24d:5p,24e:3t,24m:1,24n:3t,24q:1,24r:3t,24u:1,25c:5p,25d:1,25i:3t,25s:1,269:3t,26c:1,26d:5p,26l:1,26n:5p,26p:1,26r:5p,27d:1,27e:5p,27l:1,27m:5p,27o:1,27q:5p,27u:1,27w:3t,27x:5p,27y:3t,284:1,287:3t,289:1,28b:3t,28e:1,28m:3t,28o:1,28s:5p,28u:1,28v:5p,28y:1,292:3t,29c:1,29u:3t,29w:1,29x:5p,2a3:1,2a6:5p,2a9:1,2aa:5p,2ae:1,2ah:5p,2aj:1,2ak:5p,2al:1,2am:5p,2ao:1,2ar:5p,2at:1,2aw:5p,2az:1,2b2:5p,2ba:1,2bb:5p,2be:1,2bi:3t,2bn:1,2bq:3t,2bt:1,2bu:3t,2by:1,2c7:3t,2c8:1,2cn:3t,2cw:1,2dd:3t,2dg:1,2dh:5p,2dp:1,2dq:5p,2dt:1,2du:5p,2eh:1,2ei:5p,2es:1,2et:5p,2ey:1,2f2:3t,2f9:1,2fa:3t,2fd:1,2fe:3t,2fi:1,2fp:3t,2fr:1,2g0:5p,2g2:1,2g6:3t,2gg:1,2gy:3t,2h0:1,2h1:5p,2h9:1,2ha:5p,2hd:1,2he:5p,2i1:1,2i2:5p,2ic:1,2id:5p,2ii:1,2im:3t,2it:1,2iu:3t,2ix:1,2iy:3t,2j2:1,2j9:3t,2jb:1,2ji:5p,2jj:1,2jk:5p,2jm:1,2jq:3t,2k0:1,2ki:3t,2kk:1,2kl:5p,2kt:1,2ku:5p,2kx:1,2ky:5p,2ll:1,2lm:5p,2m2:1,2m6:3t,2mc:1,2me:3t,2mh:1,2mi:3t,2mm:1,2mv:3t,2mw:1,2n4:5p,2n6:1,2na:3t,2nk:1,2rl:5p,2sv:1,2sw:5p,2sx:3t,2sy:5p,2t0:3t,2t7:1,2tc:5p,2ti:3t,2tr:1,2ts:3t,2u2:1,2v5:5p,2v7:1,2v8:5p,2v9:1,2vb:5p,2vd:1,2ve:5p,2vf:1,2vh:5p,2vi:1,2vo:5p,2vs:1,2vt:5p,2w0:1,2w1:5p,2w4:1,2w5:5p,2w6:1,2w7:5p,2w8:1,2wa:5p,2wc:1,2wd:5p,2wf:1,2wg:5p,2wh:3t,2wi:5p,2wk:3t,2wq:1,2wr:3t,2wt:5p,2wu:1,2ww:5p,2x1:1,2x2:3t,2x3:1,2x4:3t,2xa:1,2xc:3t,2xm:1,2zc:3t,2ze:1,2zk:3t,2zu:1,305:3t,306:1,307:3t,308:1,309:3t,30a:1,30e:3t,30g:5p,30o:1,30p:5p,31m:1,31t:3t,32d:1,32e:3t,32k:1,32o:3t,32u:1,32v:3t,32w:1,32x:3t,33i:1,33l:3t,33s:1,33t:3t,33u:1,3a8:5p,3ba:1,3bk:5p,3cn:1,3cw:5p,3cx:1,3cy:5p,3d0:1,3d1:5p,3d4:1,3d5:5p,3d6:1,3d7:5p,3d9:1,3da:5p,3df:1,3ek:5p,3el:1,3em:5p,3en:1,3eo:5p,3ep:1,3f0:5p,3f1:1,3f2:5p,3f3:1,3f4:5p,3f5:1,3f8:5p,3fa:1,3fd:5p,3fe:1,3fj:5p,3fm:1,3fn:5p,3fo:1,3fp:5p,3fq:1,3fr:5p,3fs:1,3ft:5p,3fu:1,3fx:5p,3fz:1,3g2:5p,3g4:1,3g5:5p,3g6:1,3ha:5p,3hb:1,3hk:5p,3hl:1,3hn:5p,3ho:1,3hq:5p,3hs:1,3hz:5p,3i1:1,3i2:5p,3i3:1,3i4:5p,3ib:1,3jf:5p,3jg:1,3jk:5p,3jl:1,3jt:5p,3ju:1,5xc:5p,61o:1,61s:5p,64a:1,64g:5p,652:1,654:5p,65a:1,65c:5p,66e:1,66g:5p,66m:1,66o:5p,66w:1,66x:5p,66y:1,66z:5p,670:1,671:5p,672:1,673:5p,67y:1,680:5p,69h:1,69i:5p,69p:1,69q:5p,69r:1,69u:5p,69x:1,69y:5p,6a5:1,6a8:5p,6ac:1,6ae:5p,6ak:1,6ao:5p,6b1:1,6b6:5p,6b9:1,6ba:5p,6bh:1,6hc:3t,6hp:1,6ht:3t,6hu:1,6jq:5p,6jr:1,6ju:5p,6jw:1,6jy:5p,6jz:1,6m8:5p,6mb:1,9hh:3t,9hi:1,9hj:5p,9hk:1,9i9:5p,9ii:3t,9io:1,9ip:3t,9iu:1,9j5:5p,9lh:1,9ll:3t,9ln:1,9lp:3t,9lr:1,9lt:5p,9ob:1,9oc:3t,9of:1,9ol:5p,9pp:1,feo:5p,vja:1,xz4:5p,16lg:1,16o0:0,188w:1,1eke:0';

const VALID = 1;
const NAME_START = 4;
const NAME = 8;
const NCNAME_START = 64;
const NCNAME = 128;

let starts: Uint32Array | undefined;
let flags: Uint8Array | undefined;

// Decoded on first use, so commands that never look at names pay nothing at start-up.
function flagsOf(unit: number): number {
  if (starts === undefined || flags === undefined) {
    const runs = RUNS.split(',');
    starts = new Uint32Array(runs.length);
    flags = new Uint8Array(runs.length);
    runs.forEach((run, i) => {
      const [start = '0', flag = '0'] = run.split(':');
      starts![i] = parseInt(start, 36);
      flags![i] = parseInt(flag, 36);
    });
  }
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= unit) low = mid;
    else high = mid - 1;
  }
  return flags[low]!;
}

/** True when the UTF-16 code unit cannot appear in an XML 1.0 document (`XMLChar.isInvalid`; every surrogate counts as invalid). */
export function isInvalidXmlChar(unit: number): boolean {
  return unit > 0xffff ? unit > 0x10ffff : (flagsOf(unit) & VALID) === 0;
}

/** `XMLChar.isNameStart`: may start an XML 1.0 Name. */
export function isXmlNameStart(unit: number): boolean {
  return unit <= 0xffff && (flagsOf(unit) & NAME_START) !== 0;
}

/** `XMLChar.isName`: may appear in an XML 1.0 Name after the first character. */
export function isXmlNameChar(unit: number): boolean {
  return unit <= 0xffff && (flagsOf(unit) & NAME) !== 0;
}

/** `XMLChar.isValidName`: the whole string is an XML 1.0 Name. */
export function isValidXmlName(name: string): boolean {
  if (name.length === 0 || !isXmlNameStart(name.charCodeAt(0))) return false;
  for (let i = 1; i < name.length; i++) if (!isXmlNameChar(name.charCodeAt(i))) return false;
  return true;
}

/** `XMLChar.isValidNCName`: the whole string is a namespace-free name (no `:`), as a JCR prefix must be. */
export function isValidNCName(name: string): boolean {
  if (name.length === 0 || (flagsOf(name.charCodeAt(0)) & NCNAME_START) === 0) return false;
  for (let i = 1; i < name.length; i++) if ((flagsOf(name.charCodeAt(i)) & NCNAME) === 0) return false;
  return true;
}
