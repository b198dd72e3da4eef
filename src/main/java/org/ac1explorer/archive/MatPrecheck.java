package org.ac1explorer.archive;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the tags of a MAT v5 file before it is decoded and checks every declared size against the
 * bytes actually present, so a truncated file or a tag declaring an absurd size is refused with a
 * precise reason instead of triggering a huge allocation. Compressed elements are checked at their
 * outer tag here, and their inflated content with {@link #checkInflated} once inflated.
 */
final class MatPrecheck {
    /** Deeper nesting than this never occurs in the release (struct in struct in struct ...). */
    static final int MAX_DEPTH = 48;
    /** zlib cannot expand data more than about 1032:1. */
    static final long MAX_INFLATION = 1032;
    private static final int MI_INT8 = 1;
    private static final int MI_INT32 = 5;
    private static final int MI_UINT32 = 6;
    private static final int MI_MATRIX = 14;
    private static final int MI_COMPRESSED = 15;
    private static final int MX_CELL = 1;
    private static final int MX_STRUCT = 2;
    private static final int MX_OBJECT = 3;
    private static final int MX_SPARSE = 5;

    private MatPrecheck() {
    }

    /** A top-level element of a MAT file: where its tag starts, its data type and declared size (bytes). */
    record Element(int tagPos, int type, int size) {
        boolean compressed() {
            return type == MI_COMPRESSED;
        }

        int dataPos() {
            return tagPos + 8;
        }
    }

    /**
     * Checks {@code file} (a whole MAT file, position at its start): the header, every top-level
     * tag, and every uncompressed variable in full. Returns the top-level elements in file order.
     */
    static List<Element> check(ByteBuffer file) throws MatReadException {
        ByteBuffer b = file.duplicate();
        int start = b.position();
        int end = b.limit();
        if (end - start < 128) {
            throw new MatReadException("only " + (end - start) + " bytes: too short for a MAT v5 header (128 bytes); truncated?");
        }
        char c1 = (char) b.get(start + 126);
        char c2 = (char) b.get(start + 127);
        if (c1 == 'I' && c2 == 'M') {
            b.order(ByteOrder.LITTLE_ENDIAN);
        } else if (c1 == 'M' && c2 == 'I') {
            b.order(ByteOrder.BIG_ENDIAN);
        } else {
            throw new MatReadException("header has no endian indicator (bytes 126-127 are not 'IM' or 'MI')");
        }
        List<Element> elements = new ArrayList<>();
        int pos = start + 128;
        int index = 0;
        while (pos < end) {
            index++;
            if (end - pos < 8) {
                throw new MatReadException("variable " + index + " starts " + (end - pos) + " bytes before the end: truncated");
            }
            int type = b.getInt(pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            if ((type >>> 16) != 0) {
                throw new MatReadException("variable " + index + " at byte " + pos + " has a malformed tag");
            }
            long available = end - pos - 8L;
            if (size > available) {
                throw new MatReadException("variable " + index + " at byte " + pos + " declares " + size
                        + " bytes but only " + available + " remain: truncated or corrupt");
            }
            if (type == MI_MATRIX) {
                checkMatrix(b, pos + 8, (int) size, 1, "variable " + index);
            } else if (type != MI_COMPRESSED) {
                throw new MatReadException("variable " + index + " at byte " + pos + " has data type " + type
                        + " (expected a matrix or compressed element)");
            }
            elements.add(new Element(pos - start, type, (int) size));
            pos += 8 + (int) size;
            if (type != MI_COMPRESSED) {
                pos = align8(pos - start) + start;
            }
        }
        return elements;
    }

    /**
     * Checks the content of a compressed variable once inflated: one matrix element whose
     * declared size fits in {@code length} bytes, every nested tag within its parent.
     */
    static void checkInflated(ByteBuffer inflated, int pos, int length, String where) throws MatReadException {
        ByteBuffer b = inflated.duplicate().order(inflated.order());
        if (length < 8) {
            throw new MatReadException(where + ": compressed data inflates to only " + length + " bytes");
        }
        int type = b.getInt(pos);
        long size = Integer.toUnsignedLong(b.getInt(pos + 4));
        if (type != MI_MATRIX) {
            throw new MatReadException(where + ": compressed data does not hold a matrix (type " + type + ")");
        }
        if (size > length - 8L) {
            throw new MatReadException(where + ": declares " + size + " bytes but inflates to only " + (length - 8));
        }
        checkMatrix(b, pos + 8, (int) size, 1, where);
    }

    /**
     * The array name of a matrix element whose data (array flags onwards) starts at {@code pos}
     * and ends before {@code end}; null when the tags up to the name do not fit there.
     */
    static String arrayName(ByteBuffer file, int pos, int end) {
        ByteBuffer b = file.duplicate().order(file.order());
        try {
            Tag flags = tag(b, pos, end, "");
            Tag dims = tag(b, flags.next(), end, "");
            Tag name = tag(b, dims.next(), end, "");
            if (name.type() != MI_INT8 || name.dataPos() + name.size() > end) {
                return null;
            }
            byte[] text = new byte[name.size()];
            b.get(name.dataPos(), text);
            return new String(text, java.nio.charset.StandardCharsets.US_ASCII);
        } catch (MatReadException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Byte order of a MAT file, from its endian indicator (checked by {@link #check}). */
    static ByteOrder order(ByteBuffer file) {
        int start = file.position();
        return file.get(start + 126) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    }

    private static int align8(int offset) {
        return (offset + 7) & ~7;
    }

    /** One sub-element tag: its type, data offset and size (small-element format handled). */
    private record Tag(int type, int dataPos, int size, int next) {
    }

    private static Tag tag(ByteBuffer b, int pos, int end, String where) throws MatReadException {
        if (end - pos < 8) {
            throw new MatReadException(where + ": element ends early (truncated)");
        }
        int word = b.getInt(pos);
        if ((word >>> 16) != 0) {
            int size = word >>> 16;
            if (size > 4) {
                throw new MatReadException(where + ": small data element declares " + size + " bytes (at most 4)");
            }
            return new Tag(word & 0xffff, pos + 4, size, pos + 8);
        }
        long size = Integer.toUnsignedLong(b.getInt(pos + 4));
        if (size > end - pos - 8L) {
            throw new MatReadException(where + ": a field declares " + size + " bytes but only " + (end - pos - 8) + " remain");
        }
        return new Tag(word, pos + 8, (int) size, pos + 8 + align8((int) size));
    }

    private static void checkMatrix(ByteBuffer b, int pos, int size, int depth, String where) throws MatReadException {
        if (depth > MAX_DEPTH) {
            throw new MatReadException(where + ": nested deeper than " + MAX_DEPTH + " levels");
        }
        if (size == 0) {
            return; // an empty matrix element is valid (e.g. an empty cell entry)
        }
        int end = pos + size;
        Tag flags = tag(b, pos, end, where);
        if (flags.type() != MI_UINT32 || flags.size() != 8) {
            throw new MatReadException(where + ": array flags missing or malformed");
        }
        int mxClass = b.getInt(flags.dataPos()) & 0xff;
        Tag dims = tag(b, flags.next(), end, where);
        if (dims.type() != MI_INT32 || dims.size() < 8 || dims.size() % 4 != 0) {
            throw new MatReadException(where + ": dimensions missing or malformed");
        }
        long count = 1;
        for (int i = 0; i < dims.size() / 4; i++) {
            int d = b.getInt(dims.dataPos() + 4 * i);
            if (d < 0) {
                throw new MatReadException(where + ": negative dimension " + d);
            }
            count *= d;
            if (count > Integer.MAX_VALUE) {
                throw new MatReadException(where + ": dimensions declare more than 2^31 elements");
            }
        }
        Tag name = tag(b, dims.next(), end, where);
        if (name.type() != MI_INT8) {
            throw new MatReadException(where + ": array name missing or malformed");
        }
        int next = name.next();
        if (mxClass == MX_CELL) {
            if (count * 8 > end - next) {
                throw new MatReadException(where + ": cell declares " + count + " elements, more than its " + (end - next) + " bytes can hold");
            }
            for (long i = 0; i < count; i++) {
                next = child(b, next, end, depth, where);
            }
        } else if (mxClass == MX_STRUCT || mxClass == MX_OBJECT) {
            if (mxClass == MX_OBJECT) {
                next = tag(b, next, end, where).next(); // class name
            }
            Tag fieldLen = tag(b, next, end, where);
            if (fieldLen.size() < 4) {
                throw new MatReadException(where + ": struct field-name length missing");
            }
            int len = b.getInt(fieldLen.dataPos());
            Tag names = tag(b, fieldLen.next(), end, where);
            if (len <= 0 ? names.size() != 0 : names.size() % len != 0) {
                throw new MatReadException(where + ": struct field names malformed");
            }
            long fields = len <= 0 ? 0 : names.size() / len;
            if (count * fields * 8 > end - names.next()) {
                throw new MatReadException(where + ": struct declares " + count + " x " + fields
                        + " fields, more than its bytes can hold");
            }
            next = names.next();
            for (long i = 0; i < count * fields; i++) {
                next = child(b, next, end, depth, where);
            }
        } else if (mxClass != MX_SPARSE && mxClass >= 4 && mxClass <= 15) {
            // numeric or char: the stored data must hold at least one byte per element
            Tag data = tag(b, next, end, where);
            if (data.size() < count && !(count > 0 && data.size() == 0 && mxClass == 4)) {
                throw new MatReadException(where + ": declares " + count + " elements but stores only " + data.size() + " bytes");
            }
        }
    }

    private static int child(ByteBuffer b, int pos, int end, int depth, String where) throws MatReadException {
        if (end - pos < 8) {
            throw new MatReadException(where + ": element ends early (truncated)");
        }
        int type = b.getInt(pos);
        long size = Integer.toUnsignedLong(b.getInt(pos + 4));
        if (type != MI_MATRIX) {
            throw new MatReadException(where + ": a cell or struct element is not a matrix (type " + type + ")");
        }
        if (size > end - pos - 8L) {
            throw new MatReadException(where + ": a nested element declares " + size + " bytes but only " + (end - pos - 8) + " remain");
        }
        checkMatrix(b, pos + 8, (int) size, depth + 1, where);
        return pos + 8 + align8((int) size);
    }
}
