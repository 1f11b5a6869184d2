#!/usr/bin/env bash
# Rebuilds the CJK font subsets that certificates embed (src/main/resources/fonts/).
#
# Source: Noto Sans CJK SC (SIL Open Font License 1.1) from Debian's fonts-noto-cjk package.
# Subsetting: fontTools (Debian's python3-fonttools).
#   Regular: every CJK Unified Ideograph of GBK (20,902), so that names and places with
#            uncommon characters still render, plus Latin, digits and CJK punctuation.
#   Bold:    the GB 2312 characters (6,763), used for headings and labels only.
# The outlines are converted to TrueType (quadratic) curves, because PDF readers render
# the TrueType subsets the PDF library embeds reliably; a PDF embeds only the glyphs it uses.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! /usr/bin/python3 -c 'import fontTools' 2>/dev/null || [ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then
  apt-get install -y python3-fonttools fonts-noto-cjk
fi

out=src/main/resources/fonts
mkdir -p "$out"
/usr/bin/python3 - "$out" <<'PY'
import sys
from fontTools.ttLib import TTCollection, newTable
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

out = sys.argv[1]
def gb2312():
    chars = set()
    for b1 in range(0xB0, 0xF8):
        for b2 in range(0xA1, 0xFF):
            try:
                chars.add(bytes([b1, b2]).decode('gb2312'))
            except UnicodeDecodeError:
                pass
    return chars
def gbk_ideographs():
    chars = set()
    for cp in range(0x4E00, 0x9FA6):
        try:
            chr(cp).encode('gbk')
            chars.add(chr(cp))
        except UnicodeEncodeError:
            pass
    return chars
def to_truetype(font):
    order = font.getGlyphOrder()
    glyphset = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphset)
        glyphset[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font['loca'] = newTable('loca')
    font['glyf'] = glyf = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font['CFF ']
    if 'VORG' in font:
        del font['VORG']
    font['maxp'] = maxp = newTable('maxp')
    maxp.tableVersion = 0x00010000
    for attribute in ('maxPoints', 'maxContours', 'maxCompositePoints', 'maxCompositeContours', 'maxTwilightPoints',
                      'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs', 'maxStackElements',
                      'maxSizeOfInstructions', 'maxComponentElements', 'maxComponentDepth'):
        setattr(maxp, attribute, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(order)
    font['head'].glyphDataFormat = 0
    font['post'].formatType = 3.0
    font.sfntVersion = '\000\001\000\000'

common = set(chr(c) for c in range(0x20, 0x7F)) | set(chr(c) for c in range(0xA0, 0x180))
common |= set('，。、；：？！“”‘’（）《》【】〔〕〈〉「」『』—…·￥％＋－×÷＝～　①②③④⑤⑥⑦⑧⑨⑩★☆○●□■△▲→←↑↓√')
common |= set(chr(c) for c in range(0xFF01, 0xFF5F))
for weight, chars in (('Regular', gbk_ideographs() | gb2312()), ('Bold', gb2312())):
    font = TTCollection(f'/usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc').fonts[2]  # SC
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ['*']
    options.name_languages = ['*']
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=''.join(sorted(chars | common)))
    subsetter.subset(font)
    to_truetype(font)
    path = f'{out}/NotoSansSC-{weight}.ttf'
    font.save(path)
    print(path)
PY
