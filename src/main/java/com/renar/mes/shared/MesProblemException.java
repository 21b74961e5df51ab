package com.renar.mes.shared;

import java.util.Map;

/**
 * A business rule said no. Modules throw it (or a subtype) with a message written for the person at the
 * terminal; the web layer turns it into a problem+json answer of the given {@link ProblemType}. The message is
 * shown to clients, so it must never carry SQL, class names or stack details.
 */
public class MesProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient Map<String, Object> properties;

    public MesProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public MesProblemException(ProblemType type, String detail, Map<String, Object> properties) {
        super(detail);
        this.type = type;
        this.properties = Map.copyOf(properties);
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public static MesProblemException notFound(String what, Object key) {
        return new MesProblemException(ProblemType.NOT_FOUND, what + " '" + key + "' does not exist");
    }

    public static MesProblemException conflict(String detail) {
        return new MesProblemException(ProblemType.CONFLICT, detail);
    }

    public static MesProblemException unprocessable(String detail) {
        return new MesProblemException(ProblemType.UNPROCESSABLE, detail);
    }
}
