package org.ac1explorer.archive;

import java.util.Optional;
import java.util.Set;

/**
 * A trigger of a natural-sound trial: its {@code param} struct, which holds a duration, and its
 * non-empty {@code param.description}. Shared by the Wehr and Asari readers.
 */
record NaturalTrigger(MatStruct param, String description) {

    /**
     * The trigger as a natural-sound trial, or empty: silently for other trial types and
     * triggers without the fields, with an error for an unreadable type or an empty description.
     *
     * @param naturalTypes the normalised type names that count as natural sounds
     * @param where        the location problems are reported at
     * @param field        how the trigger is named in messages ("" or e.g. "triggers(1).")
     * @param skipped      what is skipped with it ("trial", "trigger")
     */
    static Optional<NaturalTrigger> of(MatStruct trig, Set<String> naturalTypes, String where, String field,
                                       String skipped, ProblemLog problems) {
        if (trig == null || !trig.has("type") || !trig.has("param")) {
            return Optional.empty();
        }
        Optional<String> type = trig.text("type");
        if (type.isEmpty()) {
            problems.error(where, field + "type is empty or not text; " + skipped + " skipped");
            return Optional.empty();
        }
        if (!naturalTypes.contains(TrialText.normaliseType(type.get()))) {
            return Optional.empty();
        }
        Optional<MatStruct> param = trig.struct("param");
        if (param.isEmpty() || !param.get().has("description") || !param.get().has("duration")) {
            return Optional.empty();
        }
        Optional<String> description = param.get().text("description");
        if (description.isEmpty()) {
            problems.error(where, field + "param.description is empty; " + skipped + " skipped");
            return Optional.empty();
        }
        return Optional.of(new NaturalTrigger(param.get(), description.get()));
    }
}
