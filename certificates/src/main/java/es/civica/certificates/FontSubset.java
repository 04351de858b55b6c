package es.civica.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes a document's own Type 0 font for the characters it shows with one face, the way PDFBox's subsetting
 * embedder does (same structure, validated as PDF/A-3b): character codes are the full font's glyph ids
 * (Identity-H, as the thread's drawing font encodes them); {@code /CIDToGIDMap} maps them to the subset's
 * glyph ids; {@code /W} gives their widths; {@code /ToUnicode} their characters; the font descriptor is the
 * face's, with the subset program as {@code /FontFile2} and a subset tag in the names. One per face and
 * thread (it holds the thread's parsed font and a reusable deflater).
 */
final class FontSubset {

  /** The tables a TrueType program in a PDF needs (the ones PDFBox's embedder keeps). */
  private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf",
      "hmtx", "fpgm", "gasp");

  private final TrueTypeFont ttf;
  private final CmapLookup cmap;
  private final String baseName;
  private final int face;
  private final float scaling;
  private final CosTemplate descriptor;
  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);

  FontSubset(TrueTypeFont ttf, PDType0Font drawing, int face) throws IOException {
    this.ttf = ttf;
    this.cmap = ttf.getUnicodeCmapLookup();
    this.baseName = ttf.getName();
    this.face = face;
    this.scaling = 1000f / ttf.getHeader().getUnitsPerEm();
    COSDictionary cidFont = (COSDictionary) drawing.getCOSObject().getCOSArray(COSName.DESCENDANT_FONTS).getObject(0);
    COSDictionary fd = cidFont.getCOSDictionary(COSName.FONT_DESC);
    COSDictionary withoutProgram = new COSDictionary();
    for (Map.Entry<COSName, org.apache.pdfbox.cos.COSBase> e : fd.entrySet()) {
      if (!e.getKey().equals(COSName.FONT_FILE2) && !e.getKey().equals(COSName.CID_SET)) {
        withoutProgram.setItem(e.getKey(), e.getValue());
      }
    }
    this.descriptor = CosTemplate.of(withoutProgram);
  }

  /** The Type 0 font dictionary, owned by the document, for these code points. */
  COSDictionary build(PDDocument doc, BitSet codePoints) throws IOException {
    TreeMap<Integer, Integer> cidToUnicode = new TreeMap<>();
    TTFSubsetter subsetter = new TTFSubsetter(ttf, TABLES);
    for (int cp = codePoints.nextSetBit(0); cp >= 0; cp = codePoints.nextSetBit(cp + 1)) {
      int gid = cmap.getGlyphId(cp);
      if (gid != 0) {
        subsetter.add(cp);
        cidToUnicode.putIfAbsent(gid, cp);
      }
    }
    String name = tag(codePoints) + "+" + baseName;
    TreeMap<Integer, Integer> cidToNewGid = new TreeMap<>();
    for (Map.Entry<Integer, Integer> e : subsetter.getGIDMap().entrySet()) {
      if (cidToUnicode.containsKey(e.getValue())) {
        cidToNewGid.put(e.getValue(), e.getKey());
      }
    }
    ByteArrayOutputStream program = new ByteArrayOutputStream(16 * 1024);
    subsetter.writeToStream(program);

    COSDictionary fontDescriptor = (COSDictionary) descriptor.instantiate(doc);
    fontDescriptor.setName(COSName.FONT_NAME, name);
    COSStream fontFile = stream(doc, program.toByteArray());
    fontFile.setInt(COSName.LENGTH1, program.size());
    fontDescriptor.setItem(COSName.FONT_FILE2, fontFile);

    COSDictionary cidFont = new COSDictionary();
    cidFont.setItem(COSName.TYPE, COSName.FONT);
    cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
    cidFont.setName(COSName.BASE_FONT, name);
    COSDictionary info = new COSDictionary();
    info.setItem(COSName.REGISTRY, new COSString("Adobe"));
    info.setItem(COSName.ORDERING, new COSString("Identity"));
    info.setInt(COSName.SUPPLEMENT, 0);
    cidFont.setItem(COSName.CIDSYSTEMINFO, info);
    cidFont.setItem(COSName.FONT_DESC, fontDescriptor);
    cidFont.setItem(COSName.W, widths(cidToNewGid));
    cidFont.setItem(COSName.CID_TO_GID_MAP, stream(doc, cidToGidMap(cidToNewGid)));

    COSDictionary type0 = new COSDictionary();
    type0.setItem(COSName.TYPE, COSName.FONT);
    type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
    type0.setName(COSName.BASE_FONT, name);
    type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
    COSArray descendants = new COSArray();
    descendants.add(cidFont);
    type0.setItem(COSName.DESCENDANT_FONTS, descendants);
    type0.setItem(COSName.TO_UNICODE, stream(doc, toUnicode(cidToUnicode)));
    return type0;
  }

  /** {@code c [w]} runs over consecutive CIDs, widths in thousandths of an em (skipping the default 1000). */
  private COSArray widths(TreeMap<Integer, Integer> cidToNewGid) throws IOException {
    COSArray widths = new COSArray();
    COSArray run = null;
    int prev = Integer.MIN_VALUE;
    for (int cid : cidToNewGid.keySet()) {
      long width = Math.round(ttf.getHorizontalMetrics().getAdvanceWidth(cid) * scaling);
      if (width == 1000) {
        continue;
      }
      if (run == null || prev != cid - 1) {
        run = new COSArray();
        widths.add(COSInteger.get(cid));
        widths.add(run);
      }
      run.add(COSInteger.get(width));
      prev = cid;
    }
    return widths;
  }

  private static byte[] cidToGidMap(TreeMap<Integer, Integer> cidToNewGid) {
    int max = cidToNewGid.isEmpty() ? 0 : cidToNewGid.lastKey();
    byte[] map = new byte[2 * max + 2];
    for (Map.Entry<Integer, Integer> e : cidToNewGid.entrySet()) {
      map[2 * e.getKey()] = (byte) (e.getValue() >> 8);
      map[2 * e.getKey() + 1] = (byte) (int) e.getValue();
    }
    return map;
  }

  /** A ToUnicode CMap with one bfchar per CID (UTF-16BE destinations). */
  private static byte[] toUnicode(TreeMap<Integer, Integer> cidToUnicode) {
    StringBuilder s = new StringBuilder(256 + cidToUnicode.size() * 20);
    s.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
        .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
        .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
        .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    List<Map.Entry<Integer, Integer>> entries = List.copyOf(cidToUnicode.entrySet());
    for (int from = 0; from < entries.size(); from += 100) {
      int to = Math.min(entries.size(), from + 100);
      s.append(to - from).append(" beginbfchar\n");
      for (Map.Entry<Integer, Integer> e : entries.subList(from, to)) {
        s.append('<').append(hex4(e.getKey())).append("> <");
        for (char c : Character.toChars(e.getValue())) {
          s.append(hex4(c));
        }
        s.append(">\n");
      }
      s.append("endbfchar\n");
    }
    s.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return s.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static char[] hex4(int value) {
    return new char[] {HEX[value >> 12 & 0xF], HEX[value >> 8 & 0xF], HEX[value >> 4 & 0xF], HEX[value & 0xF]};
  }

  /** Six capital letters from the face and the characters: different subsets get different tags. */
  private String tag(BitSet codePoints) {
    long h = 1125899906842597L * 31 + face;
    for (long word : codePoints.toLongArray()) {
      h = 31 * h + word;
    }
    h = Math.abs(h ^ (h >>> 29));
    StringBuilder tag = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      tag.append((char) ('A' + (int) (h % 26)));
      h /= 26;
    }
    return tag.toString();
  }

  private COSStream stream(PDDocument doc, byte[] data) throws IOException {
    deflater.reset();
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream deflated = new ByteArrayOutputStream(data.length / 2 + 64);
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      deflated.write(buffer, 0, deflater.deflate(buffer));
    }
    COSStream stream = doc.getDocument().createCOSStream();
    stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
    try (OutputStream out = stream.createRawOutputStream()) {
      deflated.writeTo(out);
    }
    return stream;
  }
}
