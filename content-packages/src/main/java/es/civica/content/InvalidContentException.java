package es.civica.content;

import java.util.List;
import java.util.stream.Collectors;

/** The content has defects; {@link #defects()} lists them all. */
public class InvalidContentException extends ContentException {
    private final transient List<Defect> defects;

    public InvalidContentException(List<Defect> defects) {
        super("the content package has " + defects.size() + " defect(s):\n"
                + defects.stream().map(d -> "  " + d).collect(Collectors.joining("\n")));
        this.defects = List.copyOf(defects);
    }

    public List<Defect> defects() {
        return defects;
    }
}
