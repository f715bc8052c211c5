// Shortens the names a wasm-bindgen module imports from its JavaScript glue, in both
// files: `__wbg_getBoundingClientRect_329ca748ec918b0c` becomes `a`. The hash in each
// name does not compress, and every name is written twice, once in each file: about
// 4 KB brotli for the patients' bundle. Run by `make dist` on each bundle, before the
// glue is minified.
//
//   node tools/shorten-imports.mjs BUNDLE_bg.wasm BUNDLE.js
import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, jsPath] = process.argv.slice(2);
if (!wasmPath || !jsPath) {
  console.error("usage: shorten-imports.mjs BUNDLE_bg.wasm BUNDLE.js");
  process.exit(2);
}

// Only the glue's own functions carry a hash; wasm-bindgen's intrinsics keep their names.
const HASHED_NAME = "__wbg_[A-Za-z0-9_]*_[0-9a-f]{16}";
const HASHED = new RegExp(`^${HASHED_NAME}$`);
const HASHED_IN_GLUE = new RegExp(`\\b${HASHED_NAME}\\b`, "g");

const wasm = readFileSync(wasmPath);
let js = readFileSync(jsPath, "utf8");

function readLeb(buf, pos) {
  let value = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, pos];
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

function name(value) {
  const bytes = Buffer.from(value, "utf8");
  return Buffer.concat([leb(bytes.length), bytes]);
}

// a, b, …, Z, aa, ab, …: short, and never a hashed name.
function shortName(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let s = "";
  do {
    s = letters[i % 52] + s;
    i = Math.floor(i / 52) - 1;
  } while (i >= 0);
  return s;
}

// Limits: flags, minimum, and a maximum when the flags say so.
function skipLimits(buf, pos) {
  const flags = buf[pos];
  pos = readLeb(buf, pos + 1)[1];
  return flags & 1 ? readLeb(buf, pos)[1] : pos;
}

// The length in bytes of an import's description, which follows its kind.
function skipDescription(buf, pos, kind) {
  switch (kind) {
    case 0: // function: type index
      return readLeb(buf, pos)[1];
    case 1: // table: element type, limits
      return skipLimits(buf, pos + 1);
    case 2: // memory: limits
      return skipLimits(buf, pos);
    case 3: // global: value type, mutability
      return pos + 2;
    case 4: // tag: attribute, type index
      return readLeb(buf, pos + 1)[1];
    default:
      throw new Error(`unknown import kind ${kind}`);
  }
}

function decodeString(buf, pos) {
  const [len, start] = readLeb(buf, pos);
  return [buf.toString("utf8", start, start + len), start + len];
}

if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${wasmPath}: not a wasm module`);
const renames = new Map();
const parts = [wasm.subarray(0, 8)];
let pos = 8;
while (pos < wasm.length) {
  const id = wasm[pos];
  const [size, bodyStart] = readLeb(wasm, pos + 1);
  const end = bodyStart + size;
  if (id !== 2) {
    parts.push(wasm.subarray(pos, end));
    pos = end;
    continue;
  }
  let [count, p] = readLeb(wasm, bodyStart);
  const body = [leb(count)];
  for (let i = 0; i < count; i++) {
    let module, field;
    [module, p] = decodeString(wasm, p);
    [field, p] = decodeString(wasm, p);
    const kind = wasm[p];
    const descEnd = skipDescription(wasm, p + 1, kind);
    if (HASHED.test(field)) {
      if (!renames.has(field)) renames.set(field, shortName(renames.size));
      field = renames.get(field);
    }
    body.push(name(module), name(field), wasm.subarray(p, descEnd));
    p = descEnd;
  }
  if (p !== end) throw new Error(`${wasmPath}: import section not read to its end`);
  const section = Buffer.concat(body);
  parts.push(Buffer.from([2]), leb(section.length), section);
  pos = end;
}

// Every hashed name in the glue must be one the module imports, and every renamed
// import must be found in the glue: otherwise the two files would no longer agree.
const seen = new Set();
js = js.replace(HASHED_IN_GLUE, (found) => {
  const short = renames.get(found);
  if (!short) throw new Error(`${jsPath}: ${found} is not imported by ${wasmPath}`);
  seen.add(found);
  return short;
});
for (const field of renames.keys()) {
  if (!seen.has(field)) throw new Error(`${jsPath}: the import ${field} is not in the glue`);
}

writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(jsPath, js);
