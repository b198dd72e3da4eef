package org.ac1explorer.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Struct;

/** Well-formed MAT files with the wrong content: wrong classes in fields, missing fields, absurd values. */
final class SemanticMutants {
    private SemanticMutants() {
    }

    static List<Map.Entry<String, byte[]>> of(byte[] orig, String file) throws IOException {
        List<Map.Entry<String, byte[]>> out = new ArrayList<>();
        if (file.contains("/Results/") || file.contains("asari-results")) {
            out.add(edit(orig, "response.trace as char", m -> m.getStruct("response").set("trace", Mat5.newString("oops"))));
            out.add(edit(orig, "response.sf as char", m -> m.getStruct("response").set("sf", Mat5.newString("fast"))));
            out.add(edit(orig, "response.sf zero", m -> m.getStruct("response").set("sf", Mat5.newScalar(0))));
            out.add(edit(orig, "response.scale missing", m -> m.getStruct("response").remove("scale")));
            out.add(edit(orig, "response as number", m -> replace(m, "response", Mat5.newScalar(3))));
            out.add(edit(orig, "triggers as number", m -> replace(m, "triggers", Mat5.newScalar(3))));
            out.add(edit(orig, "triggers.type as number", m -> m.getStruct("triggers").set("type", 0, Mat5.newScalar(1))));
            out.add(edit(orig, "triggers.time as char", m -> setAll(m.getStruct("triggers"), "time", Mat5.newString("soon"))));
            out.add(edit(orig, "triggers.time NaN", m -> setAll(m.getStruct("triggers"), "time", Mat5.newScalar(Double.NaN))));
            out.add(edit(orig, "triggers.param.description as number", m -> {
                Struct t = m.getStruct("triggers");
                for (int i = 0; i < t.getNumElements(); i++) {
                    t.getStruct("param", i).set("description", Mat5.newScalar(7));
                }
            }));
            out.add(edit(orig, "triggers.param.duration NaN", m -> {
                Struct t = m.getStruct("triggers");
                for (int i = 0; i < t.getNumElements(); i++) {
                    t.getStruct("param", i).set("duration", Mat5.newScalar(Double.NaN));
                }
            }));
            if (file.contains("asari-results")) {
                out.add(edit(orig, "param.stimulus as number", m -> m.getStruct("param").set("stimulus", Mat5.newScalar(1))));
                out.add(edit(orig, "param.recording.site as number", m -> m.getStruct("param").getStruct("recording").set("site", Mat5.newScalar(1))));
                out.add(edit(orig, "segment file escaping the root", m -> {
                    Struct st = m.getStruct("param").getStruct("stimulus");
                    for (int i = 0; i < st.getNumElements(); i++) {
                        st.set("file", i, Mat5.newString("../../../../etc/passwd"));
                    }
                }));
                out.add(edit(orig, "segment file missing", m -> m.getStruct("param").getStruct("stimulus")
                        .set("file", 0, Mat5.newString("class6/999.mat"))));
            }
        } else {
            out.add(edit(orig, "stimulus waveform as char", m -> {
                Struct s = m.getStruct("stimulus");
                s.set(s.getFieldNames().contains("sample") ? "sample" : "samples", Mat5.newString("la la"));
            }));
            out.add(edit(orig, "stimulus sf as char", m -> m.getStruct("stimulus").getStruct("param").set("sf", Mat5.newString("x"))));
            out.add(edit(orig, "stimulus sf negative", m -> m.getStruct("stimulus").getStruct("param").set("sf", Mat5.newScalar(-5))));
            out.add(edit(orig, "stimulus param missing", m -> m.getStruct("stimulus").remove("param")));
            out.add(edit(orig, "stimulus as cell", m -> replace(m, "stimulus", Mat5.newCell(1, 1))));
            if (file.contains("asari")) {
                out.add(edit(orig, "segment at another sample rate", m -> m.getStruct("stimulus").getStruct("param").set("sf", Mat5.newScalar(44100))));
            }
        }
        return out;
    }

    private static void setAll(Struct s, String field, us.hebi.matlab.mat.types.Array v) {
        for (int i = 0; i < s.getNumElements(); i++) {
            s.set(field, i, v);
        }
    }

    private static void replace(Mat5File m, String name, us.hebi.matlab.mat.types.Array v) {
        List<MatFile.Entry> keep = new ArrayList<>();
        m.getEntries().forEach(keep::add);
        m.clear();
        for (MatFile.Entry e : keep) {
            m.addArray(e.getName(), e.getName().equals(name) ? v : e.getValue());
        }
    }

    private static Map.Entry<String, byte[]> edit(byte[] orig, String name, Consumer<Mat5File> change) throws IOException {
        Path tmp = Files.createTempFile("mutant", ".mat");
        try {
            Files.write(tmp, orig);
            Mat5File m = Mat5.readFromFile(tmp.toFile());
            change.accept(m);
            Files.delete(tmp);
            Mat5.writeToFile(m, tmp.toFile());
            return new AbstractMap.SimpleEntry<>(name, Files.readAllBytes(tmp));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A MAT file whose variable {@code triggers} is a cell nested {@code depth} levels deep. */
    static byte[] deepNesting(int depth) {
        byte[] inner = element(new byte[0], 0, false, "");
        for (int d = 0; d < depth; d++) {
            inner = element(inner, 1, true, d == depth - 1 ? "triggers" : "");
        }
        ByteBuffer b = ByteBuffer.allocate(128 + inner.length).order(ByteOrder.LITTLE_ENDIAN);
        byte[] text = "MATLAB 5.0 MAT-file, nested by a test".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        b.put(text);
        for (int i = text.length; i < 116; i++) {
            b.put((byte) ' ');
        }
        b.putLong(0).putShort((short) 0x0100).put((byte) 'I').put((byte) 'M');
        b.put(inner);
        return b.array();
    }

    /** miMATRIX element: a 1x1 cell holding {@code child}, or an empty matrix when {@code cell} is false. */
    private static byte[] element(byte[] child, int mxClass, boolean cell, String name) {
        if (!cell) {
            return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(14).putInt(0).array();
        }
        byte[] nm = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int namePadded = (nm.length + 7) & ~7;
        int body = 16 + 16 + 8 + namePadded + child.length;
        ByteBuffer b = ByteBuffer.allocate(8 + body).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(14).putInt(body);
        b.putInt(6).putInt(8).putInt(mxClass).putInt(0);
        b.putInt(5).putInt(8).putInt(1).putInt(1);
        b.putInt(1).putInt(nm.length).put(nm);
        for (int i = nm.length; i < namePadded; i++) {
            b.put((byte) 0);
        }
        b.put(child);
        return b.array();
    }

    /** The zip with extra entries named {@code ../x.mat} and {@code /abs.mat} added. */
    static byte[] escapingZip(byte[] zip) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(bos)) {
            for (String evil : new String[] {"../x.mat", "/abs.mat", "asari-results-1/../../y.mat"}) {
                out.putNextEntry(new ZipEntry(evil));
                out.write(new byte[] {1, 2, 3});
                out.closeEntry();
            }
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return bos.toByteArray();
    }
}
