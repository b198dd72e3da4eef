package org.ac1explorer.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Struct;

/** One element of a MATLAB struct (or struct array), with tolerant field access. */
public final class MatStruct {
    private final Struct struct;
    private final int index;

    private MatStruct(Struct struct, int index) {
        this.struct = struct;
        this.index = index;
    }

    /** The single struct a value holds: a 1x1 struct, the first of a struct array, or one wrapped in 1x1 cells. */
    public static Optional<MatStruct> of(Array a) {
        a = a == null ? null : MatValues.unwrap(a);
        if (a instanceof Struct s && s.getNumElements() > 0) {
            return Optional.of(new MatStruct(s, 0));
        }
        return Optional.empty();
    }

    /**
     * Every struct element of a struct array, or of a cell array of structs (struct arrays inside
     * cells flattened), in storage order; a cell element that is not a struct gives null.
     */
    public static List<MatStruct> elements(Array a) {
        List<MatStruct> out = new ArrayList<>();
        if (a instanceof Struct s) {
            for (int i = 0; i < s.getNumElements(); i++) {
                out.add(new MatStruct(s, i));
            }
        } else if (a instanceof Cell c) {
            for (int i = 0; i < c.getNumElements(); i++) {
                Array e = MatValues.unwrap(c.get(i));
                if (e instanceof Struct s && s.getNumElements() > 0) {
                    out.addAll(elements(s));
                } else {
                    out.add(null);
                }
            }
        }
        return out;
    }

    public boolean has(String name) {
        return struct.getFieldNames().contains(name);
    }

    public List<String> fieldNames() {
        return struct.getFieldNames();
    }

    /** The field's value (1x1 cells unwrapped), empty if the field does not exist. */
    public Optional<Array> get(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        Array a = struct.get(name, index);
        return Optional.ofNullable(a == null ? null : MatValues.unwrap(a));
    }

    public Optional<MatStruct> struct(String name) {
        return get(name).flatMap(MatStruct::of);
    }

    public Optional<String> text(String name) {
        return get(name).flatMap(MatValues::text);
    }

    public OptionalDouble number(String name) {
        Optional<Array> a = get(name);
        return a.isPresent() ? MatValues.number(a.get()) : OptionalDouble.empty();
    }
}
